"""The role-play debrief's split by participant profile (issue 12 §1) beside the split by role,
through the platform-faithful runtime (tests/openedx): the optional profile question with the
choice of a role, "how others chose" and how the scenario ended per profile, small groups withheld
twice over, the staff CSV's profile rows, and the question kept through OLX and an editor save."""

import csv
import io

import pytest

from emm_xblocks.common import summary
from emm_xblocks.common.perspectives import PROFILE_GROUP
from emm_xblocks.models import Answer
from emm_xblocks.role_play import olx
from tests.integration.test_role_play_perspectives import labelled, tables

SCENARIO = """
<emm_role_play display_name="Profils" show_others="{show}" min_group_size="3" attempts_allowed="3">
  <role id="officer" start="meet">Police officer</role>
  <node id="meet"><narrative><![CDATA[<p>MEET</p>]]></narrative>
    <choice goto="good">Refer her</choice>
    <choice goto="bad">Leave her</choice>
  </node>
  <node id="good" ending="true" category="good"><narrative><![CDATA[<p>G</p>]]></narrative></node>
  <node id="bad" ending="true" category="harmful"><narrative><![CDATA[<p>B</p>]]></narrative></node>
  <profile prompt="You work for">
    <option id="gov">Government</option>
    <option id="cso">Civil society</option>
    <option id="io">International organisation</option>
  </profile>
</emm_role_play>
"""
STEP1 = "Step 1: how the participants of each profile who reached it chose"
ENDED = "How the scenario ended for the participants of each profile"


@pytest.fixture
def roleplay(scenario):
    return lambda show="true": scenario(SCENARIO.format(show=show))


def play(handlers, uid, student, label, profile=None):
    data = {"role": "officer"}
    if profile is not None:
        data["profile"] = profile
    r = handlers.post(uid, "begin", data, student=student)
    assert r.status_code == 200, r.content
    r = handlers.post(uid, "choose", {"choice": labelled(r)[label]}, student=student)
    assert r.status_code == 200 and r.json_body["phase"] == "ending", r.content
    return r.json_body["html"]


def play_all(handlers, uid, *groups):
    """Learners play one after another: ``groups`` are ``(profile, [label of each one's choice])``,
    the learners named ``<profile><i>``."""
    for profile, labels in groups:
        for i, label in enumerate(labels):
            play(handlers, uid, f"{profile}{i}", label, profile=profile)


def test_the_choice_of_a_role_asks_the_profile_only_where_others_choices_are_shown(roleplay, handlers):
    html = handlers.view(roleplay()).content
    assert "You work for" in html and 'value="io"' in html
    assert html.index("You work for") < html.index('data-role="officer"')
    hidden = roleplay(show="false")
    assert "You work for" not in handlers.view(hidden).content
    play(handlers, hidden, "ana", "Refer her", profile="gov")  # not kept, nothing stored
    assert not Answer.objects.filter(block_key=hidden).exists()


def test_the_mobile_apps_get_the_question_and_the_learners_answer(roleplay, handlers):
    """As the case study's and the Likert's: the question in the content (asked only where others'
    choices are shown), the learner's answer in their state."""
    uid = roleplay()
    data = handlers.block(uid).student_view_data()  # no learner: the question only
    assert data["profile"] == {"prompt": "You work for", "options": [
        {"id": "gov", "text": "Government"}, {"id": "cso", "text": "Civil society"},
        {"id": "io", "text": "International organisation"}]}
    assert handlers.get(uid, "student_view_user_state", student="ana").json()["profile"] == ""
    play(handlers, uid, "ana", "Refer her", profile="io")
    assert handlers.get(uid, "student_view_user_state", student="ana").json()["profile"] == "io"
    hidden = roleplay(show="false")
    assert handlers.block(hidden).student_view_data()["profile"] is None
    play(handlers, hidden, "ana", "Refer her", profile="gov")
    assert handlers.get(hidden, "student_view_user_state", student="ana").json()["profile"] == ""


