"""One code for one situation (issue 12): a staff-only thing (a CSV, the facilitator pack, the live
room) asked for by anyone but course staff is refused with 403 ``staff_only`` everywhere, never
``forbidden`` in one handler and ``staff_only`` in the next. Read from the package's source: a
staff check that refuses must refuse with ``staff_only``."""

import re
from pathlib import Path

from emm_xblocks.common import codes
from emm_xblocks.common.errors import staff_only

PACKAGE = Path(__file__).resolve().parents[2] / "emm_xblocks"
STAFF_CHECK = re.compile(r"if not (?:platform\.is_staff\(\w+\)|(?:self|block)\.is_staff\(\)):\n(.*)\n")


def test_the_refusal_carries_the_registered_code_and_a_message():
    error = staff_only(lambda s: s)
    assert (error.status, error.code) == (403, "staff_only") and codes.STATUS["staff_only"] == 403
    assert error.message == "Only course staff can do this."


def test_every_staff_check_that_refuses_answers_staff_only():
    refusals = []
    for path in PACKAGE.rglob("*.py"):
        for line in STAFF_CHECK.findall(path.read_text(encoding="utf-8")):
            if "HandlerError" in line or "staff_only" in line:
                refusals.append((path.name, line.strip()))
    # errors.staff_refusal (the one check of every staff CSV, the pack, the day's answers), the live room
    assert len(refusals) >= 2 and {"errors.py", "live_room.py"} <= {name for name, _line in refusals}
    for name in ("downloads.py", "pack.py", "answers_by_day.py"):
        assert "staff_refusal(" in PACKAGE.joinpath("common", name).read_text(encoding="utf-8"), name
    wrong = [r for r in refusals if "staff_only" not in r[1]]
    assert not wrong, f"a staff-only refusal with another code: {wrong}"


def test_every_staff_download_goes_through_the_one_staff_check():
    """Each block's ``export.<x>_response`` (the answer of an ``export_<x>`` handler) hands its file to
    ``common.downloads.csv_download``, which refuses anyone but course staff: none serves one itself."""
    import ast

    responses = {}
    for path in PACKAGE.glob("*/export.py"):
        if path.parent.name == "common":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.endswith("_response"):
                calls = {getattr(c.func, "id", None) for c in ast.walk(node) if isinstance(c, ast.Call)}
                responses[f"{path.parent.name}.{node.name}"] = "csv_download" in calls
    assert len(responses) >= 6 and all(responses.values()), responses
