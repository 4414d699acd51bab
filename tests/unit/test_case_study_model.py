"""The case-study model, pure: scoring, self-assessment, grade policy, validation, OLX."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from emm_xblocks.case_study import content, editor, learner, olx, scoring, validation
from emm_xblocks.case_study.content import Case, KeyPoint, Option, Question
from emm_xblocks.common import question_scoring as common_questions
from emm_xblocks.common.actions import ActionError
from emm_xblocks.common.attempts import COUNT_BEST, COUNT_LAST, COUNTED_ATTEMPT, counted_attempt


def _(s):
    return s


SINGLE = Question("s", content.SINGLE, "<p>?</p>", (Option("a", "A", True), Option("b", "B")), points=2)
MULTI = Question("m", content.MULTIPLE, "<p>?</p>", (Option("x", "X", True), Option("y", "Y", True),
                                                  Option("z", "Z")), points=4)
REFL = Question("r", content.REFLECTION, "<p>?</p>", points=3, min_words=2, max_words=5, model_answer="<p>M</p>",
                key_points=(KeyPoint("k1", "One"), KeyPoint("k2", "Two"), KeyPoint("k3", "Three")))
CASE = Case(display_name="C", narrative="<p>N</p>", questions=(SINGLE, MULTI, REFL))


def test_single_choice():
    assert common_questions.score_question(SINGLE, "a") == (2.0, content.CORRECT)
    assert common_questions.score_question(SINGLE, "b") == (0.0, content.INCORRECT)
    assert common_questions.score_question(SINGLE, None) == (0.0, content.INCORRECT)


def test_multiple_all_or_nothing():
    assert common_questions.score_question(MULTI, ["x", "y"]) == (4.0, content.CORRECT)
    assert common_questions.score_question(MULTI, ["x"]) == (0.0, content.INCORRECT)
    assert common_questions.score_question(MULTI, ["x", "y", "z"]) == (0.0, content.INCORRECT)


def test_multiple_partial_credit():
    q = replace(MULTI, partial_credit=True)
    assert common_questions.score_question(q, ["x", "y"]) == (4.0, content.CORRECT)
    assert common_questions.score_question(q, ["x"]) == (2.0, content.PARTIAL)
    assert common_questions.score_question(q, ["x", "y", "z"]) == (2.0, content.PARTIAL)
    assert common_questions.score_question(q, ["x", "z"]) == (0.0, content.INCORRECT)
    assert common_questions.score_question(q, ["z"]) == (0.0, content.INCORRECT)


def test_reflection_is_scored_by_self_assessment():
    assert common_questions.score_question(REFL, "my text") == (0.0, content.PENDING)
    assert common_questions.score_question(REFL, "my text", []) == (0.0, content.INCORRECT)
    assert common_questions.score_question(REFL, "my text", ["k1"]) == (1.0, content.PARTIAL)
    assert common_questions.score_question(REFL, "my text", ["k1", "k2", "k3"]) == (3.0, content.CORRECT)
    assert common_questions.score_question(replace(REFL, key_points=()), "my text") == (3.0, content.CORRECT)


def test_attempt_and_grade_policies():
    answers = {"s": "a", "m": ["x"], "r": "a b c"}
    assert common_questions.score(CASE, answers) == (2.0, 9.0)
    assert common_questions.score(CASE, answers, {"r": ["k1", "k2"]}) == (4.0, 9.0)
    scores = [(6.0, 9.0), (2.0, 9.0)]
    assert counted_attempt(COUNT_BEST, scores) == (6.0, 9.0)
    assert counted_attempt(COUNT_LAST, scores) == (2.0, 9.0)
    assert counted_attempt(COUNT_BEST, []) is None



def test_partial_credit_is_rounded_once_on_the_total():
    """Three questions worth a third each are 1 point, not 0.9999."""
    thirds = tuple(Question(f"m{i}", content.MULTIPLE, "<p>?</p>", (Option("x", "X", True), Option("y", "Y", True),
                                                                   Option("z", "Z", True), Option("w", "W")),
                            partial_credit=True, points=1) for i in range(3))
    assert common_questions.score(Case(questions=thirds), {f"m{i}": ["x"] for i in range(3)}) == (1.0, 3.0)
    refl = tuple(replace(REFL, id=f"r{i}", points=1) for i in range(3))
    assert common_questions.score(Case(questions=refl), {f"r{i}": "a b c" for i in range(3)},
                               {f"r{i}": ["k2"] for i in range(3)}) == (1.0, 3.0)
    # exact, never rounded to 0.6667 (which a weight of 3 would show as 2.0001 points)
    assert common_questions.score(Case(questions=refl), {"r0": "a b"}, {"r0": ["k1", "k2"]}) == (2 / 3, 3.0)


def test_an_unreadable_document_size_is_a_warning():
    from emm_xblocks.case_study.content import Document

    def problems(size):
        doc = Document("Law", "https://example.org/law.pdf", size)
        return {(p.field, p.error) for p in validation.validate(Case(display_name="C", documents=(doc,)), _)
                if p.field.startswith("documents")}

    assert problems("1.2 MB") == problems("web page") == problems("") == set()
    assert problems("9" * 400 + " MB") == problems("2" * 20 + " GB") == {("documents.0.size", False)}

def test_answers_revealed_policy():
    finished = replace(CASE, show_answers=content.SHOW_FINISHED, attempts_allowed=2)
    assert not scoring.answers_revealed(CASE, False, 0, False)
    assert scoring.answers_revealed(CASE, True, 1, False)
    assert not scoring.answers_revealed(finished, True, 1, False)
    assert scoring.answers_revealed(finished, True, 2, False)
    assert scoring.answers_revealed(finished, True, 1, True)
    assert not scoring.answers_revealed(replace(CASE, show_answers=content.SHOW_NEVER), True, 5, True)


def test_check_answers():
    cleaned = learner.check_answers(CASE, {"s": "a", "m": ["y", "x", "x"], "r": " a b "}, _)
    assert cleaned == {"s": "a", "m": ["x", "y"], "r": "a b"}
    for raw, code in [({"s": "a", "m": ["x"]}, "missing_answers"),
                      ({"s": "a", "m": ["x"], "r": "one"}, "answer_too_short"),
                      ({"s": "a", "m": ["x"], "r": "a b c d e f"}, "answer_too_long"),
                      ({"s": ["a", "b"]}, "too_many_answers"),
                      ({"q": "a"}, "unknown_question"),
                      ("x", "invalid_answers")]:
        try:
            learner.check_answers(CASE, raw, _)
        except ActionError as err:
            assert err.code == code
        else:
            raise AssertionError(code)
    assert learner.check_answers(CASE, {"r": "one"}, _, final=False) == {"r": "one"}


def test_words_are_counted_as_the_pages_counter_counts_them():
    """tests/js/word-counts.json: written answers with their number of words; the page's counter
    and its check before sending count them so (emm-questions.js EMM.countWords,
    tests/js/emm-questions.test.js), and so does the server, which refuses by that count: an
    answer of n words passes a minimum of n and is refused at n + 1, at its question; an answer
    without a word is no answer."""
    import json
    from pathlib import Path

    data = json.loads((Path(__file__).parents[1] / "js" / "word-counts.json").read_text("utf-8"))
    assert data["white_space"] == [f"U+{c:04X}" for c in range(0x110000) if chr(c).isspace()]
    assert len(data["answers"]) >= 15
    for case in data["answers"]:
        text, n = case["text"], case["words"]
        assert content.word_count(text) == n, case["why"]
        alone = Case(questions=(replace(REFL, min_words=n, max_words=0),))
        if n == 0:
            with pytest.raises(ActionError) as err:
                learner.check_answers(alone, {"r": text}, _)
            assert (err.value.code, err.value.extra) == ("missing_answers", {"questions": ["r"]}), case["why"]
            continue
        assert learner.check_answers(alone, {"r": text}, _) == {"r": text.strip()}, case["why"]
        with pytest.raises(ActionError) as err:
            learner.check_answers(Case(questions=(replace(REFL, min_words=n + 1, max_words=0),)), {"r": text}, _)
        assert (err.value.code, err.value.extra) == ("answer_too_short", {"question": "r"}), case["why"]
        assert err.value.message == f"This answer is too short ({n + 1} words at least)."
        if n > 1:  # a maximum of 0 is none
            with pytest.raises(ActionError) as err:
                learner.check_answers(Case(questions=(replace(REFL, min_words=0, max_words=n - 1),)), {"r": text}, _)
            assert (err.value.code, err.value.extra) == ("answer_too_long", {"question": "r"}), case["why"]


def test_check_ticks():
    assert learner.check_ticks(CASE, {"r": ["k2", "k1"]}, _) == {"r": ["k1", "k2"]}
    for raw, code in [({"r": ["k9"]}, "unknown_key_point"), ({"s": []}, "unknown_question"),
                      ({"r": "k1"}, "invalid_ticks")]:
        try:
            learner.check_ticks(CASE, raw, _)
        except ActionError as err:
            assert err.code == code
        else:
            raise AssertionError(code)


def fields_of(problems):
    return {p.field: p.error for p in problems}


def test_validation_problems():
    good = fields_of(validation.validate(CASE, _))
    # a new case study's defaults: answers after each submission, no limit on attempts (bug hunt s44)
    assert good == {"questions.0.explanation": False, "questions.1.explanation": False, "show_answers": False}
    two_correct = replace(SINGLE, options=(Option("a", "A", True), Option("b", "B", True)))
    none_correct = replace(SINGLE, options=(Option("a", "A"), Option("b", "B")))
    bad = replace(CASE, display_name=" ", questions=(two_correct, replace(none_correct, id="s"),
                                                     replace(REFL, key_points=(), min_words=9)),
                  images=(content.Image("https://x.org/a.png", ""),), attempts_allowed=-1, grade_policy="x")
    problems = fields_of(validation.validate(bad, _))
    assert problems["display_name"] is True
    assert problems["questions.0.options"] is True
    assert problems["questions.1.id"] is True  # duplicate id
    assert problems["questions.2.key_points"] is False  # a warning
    assert problems["questions.2.min_words"] is True
    assert problems["images.0.alt"] is True
    assert problems["attempts_allowed"] is True and problems["grade_policy"] is True
    assert "questions" in fields_of(validation.validate(Case(), _))


@pytest.mark.parametrize("change, warned", [
    ({}, True),  # a new case study's defaults: graded, answers after each submission, no limit
    ({"show_answers": content.SHOW_FINISHED}, False),
    ({"show_answers": content.SHOW_NEVER}, False),
    ({"attempts_allowed": 1}, False),
    ({"attempts_allowed": 3}, False),  # a limit the author chose: how much practice the grade allows
    ({"weight": 0.0}, False),  # not graded: practice
    ({"grade_policy": COUNT_LAST}, True),
])
def test_a_graded_case_showing_the_answers_before_another_try_is_warned_at_show_answers(change, warned):
    """Bug hunt s44: with a new case study's defaults every learner reaches full marks by trying
    again after seeing the answers. The defaults stay; Studio warns at "Show answers" (the editor's
    live check, the save, ``validate()``), saying what happens and what to change."""
    said = [p for p in validation.validate(replace(CASE, **change), _) if p.field == "show_answers"]
    assert [(p.error, "full marks" in p.message) for p in said] == ([(False, True)] if warned else [])
    assert validation.playable(replace(CASE, **change))  # a warning: learners are not kept out
    unscored = replace(CASE, questions=tuple(replace(q, points=0) for q in CASE.questions))
    assert not [p for p in validation.validate(unscored, _) if p.field == "show_answers"]


def test_a_multiple_choice_option_s_id_with_the_question_s_fits_the_store_s_group_column():
    """Its answers are kept under "<question id>.<option id>" (``perspectives.recorded``), in a
    column of 100 characters (``models.Answer.group``): a longer pair would refuse every submit
    on MySQL (data too long), so it is an error the author reads, and learners wait."""
    def case_of(qid, oid):
        options = (Option(oid, "X", True), Option("y", "Y"))
        return replace(CASE, questions=(replace(MULTI, id=qid, options=options),))
    fits = case_of("q" * 49, "o" * 50)
    assert fields_of(validation.validate(fits, _)) == {"questions.0.explanation": False, "show_answers": False}
    assert validation.playable(fits)
    too_long = case_of("q" * 50, "o" * 50)
    problems = validation.validate(too_long, _)
    assert fields_of(problems) == {"questions.0.options.0.id": True, "questions.0.explanation": False,
                                   "show_answers": False}
    [said] = [p.message for p in problems if p.field == "questions.0.options.0.id"]
    assert "Question 1, option 1" in said and "99" in said
    assert not validation.playable(too_long)
    # a single choice is kept under the question's id alone: 50 and 50 is fine
    single = replace(CASE, questions=(replace(SINGLE, id="q" * 50, options=(Option("o" * 50, "A", True),
                                                                              Option("b", "B"))),))
    assert validation.playable(single)


def test_a_written_question_cannot_ask_more_words_than_an_answer_can_hold():
    """Without a maximum, a minimum above ``MAX_WORDS`` could never be met (answers are capped in
    characters): an error, as a maximum above it is."""
    for min_words, max_words in ((content.MAX_WORDS + 1, 0), (0, content.MAX_WORDS + 1)):
        case = replace(CASE, questions=(replace(REFL, min_words=min_words, max_words=max_words),))
        assert fields_of(validation.validate(case, _))["questions.0.max_words"] is True
    assert "questions.0.max_words" not in fields_of(validation.validate(
        replace(CASE, questions=(replace(REFL, min_words=content.MAX_WORDS, max_words=0),)), _))


def test_forms_round_trip_and_types():
    case, problems = editor.from_editor(content.to_plain(CASE), _)
    assert case == CASE
    case, problems = editor.from_editor({"display_name": "X", "weight": "abc", "questions": "nope"}, _)
    assert {"weight", "questions"} <= set(fields_of(problems))
    case, _p = editor.from_editor({"narrative": "<p onclick='x()'>Hi<script>bad()</script></p>"}, _)
    assert "onclick" not in case.narrative and "script" not in case.narrative


# ------------------------------------------------------------------ OLX
def xml_of(case):
    return etree.tostring(olx.to_xml(case), encoding="unicode")


def test_olx_reads_and_writes():
    text = xml_of(CASE)
    assert '<question id="s" type="single" points="2">' in text
    assert '<option id="a" correct="true">A</option>' in text
    assert olx.from_xml(etree.fromstring(text)) == CASE


ident = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)
words = st.text(st.characters(whitelist_categories=("L", "N"), max_codepoint=0x6ff), min_size=1, max_size=8)
sentence = st.lists(words, max_size=5).map(" ".join)
html = sentence.map(lambda s: f"<p>{s}</p>" if s else "")


@st.composite
def questions(draw):
    kind = draw(st.sampled_from([content.SINGLE, content.MULTIPLE, content.REFLECTION]))
    qid = draw(ident)
    common = dict(id=qid, kind=kind, prompt=draw(html), explanation=draw(html),
                  points=float(draw(st.integers(1, 10))))
    if kind == content.REFLECTION:
        return Question(**common, min_words=draw(st.integers(0, 5)), max_words=draw(st.integers(0, 500)),
                        model_answer=draw(html),
                        key_points=tuple(KeyPoint(f"k{i}", draw(sentence)) for i in range(draw(st.integers(0, 3)))))
    options = tuple(Option(f"o{i}", draw(sentence), draw(st.booleans()), draw(sentence))
                    for i in range(draw(st.integers(0, 4))))
    return Question(**common, options=options,
                    partial_credit=kind == content.MULTIPLE and draw(st.booleans()))


cases = st.builds(
    Case,
    display_name=sentence, narrative=html, expert_analysis=html,
    sections=st.lists(st.builds(content.Section, sentence, html), max_size=2).map(tuple),
    key_facts=st.lists(sentence, max_size=3).map(tuple),
    documents=st.lists(st.builds(content.Document, sentence, st.sampled_from(["", "https://e.org/d.pdf"]), sentence,
                                 html), max_size=2).map(tuple),
    images=st.lists(st.builds(content.Image, st.just("/static/a.png"), sentence, sentence), max_size=2).map(tuple),
    questions=st.lists(questions(), max_size=4).map(tuple),
    weight=st.sampled_from([0.0, 0.5, 1.0, 2.0]), attempts_allowed=st.integers(0, 5),
    grade_policy=st.sampled_from(list(COUNTED_ATTEMPT)), show_answers=st.sampled_from(list(content.SHOW_ANSWERS)),
    topic=sentence, estimated_minutes=st.integers(0, 90), show_distribution=st.booleans(),
    min_group_size=st.integers(1, 20),
)


@settings(max_examples=150, deadline=None)
@given(cases)
def test_olx_round_trip_property(case):
    once = xml_of(case)
    assert xml_of(olx.from_xml(etree.fromstring(once))) == once


# ------------------------------------------------------------------ the learner's actions
GOOD = {"s": "a", "m": ["x", "y"], "r": "a b c"}


def test_submit_scores_each_attempt_once_and_says_what_to_keep(monkeypatch):
    from emm_xblocks.common.actions import Claim, Record

    scored = []
    real = common_questions.score_question
    monkeypatch.setattr(common_questions, "score_question", lambda q, *rest: scored.append(q.id) or real(q, *rest))
    case = replace(CASE, show_distribution=True, attempts_allowed=2)
    first = learner.submit(case, learner.State(), {"answers": GOOD}, _)
    assert scored == ["s", "m", "r"]  # the new attempt, once
    assert first.score == (6.0, 9.0) and first.completion == 1.0
    assert first.state.attempts == 1 and first.state.history == [{"answers": GOOD, "ticks": None, "attempt": 1}]
    assert [type(w) for w in first.writes] == [Claim, Record] and first.writes[0].number == 1
    assert first.writes[0].refused.code == "submit_conflict"
    assert [name for name, _data in first.events] == ["emm.case_study.submitted", "emm.case_study.answers_shown"]
    assert first.result["questions"][2]["status"] == content.PENDING and first.result["grade"] == 6.0
    scored.clear()
    again = learner.try_again(case, first.state, {}, _)
    assert again.state.draft == GOOD and again.score is None and again.writes == ()
    second = learner.submit(case, again.state, {"answers": dict(GOOD, s="b")}, _)
    assert scored == ["s", "m", "r"] * 2  # the earlier attempt and the new one, once each
    assert second.score == (6.0, 9.0)  # the best attempt counts
    assert [name for name, _data in second.events] == ["emm.case_study.submitted"]  # answers were shown already
    with pytest.raises(ActionError) as err:
        learner.try_again(case, second.state, {}, _)
    assert err.value.code == "no_attempts_left"


def test_answers_are_recorded_as_shown_only_where_the_platform_serves_them():
    """(Bug hunt s44.) ``served``: the platform lets the answers through (``platform.answers_available``).
    Hidden at the submit, they are recorded by the first page that shows them (``answers_seen``)."""
    hidden = learner.submit(CASE, learner.State(), {"answers": GOOD}, _, served=False)
    assert hidden.result["revealed"] is True  # what the author's policy would show; the page cuts it
    assert [name for name, _data in hidden.events] == ["emm.case_study.submitted"]
    assert hidden.state.answers_shown is False
    assessed = learner.self_assess(CASE, hidden.state, {"ticks": {"r": ["k1"]}}, _, served=False)
    assert assessed.events[1:] == () and assessed.state.answers_shown is False
    assert learner.answers_seen(CASE, assessed.state, served=False) is None  # still hidden
    seen = learner.answers_seen(CASE, assessed.state, served=True)
    assert seen.events == (("emm.case_study.answers_shown", {"attempt": 1}),)
    assert seen.state == replace(assessed.state, answers_shown=True)  # nothing else written
    assert learner.answers_seen(CASE, seen.state, served=True) is None  # once
    assert learner.answers_seen(CASE, learner.State(), served=True) is None  # nothing submitted
    never = replace(CASE, show_answers=content.SHOW_NEVER)
    assert learner.answers_seen(never, assessed.state, served=True) is None  # the author shows none


def test_self_assessment_regrades_with_the_ticks():
    submitted = learner.submit(CASE, learner.State(), {"answers": GOOD}, _).state
    outcome = learner.self_assess(CASE, submitted, {"ticks": {"r": ["k1", "k2", "k3"]}}, _)
    assert outcome.score == (9.0, 9.0) and outcome.state.assessed and outcome.state.ticks == {"r": ["k1", "k2", "k3"]}
    assert outcome.state.history[-1]["ticks"] == {"r": ["k1", "k2", "k3"]}
    assert outcome.events[0] == ("emm.case_study.self_assessed", {"attempt": 1, "ticks": {"r": ["k1", "k2", "k3"]},
                                                                  "score": 9.0, "max_score": 9.0})


def test_document_opened_only_publishes_an_event():
    from emm_xblocks.case_study.content import Document

    case = replace(CASE, documents=(Document("Law", "", "", "<p>Art. 1<script>x()</script></p>"),))
    outcome = learner.document_opened(case, learner.State(), {"index": 0, "via": "viewer"}, _)
    assert outcome.state is None and outcome.score is None and outcome.writes == ()
    # the answer, the excerpt for the page's viewer, is written by the views (sanitised)
    from emm_xblocks.case_study import views

    assert views.respond_document(None, case, outcome) == {"recorded": True, "html": "<p>Art. 1</p>"}
    assert [name for name, _data in outcome.events] == ["emm.case_study.document_opened"]


def test_ids_are_compared_without_case():
    twice = replace(CASE, questions=(SINGLE, replace(MULTI, id="S")))
    assert fields_of(validation.validate(twice, _))["questions.1.id"] is True


def test_older_olx_attempt_limit_is_read_and_written_under_the_new_name():
    case = olx.from_xml(etree.fromstring('<emm_case_study display_name="x" max_attempts="3"/>'))
    assert case.attempts_allowed == 3
    assert 'attempts_allowed="3"' in xml_of(case) and "max_attempts" not in xml_of(case)
