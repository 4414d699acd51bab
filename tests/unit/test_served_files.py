"""The files pages load, ``static/min/`` (decision 69): current, and each the code of its source.

Pages load the minified copy of each script and stylesheet (``common.assets.served``), written by
``scripts/assets.py`` and committed. Here: every copy is what the minifier writes from its source
now (a script edited without ``make assets`` fails), and each stylesheet's copy is its source rule
for rule, declaration for declaration, token for token, read back by tinycss2 (a CSS parser other
than the minifier). The scripts' copies are compared token for token by a JavaScript parser in
``tests/js/served-files.test.js``.
"""

import importlib.util
from pathlib import Path

import pytest
import tinycss2

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("emm_assets_script", ROOT / "scripts" / "assets.py")
assets_script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(assets_script)

STYLESHEETS = [p for p in assets_script.sources() if p.endswith(".css")]


def test_every_served_copy_is_what_the_minifier_writes_from_its_source_now():
    problems = assets_script.problems()
    assert problems == [], f"static/min/ is not current, run `make assets`: {problems}"
    assert len(assets_script.sources()) >= 40  # every script, stylesheet and catalogue of static/


def test_a_source_edited_without_make_assets_is_found(tmp_path, monkeypatch):
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "a.js").write_text("/* a */\nvar a = 1;\n", encoding="utf-8")
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "gone.css").write_text(".x { color: red; }\n", encoding="utf-8")
    monkeypatch.setattr(assets_script, "STATIC", tmp_path)
    assert assets_script.problems() == [("css/gone.css", "missing"), ("js/a.js", "missing")]
    assert assets_script.build() == 2
    assert (tmp_path / "min" / "js" / "a.js").read_text(encoding="utf-8") == "var a=1;\n"
    assert assets_script.problems() == []
    (tmp_path / "js" / "a.js").write_text("var a = 2;\n", encoding="utf-8")
    (tmp_path / "css" / "gone.css").unlink()
    assert assets_script.problems() == [("js/a.js", "stale"), ("css/gone.css", "no source")]
    assets_script.build()
    assert assets_script.problems() == [] and not (tmp_path / "min" / "css" / "gone.css").exists()


# whitespace the grammar ignores: next to these literals, and at the ends of a list or block
SELECTOR_SPACE = {",", ">", "+", "~"}
VALUE_SPACE = {",", "/"}
# in these, a space around + or - is the grammar's: only one beside a comma may go
MATH = {"calc", "min", "max", "clamp"}


def _tokens(seq, loose):
    """``seq`` (tinycss2 tokens) as comparable items, whitespace kept only where it can matter."""
    items = []
    for t in seq:
        if t.type == "comment":
            continue
        if t.type == "whitespace":
            items.append(" ")
        elif t.type in ("() block", "[] block", "{} block"):
            items.append((t.type, tuple(_tokens(t.content, loose | {":"} if t.type == "() block" else loose))))
        elif t.type == "function":
            inner = {","} if t.lower_name in MATH else loose
            items.append(("function", t.lower_name, tuple(_tokens(t.arguments, inner))))
        else:
            items.append((t.type, t.serialize()))
    kept = []
    for i, item in enumerate(items):
        if item == " ":
            before, after = (items[i - 1] if i else None), (items[i + 1] if i + 1 < len(items) else None)
            if before in (None, " ") or after is None or any(
                    n is not None and n[0] == "literal" and n[1] in loose for n in (before, after)):
                continue
        kept.append(item)
    return kept


def _rules(rules):
    """Rules and declarations (a block's contents, ``tinycss2.parse_blocks_contents``), comparable."""
    out = []
    for rule in rules:
        if rule.type in ("comment", "whitespace"):
            continue
        assert rule.type != "error", rule
        if rule.type == "declaration":
            out.append((rule.lower_name, tuple(_tokens(rule.value, VALUE_SPACE)), rule.important))
        elif rule.type == "qualified-rule":
            out.append(("rule", tuple(_tokens(rule.prelude, SELECTOR_SPACE)), _contents(rule.content)))
        else:  # an at-rule: @media, @keyframes, @page and its margin boxes...
            inner = _contents(rule.content) if rule.content is not None else None
            out.append(("@" + rule.lower_at_keyword, tuple(_tokens(rule.prelude, SELECTOR_SPACE)), inner))
    return tuple(out)


def _contents(content):
    return _rules(tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True))


def stylesheet(text):
    """The rules of a stylesheet's text, comparable: ``(("rule", selector, declarations), ...)``."""
    return _rules(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))


@pytest.mark.parametrize("path", STYLESHEETS)
def test_a_stylesheet_s_copy_is_its_source_token_for_token(path):
    source = (ROOT / "static" / path).read_text(encoding="utf-8")
    copy = (ROOT / "static" / "min" / path).read_text(encoding="utf-8")
    assert stylesheet(copy) == stylesheet(source)
    assert len(copy) < len(source)


@pytest.mark.parametrize("path", STYLESHEETS)
def test_a_stylesheet_names_no_file_by_a_relative_address(path):
    """Its copy is one folder deeper (``static/min/css/``): ``url(../x.svg)`` or ``@import "x.css"``
    would name another file there. None is needed: the look is drawn in CSS."""
    rules = tinycss2.parse_stylesheet((ROOT / "static" / path).read_text(encoding="utf-8"), skip_comments=True)
    assert not [r for r in rules if r.type == "at-rule" and r.lower_at_keyword == "import"]
    text = (ROOT / "static" / path).read_text(encoding="utf-8")
    assert "url(" not in text.replace(" ", "").lower(), path


def test_the_comparison_sees_a_selector_or_a_value_changed():
    base = stylesheet(".emm fieldset, .a > b { margin: 0 auto; grid: minmax(0, 1fr) / 1fr }")
    assert stylesheet(".emm fieldset,.a>b{margin:0 auto;grid:minmax(0,1fr)/1fr}") == base
    assert stylesheet(".emm fieldset,.a>b{margin:0 auto;grid:minmax(0,1fr)/1fr;}") == base
    assert stylesheet(".emmfieldset,.a>b{margin:0 auto;grid:minmax(0,1fr)/1fr}") != base
    assert stylesheet(".emm fieldset,.a b{margin:0 auto;grid:minmax(0,1fr)/1fr}") != base
    assert stylesheet(".emm fieldset,.a>b{margin:0auto;grid:minmax(0,1fr)/1fr}") != base
    assert stylesheet(".a :hover{x:y}") != stylesheet(".a:hover{x:y}")
    assert stylesheet("@media (min-width: calc(var(--a) + 1em)) {.x{a:b}}") != stylesheet(
        "@media (min-width:calc(var(--a)+1em)){.x{a:b}}")
    assert stylesheet(".x { a: calc(1em + 2px) }") != stylesheet(".x{a:calc(1em+2px)}")
    media = stylesheet("@media (min-width: 30em) { .x { a: b } }")
    assert stylesheet("@media (min-width:30em){.x{a:b}}") == media
    assert stylesheet("@media (min-width:31em){.x{a:b}}") != media
