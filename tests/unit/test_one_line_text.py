"""One-line text (``common/text.py``): runs of white space made one space and the ends trimmed,
French typography's no-break spaces kept (U+00A0, the narrow U+202F, the figure space U+2007),
and every one-line normalisation of the package going through it."""

import ast
import sys
from pathlib import Path

import pytest

from emm_xblocks.common.sanitize import plain_text
from emm_xblocks.common.text import NO_BREAK, one_line

PACKAGE = Path(__file__).resolve().parents[2] / "emm_xblocks"
NB, NNB, FIGURE = "\u00a0", "\u202f", "\u2007"


@pytest.mark.parametrize("typed, kept", [
    (f"Jour 1 – que savez-vous{NB}? (test initial)", f"Jour 1 – que savez-vous{NB}? (test initial)"),
    (f"«{NB}Bienvenue{NB}»", f"«{NB}Bienvenue{NB}»"),
    (f"Attention{NNB}: 40{NNB}km{NNB}!", f"Attention{NNB}: 40{NNB}km{NNB}!"),
    (f"1{FIGURE}000 personnes", f"1{FIGURE}000 personnes"),
    (f"a{NB}{NB}b", f"a{NB}{NB}b"),  # as typed: two stay two
])
def test_no_break_spaces_are_kept(typed, kept):
    assert one_line(typed) == kept


@pytest.mark.parametrize("typed, kept", [
    ("a  b", "a b"),
    ("a \t\x0b\x0c b", "a b"),
    ("a\u2003\u3000\u2009b", "a b"),  # an em space, an ideographic one, a thin one: breakable, joined
    ("a\nb", "a b"),
    ("a\r\n   b\u2028c\u2029d\x85e", "a b c d e"),
    ("  a b \n", "a b"),
    (f"{NB} a {NNB}", "a"),  # at the ends a no-break space holds nothing together
    ("\n \t", ""),
    (None, ""),
    ("", ""),
])
def test_ordinary_white_space_runs_are_one_space_and_the_ends_trimmed(typed, kept):
    assert one_line(typed) == kept


@pytest.mark.parametrize("typed, kept", [
    (f"vous {NB}?", f"vous{NB}?"),
    (f"«{NB}\n    Jour", f"«{NB}Jour"),
    (f"a \t{NNB}\n{NB} b", f"a{NNB}{NB}b"),
])
def test_a_run_holding_no_break_spaces_keeps_them_alone(typed, kept):
    """The decision (common/text.py): ordinary spaces beside a no-break one are dropped, so the
    "?" or the "«" is still held to its word."""
    assert one_line(typed) == kept


def test_every_character_is_white_space_as_python_sees_it_or_text():
    """``"a" + c + c + "b"``: joined to ``"a b"`` for white space (str.isspace), kept whole for a
    no-break space and for everything else (a zero-width space, a byte-order mark are not white)."""
    wrong = []
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        typed = f"a{c}{c}b"
        expected = "a b" if c.isspace() and c not in NO_BREAK else typed
        if one_line(typed) != expected:
            wrong.append(hex(code))
    assert wrong == []
    assert sorted(NO_BREAK) == [NB, FIGURE, NNB]


def test_one_line_is_stable():
    for typed in (f" a \n{NB} b  c{NNB}\t?", f"{NB}{NB}", "x"):
        assert one_line(one_line(typed)) == one_line(typed)


def test_plain_text_of_author_html_keeps_its_no_break_spaces():
    """A prompt's text in a report or a results panel: ``&nbsp;`` and the character itself kept."""
    assert plain_text(f"<p>Que faire&nbsp;?</p>\n<p>«{NNB}Agir{NNB}»</p>") == f"Que faire{NB}? «{NNB}Agir{NNB}»"


def _joined_splits(tree):
    """``" ".join(x.split())`` calls (str.split with no separator takes a no-break space as white)."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join"
                and isinstance(node.func.value, ast.Constant) and node.func.value.value == " "
                and len(node.args) == 1 and isinstance(node.args[0], ast.Call)
                and isinstance(node.args[0].func, ast.Attribute) and node.args[0].func.attr == "split"
                and not node.args[0].args):
            yield node.lineno


def test_no_module_makes_text_one_line_its_own_way():
    found = [f"{path.relative_to(PACKAGE)}:{line}" for path in sorted(PACKAGE.rglob("*.py"))
             for line in _joined_splits(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == [], "call common.text.one_line, which keeps French typography's no-break spaces"
