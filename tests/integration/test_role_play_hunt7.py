"""Bug hunt 7 (role-play, both sides): what an author types and a learner then meets."""

from tests.integration.test_role_play_handlers import labelled

# a role-play that only takes points away: the careful path costs nothing, the harmful one 3 points
PENALTIES = """
<emm_role_play display_name="Penalties">
  <band min="0">Reconsider how you handled this.</band>
  <band min="100">Excellent: you followed the protocol.</band>
  <role id="r1" start="a">Officer</role>
  <node id="a"><narrative>A family arrives.</narrative>
    <choice goto="good">Listen first</choice>
    <choice goto="bad" points="-3">Turn them away</choice>
  </node>
  <node id="good" ending="true" category="good"><narrative>Good</narrative><debrief>GOOD-DEBRIEF</debrief></node>
  <node id="bad" ending="true" category="harmful"><narrative>Bad</narrative><debrief>BAD-DEBRIEF</debrief></node>
</emm_role_play>
"""


def test_a_scenario_that_only_takes_points_away_is_said_in_studio_and_keeps_its_documented_score(scenario, handlers,
                                                                                                    events):
    """Scoring by penalties (0 for the right choice, -3 for the harmful one) is a common way to
    write a scenario. The best score of the role is then 0, and ``paths.score`` makes every ending
    "full marks": the learner who turned the family away reads "Your score: 100 %" and the top
    band's "Excellent: you followed the protocol.", and the LMS gets 1/1. Nothing told the author.

    Adjusted by the fix (decision 114): the documented scoring stays (with nothing to earn, an
    ending is full marks: changing it would change recorded grades), so the harmful path still
    scores 100 %; Studio's check now warns at the role that every ending will score full marks and
    the bands below the top never show, and says what to do (give the careful choices points)."""
    uid = scenario(PENALTIES)
    r = handlers.post(uid, "begin", {"role": "r1"})
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Turn them away"]})
    assert r.json_body["phase"] == "ending" and "BAD-DEBRIEF" in r.json_body["html"]
    assert events.grades[-1]["raw_earned"] == 1.0 and "Excellent" in r.json_body["html"]  # as documented
    check = handlers.post(uid, "studio_validate", {"xml": PENALTIES}, student="staff_1")
    [warned] = [p for p in check.json_body["problems"] if p["field"].startswith("roles.")]
    assert warned["field"] == "roles.0.start" and not warned["error"] and warned["code"] == "penalties_only"
    assert "every ending will score full marks" in warned["message"]
    assert "bands below the top one will never show" in warned["message"]
    assert "Give the careful choices points" in warned["message"]


TYPOS = """
<emm_role_play display_name="Typos">
  <role id="r1" start="a">Officer</role>
  <node id="a"><narrative>A family arrives.</narrative>
    <choice goto="end" point="2">Listen first</choice>
    <choice goto="end">Turn them away</choice>
    <choise goto="end">Call the supervisor</choise>
  </node>
  <node id="end" ending="true" catgory="good"><narrative>The end</narrative><debreif>What went well</debreif></node>
</emm_role_play>
"""


def test_the_xml_tab_drops_a_misspelt_attribute_or_element_and_says_no_problems_found(scenario, handlers):
    """In "Edit as XML" an author writes ``point="2"`` for ``points``, ``<choise>``, ``catgory`` and
    ``<debreif>``: "Check" answers "No problems found." (no problem at all), the conversion to the
    form shows the choice worth 0, no third choice, no category and no debrief, and Save keeps it
    so: the author's points, a choice and the debrief are lost without a word."""
    uid = scenario(TYPOS)
    check = handlers.post(uid, "studio_validate", {"xml": TYPOS}, student="staff_1")
    assert check.status_code == 200
    said = " ".join(p["message"] for p in check.json_body["problems"])
    convert = handlers.post(uid, "studio_convert", {"xml": TYPOS}, student="staff_1").json_body["scenario"]
    assert convert is not None and convert["nodes"][0]["choices"][0]["points"] == 0  # "point" dropped
    assert len(convert["nodes"][0]["choices"]) == 2 and convert["nodes"][1]["debrief"] == ""  # <choise>, <debreif>
    for typed in ("point", "choise", "catgory", "debreif"):
        assert typed in said, f"nothing says “{typed}” was not read: {check.json_body['problems']}"


