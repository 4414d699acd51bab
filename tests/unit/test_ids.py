"""One id check for every list an author writes ids in (``common.ids.id_problem``)."""

from emm_xblocks.common.ids import BAD_ID, USED_TWICE, id_problem, is_valid_id
from emm_xblocks.likert.content import Statement, Survey
from emm_xblocks.likert.validation import validate as validate_survey


def test_an_id_is_bad_used_twice_whatever_its_case_or_fine():
    seen = set()
    assert [id_problem(value, seen) for value in ["pace", "Pace", "a b", "", "x" * 51, "x" * 50, "PACE"]] == [
        None, USED_TWICE, BAD_ID, BAD_ID, BAD_ID, None, USED_TWICE]
    assert "pace" in seen and "x" * 50 in seen


def test_an_id_ending_in_a_line_break_is_bad():
    """"$" also matches before a final line break: "pace\n" beside "pace" passed as two ids, and the
    editor, which trims it, then refused its own unchanged save (bug hunt s43)."""
    assert is_valid_id("pace") and not is_valid_id("pace\n") and not is_valid_id("pace\r\n")
    assert id_problem("pace\n", set()) == BAD_ID


def test_a_bad_id_is_reported_bad_each_time_never_as_used_twice():
    seen = set()
    assert id_problem("a b", seen) == BAD_ID
    assert id_problem("a b", seen) == BAD_ID  # a bad id is reported as bad, each time


def test_each_list_words_the_two_problems_in_its_own_terms():
    survey = Survey(statements=(Statement("s1", "One"), Statement("S1", "Two"), Statement("bad id", "Three")))
    said = {p.field: p.message for p in validate_survey(survey, str)}
    assert said["statements.1.id"] == "Statement 2: the id “S1” is used twice."
    assert "Statement 3" in said["statements.2.id"] and "used twice" not in said["statements.2.id"]
    assert "statements.0.id" not in said


def test_the_id_save_anyway_gives_is_valid_free_whatever_its_case_and_never_a_retired_one():
    """``common.retired``: the id given to an item that took one holding answers (decision 91)."""
    from emm_xblocks.case_study.content import Option, Question
    from emm_xblocks.common import retired

    assert retired.fresh_id("o2", {"o2", "o3"}) == "o4" and retired.fresh_id("n-mid", set()) == "n-mid-2"
    assert is_valid_id(retired.fresh_id("x" * 50, {"x" * 50})) and retired.fresh_id("x" * 50, set()) == "x" * 49 + "2"
    gone = retired.gone(retired.OPTIONS, (Option("O2", "Detain her"),), (), lambda o: o.text, "q1")
    question = Question("q1", options=(Option("o1", "Listen"), Option("o2", "Refer her")))
    found = retired.renames(gone, retired.OPTIONS, (), question.options, lambda o: o.text, "Q1")
    assert {i: fresh for i, (_entry, fresh) in found.items()} == {1: "o3"}  # "O2" is "o2"
    back = Question("q1", options=(Option("o2", "detain  her!"),))  # the same words: the option back
    assert retired.renames(gone, retired.OPTIONS, (), back.options, lambda o: o.text, "q1") == {}
    assert retired.updated(gone, [], retired.used(retired.OPTIONS, back.options, "q1")) == ()


def test_a_question_s_key_points_retire_with_it_and_one_taken_again_with_other_words_gets_a_fresh_id():
    """``common.retired.questions_held`` and ``questions_carried`` (decision 91, extended to key
    points): a reflection removed while answered retires its key points with it; a key point added
    under a retired id with other words is held at its id, and "Save anyway" gives it a fresh one."""
    from dataclasses import replace

    from emm_xblocks.case_study.content import Case, KeyPoint, Question
    from emm_xblocks.common import retired

    k1, k2 = KeyPoint("k1", "Name the risk"), KeyPoint("k2", "Refer her to protection services")
    reflection = Question("q3", kind="reflection", prompt="<p>Write.</p>", key_points=(k1, k2))
    _questions, retiring, _taken = retired.questions_carried(Case(questions=(reflection,)), Case(), True)
    assert [(r.list, r.id, r.of, r.words) for r in retiring] == [
        ("questions", "q3", "", "Write."), ("key_points", "k1", "q3", "Name the risk"),
        ("key_points", "k2", "q3", "Refer her to protection services")]

    old = Case(questions=(replace(reflection, key_points=(k1,)),),
               retired_ids=tuple(retired.gone(retired.KEY_POINTS, (k2,), (), lambda k: k.text, "q3")))
    new = Case(questions=(replace(reflection, key_points=(k1, KeyPoint("K2", "Ask about her family"))),))
    [warning] = retired.questions_held(old, new, str)
    assert warning.field == "questions.0.key_points.1.id" and "the id “K3”" in warning.message  # "K2" is "k2"
    questions, _retiring, taken = retired.questions_carried(old, new, True)
    assert [k.id for k in questions[0].key_points] == ["k1", "K3"]
    assert retired.updated(old.retired_ids, [], taken) == old.retired_ids  # k2 still holds the ticks
    back = Case(questions=(replace(reflection, key_points=(k1, KeyPoint("k2", "refer her to protection services!"))),))
    assert retired.questions_held(old, back, str) == []
    questions, _retiring, taken = retired.questions_carried(old, back, False)
    assert retired.updated(old.retired_ids, [], taken) == ()  # the key point back: its ticks are its own


def test_a_knowledge_check_keeps_its_retired_ids_in_its_fields_and_its_olx_never_in_its_form():
    """The knowledge check's question and option ids that hold results (decision 91, extended):
    stored, exported as ``<retired_id>`` and imported again, left out of the editor's form."""
    from lxml import etree

    from emm_xblocks.common import retired
    from emm_xblocks.knowledge_check import editor, olx
    from emm_xblocks.knowledge_check.content import KnowledgeCheck, Question, from_fields, to_fields

    words = "Which describe trafficking?"
    check = KnowledgeCheck(display_name="Pre", pair="day1", questions=(Question("q1"),), retired_ids=(
        retired.Retired(retired.QUESTIONS, "q2", words, retired.words_key(words)),
        retired.Retired(retired.OPTIONS, "exploit", "Ongoing exploitation", "0", "q2")))
    xml = etree.tostring(olx.to_xml(check), encoding="unicode")
    assert '<retired_id list="questions" value="q2"' in xml and f"{words}</retired_id>" in xml
    assert olx.from_xml(etree.fromstring(xml)) == check and from_fields(to_fields(check)) == check
    assert "retired_ids" not in editor.to_editor(check)
