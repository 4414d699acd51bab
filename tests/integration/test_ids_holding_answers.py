"""Decision 91 extended: a case study's key point, a role-play's role and a knowledge check's
question or option removed while learners' answers are stored keeps its id (``common.retired``);
an item added later under it with other words is held, "Save anyway" gives it a fresh id, the
editor skips it and an export keeps it. Through the platform-faithful runtime (tests/openedx)."""

import json
import re

from emm_xblocks.case_study import editor as case_editor
from emm_xblocks.knowledge_check import editor as check_editor
from emm_xblocks.role_play import editor as role_play_editor
from tests.integration.platform_blocks import CASE, ROLE_PLAY, play, visible_text
from tests.integration.test_evaluation_report import platform  # noqa: F401 - every block, in English
from tests.integration.test_knowledge_check import CHECK, RIGHT, visible
from tests.integration.test_knowledge_check_question_rates import q3_rates
from tests.integration.test_results_after_edits import form, save
from tests.openedx import rescore
from tests.openedx.instructor import problem_responses


def editor_args(platform, key):  # noqa: F811
    """The init args of the block's Studio editor (what ``EmmEditor.nextId`` is given)."""
    author = platform.studio_editor(platform.user("author", role="staff"))
    return json.loads(re.search(r'<script type="json/xblock-args" class="xblock-json-init-args">(.*?)</script>',
                                author.render(key).body_html(), re.S).group(1))


def held_at(refused, field):
    """The one warning of a refused save (409 ``answers_touched``) at ``field``."""
    assert refused.status == 409 and refused.json["error"] == "answers_touched", refused.json
    [message] = [p["message"] for p in refused.json["problems"] if p["field"] == field]
    return message


# ------------------------------------------------------------------ a case study's key points
KEY_POINTS = CASE.format(extra='attempts_allowed="3"', more="""
  <question id="q3" type="reflection" points="2">
    <prompt><![CDATA[<p>Write.</p>]]></prompt>
    <model_answer><![CDATA[<p>Model.</p>]]></model_answer>
    <key_point id="k1">Name the risk</key_point>
    <key_point id="k2">Refer her to protection services</key_point>
  </question>""")


def key_point_box(html, text):
    """The learner's self-assessment checkbox of the key point that reads ``text``."""
    return re.search(r'<p class="emm-check">(?:(?!</p>).)*' + re.escape(text) + "</label></p>", html, re.S).group(0)


def test_a_key_point_added_under_the_id_of_one_removed_since_learners_ticked_it_is_held_and_kept_apart(
        platform):  # noqa: F811
    """Bug hunt (course's life): Lea ticks "Refer her to protection services" (k2) in her
    self-assessment; the author removes it, then adds "Ask about her family", which the editor names
    k2 again. Her page showed the new key point ticked, and a rescore gave her its points. Now the
    removal is held (her tick no longer counts), the new key point is held at its id, "Save anyway"
    gives it k3, the editor skips k2, and the old words under k2 bring her tick back."""
    key = platform.add(KEY_POINTS, platform.subsection(graded=True))
    lea = platform.user("lea")
    assert platform.lms(lea).handle(key, "submit", {"answers": {"q1": "a", "q3": "Some words."}}).status == 200
    assert platform.lms(lea).handle(key, "self_assess", {"ticks": {"q3": ["k2"]}}).status == 200
    assert platform.gradebook(lea, key)["raw_earned"] == 3.0  # 2 + half of 2

    data = form(platform, key, case_editor)
    del data["questions"][1]["key_points"][1]
    removed = held_at(save(platform, key, data), "questions.1.key_points")
    assert removed.startswith("Question 2: key point “k2” was removed: the self-assessments that ticked it no "
                              "longer count it.")
    assert save(platform, key, data, confirm=True).status == 200

    data = form(platform, key, case_editor)
    data["questions"][1]["key_points"].append({"id": "k2", "text": "Ask about her family"})
    warning = held_at(save(platform, key, data), "questions.1.key_points.1.id")
    assert "“Refer her to protection services”" in warning and "the id “k3”" in warning
    assert save(platform, key, data, confirm=True).status == 200
    assert '<key_point id="k3">Ask about her family</key_point>' in platform.export(key)
    assert ' checked' not in key_point_box(platform.lms(lea).html(key), "Ask about her family")
    assert rescore(platform, key, only_if_higher=False) == {"lea": "succeeded"}
    assert platform.gradebook(lea, key)["raw_earned"] == 2.0  # her tick is not one of the new key point
    args = editor_args(platform, key)
    assert args["retired_ids"] == {"key_points": ["k2"]} and "retired_ids" not in args["content"]

    data = form(platform, key, case_editor)
    data["questions"][1]["key_points"].append({"id": "k2", "text": "Refer her to protection services"})
    assert save(platform, key, data).status == 200  # the key point back: hers again, nothing held
    assert ' checked' in key_point_box(platform.lms(lea).html(key), "Refer her to protection services")
    assert 'value="k2"' not in platform.export(key)


