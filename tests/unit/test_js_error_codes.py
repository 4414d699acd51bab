"""The error codes the JavaScript branches on (``EMM.CODES`` in static/js/emm-common.js for learner
pages, ``EMM.EDITOR_CODES`` in emm-editor.js for the editors) are codes the server really sends,
and the codes the browser makes up itself (``EMM.LOCAL_CODES``) are never
one of them: the two sides cannot drift apart unnoticed. (ESLint refuses a code compared with a
string literal in the JavaScript, so every code the JavaScript uses is in the registry.)
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMON_JS = ROOT / "static" / "js" / "emm-common.js"
EDITOR_JS = ROOT / "static" / "js" / "emm-editor.js"
FILES = {"CODES": COMMON_JS, "LOCAL_CODES": COMMON_JS, "EDITOR_CODES": EDITOR_JS}
PACKAGE = ROOT / "emm_xblocks"


def registry(name):
    """``{NAME: "code"}`` of ``EMM.<name> = Object.freeze({...});`` in its file (``FILES``)."""
    source = FILES[name].read_text(encoding="utf-8")
    block = re.search(r"EMM\." + name + r"\s*=\s*Object\.freeze\(\{(.*?)\}\);", source, re.S)
    assert block, f"EMM.{name} = Object.freeze({{...}}) not found in {FILES[name].name}"
    body = re.sub(r"/\*.*?\*/", "", block.group(1), flags=re.S)
    pairs = dict(re.findall(r"([A-Z_]+)\s*:\s*\"([a-z_]+)\"", body))
    entries = [e for e in body.split(",") if e.strip()]
    assert len(pairs) == len(entries), f"EMM.{name}: every entry is NAME: \"code\" ({entries})"
    return pairs


def python_string_literals():
    """Every string literal quoted in the package's Python code, once."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        found.update(re.findall(r"[\"']([a-z_]+)[\"']", path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("name", ["CODES", "EDITOR_CODES"])
def test_every_code_the_javascript_compares_is_sent_by_the_server(name):
    codes = registry(name)
    assert len(codes) >= 3  # the parse found the registry
    literals = python_string_literals()
    missing = sorted(code for code in codes.values() if code not in literals)
    assert not missing, f"EMM.{name} lists codes no Python code under emm_xblocks/ sends: {missing}"


def test_the_browsers_own_codes_are_not_server_codes():
    local = registry("LOCAL_CODES")
    assert set(local.values()) >= {"network", "bad_response"}
    clash = sorted(set(local.values()) & python_string_literals())
    assert not clash, f"EMM.LOCAL_CODES would be mistaken for the server's codes: {clash}"
    assert not set(local.values()) & set(registry("CODES").values())
    assert not set(local.values()) & set(registry("EDITOR_CODES").values())
    assert not set(registry("CODES").values()) & set(registry("EDITOR_CODES").values())


def test_each_name_says_its_code():
    for name in FILES:
        for key, code in registry(name).items():
            assert key == code.upper(), f"EMM.{name}.{key} is {code!r}"


def test_the_refusals_a_page_sends_again_are_the_registrys():
    """A kept action refused with one of ``codes.AGAIN`` waits and goes again; any other refusal
    is final (decision 22): the browser's list (``EMM.AGAIN``) is the registry's."""
    from emm_xblocks.common import codes

    block = re.search(r"EMM\.AGAIN\s*=\s*\[(.*?)\];", COMMON_JS.read_text(encoding="utf-8"), re.S)
    assert block, "EMM.AGAIN = [...] not found in emm-common.js"
    assert set(re.findall(r"\"([a-z_]+)\"", block.group(1))) == codes.AGAIN
    assert codes.AGAIN <= set(codes.STATUS)
    assert not codes.AGAIN & set(registry("LOCAL_CODES").values())


def test_every_code_a_learner_page_may_branch_on_is_branched_on():
    """No dead entry: each of ``EMM.CODES`` is compared by some script (``EMM.CODES.<NAME>``)."""
    scripts = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "static" / "js").glob("emm-*.js"))
    unused = sorted(name for name in registry("CODES") if not re.search(r"\bCODES\." + name + r"\b", scripts))
    assert not unused, f"EMM.CODES lists codes no script compares: {unused}"