def test_the_debrief_splits_each_decision_and_the_endings_by_profile(roleplay, handlers):
    uid = roleplay()
    play_all(handlers, uid, ("gov", ["Refer her"] * 3 + ["Leave her"]), ("cso", ["Leave her"] * 3))
    play(handlers, uid, "quiet0", "Leave her")  # did not say: 1, below 3
    html = play(handlers, uid, "io0", "Refer her", profile="io")  # 1, below 3
    found = tables(html)
    # io (1) and "did not say" (1) together hold 2 < 3: cso (3), the smallest shown, goes too
    assert found[STEP1][0] == ["Choice", "Government 4 participants",
                               "Civil society not shown, to protect a smaller group",
                               "International organisation (your profile) fewer than 3 participants: not shown",
                               "Did not say fewer than 3 participants: not shown"]
    assert found[STEP1][1] == ["Refer her (your choice)", "75%", "not shown", "not shown", "not shown"]
    assert found[ENDED][1][:2] == ["Government 4 participants", "75%"]
    assert "By participant profile: You work for" in html
    # the role split stays as it was: one role, no table by role
    assert "How the other roles saw it" not in html
    # the rows: each submission's profile as one more row, and the summary split by it
    assert Answer.objects.filter(block_key=uid, group=PROFILE_GROUP).count() == 8
    assert summary.profile_tallies(uid)["gov"]["meet"] == {"0": 3, "1": 1}


def test_an_unknown_profile_is_refused_and_nothing_starts(roleplay, handlers):
    uid = roleplay()
    r = handlers.post(uid, "begin", {"role": "officer", "profile": "police"}, student="ana")
    assert r.status_code == 400 and r.json_body["error"] == "unknown_profile"
    assert handlers.block(uid, "ana").role == "" and handlers.block(uid, "ana").attempts == 0


def test_staff_csv_has_the_profile_rows_after_the_roles(roleplay, handlers):
    uid = roleplay()
    play_all(handlers, uid, ("gov", ["Refer her"] * 3), ("cso", ["Leave her"] * 3))
    r = handlers.get(uid, "export_perspectives", student="staff_1")
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    # the column holds roles, then profiles: named for both (trial s32: « Rôle » held "Vous travaillez pour : Autre")
    assert rows[0][3] == "Role or profile"
    assert ["meet", "MEET", "Refer her", "You work for: Government", "3", "3", "100"] in rows
    assert ["meet", "MEET", "Leave her", "You work for: Civil society", "3", "3", "100"] in rows
    assert ["Ending", "", "Good practice", "You work for: Government", "3", "3", "100"] in rows
    # the profile row each submission carries is no decision: never listed as a removed node's choices
    assert not [row for row in rows if PROFILE_GROUP in row[0] or "Removed node" in row[1]]
    r = handlers.get(uid, "export_perspectives", student="gov0")
    assert r.status_code == 403 and r.json()["error"] == "staff_only"
    # the staff's link under the page says what the file holds, as the case study's does
    page = handlers.view(uid, "student_view", student="staff_1").body_html()
    assert "Download how each role chose, and by profile (CSV, staff only)</a> · <a " in page
    assert "export_perspectives" not in handlers.view(uid, "student_view", student="gov0").body_html()


def test_the_question_survives_olx_and_a_save_from_the_editor(roleplay, handlers):
    uid = roleplay()
    block = handlers.block(uid)
    read = olx.from_xml(olx.to_xml(block.load_content()))
    assert read.profile_prompt == "You work for" and [o.id for o in read.profile_options] == ["gov", "cso", "io"]
    form = dict(block.editor_module.to_editor(block.load_content()))
    form.pop("xml")
    form["display_name"] = "Renamed"
    r = handlers.post(uid, "studio_submit", form, student="staff_1")
    assert r.status_code == 200, r.content
    saved = handlers.block(uid).load_content()
    assert saved.display_name == "Renamed" and [o.text for o in saved.profile_options][0] == "Government"


