"""The role-play as Open edX runs it: views that never write, the mobile contract, show-correctness,
exact scores, and the platform's inherited settings (issues 7 and 8)."""

import pytest

from tests.integration.test_role_play_handlers import (
    labelled,
    play,
    remove_mid_node,
    small,  # noqa: F401 (a fixture)
)


def test_views_and_the_state_handler_show_a_repair_without_writing_it(small, handlers):  # noqa: F811
    uid = small()
    play(handlers, uid, ["Good move"])
    assert remove_mid_node(handlers, uid).status_code == 200
    page = handlers.view(uid).content
    assert "changed" in page and "START-TEXT" in page
    r = handlers.post(uid, "state")
    assert r.status_code == 200 and "changed" in r.json_body["announcement"] and r.json_body["step"] == 1
    stored = handlers.block(uid)
    assert stored.path == ["n-start", "n-mid"] and stored.taken == [0]  # shown, never written
    # the learner's next action keeps the repair, and the choice they saw on the repaired page counts
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Good move"]})
    assert r.status_code == 200 and r.json_body["phase"] == "ending"
    assert handlers.block(uid).path == ["n-start", "n-good"]


def test_a_choice_from_a_page_older_than_the_edit_gets_the_repaired_attempt(small, handlers):  # noqa: F811
    uid = small()
    r = play(handlers, uid, ["Good move"])
    stale = labelled(r)["Finish well"]  # offered at n-mid, step 2
    assert remove_mid_node(handlers, uid).status_code == 200
    r = handlers.post(uid, "choose", {"choice": stale})
    assert r.status_code == 200 and "changed" in r.json_body["announcement"] and "START-TEXT" in r.json_body["html"]
    assert handlers.block(uid).path == ["n-start"]  # the repair is kept, the stale choice is not taken


def test_student_view_data_is_content_only_and_the_learner_state_is_its_own_handler(small, handlers):  # noqa: F811
    uid = small('attempts_allowed="3" allow_back="true" estimated_minutes="15"')
    data = handlers.block(uid).student_view_data()
    assert data == {"display_name": "Small", "content_language": "", "intro": "",
                    "roles": [{"id": "r1", "label": "Officer", "brief": ""}],
                    "attempts_allowed": 3, "allow_back": True, "estimated_minutes": 15, "profile": None}

    def user_state(student="student_1"):
        r = handlers.get(uid, "student_view_user_state", student=student)
        assert r.status_code == 200
        return r.json()

    assert user_state() == {"role": "", "step": 0, "ended": False, "attempts": 0, "attempts_left": 3,
                            "score": None, "max_score": 1.0, "grade_held": False, "profile": "", "refusal": None}
    play(handlers, uid, ["Good move", "Finish well"])
    state = user_state()
    assert state["role"] == "r1" and state["ended"] and state["step"] == 3 and state["attempts_left"] == 2
    assert state["score"] == pytest.approx(3 / 7) and state["grade_held"] is False


def test_scores_are_published_exact_never_rounded(scenario, handlers, events):
    """2 of 3 points at weight 3 must show as 2 points, not 2.0001 (0.6667 x 3)."""
    uid = scenario('<emm_role_play display_name="Thirds" weight="3"><role id="r" start="a">R</role>'
                   '<node id="a"><narrative>A</narrative><choice goto="b" points="2">Two</choice>'
                   '<choice goto="end" points="3">Three</choice></node>'
                   '<node id="b"><narrative>B</narrative><choice goto="end">On</choice></node>'
                   '<node id="end" ending="true"><narrative>End</narrative></node></emm_role_play>')
    r = handlers.post(uid, "begin", {"role": "r"})
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Two"]})
    r = handlers.post(uid, "choose", {"choice": labelled(r)["On"]})
    assert r.json_body["phase"] == "ending" and "67%" in r.json_body["html"]
    assert events.grades[-1]["raw_earned"] == 2 / 3 and events.grades[-1]["raw_possible"] == 1.0
    block = handlers.block(uid)
    assert block.calculate_score().raw_earned * block.weight == 2.0
    assert block.get_score().raw_earned == 2 / 3


@pytest.mark.parametrize("setting,student,shown", [
    ("never", "student_1", False),
    ("never", "staff_1", False),  # "never" hides it from course staff too (ShowCorrectness)
    ("always", "student_1", True),
    ("past_due", "staff_1", True),  # staff see it before the due date
])
def test_show_correctness_hides_the_score_at_the_ending(small, handlers, setting, student, shown):  # noqa: F811
    """The subsection's ``show_correctness``, inherited through the platform's ``InheritanceMixin``
    (``xmodule/modulestore/inheritance.py``)."""
    uid = small()
    handlers.subsection_settings(uid, show_correctness=setting)
    r = play(handlers, uid, ["Good move", "Finish well"], student=student).json_body
    assert r["phase"] == "ending" and "GOOD-DEBRIEF" in r["html"]
    assert ("43%" in r["html"]) is shown and ("43%" in r["announcement"]) is shown
    assert ("43%" in handlers.view(uid, student=student).content) is shown
    state = handlers.get(uid, "student_view_user_state", student=student).json()
    assert (state["score"] is not None) is shown


def test_an_inherited_max_attempts_neither_limits_nor_crashes(small, handlers):  # noqa: F811
    """A course-wide "Maximum attempts" (the platform's inherited ``max_attempts``), or an explicit
    null there, is not the role-play's ``attempts_allowed``."""
    uid = small()
    play(handlers, uid, ["Bad move", "Carry on"])
    for inherited in (1, None):
        handlers.subsection_settings(uid, max_attempts=inherited)
        assert handlers.block(uid).attempts_allowed == 0
        assert "data-restart" in handlers.view(uid).content
    r = handlers.post(uid, "restart", {})
    assert r.status_code == 200 and r.json_body["phase"] == "node"
    handlers.author_settings(uid, attempts_allowed=None)  # an explicit None in our own field: the default
    assert "data-restart" in handlers.view(uid).content
