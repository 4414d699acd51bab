"""Issue 8 §2: the LMS "problem responses" report
(``lms/djangoapps/instructor_task/tasks_helper/grades.py``): each block's
``generate_report_data`` runs on the block with no learner bound; a row's columns keep the
block's order only if the row is an ``OrderedDict`` (else they are sorted); the CSV is opened in
spreadsheets, so no cell may start a formula.
"""

from collections import OrderedDict

import pytest

from tests.integration.platform_blocks import CASE, LIKERT, LIKERT_ANSWERS, REFLECTION, ROLE_PLAY, play
from tests.openedx import problem_responses
from tests.openedx.fixtures import platform  # noqa: F401
from tests.openedx.instructor import user_states

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NASTY = "=HYPERLINK(\"http://evil.example\",\"x\")"


def generated(platform, key):  # noqa: F811
    block = platform.unbound(key)
    return list(block.generate_report_data(user_states(platform, key), None))


def test_likert_reports_one_row_per_named_respondent_in_statement_order(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra=""), platform.subsection())
    for name in ("bea", "ana"):
        assert platform.lms(platform.user(name)).handle(key, "submit", LIKERT_ANSWERS).status == 200
    rows, columns = problem_responses(platform, key)
    assert sorted(r["username"] for r in rows) == ["ana", "bea"]
    statement_columns = [c for c in columns if any(s in c for s in ("relevance", "relevant", "pace", "applic"))]
    assert len(statement_columns) == 4  # pace is reverse-coded: as given, then rescored
    order = [next(i for i, c in enumerate(columns) if word in c) for word in ("relevan", "pace", "appl")]
    assert order == sorted(order)  # as authored, not alphabetical
    ana = next(r for r in rows if r["username"] == "ana")
    relevance = ana[statement_columns[0]]
    assert "5" in str(relevance) or "strongly agree" in str(relevance).lower()
    pace, rescored = (ana[c] for c in statement_columns[1:3])
    assert (str(pace), str(rescored)) == ("2 Disagree", "4") and "rescored" in statement_columns[2]


def test_anonymous_likert_reports_nothing_identifying(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra='anonymous="true"'), platform.subsection())
    assert platform.lms(platform.user("ana")).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert generated(platform, key) == []
    rows, _columns = problem_responses(platform, key)
    assert "Merci" not in str(rows) and '"relevance"' not in str(rows)


def _answered(platform, block_type):  # noqa: F811
    ana = platform.user("ana")
    if block_type == "emm_likert":
        key = platform.add(LIKERT.format(extra=""), platform.subsection())
        platform.lms(ana).handle(key, "submit", {**LIKERT_ANSWERS, "comment": NASTY})
    elif block_type == "emm_case_study":
        key = platform.add(CASE.format(extra="", more=REFLECTION), platform.subsection())
        platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a", "q3": NASTY}})
    else:
        key = platform.add(ROLE_PLAY.format(extra="").replace("Officer", "-Officer"), platform.subsection())
        play(platform.lms(ana), key, ["Refer at once"])
    return key


@pytest.mark.parametrize("block_type", ["emm_likert", "emm_case_study", "emm_role_play"])
def test_report_rows_keep_their_intended_column_order(platform, block_type):  # noqa: F811
    key = _answered(platform, block_type)
    rows = generated(platform, key)
    assert rows
    assert all(isinstance(state, OrderedDict) for _username, state in rows)


@pytest.mark.parametrize("block_type", ["emm_likert", "emm_case_study", "emm_role_play"])
def test_report_cells_never_start_a_formula(platform, block_type):  # noqa: F811
    key = _answered(platform, block_type)
    for _username, state in generated(platform, key):
        for column, value in state.items():
            assert not str(column).startswith(FORMULA_STARTS)
            if isinstance(value, str):
                assert not value.startswith(FORMULA_STARTS), (column, value)


