"""A request's JSON as every handler reads it (common/handlers.py ``parse_json``): its strings cleaned
of what XML cannot hold, a lone surrogate refused, whether or not the text needed walking."""

import json
from types import SimpleNamespace

import pytest

from emm_xblocks.common.errors import HandlerError
from emm_xblocks.common.handlers import _RAW_TO_CLEAN, _clean, parse_json
from emm_xblocks.common.olx import XML_ILLEGAL

BLOCK = SimpleNamespace(ugettext=str)

BODIES = [
    '{"answers": {"q1": "a", "q2": ["x", "y"]}, "action_id": "k1"}',  # nothing to clean
    '{"comment": "Line one\\nline two\\t\\"quoted\\" \\\\ done"}',  # escapes that write legal text
    '{"comment": "caf\\u00e9 \\u0644"}',  # \\u escapes of legal characters
    '{"comment": "a\\u000bb\\u0001c"}',  # \\u escapes of characters XML cannot hold
    '{"comment": "a\\bb\\fc"}',  # \\b and \\f write control characters too
    '{"comment": "kept \\\\b and \\\\f and \\\\u0041 as text"}',  # escaped backslashes, then b, f, u
    '{"comment": "raw \ufffe and \uffff"}',  # non-characters XML cannot hold, as they are
    '{"c\\u000bomment": "in a key"}',
    json.dumps({"rows": [[i] for i in range(70)], "text": "plain"}),  # many arrays: walked whatever they hold
]


@pytest.mark.parametrize("body", BODIES)
def test_every_request_is_read_as_when_every_string_was_cleaned(body):
    request = SimpleNamespace(method="POST", body=body.encode("utf-8"))
    assert parse_json(BLOCK, request) == _clean(json.loads(body))


def test_what_xml_cannot_hold_is_dropped_and_a_lone_surrogate_refused():
    read = parse_json(BLOCK, SimpleNamespace(method="POST", body=BODIES[3].encode()))
    assert read == {"comment": "abc"}
    assert parse_json(BLOCK, SimpleNamespace(method="POST", body=BODIES[5].encode())) == {
        "comment": "kept \\b and \\f and \\u0041 as text"}
    with pytest.raises(HandlerError) as err:
        parse_json(BLOCK, SimpleNamespace(method="POST", body=b'{"comment": "\\ud800"}'))
    assert err.value.code == "invalid_json"


def test_the_shortcut_knows_every_character_xml_cannot_hold():
    # json.loads refuses a control character as it is inside a string: the others must be looked for
    assert {c for c in map(chr, range(0x20, 0x10000)) if XML_ILLEGAL.match(c)} == set(_RAW_TO_CLEAN)
    with pytest.raises(HandlerError) as err:
        parse_json(BLOCK, SimpleNamespace(method="POST", body=b'{"comment": "a\x0bb"}'))
    assert err.value.code == "invalid_json"
