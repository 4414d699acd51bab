"""The role-play block through the platform-faithful runtime (tests/openedx)."""

import json
import re
from dataclasses import replace
from importlib.resources import files

import pytest
from lxml import etree

from emm_xblocks.models import Answer, Claim
from emm_xblocks.role_play import editor, learner, marks, olx, paths, report, scoring

SMALL = """
<emm_role_play display_name="Small" {extra}>
  <role id="r1" start="n-start">Officer</role>
  <node id="n-start"><narrative><![CDATA[<p>START-TEXT</p>]]></narrative>
    <choice goto="n-mid" points="2">Good move<consequence><![CDATA[<p>GOOD-CONSEQUENCE</p>]]></consequence></choice>
    <choice goto="n-bad" points="-3">Bad move<consequence><![CDATA[<p>BAD-CONSEQUENCE</p>]]></consequence></choice>
  </node>
  <node id="n-mid"><narrative><![CDATA[<p>MID-TEXT</p>]]></narrative>
    <choice goto="n-good" points="1">Finish well</choice>
    <choice goto="n-good" points="5" if_visited="n-bad">Secret shortcut</choice>
    <choice goto="n-good" points="1" min_points="99">Rich path</choice>
  </node>
  <node id="n-bad"><narrative><![CDATA[<p>BAD-TEXT</p>]]></narrative>
    <choice goto="n-harm">Carry on</choice>
  </node>
  <node id="n-good" ending="true" category="good"><narrative><![CDATA[<p>GOOD-END</p>]]></narrative>
    <debrief><![CDATA[<p>GOOD-DEBRIEF</p>]]></debrief></node>
  <node id="n-harm" ending="true" category="harmful"><narrative><![CDATA[<p>HARM-END</p>]]></narrative>
    <debrief><![CDATA[<p>HARM-DEBRIEF</p>]]></debrief></node>
</emm_role_play>
"""

TOKEN_RE = re.compile(r'data-choice="([0-9a-f]+)"')


@pytest.fixture
def small(scenario):
    return lambda extra="": scenario(SMALL.format(extra=extra))


def tokens(response):
    return TOKEN_RE.findall(response.json_body["html"])


def labelled(response):
    """``{label: token}`` of the offered choices."""
    html = response.json_body["html"]
    return {m.group(2).strip(): m.group(1)
            for m in re.finditer(r'data-choice="([0-9a-f]+)">([^<]*)</button>', html)}


def token(block, step, node_id, index):
    """The opaque id the block gives choice ``index`` of ``node_id`` at ``step`` of the learner's attempt."""
    mark = marks.mark(block.load_content().node(node_id).choices[index])  # the token names the choice too
    return learner.choice_token(block.choice_secret(), block.attempts, step, node_id, index, mark)


def play(handlers, uid, labels, student="student_1"):
    r = handlers.post(uid, "begin", {"role": "r1"}, student=student)
    assert r.status_code == 200, r.content
    for label in labels:
        r = handlers.post(uid, "choose", {"choice": labelled(r)[label]}, student=student)
        assert r.status_code == 200, r.content
    return r


def test_start_shows_only_the_current_node(small, handlers, events):
    uid = small()
    r = handlers.post(uid, "begin", {"role": "r1"})
    assert r.status_code == 200 and r.json_body["phase"] == "node"
    html = r.json_body["html"]
    assert "START-TEXT" in html and "MID-TEXT" not in html and "n-mid" not in html
    assert set(labelled(r)) == {"Good move", "Bad move"}
    [event] = events.named("emm.role_play.started")
    assert event["data"] == {"role": "r1", "attempt": 1}
    block = handlers.block(uid)
    assert block.path == ["n-start"] and block.attempts == 1


def test_play_to_the_best_ending_grades_and_completes(small, handlers, events):
    uid = small()
    r = play(handlers, uid, ["Good move", "Finish well"])
    body = r.json_body
    assert body["phase"] == "ending"
    assert "GOOD-DEBRIEF" in body["html"] and "43%" in body["html"]
    # best = 2 + 5 (the conditional shortcut counts as satisfiable): 3 / 7
    block = handlers.block(uid)
    assert block.ended and block.path == ["n-start", "n-mid", "n-good"]
    assert events.completions == [{"user": "student_1", "completion": 1.0}]
    [grade] = events.grades
    assert grade["raw_earned"] == pytest.approx(3 / 7, abs=1e-3) and grade["raw_possible"] == 1.0
    chose = events.named("emm.role_play.chose")
    assert [e["data"]["points"] for e in chose] == [2, 1]
    [ended] = events.named("emm.role_play.ended")
    assert ended["data"]["earned"] == 3 and ended["data"]["best"] == 7 and ended["data"]["category"] == "good"


