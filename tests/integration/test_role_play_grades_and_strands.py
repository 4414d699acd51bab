"""The role-play through its handlers (platform-faithful runtime): which attempt counts and what a
new one can cost, said on the page; bands once no attempt is left; a learner at a node where every
choice is closed is always offered a way on; figures per locale."""

import pytest

from emm_xblocks.models import Claim
from tests.integration.test_role_play_handlers import SMALL, labelled, play


@pytest.fixture
def small(scenario):
    return lambda extra="": scenario(SMALL.format(extra=extra))


NBSP = "\xa0"

STRANDS = """
<emm_role_play display_name="Strands" {extra}>
  <role id="r1" start="a">Officer</role>
  <node id="a"><narrative>AT-A</narrative>
    <choice goto="b" points="-2">Rush</choice><choice goto="c" points="3">Listen</choice></node>
  <node id="c"><narrative>AT-C</narrative><choice goto="b">Go on</choice></node>
  <node id="b"><narrative>AT-B</narrative>
    <choice goto="end" if_visited="c">Refer</choice><choice goto="end" min_points="1">Report</choice></node>
  <node id="end" ending="true"><narrative>AT-END</narrative><debrief>DEBRIEF</debrief></node>
</emm_role_play>
"""


@pytest.fixture
def strands(scenario):
    return lambda extra="": scenario(STRANDS.format(extra=extra))


# ------------------------------------------------------------------ scenarios never strand
def test_a_learner_with_every_choice_closed_is_offered_back_and_a_free_restart(strands, handlers):
    uid = strands('attempts_allowed="1"')  # imported as is: going back is not allowed, one attempt
    r = handlers.post(uid, "begin", {"role": "r1"})
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Rush"]})  # -2 points, c not visited
    html = r.json_body["html"]
    assert r.status_code == 200 and "AT-B" in html and "data-stranded" in html
    assert labelled(r) == {}  # nothing offered...
    assert "data-back" in html and "data-restart" in html  # ...but two ways on
    assert "data-confirm" not in html  # starting again from here costs nothing: no question
    # the consequence first, then where the learner is
    assert r.json_body["announcement"] == "You chose: Rush. Step 2. No choice is open to you at this step."

    back = handlers.post(uid, "back")
    assert back.status_code == 200 and "AT-A" in back.json_body["html"]
    assert handlers.post(uid, "back").json_body["error"] == "back_not_allowed"  # only from a closed node

    r = handlers.post(uid, "choose", {"choice": labelled(back)["Rush"]})
    again = handlers.post(uid, "restart")
    assert again.status_code == 200 and "AT-A" in again.json_body["html"]
    block = handlers.block(uid)
    assert block.attempts == 1 and block.path == ["a"]  # the same attempt, none spent
    assert Claim.objects.filter(block_key=uid).count() == 1
    r = handlers.post(uid, "choose", {"choice": labelled(again)["Listen"]})
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Go on"]})
    assert set(labelled(r)) == {"Refer", "Report"}
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Refer"]})
    assert r.json_body["phase"] == "ending"


TRAP = """
<emm_role_play display_name="Piège" attempts_allowed="1">
  <role id="r1" start="a">Agent</role>
  <node id="a"><narrative>AT-A</narrative>
    <choice goto="refer" points="1">Écouter</choice><choice goto="refer">Se presser</choice></node>
  <node id="refer"><narrative>AT-REFER</narrative>
    <choice goto="good" points="2" min_points="1">Orienter</choice><choice goto="think">Réfléchir encore</choice></node>
  <node id="think"><narrative>AT-THINK</narrative><choice goto="refer">Revenir</choice></node>
  <node id="good" ending="true"><narrative>AT-END</narrative><debrief>DEBRIEF</debrief></node>
</emm_role_play>
"""