def test_anonymous_answers_stay_undated_in_the_staff_csv_once_the_evaluation_is_named(platform):  # noqa: F811
    """Bug hunt s42: an evaluation made named after learners answered it anonymously writes a
    learner and a date column; the anonymous rows keep neither (decision 4: no time kept finer
    than the day, none shown, so that a day's lone respondent cannot be told apart)."""
    import csv
    import io

    from django.utils import timezone

    from emm_xblocks.models import Answer

    key = platform.add(LIKERT.format(extra='anonymous="true" min_group_size="2"'), platform.subsection())
    for name in ("ana", "bob"):
        assert platform.lms(platform.user(name)).handle(key, "submit", LIKERT_ANSWERS).status == 200
    first = Answer.objects.filter(block_key=str(key)).order_by("id").first().submission
    Answer.objects.filter(submission=first).update(day=timezone.now().date() - timezone.timedelta(days=1))
    platform.reimport(key, LIKERT.format(extra='min_group_size="2"'))
    carla = platform.user("carla")
    assert platform.lms(carla).handle(key, "submit", LIKERT_ANSWERS).status == 200
    body = platform.lms(platform.user("staff_s", role="staff")).handle(key, "export_csv", {}, method="GET").body
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    dated = sorted(bool(r[1]) for r in rows[1:])
    assert dated == [False, False, True]  # carla's named row has its day; the two anonymous rows none


def test_the_role_play_report_gives_an_override_s_score_as_the_page_does(platform):  # noqa: F811
    """Bug hunt s42: the override keeps ``score / weight`` (``override_score_module_state``); the
    problem responses report gave 0.333 for a full-marks override of a role-play of weight 3, where
    the learner's page and apps say 1."""
    from tests.openedx import override_score

    key = platform.add(ROLE_PLAY.format(extra='weight="3"'), platform.subsection(graded=True))
    ana = platform.user("ana")
    play(platform.lms(ana), key, ["Listen first", "Finish"])
    override_score(platform, key, ana, 1.0)
    rows, _columns = problem_responses(platform, key)
    assert rows[0]["score"] == 1.0


PLATFORM_COLUMNS = ("username", "title", "location", "block_key", "state")
EVALUATION = """
<emm_likert display_name="End-of-training evaluation" allow_na="true">
  <item id="relevance">The training is relevant to my work.</item>
  <item id="{sid}">The {sid} of the training was suitable.</item>
</emm_likert>
"""


@pytest.mark.parametrize("sid", PLATFORM_COLUMNS)
def test_a_statement_id_never_overwrites_the_report_s_own_columns(platform, sid):  # noqa: F811
    """(Bug hunt s44.) ``ProblemResponses._build_student_data`` writes ``username``, ``title``,
    ``location`` (the block's place in the course), ``block_key``, ``state``, then
    ``user_response.update(user_state)``: a statement ``<item id="location">`` put its answers in
    place of the block's place (two ``location`` columns in the header), ``username`` in place of
    the learner's name."""
    key = platform.add(EVALUATION.format(sid=sid), platform.subsection())
    ana = platform.user("ana")
    sent = platform.lms(ana).handle(key, "submit", {"answers": {"relevance": 5, sid: 4}})
    assert sent.status == 200, sent.json
    rows, columns = problem_responses(platform, key, title="End-of-training evaluation")
    assert len(columns) == len(set(columns)), columns  # no column twice in the CSV's header
    [row] = rows
    assert row["username"] == "ana"
    assert row["title"] == row["location"] == "End-of-training evaluation"  # the block's, as the platform wrote them
    assert row["block_key"] == str(key)
    assert row[f"{sid} (statement)"] == "4 Agree", row


def test_a_statement_named_comment_keeps_its_answers_beside_the_comment(platform):  # noqa: F811
    """(Review s44.) The report's own ``Comment`` (and ``Scale``) columns are taken too: a statement
    ``<item id="Comment">`` had its answers overwritten by the learner's comment."""
    olx = EVALUATION.format(sid="Comment").replace('allow_na="true"', 'allow_na="true" comment_box="true"')
    key = platform.add(olx, platform.subsection())
    ana = platform.user("ana")
    sent = platform.lms(ana).handle(key, "submit", {"answers": {"relevance": 5, "Comment": 4}, "comment": "Thanks"})
    assert sent.status == 200, sent.json
    [row], _columns = problem_responses(platform, key, title="End-of-training evaluation")
    assert row["Comment (statement)"] == "4 Agree" and row["Comment"] == "Thanks", row