def test_negative_total_scores_zero(small, handlers, events):
    uid = small()
    r = play(handlers, uid, ["Bad move", "Carry on"])
    assert r.json_body["phase"] == "ending" and "HARM-DEBRIEF" in r.json_body["html"]
    assert events.grades[-1]["raw_earned"] == 0


def test_forged_or_stale_choice_is_refused_and_path_unchanged(small, handlers):
    uid = small()
    r = handlers.post(uid, "begin", {"role": "r1"})
    for forged in ["deadbeefdeadbeef", "0", "n-mid", ""]:
        bad = handlers.post(uid, "choose", {"choice": forged})
        assert bad.status_code == 400 and bad.json_body["error"] in ("unknown_choice", "invalid_choice")
    # a token valid at another node is refused too
    block = handlers.block(uid)
    other = token(block, 2, "n-mid", 0)
    bad = handlers.post(uid, "choose", {"choice": other})
    assert bad.status_code == 400 and bad.json_body["error"] == "unknown_choice"
    assert handlers.block(uid).path == ["n-start"]
    # a token of step 1 replayed at step 2 is refused
    good = labelled(r)["Good move"]
    assert handlers.post(uid, "choose", {"choice": good}).status_code == 200
    again = handlers.post(uid, "choose", {"choice": good})
    assert again.status_code == 400 and handlers.block(uid).path == ["n-start", "n-mid"]


def test_unmet_condition_is_refused(small, handlers):
    uid = small()
    r = play(handlers, uid, ["Good move"])
    assert set(labelled(r)) == {"Finish well"}  # both conditional choices hidden
    block = handlers.block(uid)
    for index in (1, 2):
        bad = handlers.post(uid, "choose", {"choice": token(block, 2, "n-mid", index)})
        assert bad.status_code == 403 and bad.json_body["error"] == "condition_not_met"
    assert handlers.block(uid).path == ["n-start", "n-mid"]


@pytest.mark.parametrize("payload,code", [
    ({"role": "nope"}, "unknown_role"), ({"role": 3}, "unknown_role"), ({}, "unknown_role")])
def test_start_errors(small, handlers, payload, code):
    uid = small()
    r = handlers.post(uid, "begin", payload)
    assert r.status_code == 400 and r.json_body["error"] == code and r.json_body["message"]
    assert handlers.block(uid).role == "" and handlers.block(uid).attempts == 0


def test_start_twice_and_choose_before_start(small, handlers):
    uid = small()
    r = handlers.post(uid, "choose", {"choice": "abc"})
    assert r.status_code == 409 and r.json_body["error"] == "not_started"
    handlers.post(uid, "begin", {"role": "r1"})
    r = handlers.post(uid, "begin", {"role": "r1"})
    assert r.status_code == 409 and r.json_body["error"] == "already_started"


def test_malformed_json_and_get(small, handlers):
    uid = small()
    r = handlers.post(uid, "choose", raw="{not json")
    assert r.status_code == 400 and r.json_body["error"] == "invalid_json"
    assert handlers.get(uid, "state").status_code == 405


def test_choose_after_ending_is_refused(small, handlers):
    uid = small()
    play(handlers, uid, ["Good move", "Finish well"])
    r = handlers.post(uid, "choose", {"choice": "abc"})
    assert r.status_code == 409 and r.json_body["error"] == "already_ended"


def test_back(small, handlers, events):
    uid = small()
    play(handlers, uid, ["Good move"])
    r = handlers.post(uid, "back")
    assert r.status_code == 403 and r.json_body["error"] == "back_not_allowed"
    uid = small('allow_back="true"')
    r = handlers.post(uid, "begin", {"role": "r1"})
    assert "data-back" not in r.json_body["html"]
    r = handlers.post(uid, "back")
    assert r.status_code == 409 and r.json_body["error"] == "cannot_go_back"
    r = play(handlers, uid, ["Good move"], student="student_2")
    assert "data-back" in r.json_body["html"]
    r = handlers.post(uid, "back", student="student_2")
    assert r.status_code == 200 and handlers.block(uid, "student_2").path == ["n-start"]
    assert "START-TEXT" in r.json_body["html"]
    assert events.named("emm.role_play.went_back")


