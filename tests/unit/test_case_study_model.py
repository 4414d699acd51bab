"""The case-study model, pure: scoring, self-assessment, grade policy, validation, OLX."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from emm_xblocks.case_study import forms, model
from emm_xblocks.case_study.model import Case, KeyPoint, Option, Question


def _(s):
    return s


SINGLE = Question("s", model.SINGLE, "<p>?</p>", (Option("a", "A", True), Option("b", "B")), points=2)
MULTI = Question("m", model.MULTIPLE, "<p>?</p>", (Option("x", "X", True), Option("y", "Y", True),
                                                  Option("z", "Z")), points=4)
REFL = Question("r", model.REFLECTION, "<p>?</p>", points=3, min_words=2, max_words=5, model_answer="<p>M</p>",
                key_points=(KeyPoint("k1", "One"), KeyPoint("k2", "Two"), KeyPoint("k3", "Three")))
CASE = Case(display_name="C", narrative="<p>N</p>", questions=(SINGLE, MULTI, REFL))


def test_single_choice():
    assert model.score_question(SINGLE, "a") == (2.0, model.CORRECT)
    assert model.score_question(SINGLE, "b") == (0.0, model.INCORRECT)
    assert model.score_question(SINGLE, None) == (0.0, model.INCORRECT)


def test_multiple_all_or_nothing():
    assert model.score_question(MULTI, ["x", "y"]) == (4.0, model.CORRECT)
    assert model.score_question(MULTI, ["x"]) == (0.0, model.INCORRECT)
    assert model.score_question(MULTI, ["x", "y", "z"]) == (0.0, model.INCORRECT)


def test_multiple_partial_credit():
    q = replace(MULTI, partial_credit=True)
    assert model.score_question(q, ["x", "y"]) == (4.0, model.CORRECT)
    assert model.score_question(q, ["x"]) == (2.0, model.PARTIAL)
    assert model.score_question(q, ["x", "y", "z"]) == (2.0, model.PARTIAL)
    assert model.score_question(q, ["x", "z"]) == (0.0, model.INCORRECT)
    assert model.score_question(q, ["z"]) == (0.0, model.INCORRECT)


def test_reflection_is_scored_by_self_assessment():
    assert model.score_question(REFL, "my text") == (0.0, model.PENDING)
    assert model.score_question(REFL, "my text", []) == (0.0, model.INCORRECT)
    assert model.score_question(REFL, "my text", ["k1"]) == (1.0, model.PARTIAL)
    assert model.score_question(REFL, "my text", ["k1", "k2", "k3"]) == (3.0, model.CORRECT)
    assert model.score_question(replace(REFL, key_points=()), "my text") == (3.0, model.CORRECT)


def test_attempt_and_grade_policies():
    answers = {"s": "a", "m": ["x"], "r": "a b c"}
    assert model.score_attempt(CASE, answers) == (2.0, 9.0)
    assert model.score_attempt(CASE, answers, {"r": ["k1", "k2"]}) == (4.0, 9.0)
    scores = [(6.0, 9.0), (2.0, 9.0)]
    assert model.grade(model.POLICY_BEST, scores) == (6.0, 9.0)
    assert model.grade(model.POLICY_LAST, scores) == (2.0, 9.0)
    assert model.grade(model.POLICY_BEST, []) is None



def test_partial_credit_is_rounded_once_on_the_total():
    """Three questions worth a third each are 1 point, not 0.9999."""
    thirds = tuple(Question(f"m{i}", model.MULTIPLE, "<p>?</p>", (Option("x", "X", True), Option("y", "Y", True),
                                                                   Option("z", "Z", True), Option("w", "W")),
                            partial_credit=True, points=1) for i in range(3))
    assert model.score_attempt(Case(questions=thirds), {f"m{i}": ["x"] for i in range(3)}) == (1.0, 3.0)
    refl = tuple(replace(REFL, id=f"r{i}", points=1) for i in range(3))
    assert model.score_attempt(Case(questions=refl), {f"r{i}": "a b c" for i in range(3)},
                               {f"r{i}": ["k2"] for i in range(3)}) == (1.0, 3.0)
    assert model.score_attempt(Case(questions=refl), {"r0": "a b"}, {"r0": ["k1", "k2"]}) == (0.6667, 3.0)


def test_an_unreadable_document_size_is_a_warning():
    from emm_xblocks.case_study.model import Document

    def problems(size):
        doc = Document("Law", "https://example.org/law.pdf", size)
        return {(p.field, p.error) for p in model.validate(Case(display_name="C", documents=(doc,)), _)
                if p.field.startswith("documents")}

    assert problems("1.2 MB") == problems("web page") == problems("") == set()
    assert problems("9" * 400 + " MB") == problems("2" * 20 + " GB") == {("documents.0.size", False)}

def test_answers_revealed_policy():
    finished = replace(CASE, show_answers=model.SHOW_FINISHED, max_attempts=2)
    assert not model.answers_revealed(CASE, False, 0, False)
    assert model.answers_revealed(CASE, True, 1, False)
    assert not model.answers_revealed(finished, True, 1, False)
    assert model.answers_revealed(finished, True, 2, False)
    assert model.answers_revealed(finished, True, 1, True)
    assert not model.answers_revealed(replace(CASE, show_answers=model.SHOW_NEVER), True, 5, True)


def test_check_answers():
    cleaned = model.check_answers(CASE, {"s": "a", "m": ["y", "x", "x"], "r": " a b "}, _)
    assert cleaned == {"s": "a", "m": ["x", "y"], "r": "a b"}
    for raw, code in [({"s": "a", "m": ["x"]}, "missing_answers"),
                      ({"s": "a", "m": ["x"], "r": "one"}, "answer_too_short"),
                      ({"s": "a", "m": ["x"], "r": "a b c d e f"}, "answer_too_long"),
                      ({"s": ["a", "b"]}, "too_many_answers"),
                      ({"q": "a"}, "unknown_question"),
                      ("x", "invalid_answers")]:
        try:
            model.check_answers(CASE, raw, _)
        except model.SubmissionError as err:
            assert err.code == code
        else:
            raise AssertionError(code)
    assert model.check_answers(CASE, {"r": "one"}, _, final=False) == {"r": "one"}


def test_check_ticks():
    assert model.check_ticks(CASE, {"r": ["k2", "k1"]}, _) == {"r": ["k1", "k2"]}
    for raw, code in [({"r": ["k9"]}, "unknown_key_point"), ({"s": []}, "unknown_question"),
                      ({"r": "k1"}, "invalid_ticks")]:
        try:
            model.check_ticks(CASE, raw, _)
        except model.SubmissionError as err:
            assert err.code == code
        else:
            raise AssertionError(code)


def fields_of(problems):
    return {p.field: p.error for p in problems}


def test_validation_problems():
    good = fields_of(model.validate(CASE, _))
    assert good == {"questions.0.explanation": False, "questions.1.explanation": False}
    two_correct = replace(SINGLE, options=(Option("a", "A", True), Option("b", "B", True)))
    none_correct = replace(SINGLE, options=(Option("a", "A"), Option("b", "B")))
    bad = replace(CASE, display_name=" ", questions=(two_correct, replace(none_correct, id="s"),
                                                     replace(REFL, key_points=(), min_words=9)),
                  images=(model.Image("https://x.org/a.png", ""),), max_attempts=-1, grade_policy="x")
    problems = fields_of(model.validate(bad, _))
    assert problems["display_name"] is True
    assert problems["questions.0.options"] is True
    assert problems["questions.1.id"] is True  # duplicate id
    assert problems["questions.2.key_points"] is False  # a warning
    assert problems["questions.2.min_words"] is True
    assert problems["images.0.alt"] is True
    assert problems["max_attempts"] is True and problems["grade_policy"] is True
    assert "questions" in fields_of(model.validate(Case(), _))


def test_forms_round_trip_and_types():
    case, problems = forms.from_editor(model.to_data(CASE), _)
    assert case == CASE
    case, problems = forms.from_editor({"display_name": "X", "weight": "abc", "questions": "nope"}, _)
    assert {"weight", "questions"} <= set(fields_of(problems))
    case, _p = forms.from_editor({"narrative": "<p onclick='x()'>Hi<script>bad()</script></p>"}, _)
    assert "onclick" not in case.narrative and "script" not in case.narrative


# ------------------------------------------------------------------ OLX
def xml_of(case):
    return etree.tostring(model.to_xml(case), encoding="unicode")


def test_olx_reads_and_writes():
    text = xml_of(CASE)
    assert '<question id="s" type="single" points="2">' in text
    assert '<option id="a" correct="true">A</option>' in text
    assert model.from_xml(etree.fromstring(text)) == CASE


ident = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)
words = st.text(st.characters(whitelist_categories=("L", "N"), max_codepoint=0x6ff), min_size=1, max_size=8)
sentence = st.lists(words, max_size=5).map(" ".join)
html = sentence.map(lambda s: f"<p>{s}</p>" if s else "")


@st.composite
def questions(draw):
    kind = draw(st.sampled_from([model.SINGLE, model.MULTIPLE, model.REFLECTION]))
    qid = draw(ident)
    common = dict(id=qid, kind=kind, prompt=draw(html), explanation=draw(html),
                  points=float(draw(st.integers(1, 10))))
    if kind == model.REFLECTION:
        return Question(**common, min_words=draw(st.integers(0, 5)), max_words=draw(st.integers(0, 500)),
                        model_answer=draw(html),
                        key_points=tuple(KeyPoint(f"k{i}", draw(sentence)) for i in range(draw(st.integers(0, 3)))))
    options = tuple(Option(f"o{i}", draw(sentence), draw(st.booleans()), draw(sentence))
                    for i in range(draw(st.integers(0, 4))))
    return Question(**common, options=options,
                    partial_credit=kind == model.MULTIPLE and draw(st.booleans()))


cases = st.builds(
    Case,
    display_name=sentence, narrative=html, expert_analysis=html,
    sections=st.lists(st.builds(model.Section, sentence, html), max_size=2).map(tuple),
    key_facts=st.lists(sentence, max_size=3).map(tuple),
    documents=st.lists(st.builds(model.Document, sentence, st.sampled_from(["", "https://e.org/d.pdf"]), sentence,
                                 html), max_size=2).map(tuple),
    images=st.lists(st.builds(model.Image, st.just("/static/a.png"), sentence, sentence), max_size=2).map(tuple),
    questions=st.lists(questions(), max_size=4).map(tuple),
    weight=st.sampled_from([0.0, 0.5, 1.0, 2.0]), max_attempts=st.integers(0, 5),
    grade_policy=st.sampled_from(list(model.POLICIES)), show_answers=st.sampled_from(list(model.SHOW_ANSWERS)),
    topic=sentence, estimated_minutes=st.integers(0, 90), show_distribution=st.booleans(),
    min_group_size=st.integers(1, 20),
)


@settings(max_examples=150, deadline=None)
@given(cases)
def test_olx_round_trip_property(case):
    once = xml_of(case)
    assert xml_of(model.from_xml(etree.fromstring(once))) == once