def test_a_learner_caught_in_a_loop_whose_way_out_stays_closed_is_offered_a_way_on(scenario, handlers):
    """Bug hunt (hunt3), decision 25 ("a learner with no attempts left can always go on"): at "refer"
    with 0 points the one open choice leads round the loop "think" -> "refer", whose only way out asks
    for a point no step of the loop gives. Every node offers a choice, so the page saw no stranding:
    no "Go back one step" (going back is off), no "Start again" (no attempt left), no ending, ever:
    the attempt never ends, nothing is graded nor completed."""
    uid = scenario(TRAP)
    r = handlers.post(uid, "begin", {"role": "r1"}, lang="fr")
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Se presser"]}, lang="fr")
    for _round in range(3):  # round and round: always one choice, never an ending
        assert list(labelled(r)) == ["Réfléchir encore"]
        r = handlers.post(uid, "choose", {"choice": labelled(r)["Réfléchir encore"]}, lang="fr")
        r = handlers.post(uid, "choose", {"choice": labelled(r)["Revenir"]}, lang="fr")
    html = r.json_body["html"]
    assert "data-back" in html or "data-restart" in html, "no way on: the learner goes round for ever"
    assert "data-back" in html and "data-restart" in html and "data-confirm" not in html
    assert r.json_body["announcement"].endswith("Aucun des choix qui vous sont ouverts à cette étape ne peut mener "
                                                "à un dénouement.")
    again = handlers.post(uid, "restart", lang="fr")  # the same attempt, at the start: none spent
    assert again.status_code == 200 and "AT-A" in again.json_body["html"]
    assert handlers.block(uid).attempts == 1
    r = handlers.post(uid, "choose", {"choice": labelled(again)["Écouter"]}, lang="fr")
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Orienter"]}, lang="fr")
    assert r.json_body["phase"] == "ending"


def test_the_editor_refuses_to_save_a_stranding_and_names_a_path_there(strands, handlers):
    uid = strands()
    r = handlers.post(uid, "studio_submit", {"xml": STRANDS.format(extra="")}, student="staff_1")
    assert r.status_code == 400
    [problem] = [p for p in r.json_body["problems"] if p.get("code") == "stranded"]
    assert problem["error"] and "“b”" in problem["message"] and "a → b" in problem["message"]


# ------------------------------------------------------------------ grades explained
def test_under_last_attempt_counts_the_page_warns_before_a_retry_that_can_lower_the_grade(small, handlers):
    uid = small('grade_policy="last" attempts_allowed="3"')
    html = play(handlers, uid, ["Good move", "Finish well"]).json_body["html"]  # 3 of 7: 43 %
    assert "Your score: 43% (3 points out of 7)" in html
    assert "Your last attempt counts for your grade." in html
    warning = "A new attempt replaces your grade, even if it scores less than your 43% now."
    assert f'data-retry-warning>{warning}</p>' in html
    assert f'data-confirm="{warning} Start a new attempt? You will have 1 attempt left after it."' in html
    # mid-attempt the notice is not repeated at every step; "Start again" still asks the same
    mid = handlers.post(uid, "restart").json_body["html"]
    assert "data-retry-warning" not in mid
    assert f'data-confirm="{warning} Start your last attempt? You will not be able to try again after it."' in mid


HALF_POINT = """
<emm_role_play display_name="Half" grade_policy="last" attempts_allowed="2">
  <role id="r1" start="a">Officer</role>
  <node id="a"><narrative>AT-A</narrative>
    <choice goto="end" points="23">Fair</choice><choice goto="end" points="40">Best</choice></node>
  <node id="end" ending="true"><narrative>AT-END</narrative><debrief>DEBRIEF</debrief></node>
</emm_role_play>
"""


def test_a_score_of_half_a_per_cent_is_rounded_up_as_everywhere(scenario, handlers):
    # 23 of 40 is 57.5 %: shown 58 % like every figure of the package (half up), not 57 % as
    # 100 * (23 / 40) = 57.49999999999999 would be
    html = play(handlers, scenario(HALF_POINT), ["Fair"]).json_body["html"]
    assert "Your score: 58% (23 points out of 40)" in html
    assert "even if it scores less than your 58% now" in html


