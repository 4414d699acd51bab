"""Issue 11 §2 (reaction): ``emm_evaluation_report`` through the platform-faithful runtime: every
Likert evaluation of the course, found through the store, with each statement's figures, the
statements shared across evaluations side by side, and the IOM-style headline; staff only.

The report block is given to the runtime by class (``Platform(block_classes=...)``), so these
tests run whether or not its entry point is installed in the venv."""

import json
import re

import pytest
from django.utils import translation

from emm_xblocks.models import EvaluationDescription
from emm_xblocks.xblocks import EvaluationReportBlock, KnowledgeCheckBlock
from tests.integration.test_knowledge_check import CHECK, HALF, RIGHT, WRONG
from tests.openedx.keys import CourseIdManager, CourseKey
from tests.openedx.runtime import Platform

DAY = """
<emm_likert display_name="{name}" allow_na="true" {extra}>
  <item id="relevance">The knowledge and skills acquired are relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
  {more}
</emm_likert>
"""
REPORT = '<emm_evaluation_report display_name="Evaluation report" {extra}/>'


def course(run="2026"):
    platform = Platform(block_classes={"emm_evaluation_report": EvaluationReportBlock,
                                       "emm_knowledge_check": KnowledgeCheckBlock})
    if run != "2026":
        platform.ids = CourseIdManager(CourseKey(run=run))
        platform.course_key = platform.ids.course_key
        platform.course = platform._container("course")
    return platform


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield course()


def answer(platform, key, learners, answers, prefix="p"):
    for i in range(learners):
        user = platform.user(f"{prefix}{key.block_id}{i}")
        result = platform.lms(user).handle(key, "submit", {"answers": answers(i)})
        assert result.status == 200, result.json


