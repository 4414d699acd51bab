"""Translations: ``extract`` source strings into translations/<lang>/LC_MESSAGES/text.po,
``compile`` them into text.mo and the JavaScript catalogues static/js/i18n/<lang>-<name>.js.

One catalogue (gettext domain ``text``) holds the strings of Python, templates and JavaScript:
the LMS reads ``text.mo``; the browser gets, for the active language only, the strings of exactly
the scripts its page loads: one JavaScript catalogue per page (``emm_xblocks.common.assets``:
``likert``, ``case-study``... ``studio`` for the editors), so that a learner never downloads the
editors' strings nor another block's (see ``emm_xblocks.common.i18n.js_catalog_path``).
"""

import json
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(1, str(ROOT))
import po  # noqa: E402

from emm_xblocks.common import assets  # noqa: E402 - pure data: which scripts each page loads

LANGUAGES = ["fr", "es", "ar"]
PACKAGE = ROOT / "emm_xblocks"
TRANSLATIONS = ROOT / "translations"
JS_DIR = ROOT / "static" / "js"
POT = TRANSLATIONS / "text.pot"
JS_POT = TRANSLATIONS / "js.pot"  # strings of the learner's JavaScript
JS_STUDIO_POT = TRANSLATIONS / "js-studio.pot"  # strings only the Studio editors use
# name -> (scripts whose strings it holds, scripts whose strings it leaves out), relative to static/
CATALOGS = assets.catalogues()
XGETTEXT = ["xgettext", "--from-code=UTF-8", "--sort-by-file", "--no-wrap", "--add-comments=Translators"]


def python_sources():
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts and "workbench" not in p.parts)


def template_sources():
    return sorted((PACKAGE / "templates").rglob("*.html"))


def is_studio_js(path):
    return path.name.endswith(("-studio.js", "-map.js")) or path.name in ("emm-editor.js", "emm-editor-lines.js")


def js_sources(studio=None):
    """The JavaScript files: all, the learner's (``studio=False``) or the editors' (``True``)."""
    return sorted(p for p in JS_DIR.glob("*.js") if studio is None or is_studio_js(p) == studio)


def run(cmd):
    subprocess.run(cmd, check=True, cwd=ROOT)


def extract():
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=True)
        django.setup()
    from django.utils.translation.template import templatize

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        py_pot, tpl_pot = tmp / "py.pot", tmp / "tpl.pot"
        run([*XGETTEXT, "-L", "Python", "--keyword=N_", "--keyword=_", "--keyword=ugettext",
             "--keyword=ungettext:1,2", "--keyword=ngettext_of:2,3",
             "--keyword=pgettext:2c,3", "-o", str(py_pot), *[str(p.relative_to(ROOT)) for p in python_sources()]])
        converted = []
        for template in template_sources():
            rel = template.relative_to(ROOT)
            out = tmp / (str(rel).replace("/", "__") + ".py")
            out.write_text(templatize(template.read_text(encoding="utf-8"), origin=str(rel)), encoding="utf-8")
            converted.append(str(out))
        run([*XGETTEXT, "-L", "Python", "--keyword=gettext", "--keyword=ngettext:1,2", "--keyword=pgettext:1c,2",
             "-o", str(tpl_pot), *converted])
        text = tpl_pot.read_text(encoding="utf-8")
        for template in template_sources():
            rel = str(template.relative_to(ROOT))
            text = text.replace(str(tmp / (rel.replace("/", "__") + ".py")), rel)
        tpl_pot.write_text(text, encoding="utf-8")
        run([*XGETTEXT, "-L", "JavaScript", "--keyword=_", "--keyword=gettext", "--keyword=ngettext:1,2",
             "-o", str(JS_POT), *[str(p.relative_to(ROOT)) for p in js_sources(studio=False)]])
        run([*XGETTEXT, "-L", "JavaScript", "--keyword=_", "--keyword=gettext", "--keyword=ngettext:1,2",
             "-o", str(JS_STUDIO_POT), *[str(p.relative_to(ROOT)) for p in js_sources(studio=True)]])
        run(["msgcat", "--use-first", "--no-wrap", "--sort-by-file", "-o", str(POT), str(py_pot), str(tpl_pot),
             str(JS_POT), str(JS_STUDIO_POT)])
    for lang in LANGUAGES:
        target = TRANSLATIONS / lang / "LC_MESSAGES" / "text.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            run(["msgmerge", "--quiet", "--update", "--backup=none", "--no-wrap", "--no-fuzzy-matching",
                 str(target), str(POT)])
        else:
            run(["msginit", "--no-translator", "--no-wrap", "-l", lang, "-i", str(POT), "-o", str(target)])
    print(f"extracted {len(po.parse(POT)[1])} strings into {POT.relative_to(ROOT)}")


