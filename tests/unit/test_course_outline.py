"""``emm_xblocks.common.course_outline`` and its wiring (``apps.connect_course_outline``): the
evaluation report reads the course's outline from the platform's ``xmodule.modulestore.django``
``modulestore()`` where that module imports (the LMS and Studio), and counts every described block
elsewhere (the workbench). The report with a deleted block: tests/integration/test_evaluation_report.py."""

import sys
import types

import pytest

from emm_xblocks.apps import connect_course_outline
from emm_xblocks.common import course_outline


@pytest.fixture(autouse=True)
def _disconnected():
    course_outline.disconnect()
    yield
    course_outline.disconnect()


@pytest.mark.parametrize("key,block_id", [
    ("block-v1:EMM+EMM2+2026+type@emm_likert+block@day1", "day1"),
    ("block-v1:EMM+EMM2+2026+branch@published-branch+version@5f1a+type@emm_likert+block@a_b-c.d~e",
     "a_b-c.d~e"),
    ("i4x://EMM/EMM2/emm_likert/day1", "day1")])
def test_a_usage_key_s_block_id(key, block_id):
    assert course_outline.block_id_of(key) == block_id


def test_without_the_platform_nothing_is_connected_and_nothing_left_out():
    assert "xmodule" not in sys.modules  # the tests' (workbench) environment
    assert connect_course_outline() is False
    described = [("block-v1:O+C+R+type@emm_likert+block@gone", {})]
    assert course_outline.in_outline(described, object(), "emm_likert") == described


def test_where_the_platform_s_modulestore_imports_the_report_reads_its_outline(monkeypatch):
    asked = []

    class Store:
        def get_items(self, course_key, **kwargs):
            asked.append((course_key, kwargs))
            return [types.SimpleNamespace(location=types.SimpleNamespace(block_id="kept"))]

    django_module = types.ModuleType("xmodule.modulestore.django")
    django_module.modulestore = Store
    package = types.ModuleType("xmodule.modulestore")
    package.django = django_module
    monkeypatch.setitem(sys.modules, "xmodule", types.ModuleType("xmodule"))
    monkeypatch.setitem(sys.modules, "xmodule.modulestore", package)
    monkeypatch.setitem(sys.modules, "xmodule.modulestore.django", django_module)
    assert connect_course_outline() is True
    described = [("block-v1:O+C+R+type@emm_likert+block@kept", {"n": 1}),
                 ("block-v1:O+C+R+type@emm_likert+block@gone", {"n": 2})]
    course = object()
    assert course_outline.in_outline(described, course, "emm_likert") == described[:1]
    assert asked == [(course, {"qualifiers": {"category": "emm_likert"}, "include_orphans": False})]
    assert course_outline.in_outline(described, None, "emm_likert") == described  # no course key: no outline


def test_the_blocks_set_to_a_value_are_asked_of_the_structure_and_none_where_it_fails(caplog):
    """``blocks_set_to`` hands ``settings`` to ``get_items`` (split matches them on the structure,
    before loading a block: a knowledge check's Studio warning loads only the tests of its pair
    key), answers the items themselves, and None where the store fails (logged)."""
    asked, item = [], types.SimpleNamespace(location=types.SimpleNamespace(block_id="copy"), phase="pre")

    class Store:
        def get_items(self, course_key, **kwargs):
            asked.append((course_key, kwargs))
            return iter([item])

    course = object()
    assert course_outline.blocks_set_to(course, "emm_knowledge_check", pair="day1") is None  # not connected
    course_outline.connect(Store)
    assert course_outline.blocks_set_to(course, "emm_knowledge_check", pair="day1") == [item]
    assert asked == [(course, {"qualifiers": {"category": "emm_knowledge_check"}, "include_orphans": False,
                               "settings": {"pair": "day1"}})]

    class Failing:
        def get_items(self, *args, **kwargs):
            raise RuntimeError("MongoDB is down")

    course_outline.connect(Failing)
    assert course_outline.blocks_set_to(course, "emm_knowledge_check", pair="day1") is None
    assert "nothing is said of its other emm_knowledge_check blocks" in caplog.text