def visible(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def staff_page(platform, report):
    return platform.lms(platform.user("staff_1", role="staff")).html(report)


def test_the_report_shows_every_evaluation_shared_statements_and_the_headline(platform):
    day1 = platform.add(DAY.format(name="Day 1", extra="", more=""), platform.subsection())
    day3 = platform.add(DAY.format(name="Day 3", extra='anonymous="true"',
                                   more='<item id="apply">I can apply what I learned.</item>'), platform.subsection())
    report = platform.add(REPORT.format(extra='headline_statement="relevance"'), platform.subsection())
    # day 1: 6 learners, relevance 5,5,4,4,3,"na"; pace (reverse) always 2 (-> 4)
    answer(platform, day1, 6, lambda i: {"relevance": [5, 5, 4, 4, 3, "na"][i], "pace": 2})
    # day 3: 5 learners, relevance 5,5,5,5,4; pace 1 (-> 5); apply 4
    answer(platform, day3, 5, lambda i: {"relevance": [5, 5, 5, 5, 4][i], "pace": 1, "apply": 4})
    page = visible(staff_page(platform, report))
    assert "Day 1" in page and "Day 3" in page and "6 respondents" in page and "5 respondents" in page
    # day 1 relevance: n=5 (N/A apart), top box 2/5 = 40 %, top two 4/5 = 80 %, mean 4.2
    row = re.search(r"The knowledge and skills acquired are relevant to my work\. 5 (.*?) 40% 80% 4\.2", page)
    assert row, page
    # shared statements side by side (top two box): relevance 80 % then 100 %; pace 100 % both
    shared = page[page.index("The same statements across evaluations"):]
    assert re.search(r"relevant to my work\. 80% \(n=5\) 100% \(n=5\)", shared), shared
    assert "The pace was too fast. 100% (n=6) 100% (n=5)" in shared
    assert "I can apply" not in shared  # asked once: not a shared statement
    # the headline pools relevance over both days: top box (2 + 4) / 10 = 60 %
    assert "60% strongly agreed that “The knowledge and skills acquired are relevant to my work.”. (10 answers)" in page


def test_learners_see_nothing_and_it_counts_for_no_completion(platform):
    day1 = platform.add(DAY.format(name="Day 1", extra="", more=""), platform.subsection())
    report = platform.add(REPORT.format(extra=""), platform.subsection())
    answer(platform, day1, 5, lambda i: {"relevance": 5, "pace": 1})
    html = platform.lms(platform.user("ana")).html(report)
    assert visible(html).strip() == "" and "emm-er" not in html
    assert EvaluationReportBlock.completion_mode == "excluded"
    assert platform.unbound(report).has_score is False


def test_figures_below_the_minimum_group_size_are_withheld(platform):
    day1 = platform.add(DAY.format(name="Day 1", extra="", more=""), platform.subsection())
    report = platform.add(REPORT.format(extra='min_group_size="4"'), platform.subsection())
    answer(platform, day1, 3, lambda i: {"relevance": 5, "pace": 1})
    page = visible(staff_page(platform, report))
    assert "3 respondents" in page and "Shown once at least 5 people have answered." in page  # the evaluation's 5
    assert "strongly agreed" not in page and "100%" not in page


def test_only_the_courses_own_evaluations_and_no_learner_data_in_the_descriptions(platform):
    day1 = platform.add(DAY.format(name="Day 1", extra="", more=""), platform.subsection())
    report = platform.add(REPORT.format(extra=""), platform.subsection())
    answer(platform, day1, 5, lambda i: {"relevance": 4, "pace": 2})
    rerun = course("2027")
    other = rerun.add(DAY.format(name="Other course", extra="", more=""), rerun.subsection())
    answer(rerun, other, 5, lambda i: {"relevance": 1, "pace": 5}, prefix="q")
    page = visible(staff_page(platform, report))
    assert "Day 1" in page and "Other course" not in page
    assert EvaluationDescription.objects.count() == 2
    for row in EvaluationDescription.objects.values("content"):
        fields = json.loads(row["content"])
        assert set(fields) >= {"statements", "scale", "display_name"} and "answers" not in fields
        assert not re.search(r"p\w+[0-9]|q\w+[0-9]|@example", row["content"])  # no learner's name or email


def test_an_empty_course_says_so(platform):
    report = platform.add(REPORT.format(extra=""), platform.subsection())
    assert "No evaluation of this course has been answered yet." in visible(staff_page(platform, report))


def test_olx_round_trips(platform):
    report = platform.add(REPORT.format(extra='headline_statement="relevance" min_group_size="8"'),
                          platform.subsection())
    exported = platform.export(report)
    assert platform.export(platform.add(exported, platform.subsection())) == exported
    assert 'headline_statement="relevance"' in exported and 'min_group_size="8"' in exported


def test_learning_each_knowledge_check_pair_above_the_minimum_group_size(platform):
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="day1", extra='min_group_size="2"'), section)
    post = platform.add(CHECK.format(phase="post", pair="day1", extra='min_group_size="2"'), section)
    report = platform.add(REPORT.format(extra='min_group_size="2"'), platform.subsection())
    ana, bob, cy = (platform.user(name) for name in ("ana", "bob", "cy"))
    for user, before, after in ((ana, WRONG, RIGHT), (bob, HALF, HALF)):
        assert platform.lms(user).handle(pre, "submit", before).status == 200
        page = visible(staff_page(platform, report)) if user is ana else None
        assert platform.lms(user).handle(post, "submit", after).status == 200
        if user is ana:  # one pre-test and nothing linked yet: counts only
            assert "0 learners took both tests." in page and "1 pre-test only" in page
            assert not re.search(r"Mean pre-test score \d", page) and "day1 0 too few" in page
    platform.lms(cy).handle(pre, "submit", HALF)
    page = visible(staff_page(platform, report))
    assert "Pair “day1”" in page and "2 learners took both tests." in page
    assert "1 pre-test only, 0 post-test only" in page
    # the same figures as the check's own staff panel: pre 0 % and 50 %, post 100 % and 50 %
    assert "Mean pre-test score 25%" in page and "Mean post-test score 75%" in page
    assert "Normalised gain 0.67" in page
    assert "day1 2 25% 75% 0.67" in page  # the one-page summary's row of the pair
    # per question, with its prompt: q1 right for bob before, both after
    assert re.search(r"A driver takes adults across a border for a fee; it ends on arrival\. 50% 100%", page), page
    assert "FEEDBACK" not in page and "EXPLANATION" not in page  # the report shows no answer key
    body = platform.lms(platform.user("staff_1", role="staff")).handle(report, "export_csv", method="GET").body
    lines = body.decode("utf-8").splitlines()
    assert "Learning,day1,,Learners who took both tests,2" in lines and "Learning,day1,,Normalised gain,0.667" in lines
    assert "Learning,day1,Which describe trafficking?,Correct after (%),50" in lines


