"""Bug hunt 8, pure: a case study's question or key point added, an option reworded, held as
what they do to the answers stored (``case_study.changes``)."""

from dataclasses import replace

from emm_xblocks.case_study import changes
from emm_xblocks.case_study.content import Case, KeyPoint, Option, Question
from emm_xblocks.common import retired

GRADES = "Learners who already answered keep the score they were given until staff rescore."
OPTIONS = (Option("a", "Alpha", True), Option("b", "Beta"))
CASE = Case(questions=(
    Question("q1", "single", "<p>Pick one.</p>", OPTIONS, points=2),
    Question("q2", "reflection", "<p>Write.</p>", points=2, key_points=(KeyPoint("k1", "Interview apart"),)),
))


def said(new, old=CASE):
    return [(p.field, p.message, p.error) for p in changes.answer_changes(old, new, str)]


def with_question(case, i, **fields):
    questions = list(case.questions)
    questions[i] = replace(questions[i], **fields)
    return replace(case, questions=tuple(questions))


def test_a_key_point_added_to_a_reflection_warns_at_it_that_a_rescore_counts_it_unticked():
    more = with_question(CASE, 1, key_points=(KeyPoint("k1", "Interview apart"), KeyPoint("k2", "Refer")))
    assert said(more) == [("questions.1.key_points.1.text", "Question 2: this key point is new. Learners who already "
                           "assessed their answer could not tick it: a rescore counts it as not ticked. " + GRADES,
                           False)]
    # the first key points of a reflection that had none (any answer earned its points) too
    bare = with_question(CASE, 1, key_points=())
    assert [field for field, _m, _e in said(CASE, bare)] == ["questions.1.key_points.0.text"]
    # a key point whose id was renamed (same words) is said as renamed only; its words changed, nothing
    renamed = with_question(CASE, 1, key_points=(KeyPoint("k9", "Interview apart"),))
    assert [field for field, _m, _e in said(renamed)] == ["questions.1.key_points.0.id"]
    assert said(with_question(CASE, 1, key_points=(KeyPoint("k1", "Interview each apart"),))) == []
    # a reflection made of a choice question warns of its kind (and its options), not of key points added
    kind = with_question(CASE, 0, kind="reflection", options=(), key_points=(KeyPoint("k1", "One"),))
    assert {field for field, _m, _e in said(kind)} == {"questions.0.kind", "questions.0.options"}


def test_a_key_point_given_back_its_retired_id_and_words_is_the_old_one_back():
    gone = retired.Retired(retired.KEY_POINTS, "k2", "Refer", retired.words_key("Refer"), "q2")
    old = replace(CASE, retired_ids=(gone,))
    back = with_question(old, 1, key_points=(KeyPoint("k1", "Interview apart"), KeyPoint("k2", "Refer")))
    assert said(back, old) == []
    other = with_question(old, 1, key_points=(KeyPoint("k1", "Interview apart"), KeyPoint("k2", "Call")))
    assert [field for field, _m, _e in said(other, old)] == ["questions.1.key_points.1.id",
                                                              "questions.1.key_points.1.text"]


def test_a_question_added_warns_at_its_points_with_the_new_total_when_the_total_changes():
    added = replace(CASE, questions=(*CASE.questions, Question("q3", "single", "<p>More.</p>", OPTIONS, points=1.5)))
    assert said(added) == [("questions.2.points", "Question 3 is new: the case study's points now add up to 5.5, "
                            "not 4. The attempts already submitted have no answer to it: a rescore gives them no "
                            "point for it. " + GRADES, False)]
    # one removed for one of the same points: the total stays, the removal says what it does
    swapped = replace(CASE, questions=(CASE.questions[0], Question("q3", "single", "<p>More.</p>", OPTIONS, points=2)))
    assert [field for field, _m, _e in said(swapped)] == ["questions"]
    tenths = replace(CASE, questions=(replace(CASE.questions[0], points=0.1), replace(CASE.questions[1], points=0.2)))
    one = replace(tenths, questions=(Question("q3", "single", "<p>More.</p>", OPTIONS, points=0.3),))
    assert [field for field, _m, _e in said(one, tenths)] == ["questions", "questions"]  # 0.1 + 0.2 is 0.3
    # a question whose id was renamed (same prompt) is said as renamed only
    renamed = replace(CASE, questions=(replace(CASE.questions[0], id="q9"), CASE.questions[1]))
    assert [field for field, _m, _e in said(renamed)] == ["questions.0.id"]


def test_a_question_given_back_its_retired_id_and_prompt_is_the_old_one_back():
    gone = retired.Retired(retired.QUESTIONS, "q3", "More.", retired.words_key("More."))
    old = replace(CASE, retired_ids=(gone,))
    back = replace(old, questions=(*CASE.questions, Question("q3", "single", "<p>More.</p>", OPTIONS)))
    assert said(back, old) == []


def test_an_option_reworded_in_meaning_warns_at_its_words_quoting_the_old_ones():
    reworded = with_question(CASE, 0, options=(OPTIONS[0], Option("b", "Anything but Beta")))
    assert said(reworded) == [("questions.0.options.1.text", "Question 1: learners chose this option as it was "
                               "worded: “Beta”. Their own results and “how others answered” now show the new words "
                               "for their answer. If the meaning changed, give the option a new id: the answers "
                               "already given are then shown apart, as answers to a removed option.", False)]
    # case, spacing and punctuation change no meaning; an option moved is the same option
    assert said(with_question(CASE, 0, options=(OPTIONS[0], Option("b", " beta.")))) == []
    assert said(with_question(CASE, 0, options=OPTIONS[::-1])) == []
