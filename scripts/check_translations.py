"""Check the translations: every string of translations/text.pot translated in every language,
placeholders kept, and the compiled catalogues (text.mo, static/js/i18n/<lang>-<page>.js) up to date.

Exit status 1 with the list of problems if anything is wrong; one summary line per language
otherwise. Run ``make translations`` (scripts/i18n.py compile) after editing a .po file.
"""

import gettext
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import i18n  # noqa: E402
import po  # noqa: E402

# ``{name}`` / ``{name:spec}`` / ``{name!r}`` (``{{`` and ``}}`` are literal braces) and ``%(name)s``.
BRACE_RE = re.compile(r"\{(\w*)(?:![rsa])?(?::[^{}]*)?\}")
PERCENT_RE = re.compile(r"%\((\w+)\)[#0 +\-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]")
NPLURALS_RE = re.compile(r"nplurals\s*=\s*(\d+)")


def placeholders(text):
    """The set of ``{name}`` and ``%(name)s`` placeholders of ``text``."""
    braces = text.replace("{{", "").replace("}}", "")
    percents = text.replace("%%", "")
    return {"{" + name + "}" for name in BRACE_RE.findall(braces)} | {
        "%(" + name + ")s" for name in PERCENT_RE.findall(percents)}


def header_field(header, name):
    for line in (header.msgstr.get(0, "") if header else "").splitlines():
        key, _sep, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return None


def short(text, size=60):
    text = text.replace("\n", "\\n")
    return repr(text if len(text) <= size else text[:size - 1] + "\u2026")


def check_entries(lang, pot_entries, header, entries):
    problems = []
    charset = (header_field(header, "Content-Type") or "").lower()
    if "charset=utf-8" not in charset.replace(" ", ""):
        problems.append(f"header: Content-Type is {charset or 'missing'!r}, expected charset=UTF-8")
    plural_forms = header_field(header, "Plural-Forms")
    match = NPLURALS_RE.search(plural_forms or "")
    nplurals = int(match.group(1)) if match else None
    if nplurals is None:
        problems.append("header: Plural-Forms is missing")
    if header_field(header, "Language") != lang:
        problems.append(f"header: Language is {header_field(header, 'Language')!r}, expected {lang!r}")

    by_id = {e.msgid: e for e in entries}
    pot_ids = {e.msgid for e in pot_entries}
    for source in pot_entries:
        entry = by_id.get(source.msgid)
        label = short(source.msgid)
        if entry is None:
            problems.append(f"missing: {label} (run scripts/i18n.py extract)")
            continue
        if entry.plural != source.plural:
            problems.append(f"plural msgid differs from text.pot: {label}")
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {label}")
        if not entry.msgstr or not all(entry.msgstr.values()):
            problems.append(f"untranslated: {label}")
            continue
        if entry.plural is None:
            allowed = [placeholders(entry.msgid)]
            if set(entry.msgstr) != {0}:
                problems.append(f"plural forms for a singular message: {label}")
        else:
            allowed = [placeholders(entry.msgid), placeholders(entry.plural)]
            if nplurals is not None and sorted(entry.msgstr) != list(range(nplurals)):
                problems.append(f"{len(entry.msgstr)} plural forms instead of {nplurals}: {label}")
        for index, text in sorted(entry.msgstr.items()):
            found = placeholders(text)
            if found not in allowed:
                where = "msgstr" if entry.plural is None else f"msgstr[{index}]"
                expected = " or ".join(sorted({", ".join(sorted(a)) or "none" for a in allowed}))
                problems.append(f"placeholders differ in {where} of {label}: "
                                f"{', '.join(sorted(found)) or 'none'} instead of {expected}")
    for entry in entries:
        if entry.msgid not in pot_ids:
            problems.append(f"not in text.pot (stale entry): {short(entry.msgid)}")
    return problems


def mo_catalog(path):
    with open(path, "rb") as handle:
        return gettext.GNUTranslations(handle)._catalog


def check_compiled(lang, tmp):
    problems = []
    folder = i18n.TRANSLATIONS / lang / "LC_MESSAGES"
    po_path, mo_path = folder / "text.po", folder / "text.mo"
    fresh_mo = tmp / f"{lang}.mo"
    try:
        i18n.run(["msgfmt", "--check-format", "-o", str(fresh_mo), str(po_path)])
    except (subprocess.CalledProcessError, OSError) as exc:
        problems.append(f"msgfmt failed on {po_path.relative_to(i18n.ROOT)}: {exc}")
    else:
        if not mo_path.is_file():
            problems.append(f"{mo_path.relative_to(i18n.ROOT)} is missing (run scripts/i18n.py compile)")
        elif mo_catalog(mo_path) != mo_catalog(fresh_mo):
            problems.append(f"{mo_path.relative_to(i18n.ROOT)} is out of date (run scripts/i18n.py compile)")
    try:
        wanted, stale = i18n.js_catalog_files(lang)
    except Exception as exc:  # noqa: BLE001 - report any failure of the generator
        return [*problems, f"could not build the JavaScript catalogues: {exc!r}"]
    for js_path, fresh_js in wanted.items():
        rel = js_path.relative_to(i18n.ROOT)
        if fresh_js is None:
            if js_path.exists():
                problems.append(f"{rel} holds no string of its page any more (run scripts/i18n.py compile)")
        elif not js_path.is_file():
            problems.append(f"{rel} is missing (run scripts/i18n.py compile)")
        elif js_path.read_text(encoding="utf-8") != fresh_js:
            problems.append(f"{rel} is out of date (run scripts/i18n.py compile)")
    problems += [f"{p.relative_to(i18n.ROOT)} is no page's catalogue (run scripts/i18n.py compile)" for p in stale]
    return problems


def main():
    pot_entries = po.parse(i18n.POT)[1]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for lang in i18n.LANGUAGES:
            po_path = i18n.TRANSLATIONS / lang / "LC_MESSAGES" / "text.po"
            if not po_path.is_file():
                print(f"{lang}: FAILED\n  - {po_path.relative_to(i18n.ROOT)} is missing")
                failed = True
                continue
            header, entries = po.parse(po_path)
            problems = check_entries(lang, pot_entries, header, entries)
            problems += check_compiled(lang, Path(tmp))
            if problems:
                failed = True
                print(f"{lang}: FAILED, {len(problems)} problem(s) in {po_path.relative_to(i18n.ROOT)}:")
                for problem in problems:
                    print(f"  - {problem}")
            else:
                total = len(pot_entries)
                print(f"{lang}: OK, {total}/{total} strings translated, placeholders kept, "
                      f"text.mo and the JavaScript catalogues static/js/i18n/{lang}-*.js up to date")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