def test_restart_limits(small, handlers, events):
    uid = small('attempts_allowed="2"')
    r = handlers.post(uid, "restart")
    assert r.status_code == 409 and r.json_body["error"] == "not_started"
    play(handlers, uid, ["Bad move", "Carry on"])
    r = handlers.post(uid, "restart")
    assert r.status_code == 200 and r.json_body["phase"] == "node"  # one role: starts again at once
    assert "data-restart" not in r.json_body["html"]
    block = handlers.block(uid)
    assert block.attempts == 2 and block.path == ["n-start"] and not block.ended
    r = handlers.post(uid, "restart")
    assert r.status_code == 409 and r.json_body["error"] == "no_attempts_left"
    assert handlers.block(uid).attempts == 2
    assert Claim.objects.filter(block_key=uid).count() == 2
    # best policy: the better second attempt raises the grade, a worse one would not lower it
    play_rest = handlers.post(uid, "choose", {"choice": token(handlers.block(uid), 1, "n-start", 0)})
    assert play_rest.status_code == 200
    r = handlers.post(uid, "choose", {"choice": labelled(play_rest)["Finish well"]})
    assert r.json_body["phase"] == "ending"
    assert events.grades[-1]["raw_earned"] == pytest.approx(3 / 7, abs=1e-3)


def test_concurrent_restart_cannot_exceed_attempts(small, handlers):
    """A second restart whose attempt slot was already claimed (a concurrent request) is refused."""
    from emm_xblocks.common import store

    uid = small('attempts_allowed="2"')
    play(handlers, uid, ["Bad move", "Carry on"])
    block = handlers.block(uid)
    store.claim(uid, block.user_key(), "attempt-2")  # the other request won the race
    r = handlers.post(uid, "restart")
    assert r.status_code == 409 and r.json_body["error"] == "no_attempts_left"
    assert handlers.block(uid).attempts == 1


def test_a_restart_another_window_began_first_is_refused_as_begun_not_as_no_attempts_left(small, handlers):
    """With attempts left, the window that loses the race to begin attempt 2 is told it began again
    elsewhere (final: sending it again would begin a third)."""
    from emm_xblocks.common import store

    uid = small()  # no limit
    play(handlers, uid, ["Bad move", "Carry on"])
    block = handlers.block(uid)
    store.claim(uid, block.user_key(), "attempt-2")  # the other window won the race
    r = handlers.post(uid, "restart")
    assert r.status_code == 409 and r.json_body["error"] == "already_started"
    assert "another window" in r.json_body["message"]
    assert handlers.block(uid).attempts == 1


def test_the_report_and_the_grade_survive_a_damaged_stored_attempt(small, handlers):
    """Attempts stored damaged (by hand, an old release) are reported with the score stored with
    them, never stop the instructor's report."""
    uid = small()
    play(handlers, uid, ["Good move", "Finish well"])
    block = handlers.block(uid)
    good = block.finished[0]
    damaged = [{"role": "r1", "path": 3, "taken": None, "score": 0.1}, {"role": "r1", "path": [["x"]], "taken": [0]},
               {"role": "r1", "path": {"a": 1}, "taken": [], "score": "nan"}, "junk", None]

    class State:
        username = "student_1"
        state = {"role": "", "path": [], "finished": [*damaged, good], "attempts": 6, "raw_earned": 0.43}

    [(user, row)] = list(block.generate_report_data(iter([State()])))
    assert row["path"] == "n-start > n-mid > n-good" and row["score"] == 0.43  # the best: the intact one
    last = replace(block.load_content(), grade_policy="last")
    State.state = {**State.state, "finished": [good, *damaged]}
    [(user, row)] = list(report.report_data(last, iter([State()]), lambda text: text))
    assert row["path"] == "" and row["role"] == "" and row["ended"] is True  # the last one: None, damaged
    assert scoring.counted_score(last, [good, *damaged]) == (0.0, 1.0)
    assert scoring.counted_score(block.load_content(), damaged) == (0.1, 1.0)  # "nan" scores 0, not NaN