@cache
def js_msgids(scripts):
    """The msgids that the JavaScript ``scripts`` (paths relative to static/) use, as xgettext
    reads them (none for no script: stylesheets added alone, ``assets.ADDED``)."""
    if not scripts:
        return frozenset()
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "page.pot"  # xgettext writes no file for scripts without strings
        run([*XGETTEXT, "-L", "JavaScript", "--keyword=_", "--keyword=gettext", "--keyword=ngettext:1,2",
             "-o", str(pot), *[str(Path("static") / script) for script in scripts]])
        return frozenset(e.msgid for e in po.parse(pot)[1]) if pot.exists() else frozenset()


def js_catalog(lang, name):
    """The text of ``static/js/i18n/<lang>-<name>.js``: the translated strings of the catalogue's
    scripts (``CATALOGS``) but those it leaves out (a page has them already), or None when that
    leaves none (no file: the page loads no catalogue)."""
    header, entries = po.parse(TRANSLATIONS / lang / "LC_MESSAGES" / "text.po")
    scripts, left_out = CATALOGS[name]
    js_ids = js_msgids(scripts) - (js_msgids(left_out) if left_out else frozenset())
    catalog = {}
    for entry in entries:
        if entry.msgid in js_ids and entry.translated:
            if entry.plural is None:
                catalog[entry.msgid] = entry.msgstr[0]
            else:
                catalog[entry.msgid] = [entry.msgstr[i] for i in sorted(entry.msgstr)]
    if not catalog:
        return None
    plural = po.plural_expression(header)
    data = json.dumps(catalog, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # data only: the lookup (and the fallbacks) live once, in static/js/emm-common.js
    return (
        "/* Generated by scripts/i18n.py from translations/" + lang + "/LC_MESSAGES/text.po: do not edit. */\n"
        "(window.EmmXBlocksCatalogs = window.EmmXBlocksCatalogs || []).push({\n"
        f"  plural: function (n) {{ return Number({plural}); }},\n"
        f"  strings: {data}\n"
        "});\n"
    )


def js_catalog_files(lang):
    """``{path: text}`` of every JavaScript catalogue of ``lang``, None for one that must not exist;
    and the files of static/js/i18n/ for ``lang`` that no catalogue names any more."""
    wanted = {JS_DIR / "i18n" / f"{lang}-{name}.js": js_catalog(lang, name) for name in CATALOGS}
    stale = [p for p in sorted((JS_DIR / "i18n").glob(f"{lang}*.js"))
             if p not in wanted and p.name.split("-")[0].removesuffix(".js") == lang]
    return wanted, stale


def compile_all():
    (JS_DIR / "i18n").mkdir(exist_ok=True)
    for lang in LANGUAGES:
        folder = TRANSLATIONS / lang / "LC_MESSAGES"
        run(["msgfmt", "--check-format", "-o", str(folder / "text.mo"), str(folder / "text.po")])
        wanted, stale = js_catalog_files(lang)
        for path, text in wanted.items():
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")
        for path in stale:
            path.unlink()
    print("compiled " + ", ".join(LANGUAGES))


if __name__ == "__main__":
    {"extract": extract, "compile": compile_all}[sys.argv[1]]()