# a desk the learner may leave for the archive and come back to (a loop without points), then decide
LOOP = """
<emm_role_play display_name="Loop" show_others="true" min_group_size="2">
  <role id="r1" start="desk">Officer</role>
  <node id="desk"><narrative>At the desk.</narrative>
    <choice goto="archive">Check the archive first</choice>
    <choice goto="end" points="1">Register the family</choice>
  </node>
  <node id="archive"><narrative>In the archive.</narrative>
    <choice goto="desk">Back to the desk</choice>
  </node>
  <node id="end" ending="true" category="good"><narrative>Done</narrative><debrief>DEBRIEF</debrief></node>
</emm_role_play>
"""


def test_a_step_on_a_node_passed_twice_says_nobody_chose_what_everyone_chose_there(scenario, handlers):
    """Two learners play the same path: desk → "Check the archive first" → archive → "Back to the
    desk" → desk → "Register the family". Every one of them chose "Check the archive first" at step
    1, yet the debrief writes beside it "(0% of 2 participants chose this)": the store keeps one
    answer a node (the last, ``perspectives.recorded``) and ``others.shares`` reads each step of the
    path against it, so the first visit is compared with the choice made on the second."""
    uid = scenario(LOOP)
    path = ["Check the archive first", "Back to the desk", "Register the family"]
    for student in ("student_1", "student_2"):
        r = handlers.post(uid, "begin", {"role": "r1"}, student=student)
        for label in path:
            r = handlers.post(uid, "choose", {"choice": labelled(r)[label]}, student=student)
    html = r.json_body["html"]
    assert r.json_body["phase"] == "ending" and "DEBRIEF" in html
    first = html[html.index("Check the archive first"):html.index("Back to the desk")]
    assert "0% of 2 participants" not in first, f"step 1 of the learner's own path: {first!r}"


def _eight_decisions():
    """Eight steps in a row, each with three choices (harmful -1, hasty 0, careful +2), no condition
    anywhere: the best path is "Careful" eight times, 16 points."""
    nodes = []
    for i in range(8):
        goto = f"n{i + 1}" if i < 7 else "end"
        nodes.append(f'<node id="n{i}"><narrative>Step {i}</narrative>'
                     f'<choice goto="{goto}" points="-1">Harmful {i}</choice>'
                     f'<choice goto="{goto}">Hasty {i}</choice>'
                     f'<choice goto="{goto}" points="2">Careful {i}</choice></node>')
    return ('<emm_role_play display_name="Eight decisions"><role id="r1" start="n0">Officer</role>'
            + "".join(nodes)
            + '<node id="end" ending="true" category="good"><narrative>Done</narrative>'
              '<debrief>DEBRIEF</debrief></node></emm_role_play>')


def test_eight_plain_decisions_show_a_wrong_best_path_and_a_warning_of_a_condition_that_does_not_exist(scenario,
                                                                                                      handlers):
    """A scenario of eight decisions of three choices, without a single condition. The debrief's
    "The best path" is searched depth first with a budget of 5,000 steps
    (``paths.playable_best_route``, ``ROUTE_BUDGET``): 3^8 paths exhaust it, and the best found so
    far is shown. The learner who chose "Careful" eight times (100 %) reads under "The best path"
    "Harmful 0, Careful 1, …" (13 of 16 points), and Studio's check warns the author that
    "a condition is never met" (``full_marks_unreachable``) in a scenario that has none."""
    xml = _eight_decisions()
    uid = scenario(xml)
    check = handlers.post(uid, "studio_validate", {"xml": xml}, student="staff_1").json_body["problems"]
    r = handlers.post(uid, "begin", {"role": "r1"})
    for i in range(8):
        r = handlers.post(uid, "choose", {"choice": labelled(r)[f"Careful {i}"]})
    html = r.json_body["html"]
    assert r.json_body["phase"] == "ending" and "100%" in html
    best = html[html.index("The best path"):]
    best = best[:best.index("</ol>")]
    assert "Harmful" not in best and "Hasty" not in best, f"the best path shown: {best!r}"
    assert [p for p in check if p.get("code") == "full_marks_unreachable"] == [], check