def test_last_policy(small, handlers, events):
    uid = small('grade_policy="last"')
    play(handlers, uid, ["Good move", "Finish well"])
    handlers.post(uid, "restart")
    b = handlers.block(uid)
    r = handlers.post(uid, "choose", {"choice": token(b, 1, "n-start", 1)})
    handlers.post(uid, "choose", {"choice": tokens(r)[0]})
    assert events.grades[-1]["raw_earned"] == 0


def test_state_resumes(small, handlers):
    uid = small()
    r = handlers.post(uid, "state")
    assert r.status_code == 200 and r.json_body["phase"] == "roles" and 'data-role="r1"' in r.json_body["html"]
    play(handlers, uid, ["Good move"])
    r = handlers.post(uid, "state")
    assert r.json_body["phase"] == "node" and "MID-TEXT" in r.json_body["html"]
    assert "GOOD-CONSEQUENCE" in r.json_body["html"] and r.json_body["step"] == 2
    html = handlers.view(uid).content
    assert "MID-TEXT" in html and "START-TEXT" not in html


def remove_mid_node(handlers, uid):
    """The author deletes n-mid (choices to it now lead to n-good) and saves, confirming past the
    warning that learners passed through it (issue 10); returns the answer."""
    block = handlers.block(uid, "staff_1")
    data = editor.to_editor(block.load_content())  # what the editor sends, every setting with it
    data.pop("xml")  # the "Edit as XML" tab's text: the form is what is saved
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "n-mid"]
    for n in data["nodes"]:
        for c in n["choices"]:
            if c["goto"] == "n-mid":
                c["goto"] = "n-good"
        n["choices"] = [c for c in n["choices"] if not c.get("if_visited") or c["if_visited"] != "n-mid"]
    data.update(display_name="Small")
    held = handlers.post(uid, "studio_submit", data, student="staff_1")
    assert held.status_code == 409 and held.json_body["error"] == "answers_touched"
    assert [p["field"] for p in held.json_body["problems"]] == ["nodes"]
    return handlers.post(uid, "studio_submit", {**data, "confirm": True}, student="staff_1")


def test_author_edit_does_not_strand_learners(small, handlers):
    uid = small()
    play(handlers, uid, ["Good move"])
    saved = remove_mid_node(handlers, uid)
    assert saved.status_code == 200, saved.content
    r = handlers.post(uid, "state")
    assert r.json_body["phase"] == "node" and "START-TEXT" in r.json_body["html"]
    assert "changed" in r.json_body["announcement"]
    assert handlers.post(uid, "choose", {"choice": tokens(r)[0]}).status_code == 200


def test_show_others_only_at_ending_and_above_group_size(small, handlers):
    uid = small('show_others="true" min_group_size="2"')
    r = play(handlers, uid, ["Good move", "Finish well"], student="student_1")
    assert "participants" not in r.json_body["html"]  # one participant: below the group size
    r = play(handlers, uid, ["Good move"], student="student_2")
    assert "participants" not in r.json_body["html"]
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Finish well"]}, student="student_2")
    assert "100% of 2 participants" in r.json_body["html"]
    # 2 learners x (2 decisions + the ending reached), each row with the role played
    assert Answer.objects.filter(block_key=uid).count() == 6
    assert set(Answer.objects.filter(block_key=uid).values_list("role", flat=True)) == {"r1"}


def test_going_back_and_replaying_never_counts_a_learner_twice(small, handlers):
    uid = small('show_others="true" min_group_size="1" allow_back="true" attempts_allowed="3"')
    play(handlers, uid, ["Good move", "Finish well"], student="again")
    r = handlers.post(uid, "restart", {}, student="again")
    if r.json_body["phase"] == "roles":
        r = handlers.post(uid, "begin", {"role": "r1"}, student="again")
    for label in ("Good move", "Finish well"):
        r = handlers.post(uid, "choose", {"choice": labelled(r)[label]}, student="again")
    assert r.json_body["phase"] == "ending"
    assert Answer.objects.filter(block_key=uid).count() == 3  # the latest path's two decisions and its ending


def test_invalid_scenario_shows_a_notice_not_a_broken_page(scenario, handlers):
    uid = scenario('<emm_role_play display_name="Broken"><role id="r" start="x">R</role></emm_role_play>')
    assert "not ready" in handlers.view(uid).content
    r = handlers.post(uid, "begin", {"role": "r"})
    assert r.status_code == 409 and r.json_body["error"] == "not_ready"


