"""What each page loads (``emm_xblocks.common.assets``): enough for its scripts to run, and no
string a page does not use in its catalogue (``static/js/i18n/<lang>-<page>.js``).

A learner page loads only the scripts its block uses, so a helper moved to another file, or a
script that starts using a helper its page does not load, would fail in the browser with
"EMM.x is not a function": these tests read the scripts and find it first.
"""

import json
import re
from pathlib import Path

import pytest

from emm_xblocks.common import assets

STATIC = Path(__file__).resolve().parents[2] / "static"
DEFINED = re.compile(r"\bEMM\.(\w+)\s*=(?!=)")
USED = re.compile(r"\bEMM\.(\w+)")
GLOBAL_FUNCTION = re.compile(r"^function (\w+)\s*\(", re.M)


def text(script):
    return (STATIC / script).read_text(encoding="utf-8")


def code(script):
    """The script without its comments (a comment may name a helper of another page)."""
    return re.sub(r"/\*.*?\*/", "", text(script), flags=re.S)


def pages():
    """(name, scripts in load order) of every page and of every page with its added scripts."""
    out = [(assets.catalogue_name(own), assets.page_scripts(own)) for own in assets.HELPERS]
    out += [(f"studio: {own}", assets.page_scripts(own)) for own in assets.EDITORS if assets.is_editor(own)]
    out.append(("studio: js/emm-role-play-studio.js + map",
                (*assets.page_scripts("js/emm-role-play-studio.js"), "js/emm-role-play-map.js")))
    for name, (page, scripts, _styles) in assets.ADDED.items():
        base = [p for p in out if p[0] == page] if page else out[:len(assets.HELPERS)]
        out += [(f"{b[0]} + {name}", (*b[1], *scripts)) for b in base]
    return out


def test_every_listed_file_exists_and_every_script_is_on_a_page():
    listed = {assets.COMMON, *assets.EDITOR_HELPERS, *assets.EDITORS, *assets.HELPERS, *assets.AUTHOR_STYLES,
              *(s for helpers in assets.HELPERS.values() for s in helpers)}
    listed |= {assets.COMMON_STYLE, *(s for styles in assets.STYLES.values() for s in styles)}
    for _page, scripts, styles in assets.ADDED.values():
        listed |= {*scripts, *styles}
    assert all((STATIC / path).is_file() for path in listed), sorted(p for p in listed if not (STATIC / p).is_file())
    shipped = {f"js/{p.name}" for p in (STATIC / "js").glob("*.js")}
    # a script no page lists has its strings in no catalogue
    assert shipped - listed == set()


@pytest.mark.parametrize(("name", "scripts"), pages(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_page_loads_every_helper_its_scripts_use(name, scripts):
    defined = {m for s in scripts for m in DEFINED.findall(code(s))}
    used = {m for s in scripts for m in USED.findall(code(s))}
    assert used - defined == set(), f"{name} uses helpers from a script it does not load"


def test_learner_pages_load_no_editor_nor_another_blocks_script():
    for own in assets.HELPERS:
        scripts = assets.page_scripts(own)
        assert not {*assets.EDITOR_HELPERS, *assets.EDITORS} & set(scripts) - {"js/emm-forms.js"}, own
        assert not any(s.endswith("-studio.js") for s in scripts), own
        others = set(assets.HELPERS) - {own}
        assert not others & set(scripts), own
    # a block's entry function is defined once, by its own script
    entries = {}
    for script in (*assets.HELPERS, *assets.EDITORS):
        for function in GLOBAL_FUNCTION.findall(text(script)):
            entries.setdefault(function, []).append(script)
    assert {f: s for f, s in entries.items() if len(s) > 1} == {}


def catalogue(lang, name):
    path = STATIC / "js" / "i18n" / f"{lang}-{name}.js"
    if not path.is_file():
        return None
    match = re.search(r"strings: (\{.*\})\n\}\);", path.read_text(encoding="utf-8"), re.S)
    return json.loads(match.group(1))


def literal_in(msgid, scripts):
    quoted = json.dumps(msgid, ensure_ascii=False)
    return any(quoted in text(s) for s in scripts)


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_each_catalogue_holds_only_strings_its_page_uses(lang):
    """A learner never downloads the editors' strings nor another block's; an added file's
    catalogue leaves out what its page's catalogue already has (no string sent twice)."""
    for name, (scripts, left_out) in assets.catalogues().items():
        strings = catalogue(lang, name) or {}
        assert all(literal_in(msgid, scripts) for msgid in strings), (name, [
            m for m in strings if not literal_in(m, scripts)])
        if left_out:
            assert not any(literal_in(msgid, left_out) for msgid in strings), name
    # the Likert results panel is the server's HTML (likert/results_html.py): its words come with
    # it, in no page's catalogue; the panel's stylesheets load alone, with no catalogue
    likert = catalogue(lang, "likert")
    assert "Results table" not in likert and "Answered {done} of {total}" in likert
    assert catalogue(lang, "likert-results") is None
    for page in ("likert", "case-study", "role-play", "knowledge-check"):
        # the editors' own strings (emm-editor.js) are never in a learner's catalogue
        assert "Not saved" in catalogue(lang, "studio") and "Not saved" not in catalogue(lang, page)
        assert "Sending…" in catalogue(lang, page)
