"""Issue 10, "reports never relabel or hide stored answers": the answers no figure counts (their
question, option, statement, node or choice removed or renamed since) are listed apart, named as
what they were -- the Likert's way (``common.apart``), shared by the case study and the role-play."""

from emm_xblocks.case_study import perspectives as cs_perspectives
from emm_xblocks.case_study import report as cs_report
from emm_xblocks.case_study.content import Case, Option, Question
from emm_xblocks.common import apart
from emm_xblocks.role_play import report as rp_report
from emm_xblocks.role_play.content import Choice, Node, Role, Scenario
from emm_xblocks.role_play.perspectives import ENDING


def _(text):
    return text


def test_split_adds_up_an_items_groups_and_skips_what_is_not_an_answer():
    tallies = {"a": {"1": 2}, "b.x": {"1": 3}, "b.y": {"1": 1}, "@p": {"o": 4}, "c": {"2": 1}}

    def place(group):
        if group.startswith("@"):
            return apart.SKIP, group
        item = group.partition(".")[0]
        return (apart.CURRENT, item) if item == "a" else ("gone", item)

    current, away = apart.split(tallies, place)
    assert current == {"a": {"1": 2}}
    assert away == [("gone", {"b": {"1": 4}, "c": {"2": 1}})]


def test_a_row_counts_what_its_values_do_not_name_and_keeps_the_minimum_group_size():
    row = apart.row("s1", "Text", {"1": 2, "2": 1, "9": 1, "na": 1}, ["1", "2"], 3, na="na")
    assert row == {"id": "s1", "text": "Text", "n": 4, "na": 1, "suppressed": False, "counts": [2, 1]}
    small = apart.row("s1", "Text", {"1": 1}, ["1", "2"], 3, na="na")
    assert small["suppressed"] and small["counts"] == [] and small["n"] == 1


CASE = Case(questions=(
    Question("q1", "single", "<p>Pick <b>one</b>.</p>", (Option("a", "A", True), Option("b", "B"))),
    Question("q2", "multiple", "<p>Pick some.</p>", (Option("x", "X", True), Option("y", "Y"))),
))


def test_the_case_study_lists_apart_the_answers_to_removed_questions_and_options():
    tallies = {
        "q1": {"a": 4, "b": 1, "c": 2},  # c: an option removed since
        "q2.x": {"1": 3}, "q2.z": {"1": 2},  # z: removed from the multiple-choice question
        "q2.*": {"1": 4}, "gone.*": {"1": 2},  # who answered each multiple-choice question: no answer
        "old": {"yes": 2, "no": 1},  # a single-choice question removed since
        "gone.p": {"1": 1}, "gone.q": {"1": 2},  # a multiple-choice question removed since
        "@profile": {"ngo": 3},  # who answered (a participant profile): no question at all
    }
    sections = cs_perspectives.apart_answers(CASE, tallies, _)
    assert [s["title"] for s in sections] == ["Answers to removed questions", "Answers to removed options"]
    questions, options = sections
    assert questions["rows"] == [
        {"id": "gone", "text": "gone", "n": 3, "answers": [{"value": "p", "count": 1}, {"value": "q", "count": 2}]},
        {"id": "old", "text": "old", "n": 3, "answers": [{"value": "no", "count": 1}, {"value": "yes", "count": 2}]},
    ]
    assert options["rows"] == [
        {"id": "q1", "text": "Question 1: Pick one.", "n": 2, "answers": [{"value": "c", "count": 2}]},
        {"id": "q2", "text": "Question 2: Pick some.", "n": 2, "answers": [{"value": "z", "count": 2}]},
    ]


def test_the_case_study_lists_nothing_apart_when_every_answer_is_counted():
    assert cs_perspectives.apart_answers(CASE, {"q1": {"a": 4}, "q2.y": {"1": 1}}, _) == []


def test_the_case_study_lists_apart_the_answers_given_before_their_question_s_kind_changed():
    """Bug hunt s45: answers kept in the shape of the question's old kind (a single choice under
    its id, a multiple choice under ``<id>.<option>``) count in no figure of its new kind: apart."""
    swapped = Case(questions=(
        Question("q1", "multiple", "<p>Pick <b>one</b>.</p>", (Option("a", "A", True), Option("b", "B"))),
        Question("q2", "single", "<p>Pick some.</p>", (Option("x", "X", True), Option("y", "Y"))),
        Question("q3", "reflection", "<p>Why?</p>"),
    ))
    tallies = {"q1": {"a": 4, "b": 1}, "q1.a": {"1": 2}, "q1.*": {"1": 2},  # 5 answers as single choice
               "q2.x": {"1": 3}, "q2.y": {"1": 1}, "q2.*": {"1": 3}, "q2": {"y": 2},  # 3 as multiple choice
               "q3": {"a": 1}}  # a choice question made a written reflection
    [kind] = cs_perspectives.apart_answers(swapped, tallies, _)
    assert kind["title"] == "Answers given before their question's kind changed"
    assert kind["rows"] == [
        {"id": "q1", "text": "Question 1: Pick one.", "n": 5, "answers": [{"value": "a", "count": 4},
                                                                           {"value": "b", "count": 1}]},
        {"id": "q2", "text": "Question 2: Pick some.", "n": 4, "answers": [{"value": "x", "count": 3},
                                                                            {"value": "y", "count": 1}]},
        {"id": "q3", "text": "Question 3: Why?", "n": 1, "answers": [{"value": "a", "count": 1}]},
    ]
    rows = cs_report.distribution_rows(swapped, tallies, None, 7, _)
    assert ["q2", "Pick some.", "x (given before the question's kind changed)", "All participants", "", "3",
            ""] in rows