def test_the_csv_holds_every_figure_formula_safe_for_staff_only(platform):
    import csv
    import io

    day1 = platform.add(DAY.format(name="Jour 1 : évaluation", extra="",
                                   more='<item id="formula">=HYPERLINK("http://evil.example")</item>'),
                        platform.subsection())
    report = platform.add('<emm_evaluation_report display_name="Rapport d’évaluation"/>', platform.subsection())
    answer(platform, day1, 5, lambda i: {"relevance": 5, "pace": 1, "formula": 4})
    learner = platform.lms(platform.user("ana")).handle(report, "export_csv", method="GET")
    assert learner.status == 403 and learner.json["error"] == "staff_only"
    result = platform.lms(platform.user("staff_1", role="staff")).handle(report, "export_csv", method="GET")
    assert result.status == 200 and result.content_type == "text/csv"
    assert result.headers["Content-Disposition"] == (
        "attachment; filename=\"Rapport-devaluation.csv\"; filename*=UTF-8''Rapport%20d%E2%80%99%C3%A9valuation.csv")
    text = result.body.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Section", "Evaluation or pair", "Statement or question", "Figure", "Value"]
    assert ["Reaction", "Jour 1 : évaluation", "", "Respondents", "5"] in rows
    relevance = "The knowledge and skills acquired are relevant to my work."
    assert ["Reaction", "Jour 1 : évaluation", relevance, "Top box (%)", "100"] in rows
    assert ["Reaction", "Jour 1 : évaluation", relevance, "Strongly agree (%)", "100"] in rows
    formula_rows = [r for r in rows if "HYPERLINK" in r[2]]
    assert formula_rows and all(r[2].startswith("'=") for r in formula_rows)
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def words(html):
    """``visible`` keeping no-break spaces (``\\s`` would make them plain spaces)."""
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html))


def test_staff_read_the_figures_in_french_and_the_csv_stays_plain(platform):
    nbsp = "\xa0"
    day1 = platform.add(DAY.format(name="Jour 1", extra="", more=""), platform.subsection())
    report = platform.add(REPORT.format(extra='headline_statement="relevance"'), platform.subsection())
    # relevance 5,5,4,4,3,4: top box 2/6 = 33.3 %, top two 5/6 = 83.3 %, mean 25/6 = 4.17
    answer(platform, day1, 6, lambda i: {"relevance": [5, 5, 4, 4, 3, 4][i], "pace": 2})
    staff = platform.lms(platform.user("staff_1", role="staff"))
    with translation.override("fr"):
        page = words(staff.html(report))
        csv_text = staff.handle(report, "export_csv", method="GET").body.decode("utf-8")
    assert "6 répondants" in page and "(6 réponses)" in page
    # the headline's whole percent, then the table's figures, in French: "33,3 %", "4,17"
    assert f"33{nbsp}%" in page.split("(6 réponses)")[0]
    assert re.search(rf"relevant to my work\. 6 (.*?) 33,3{nbsp}% 83,3{nbsp}% 4,17 ", page), page
    assert "33.3" not in page and "4.17" not in page and "33,3%" not in page
    # a program reads the CSV: a decimal point, whatever the reader's language
    assert ",33.3\r\n" in csv_text and ",4.17\r\n" in csv_text and "33,3" not in csv_text


PROFILE = """<profile prompt="You work for"><option id="gov">Government</option>
  <option id="cso">Civil society</option></profile>"""


def test_the_report_breaks_an_evaluation_down_by_profile_withholding_small_groups(platform):
    day1 = platform.add(DAY.format(name="Day 1", extra='anonymous="true"', more=PROFILE), platform.subsection())
    report = platform.add(REPORT.format(extra='min_group_size="5"'), platform.subsection())
    for i in range(12):  # 7 in government (all agree), 5 in civil society (all disagree)
        profile = "gov" if i < 7 else "cso"
        result = platform.lms(platform.user(f"prof{i}")).handle(
            day1, "submit", {"answers": {"relevance": 5 if profile == "gov" else 2, "pace": 1}, "profile": profile})
        assert result.status == 200, result.json
    page = visible(staff_page(platform, report))
    assert "By profile: You work for" in page
    assert "Government (n=7) Civil society (n=5) Did not say" in page
    assert "The knowledge and skills acquired are relevant to my work. 100% (100%) 0% (0%) too few" in page
    # a thirteenth person who does not say: alone below 5, withheld, and civil society with it
    platform.lms(platform.user("prof12")).handle(day1, "submit", {"answers": {"relevance": 3, "pace": 3}})
    page = visible(staff_page(platform, report))
    assert "Government (n=7) Civil society Did not say" in page
    assert "relevant to my work. 100% (100%) too few too few" in page
    rows = platform.lms(platform.user("staff_1", role="staff")).handle(report, "export_csv", method="GET").body
    text = rows.decode("utf-8-sig")
    assert "Government: favourable (%),100" in text
    assert "Civil society: favourable (%),withheld: too few answers" in text
