"""Every translated string is one xgettext can extract (scripts/i18n.py): xgettext does not read
calls inside an f-string's braces, so ``f"{_('Model answer')}"`` stays English in every language
(it did in the case study's results, which put four strings there)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "emm_xblocks"
KEYWORDS = {"_", "N_", "ugettext", "ungettext", "gettext", "ngettext"}


def test_no_translation_call_inside_an_f_string():
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    name = getattr(inner.func, "id", None) or getattr(inner.func, "attr", None)
                    if name in KEYWORDS and inner.args and isinstance(inner.args[0], ast.Constant):
                        found.append(f"{path.relative_to(PACKAGE)}:{inner.lineno} {inner.args[0].value!r}")
    assert found == []