# ------------------------------------------------------------------ a role-play's roles
TWO_ROLES = ROLE_PLAY.format(extra='attempts_allowed="3"').replace(
    '<role id="r1" start="n-start">Officer</role>',
    '<role id="r1" start="n-start">Officer</role><role id="r2" start="n-start">Social worker</role>')


def test_a_role_added_under_the_id_of_one_removed_since_learners_played_it_is_held_and_kept_apart(
        platform):  # noqa: F811
    """Bug hunt (course's life): Rita plays "Social worker" (r2) to the end; the author removes the
    role (it was not even warned of), then adds "Interpreter", which the editor names r2 again: her
    results and the staff report then said she played the interpreter. Now the removal is held, the
    new role is held at its id, "Save anyway" gives it r3, and her attempt stays the removed role's."""
    key = platform.add(TWO_ROLES, platform.subsection(graded=True))
    rita = platform.user("rita")
    play(platform.lms(rita), key, ["Listen first", "Finish"], role="r2")

    data = form(platform, key, role_play_editor)
    del data["xml"]  # the form's structure, not its "Edit as XML" tab
    del data["roles"][1]
    removed = held_at(save(platform, key, data), "roles")
    assert removed == ("Role “r2” was removed: learners part-way in it choose a role again, learners who finished "
                       "keep their result, and their attempts stay under its id, a role of their own in the staff "
                       "reports.")
    assert save(platform, key, data, confirm=True).status == 200

    data = form(platform, key, role_play_editor)
    del data["xml"]
    data["roles"].append({"id": "r2", "label": "Interpreter", "start": "n-start", "brief": ""})
    warning = held_at(save(platform, key, data), "roles.1.id")
    assert "“Social worker”" in warning and "the id “r3”" in warning
    assert save(platform, key, data, confirm=True).status == 200
    exported = platform.export(key)
    assert '<role id="r3" start="n-start">Interpreter</role>' in exported and 'value="r2"' in exported
    assert "Interpreter" not in visible_text(platform.lms(rita).html(key))
    rows, _columns = problem_responses(platform, key)
    assert [row["Role name"] for row in rows] == ["r2 (removed role)"]
    assert editor_args(platform, key)["retired_ids"] == {"roles": ["r2"]}


# ------------------------------------------------------------------ a knowledge check's questions
def test_a_question_added_under_the_id_of_one_removed_since_a_pair_was_taken_is_held_and_kept_apart(
        platform):  # noqa: F811
    """Bug hunt (course's life): two learners took both tests with q1 and q2; the author removes q2
    from both, then adds another question that the editor names q2 again. The pair's "correct before
    / after" rates gave it the removed question's marks (100 %, of learners never asked it). Now it
    is held at its id, "Save anyway" gives it q3 in both tests, the rates say it was asked of nobody
    yet, and a course re-imported from the export keeps q2 apart."""
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra='min_group_size="1"'), section)
    post = platform.add(CHECK.format(phase="post", pair="day1", extra='min_group_size="1"'), section)
    for name in ("ana", "ben"):
        learner = platform.lms(platform.user(name))
        assert learner.handle(pre, "submit", RIGHT).status == 200
        assert learner.handle(post, "submit", RIGHT).status == 200
    for test in (pre, post):
        data = form(platform, test, check_editor)
        del data["questions"][1]
        assert save(platform, test, data, confirm=True).status == 200
    platform.reimport(pre, platform.export(pre))  # the course imported again: its retired ids with it

    for test in (pre, post):
        data = form(platform, test, check_editor)
        data["questions"].append(dict(data["questions"][0], id="q2", prompt="<p>THIRD QUESTION</p>"))
        warning = held_at(save(platform, test, data), "questions.1.id")
        assert "“Which describe trafficking?”" in warning and "the id “q3”" in warning
        assert save(platform, test, data, confirm=True).status == 200
        assert '<question id="q3" type="single">' in platform.export(test)
        assert editor_args(platform, test)["retired_ids"] == {"questions": ["q2"],
                                                               "options": ["exploit", "person", "consent"]}
    panel = visible(platform.lms(platform.user("staff_1", role="staff")).html(post))
    assert q3_rates(panel[panel.index("Staff:"):]) == ("—", "—")  # asked of nobody yet
