"""A small reader for gettext .po files (enough for catalogues we write ourselves)."""

import ast
import re

PLURAL_RE = re.compile(r"plural=(.*?);?\s*$")


class Entry:
    def __init__(self):
        self.msgid = None
        self.plural = None
        self.msgstr = {}
        self.flags = set()
        self.references = []

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def translated(self):
        return bool(self.msgstr) and all(self.msgstr.values()) and not self.fuzzy


def _unquote(text):
    return ast.literal_eval(text)


def parse(path):
    """Return ``(header, entries)``; obsolete (``#~``) entries are skipped."""
    entries, entry, field = [], Entry(), None
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()

    def flush():
        nonlocal entry
        if entry.msgid is not None:
            entries.append(entry)
        entry = Entry()

    for line in lines:
        line = line.strip()
        if not line:
            flush()
            field = None
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#,"):
            entry.flags.update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#:"):
            entry.references.extend(line[2:].split())
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural "):
            entry.plural, field = _unquote(line[13:]), "plural"
        elif line.startswith("msgid "):
            if entry.msgid is not None and field not in (None, "msgid"):
                flush()
            entry.msgid, field = _unquote(line[6:]), "msgid"
        elif line.startswith("msgstr["):
            index = int(line[7:line.index("]")])
            entry.msgstr[index] = _unquote(line[line.index("]") + 2:])
            field = ("msgstr", index)
        elif line.startswith("msgstr "):
            entry.msgstr[0] = _unquote(line[7:])
            field = ("msgstr", 0)
        elif line.startswith('"'):
            text = _unquote(line)
            if field == "msgid":
                entry.msgid += text
            elif field == "plural":
                entry.plural += text
            elif isinstance(field, tuple):
                entry.msgstr[field[1]] += text
    flush()
    header = next((e for e in entries if e.msgid == ""), None)
    return header, [e for e in entries if e.msgid]


def plural_expression(header):
    """The C expression of ``Plural-Forms`` (also valid JavaScript)."""
    text = header.msgstr.get(0, "") if header else ""
    for line in text.splitlines():
        if line.lower().startswith("plural-forms:"):
            match = PLURAL_RE.search(line)
            if match:
                return match.group(1).strip()
    return "n != 1"