def test_errors_are_translated(small, handlers):
    uid = small()
    r = handlers.post(uid, "begin", {"role": "nope"}, lang="fr")
    assert r.status_code == 400 and r.json_body["error"] == "unknown_role" and r.json_body["message"]


def test_an_imported_role_play_without_a_name_is_an_error_in_studio_yet_played(scenario, handlers):
    """The editor refused an empty name, but only the editor: a role-play imported without one had
    no Studio message. Its learners still play it (as before the check moved to validate)."""
    uid = scenario(SMALL.format(extra="").replace('display_name="Small"', 'display_name=""'))
    messages = [(m.type, m.text) for m in handlers.block(uid).validate().messages]
    assert ("error", "Give the role-play a name.") in messages
    play(handlers, uid, ["Good move", "Finish well"])
    form = {key: value for key, value in editor.to_editor(handlers.block(uid).load_content()).items() if key != "xml"}
    for sent in (form, {"xml": SMALL.format(extra="").replace('display_name="Small"', 'display_name=" "')}):
        r = handlers.post(uid, "studio_submit", sent, student="staff_1")
        assert r.status_code == 400 and {"field": "display_name", "message": "Give the role-play a name.",
                                         "error": True} in r.json_body["problems"]


def test_views_and_lms_contract(small, handlers):
    uid = small()
    data = handlers.block(uid).student_view_data()
    text = json.dumps(data)
    assert data["roles"][0]["id"] == "r1" and "n-start" not in text and "points" not in text
    block = handlers.block(uid)
    assert block.index_dictionary()["content"]["display_name"] == "Small"
    # the only message: the "Secret shortcut" needs n-bad, which leads to the harmful ending
    [message] = block.validate().messages
    assert message.type == "warning" and "7" in message.text and "3" in message.text
    assert "n-mid" in handlers.view(uid, "author_view", student="staff_1").content
    learner = handlers.view(uid).content
    assert "data-panel" in learner and "&lt;" not in learner  # the panel is markup, not escaped text
    assert "emm_role_play" in handlers.view(uid, "studio_view", student="staff_1").content
    play(handlers, uid, ["Good move", "Finish well"])
    block = handlers.block(uid)
    assert block.calculate_score().raw_earned == pytest.approx(3 / 7, abs=1e-3)

    class State:
        username, state = "student_1", {"role": "r1", "path": ["n-start", "n-mid"], "raw_earned": 0.5}

    [(user, row)] = list(block.generate_report_data(iter([State()])))
    assert user == "student_1" and row["path"] == "n-start > n-mid"


def test_the_report_row_describes_the_attempt_whose_score_it_gives(small, handlers):
    """The instructor's report names the path of the attempt that counts, not the one in play: a
    learner whose best attempt ended well, then who played worse and began again, is reported on
    the good path with the grade it earned."""
    uid = small('attempts_allowed="3"')
    play(handlers, uid, ["Good move", "Finish well"])
    assert handlers.post(uid, "restart").status_code == 200  # one role: at its start at once
    r = handlers.post(uid, "choose", {"choice": token(handlers.block(uid), 1, "n-start", 1)})
    assert handlers.post(uid, "choose", {"choice": labelled(r)["Carry on"]}).json_body["phase"] == "ending"
    assert handlers.post(uid, "restart").status_code == 200
    block = handlers.block(uid)
    assert block.path == ["n-start"] and not block.ended and len(block.finished) == 2

    class State:
        username = "student_1"
        state = {name: getattr(block, name) for name in ("role", "path", "taken", "ended", "finished",
                                                          "attempts", "raw_earned")}

    [(user, row)] = list(block.generate_report_data(iter([State()])))
    assert row["path"] == "n-start > n-mid > n-good" and row["ended"] is True
    assert row["Choices"] == "Good move > Finish well" and row["Role name"] == "Officer"
    assert row["score"] == pytest.approx(3 / 7, abs=1e-3) and row["attempts"] == 3
    # where the last attempt counts, the row is the harmful ending's
    last = replace(block.load_content(), grade_policy="last")
    [(user, row)] = list(report.report_data(last, iter([State()]), lambda text: text))
    assert row["path"] == "n-start > n-bad > n-harm" and row["Choices"] == "Bad move > Carry on"
    # a learner who has ended none: the attempt in play
    State.state = {**State.state, "finished": [], "ended": False}
    [(user, row)] = list(report.report_data(last, iter([State()]), lambda text: text))
    assert row["path"] == "n-start" and row["ended"] is False