def test_the_case_study_csv_ends_with_the_answers_kept_apart_among_all_participants():
    tallies = {"q1": {"a": 4, "c": 2}, "q2.x": {"1": 3}, "q2.z": {"1": 1}, "old": {"yes": 2},
               "q2.*": {"1": 6},  # the six who answered q2: who answered, no answer
               "@profile": {"o": 4}}  # the profile row: no question
    rows = cs_report.distribution_rows(CASE, tallies, None, 6, _)
    assert rows[1:5] == [["q1", "Pick one.", "A", "All participants", "4", "4", "100"],
                         ["q1", "Pick one.", "B", "All participants", "4", "0", "0"],
                         ["q2", "Pick some.", "X", "All participants", "6", "3", "50"],
                         ["q2", "Pick some.", "Y", "All participants", "6", "0", "0"]]
    # a removed question keeps its id (no prompt left to read); a current one's row names its prompt
    assert rows[5:] == [["old", "Removed question", "yes", "All participants", "", "2", ""],
                        ["q1", "Pick one.", "c (removed option)", "All participants", "", "2", ""],
                        ["q2", "Pick some.", "z (removed option)", "All participants", "", "1", ""]]
    assert cs_report.distribution_rows(CASE, {"q1": {"a": 4}, "q2.*": {"1": 4}}, None, 4, _)[3:] == [
        ["q2", "Pick some.", "X", "All participants", "4", "0", "0"],
        ["q2", "Pick some.", "Y", "All participants", "4", "0", "0"]]


SCENARIO = Scenario(min_group_size=2, roles=(Role("r1", "Officer", "a"), Role("r2", "Nurse", "a")), nodes=(
    Node("a", "<p>A</p>", choices=(Choice("Go", "end"), Choice("Stay", "end"))),
    Node("end", "<p>E</p>", ending=True, category="good"),
))


def test_the_role_play_csv_lists_apart_the_choices_at_removed_nodes_and_choices_no_longer_offered():
    by_role = {
        "r1": {"a": {"0": 3, "2": 2}, "old": {"1": 2}, ENDING: {"end": 5}},
        "r2": {"a": {"1": 2}, "old": {"1": 1}},
    }
    rows = list(rp_report.apart_rows(SCENARIO, by_role, _))
    assert rows == [
        ["a", "A", "Choice 3 (no longer offered)", "Officer", 5, 2, 40],
        ["a", "A", "Choice 3 (no longer offered)", "Nurse", 2, 0, 0],
        # the nurse alone is fewer than the minimum group size, so the officers are withheld too
        # (the secondary rule of common.perspectives: else the total would give the nurse away)
        ["old", "Removed node", "Choice 2", "Officer", "not shown", "", ""],
        ["old", "Removed node", "Choice 2", "Nurse", "fewer than 2", "", ""],
    ]
    header, *every = list(rp_report.perspective_rows(SCENARIO, by_role, _))
    assert every[-len(rows):] == rows  # at the end of the staff CSV, after the figures


def test_the_role_play_csv_lists_a_removed_roles_choices_and_endings_under_its_id():
    by_role = {"r1": {"a": {"0": 3}, ENDING: {"end": 3}},
               "gone": {"a": {"1": 2}, ENDING: {"end": 2}}}  # a role removed (or renamed) since
    rows = list(rp_report.perspective_rows(SCENARIO, by_role, _))
    assert ["a", "A", "Go", "Officer", 3, 3, 100] in rows  # the figures: the current roles, as before
    assert not any("Nurse" in row for row in rows)  # r2 has no participants
    assert [row for row in rows if "removed role" in str(row[3])] == [
        ["a", "A", "Go", "gone (removed role)", 2, 0, 0],
        ["a", "A", "Stay", "gone (removed role)", 2, 2, 100],
        ["Ending", "", "Good practice", "gone (removed role)", 2, 2, 100],
    ]
    assert list(rp_report.removed_role_rows(SCENARIO, {"r1": by_role["r1"]}, _)) == []

    # a removed role below the minimum group size is withheld, and the next smallest with it, as
    # in the figures (common.perspectives' secondary rule): its members still count in every split
    by_role["tiny"] = {"a": {"0": 1}, ENDING: {"end": 1}}
    rows = list(rp_report.perspective_rows(SCENARIO, by_role, _))
    assert ["a", "A", "Go", "Officer", 3, 3, 100] in rows
    assert [row for row in rows if "removed role" in str(row[3])] == [
        ["a", "A", "Go", "gone (removed role)", "not shown", "", ""],
        ["a", "A", "Go", "tiny (removed role)", "fewer than 2", "", ""],
        ["a", "A", "Stay", "gone (removed role)", "not shown", "", ""],
        ["a", "A", "Stay", "tiny (removed role)", "fewer than 2", "", ""],
        ["Ending", "", "Good practice", "gone (removed role)", "not shown", "", ""],
        ["Ending", "", "Good practice", "tiny (removed role)", "fewer than 2", "", ""],
    ]


def test_the_role_play_editor_warns_when_a_choice_is_removed_or_moved_not_when_reworded_or_added():
    from dataclasses import replace

    from emm_xblocks.role_play import changes

    node = SCENARIO.nodes[0]

    def with_choices(*choices):
        return replace(SCENARIO, nodes=(replace(node, choices=tuple(choices)), SCENARIO.nodes[1]))

    go, stay = node.choices
    assert changes.answer_changes(SCENARIO, with_choices(go, replace(stay, label="Stay here")), _) == []
    assert changes.answer_changes(SCENARIO, with_choices(go, stay, Choice("Call", "end")), _) == []
    for edited in (with_choices(stay, go), with_choices(stay), with_choices(go)):
        [warning] = changes.answer_changes(SCENARIO, edited, _)
        assert (warning.field, warning.error) == ("nodes.0.choices", False)
        assert "stored by their place" in warning.message