def test_under_best_attempt_counts_a_poor_last_attempt_shows_the_score_that_still_counts(small, handlers):
    uid = small('attempts_allowed="3"')
    play(handlers, uid, ["Good move", "Finish well"])  # 43 %
    r = handlers.post(uid, "restart")  # one role: the new attempt starts at once
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Bad move"]})
    html = handlers.post(uid, "choose", {"choice": labelled(r)["Carry on"]}).json_body["html"]
    assert "Your score: 0% (0 points out of 7)" in html
    assert "Your best attempt counts for your grade." in html
    assert "<strong data-counted>Your grade keeps your best attempt: 43%.</strong>" in html
    assert "data-retry-warning" not in html  # a new attempt cannot lower it
    assert ('data-confirm="A new attempt cannot lower your grade: your best score so far, 43%, counts unless the '
            'new attempt scores more. Start your last attempt? You will not be able to try again after it."') in html


def test_with_no_attempt_left_the_band_and_the_page_say_the_grade_is_final(scenario, handlers):
    xml = SMALL.format(extra='attempts_allowed="1"').replace(
        '<role id="r1"', '<band min="0" final="Read the best path below.">Start again and look for a better path.'
                         '</band>\n  <role id="r1"')
    uid = scenario(xml)
    html = play(handlers, uid, ["Good move", "Finish well"]).json_body["html"]
    assert "Read the best path below." in html and "Start again and look" not in html
    assert "You have no attempts left: your grade stays 43%." in html
    assert "data-restart" not in html and "data-retry-warning" not in html


def test_an_attempt_s_band_still_invites_a_new_one_while_attempts_remain(scenario, handlers):
    xml = SMALL.format(extra='attempts_allowed="2"').replace(
        '<role id="r1"', '<band min="0" final="Read the best path below.">Start again and look for a better path.'
                         '</band>\n  <role id="r1"')
    html = play(handlers, scenario(xml), ["Good move", "Finish well"]).json_body["html"]
    assert "Start again and look for a better path." in html and "Read the best path" not in html


def test_scores_are_written_per_locale(small, handlers):
    uid = small()
    r = handlers.post(uid, "begin", {"role": "r1"}, lang="fr")
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Good move"]}, lang="fr")
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Finish well"]}, lang="fr")
    assert f"43{NBSP}%" in r.json_body["html"] and f"43{NBSP}%" in r.json_body["announcement"]
    assert "43%" not in r.json_body["html"]


def test_the_author_preview_counts_points_with_cldr_plurals(small, handlers):
    html = handlers.view(small(), view="author_view", student="staff_1").body_html()
    # each choice's label isolated, the author's words in their own direction (decision 56)
    assert "<bdi>Bad move</bdi> → n-bad (-3 points)" in html and "<bdi>Good move</bdi> → n-mid (2 points)" in html
    assert "best score 7 points" in html
    assert "with at least 99 points" in html


def test_the_best_path_to_an_ending_that_kept_its_old_choices_is_full_marks(scenario, handlers, events):
    """Bug hunt (hunt3): "end" was an ordinary node before the author ticked "ending"; its choice
    stayed (the editor shows it, the check warns "learners will never see them"). Its points still
    counted in the best score: the learner who took the best path read "40 % (2 points sur 5)" and
    the gradebook got 0.4."""
    uid = scenario("""
<emm_role_play display_name="Fin">
  <role id="r1" start="a">Agent</role>
  <node id="a"><narrative>AT-A</narrative>
    <choice goto="end" points="2">Orienter</choice><choice goto="other">Attendre</choice></node>
  <node id="end" ending="true" category="good"><narrative>AT-END</narrative><debrief>DEBRIEF</debrief>
    <choice goto="other" points="3">Suivre le dossier</choice></node>
  <node id="other" ending="true"><narrative>AT-OTHER</narrative><debrief>DEBRIEF</debrief></node>
</emm_role_play>
""")
    r = handlers.post(uid, "begin", {"role": "r1"}, lang="fr")
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Orienter"]}, lang="fr")
    assert r.json_body["phase"] == "ending"
    assert events.grades[-1]["raw_earned"] == 1.0, events.grades
    assert f"100{NBSP}%" in r.json_body["announcement"], r.json_body["announcement"]