def test_rescore_recomputes_from_the_stored_path(small, handlers, events):
    uid = small()
    play(handlers, uid, ["Good move", "Finish well"])
    block = handlers.block(uid)
    block.rescore(only_if_higher=False)
    assert events.grades[-1]["raw_earned"] == pytest.approx(3 / 7, abs=1e-3)


# ---------------------------------------------------------------- the demo scenarios: nothing leaks
DEMOS = ["emm_role_play-1-en.xml", "emm_role_play-2-fr.xml"]


def _secrets(scen):
    """Texts no learner may see before an ending."""
    ids = {n.id for n in scen.nodes}
    narratives = {n.id: etree.HTML(n.narrative).xpath("string()").strip()[:40] for n in scen.nodes}
    debriefs = {etree.HTML(n.debrief).xpath("string()").strip()[:40] for n in scen.nodes if n.debrief}
    return ids, narratives, debriefs


@pytest.mark.parametrize("demo", DEMOS)
def test_walk_every_reachable_state_leaks_nothing(scenario, handlers, demo):
    xml = files("emm_xblocks").joinpath("workbench", "scenarios", demo).read_text(encoding="utf-8")
    scen = olx.from_xml(etree.fromstring(xml.encode("utf-8")))
    ids, narratives, debriefs = _secrets(scen)
    uid = scenario(xml)
    counter = iter(range(10**6))
    endings_seen = set()

    def check(body, current):
        text = json.dumps(body, ensure_ascii=False)
        html = body["html"]
        if body["phase"] == "ending":
            return
        for key in ("goto", "points", "if_visited", "min_points", "debrief", "target"):
            assert key not in text, (key, current)
        for nid in ids:
            assert nid not in text, (nid, current)
        for nid, snippet in narratives.items():
            if nid != current and snippet:
                assert snippet not in html, (nid, current)
        for snippet in debriefs:
            assert snippet not in html

    states = 0
    for role in scen.roles:
        # breadth first over (node, visited, earned) reached by token sequences, each replayed by a fresh learner
        todo = [[]]
        seen = set()
        while todo:
            tokens_so_far = todo.pop()
            student = f"walker_{next(counter)}"
            r = handlers.post(uid, "begin", {"role": role.id}, student=student)
            assert r.status_code == 200
            for tok in tokens_so_far:
                r = handlers.post(uid, "choose", {"choice": tok}, student=student)
                assert r.status_code == 200, r.content
            block = handlers.block(uid, student)
            state = (block.path[-1], frozenset(block.path), paths.earned(scen, block.path, block.taken))
            states += 1
            check(r.json_body, block.path[-1])
            if block.path == [role.start]:
                check(handlers.post(uid, "state", student=student).json_body, block.path[-1])
                view = handlers.view(uid, student=student).content
                for nid in ids:
                    assert nid not in view
            if r.json_body["phase"] == "ending":
                endings_seen.add(block.path[-1])
                assert "emm-rp-debrief" in r.json_body["html"]
                continue
            if state in seen:
                continue
            seen.add(state)
            found = tokens(r)
            assert found, block.path
            for tok in found:
                todo.append(tokens_so_far + [tok])
    assert endings_seen == scen.endings()  # playable to each ending
    assert states > 20


def test_the_best_attempt_is_kept_when_poor_attempts_pile_up(small, handlers, events):
    from emm_xblocks.common.attempts import MAX_KEPT_ATTEMPTS

    uid = small()
    play(handlers, uid, ["Good move", "Finish well"])
    assert events.grades[-1]["raw_earned"] == pytest.approx(3 / 7, abs=1e-3)
    block = handlers.block(uid)
    poor = {"role": "r1", "path": ["n-start", "n-bad", "n-harm"], "taken": [1, 0], "score": 0.0}
    block.finished = block.finished + [dict(poor) for _i in range(MAX_KEPT_ATTEMPTS)]
    block.save()
    r = handlers.post(uid, "restart")
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Bad move"]})
    r = handlers.post(uid, "choose", {"choice": labelled(r)["Carry on"]})
    assert r.json_body["phase"] == "ending"
    block = handlers.block(uid)
    assert len(block.finished) == MAX_KEPT_ATTEMPTS and block.finished[-1]["path"][-1] == "n-harm"
    assert block.calculate_score().raw_earned == pytest.approx(3 / 7, abs=1e-3)
    assert events.grades[-1]["raw_earned"] == pytest.approx(3 / 7, abs=1e-3)
    block.grade_policy = "last"
    assert block.calculate_score().raw_earned == 0


