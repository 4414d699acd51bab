#!/usr/bin/env python3
"""The files pages load: ``static/min/``, a minified copy of each script and stylesheet of ``static/``.

Pages load ``static/min/<path>`` for the file written at ``static/<path>``
(``emm_xblocks.common.assets.served``): its comments and the spaces no browser needs taken out by
rjsmin and rcssmin, nothing renamed, nothing reordered, nothing added. ``static/min/`` is committed
beside the sources, as the strings catalogues are, so that a wheel built by any tool holds it; the
tests check that it is current (``tests/unit/test_served_files.py``) and that each copy is its
source token for token (``tests/js/served-files.test.js``). Decision 69.

    python scripts/assets.py build   # write static/min/ anew from the sources (make assets)
    python scripts/assets.py check   # list each copy missing, stale or without a source; exit 1 if any
"""

import sys
from pathlib import Path

import rcssmin
import rjsmin

STATIC = Path(__file__).resolve().parent.parent / "static"
SERVED = "min"


def sources():
    """``[path relative to static/]`` of every script and stylesheet written by hand or by
    ``scripts/i18n.py`` (the catalogues), sorted; ``static/min/`` itself left out."""
    return sorted(str(p.relative_to(STATIC)) for p in STATIC.rglob("*")
                  if p.suffix in (".js", ".css") and p.relative_to(STATIC).parts[0] != SERVED)


def minified(path):
    """The text ``static/min/<path>`` holds for the source ``static/<path>`` (str)."""
    text = (STATIC / path).read_text(encoding="utf-8")
    return (rcssmin.cssmin(text) if path.endswith(".css") else rjsmin.jsmin(text)) + "\n"


def problems():
    """``[(path under static/min/, what is wrong)]``: a copy missing or not its source's
    ``minified`` text, or a copy whose source is gone."""
    out = []
    wanted = set(sources())
    for path in sorted(wanted):
        copy = STATIC / SERVED / path
        if not copy.exists():
            out.append((path, "missing"))
        elif copy.read_text(encoding="utf-8") != minified(path):
            out.append((path, "stale"))
    for copy in sorted((STATIC / SERVED).rglob("*")):
        if copy.is_file() and str(copy.relative_to(STATIC / SERVED)) not in wanted:
            out.append((str(copy.relative_to(STATIC / SERVED)), "no source"))
    return out


def build():
    """Write every copy anew; remove the copies whose source is gone. Returns how many written."""
    for path, what in problems():
        if what == "no source":
            (STATIC / SERVED / path).unlink()
    written = 0
    for path in sources():
        copy = STATIC / SERVED / path
        copy.parent.mkdir(parents=True, exist_ok=True)
        text = minified(path)
        if not copy.exists() or copy.read_text(encoding="utf-8") != text:
            copy.write_text(text, encoding="utf-8")
            written += 1
    return written


def main(argv):
    if argv[1:] == ["build"]:
        print(f"static/{SERVED}/: {build()} file(s) written, {len(sources())} in all")
        return 0
    if argv[1:] == ["check"]:
        found = problems()
        for path, what in found:
            print(f"static/{SERVED}/{path}: {what} (run make assets)")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