def remove_io(handlers, uid):
    """The author removes the profile option "io" in Studio once learners gave it: the save is
    held with its warning (``changes.answer_changes``), then confirmed."""
    block = handlers.block(uid)
    form = dict(block.editor_module.to_editor(block.load_content()))
    form.pop("xml")
    form["profile_options"] = [{"id": "gov", "text": "Government"}, {"id": "cso", "text": "Civil society"}]
    r = handlers.post(uid, "studio_submit", form, student="staff_1")
    assert r.status_code == 409 and r.json_body["error"] == "answers_touched", r.content
    [warning] = r.json_body["problems"]
    assert warning["field"] == "profile_options" and warning["message"] == (
        "Profile option “io” was removed: the participants who chose it are still counted under that id, in a "
        "group of their own in “how others chose” by profile.")
    r = handlers.post(uid, "studio_submit", {**form, "confirm": True}, student="staff_1")
    assert r.status_code == 200, r.content
    assert [o.id for o in handlers.block(uid).load_content().profile_options] == ["gov", "cso"]


def test_a_removed_profile_options_participants_keep_a_group_of_their_own(roleplay, handlers):
    """As the Likert's and the case study's figures keep them (``common.profile.group_keys``):
    named by the option's old id, after the current options, before who did not say, in the
    learner's debrief and in the staff CSV, withheld below the minimum group size."""
    uid = roleplay()
    play_all(handlers, uid, ("gov", ["Refer her"] * 3), ("cso", ["Leave her"] * 3),
             ("io", ["Refer her", "Leave her", "Leave her"]))
    remove_io(handlers, uid)
    html = play(handlers, uid, "gov3", "Refer her", profile="gov")
    found = tables(html)
    assert found[STEP1][:2] == [["Choice", "Government (your profile) 4 participants", "Civil society 3 participants",
                                 "io (removed option) 3 participants"],
                                ["Refer her (your choice)", "100%", "0%", "33%"]]
    assert found[ENDED][1:] == [["Government (your profile) 4 participants", "100%", "0%"],
                                ["Civil society 3 participants", "0%", "100%"],
                                ["io (removed option) 3 participants", "33%", "67%"]]
    r = handlers.get(uid, "export_perspectives", student="staff_1")
    assert r.status_code == 200
    assert "filename*=UTF-8''Profils%20-%20choices%20by%20role%20and%20by%20profile.csv" in r["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert ["meet", "MEET", "Leave her", "You work for: io (removed option)", "3", "2", "67"] in rows
    assert ["Ending", "", "Harmful practice", "You work for: io (removed option)", "3", "2", "67"] in rows
    assert [row[3] for row in rows if row[:3] == ["meet", "MEET", "Refer her"]] == [
        "Police officer", "You work for: Government", "You work for: Civil society",
        "You work for: io (removed option)"]


def test_a_removed_profile_options_small_group_is_withheld_and_protected(roleplay, handlers):
    uid = roleplay()
    play_all(handlers, uid, ("gov", ["Refer her"] * 3), ("cso", ["Leave her"] * 4))
    play(handlers, uid, "io0", "Leave her", profile="io")  # 1, below 3
    remove_io(handlers, uid)
    html = play(handlers, uid, "cso4", "Leave her", profile="cso")
    # io (1) alone could be worked out from the overall figures: gov (3), the smallest shown, goes too
    assert tables(html)[STEP1][0] == ["Choice", "Government not shown, to protect a smaller group",
                                      "Civil society (your profile) 5 participants",
                                      "io (removed option) fewer than 3 participants: not shown"]
    rows = list(csv.reader(io.StringIO(handlers.get(uid, "export_perspectives", student="staff_1")
                                       .content.decode("utf-8-sig"))))
    assert ["meet", "MEET", "Leave her", "You work for: io (removed option)", "fewer than 3", "", ""] in rows
    assert ["meet", "MEET", "Leave her", "You work for: Government", "not shown", "", ""] in rows
    assert ["meet", "MEET", "Leave her", "You work for: Civil society", "5", "5", "100"] in rows