HUGE = "9" * 4299


def test_huge_points_are_refused_in_the_xml_tab_and_harmless_when_imported(small, scenario, handlers):
    uid = small()
    xml = SMALL.format(extra="").replace('points="5"', f'points="{HUGE}"')
    r = handlers.post(uid, "studio_submit", {"xml": xml}, student="staff_1")
    assert r.status_code == 400
    assert any(p["field"] == "nodes.1.choices.1.points" for p in r.json_body["problems"])
    assert handlers.block(uid).load_content().node("n-mid").choices[1].points == 5  # nothing saved
    r = handlers.post(uid, "studio_submit", {"xml": xml.replace(HUGE, "1001")}, student="staff_1")
    assert r.status_code == 400 and any(p["field"] == "nodes.1.choices.1.points" for p in r.json_body["problems"])
    imported = scenario(xml.replace('min_points="99"', f'min_points="-{HUGE}"'))  # an OLX import defaults
    assert "n-mid" in handlers.view(imported, "author_view", student="staff_1").content
    r = play(handlers, imported, ["Good move", "Finish well"])
    assert r.json_body["phase"] == "ending"


# ------------------------------------------------------------------ an image address that will not do, and why
@pytest.mark.parametrize("address,code,french", [
    ("https://example.org/photo poste.JPG", "url_space",
     "L’image de l’étape «\u00a0n-start\u00a0»\u00a0: l’adresse contient une espace. Écrivez chaque espace %20"),
    ("C:\\Users\\moussa\\Desktop\\poste.png", "url_local_file",
     "L’image de l’étape «\u00a0n-start\u00a0»\u00a0: «\u00a0C:\\Users\\moussa\\Desktop\\poste.png\u00a0» "
     "est un fichier de votre ordinateur"),
    ("/static/cartes/../../admin/poste.png", "url_leaves_course",
     "L’image de l’étape «\u00a0n-start\u00a0»\u00a0: «\u00a0/static/cartes/../../admin/poste.png\u00a0» remonte "
     "hors des fichiers du cours"),
    ("javascript:alert(1)", "image_address",
     "L’image de l’étape «\u00a0n-start\u00a0»\u00a0: indiquez une adresse web (https://...) ou un fichier du cours "
     "(/static/...)."),
])
def test_the_editor_says_what_is_wrong_with_a_node_s_image_address(small, handlers, address, code, french):
    """The case study's check of an address (common.validation.address_problem), its codes and
    words: the save is refused at the image's field, in the author's language."""
    uid = small()
    data = {k: v for k, v in editor.to_editor(handlers.block(uid, "staff_1").load_content()).items() if k != "xml"}
    data["nodes"][0].update(image=address, alt="Le poste frontière")
    for handler in ("studio_validate", "studio_submit"):
        r = handlers.post(uid, handler, data, student="staff_1", lang="fr")
        (problem,) = [p for p in r.json_body["problems"] if p["field"] == "nodes.0.image"]
        assert problem["message"].startswith(french) and problem["error"] is True and problem["code"] == code
    assert r.status_code == 400 and handlers.block(uid).load_content().nodes[0].image == ""  # nothing saved
    data["nodes"][0]["image"] = "/static/poste%20frontiere.png"
    assert handlers.post(uid, "studio_submit", data, student="staff_1").status_code == 200


