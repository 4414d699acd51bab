"""``common.spreadsheet.report_rows``: the rows every block's ``generate_report_data`` yields, as the LMS's
problem-responses report reads them (``lms/djangoapps/instructor_task/tasks_helper/grades.py``,
``ProblemResponses``: ``limit_responses`` counts rows)."""

from types import SimpleNamespace

from emm_xblocks.common.spreadsheet import report_rows


def learners(*states):
    """Each learner as the platform's iterator gives it (``.username``, ``.state``), and the
    usernames it has handed out so far."""
    read = []

    def iterate():
        for i, state in enumerate(states):
            read.append(f"u{i}")
            yield SimpleNamespace(username=f"u{i}", state=state)

    return iterate(), read


def rows_of(state):
    return [{"q": q} for q in state.get("answers", [])]


def test_the_limit_counts_rows_skips_learners_without_any_and_reads_no_learner_more():
    states, read = learners({"answers": ["a", "b"]}, {}, None, {"answers": ["c", "d"]}, {"answers": ["e"]})
    assert list(report_rows(states, rows_of, limit_responses=3)) == [
        ("u0", {"q": "a"}), ("u0", {"q": "b"}), ("u3", {"q": "c"})]
    assert read == ["u0", "u1", "u2", "u3"]  # the fifth learner is never read


def test_no_limit_gives_every_row_and_a_limit_of_zero_none():
    states, _read = learners({"answers": ["a"]}, {"answers": ["b", "c"]})
    assert [row["q"] for _user, row in report_rows(states, rows_of)] == ["a", "b", "c"]
    states, read = learners({"answers": ["a"]})
    assert list(report_rows(states, rows_of, limit_responses=0)) == [] and read == []