@pytest.mark.parametrize(("path", "said"), [
    ("roles", "Item {n} of this list could not be read."),
    ("bands", "Item {n} of this list could not be read."),
    ("profile_options", "Item {n} of this list could not be read."),
    ("nodes", "Node {n} could not be read."),
    ("nodes.0.choices", "A choice could not be read."),
])
def test_a_row_that_is_not_an_object_is_a_problem_at_that_row_and_nothing_is_saved(small, handlers, path, said):
    """Trial s32: a crafted save with ``[1, null, {...}]`` in a list the editor reads (a role, a band
    or a profile option was dropped in silence). Each such row is a problem at its own row, the save
    refused whole."""
    uid = small()
    before = handlers.block(uid, "staff_1").load_content()
    data = {k: v for k, v in editor.to_editor(before).items() if k != "xml"}
    data["intro"] = "<p>Changed introduction.</p>"
    rows = data["nodes"][0]["choices"] if path == "nodes.0.choices" else data.setdefault(path, [])
    rows[:0] = [1, None]
    unread = [(f"{path}.0", said.format(n=1), "unreadable_row"), (f"{path}.1", said.format(n=2), "unreadable_row")]
    r = handlers.post(uid, "studio_validate", data, student="staff_1")
    assert [(p["field"], p["message"], p.get("code")) for p in r.json_body["problems"]] == unread
    r = handlers.post(uid, "studio_submit", data, student="staff_1")
    assert r.status_code == 400 and r.json_body["error"] == "invalid_content", r.content
    assert [(p["field"], p["message"], p.get("code")) for p in r.json_body["problems"]] == unread
    assert handlers.block(uid).load_content() == before  # nothing saved, the introduction included


def test_an_imported_role_play_with_an_image_address_that_will_not_do_is_still_played(scenario, handlers):
    """Studio says what is wrong; the learner plays on, the image not shown."""
    uid = scenario(SMALL.format(extra="").replace(
        '<node id="n-start">', '<node id="n-start"><image src="C:\\photos\\poste.png" alt="Le poste"/>'))
    messages = [m.text for m in handlers.block(uid).validate().messages]
    assert any(m.startswith("The image of node “n-start”: “C:\\photos\\poste.png” is a file on your computer")
               for m in messages)
    r = handlers.post(uid, "begin", {"role": "r1"})
    assert r.status_code == 200 and "START-TEXT" in r.json_body["html"] and "poste.png" not in r.json_body["html"]


def test_start_again_twice_before_a_role_is_chosen_spends_one_attempt(scenario, handlers):
    """Several roles: "Start again" begins an attempt whose role is still to choose. The same
    request again (a double tap, a second tab still on a node) is refused and spends nothing
    (trial s32: each one spent an attempt, three taps left none)."""
    xml = files("emm_xblocks").joinpath("workbench/scenarios/emm_role_play-1-en.xml").read_text(encoding="utf-8")
    uid = scenario(xml)
    assert handlers.post(uid, "begin", {"role": "officer"}).status_code == 200
    assert handlers.post(uid, "restart").status_code == 200
    assert handlers.block(uid).attempts == 2 and handlers.block(uid).role == ""
    r = handlers.post(uid, "restart")
    assert r.status_code == 409 and r.json_body["error"] == "already_started"
    assert handlers.block(uid).attempts == 2
    assert handlers.post(uid, "begin", {"role": "officer"}).status_code == 200  # the attempt is played
    assert handlers.block(uid).attempts == 2 and handlers.block(uid).role == "officer"


def test_start_again_twice_with_one_role_spends_one_attempt(small, handlers):
    """One role: "Start again" begins the new attempt at the role's start at once. The same request
    again (a double tap, another window), or "Start again" pressed there before any choice, spends
    nothing: the attempt in play is answered as it is (crafted-request trial s34: each one spent a
    graded attempt)."""
    uid = small('attempts_allowed="3"')
    play(handlers, uid, ["Bad move", "Carry on"])
    assert handlers.post(uid, "restart", {"action_id": "r1r1r1r1r1"}).status_code == 200
    assert handlers.block(uid).attempts == 2
    again = handlers.post(uid, "restart", {"action_id": "r2r2r2r2r2"})
    assert again.status_code == 200 and again.json_body["phase"] == "node" and "START-TEXT" in again.json_body["html"]
    block = handlers.block(uid)
    assert block.attempts == 2 and block.path == ["n-start"]
    assert Claim.objects.filter(block_key=uid, slot__startswith="attempt-").count() == 2
    # once a choice is made, "Start again" begins a new attempt as before
    r = handlers.post(uid, "choose", {"choice": labelled(again)["Good move"]})
    assert r.status_code == 200
    assert handlers.post(uid, "restart").status_code == 200 and handlers.block(uid).attempts == 3
