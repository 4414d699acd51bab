"""The course report names an evaluation or a knowledge check left at its default display name in
the reader's language (decision 106, amended): the name is stored in English ("Knowledge check",
"End-of-training evaluation": the platform's outline and the reports read the field), and the
report, page and download, showed it so on a French page where the test's and the evaluation's
own pages say "Test de connaissances" and "Évaluation de fin de formation"."""

import pytest
from django.utils import translation

from tests.integration.test_evaluation_report import DAY, REPORT, answer, course, visible
from tests.integration.test_knowledge_check import CHECK, HALF, RIGHT, WRONG

DEFAULT_CHECK = CHECK.replace('display_name="Trafficking or smuggling?"', 'display_name="Knowledge check"')


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield course()


def test_a_default_name_is_read_in_the_reader_s_language_on_the_page_and_in_the_csv(platform):
    section = platform.subsection()
    evaluation = platform.add(DAY.format(name="End-of-training evaluation", extra="", more=""), section)
    pre = platform.add(DEFAULT_CHECK.format(phase="pre", pair="p1", extra='min_group_size="2"'), section)
    post = platform.add(DEFAULT_CHECK.format(phase="post", pair="p1", extra='min_group_size="2"'), section)
    report = platform.add(REPORT.format(extra='min_group_size="2"'), platform.subsection())
    answer(platform, evaluation, 5, lambda i: {"relevance": 4, "pace": 2})
    for name, before, after in (("ana", WRONG, RIGHT), ("bob", HALF, HALF)):
        user = platform.user(name)
        assert platform.lms(user).handle(pre, "submit", before).status == 200
        assert platform.lms(user).handle(post, "submit", after).status == 200
    staff = platform.lms(platform.user("staff_1", role="staff"))
    with translation.override("fr"):
        page = visible(staff.html(report))
        lines = staff.handle(report, "export_csv", method="GET").body.decode("utf-8-sig").splitlines()
    assert "Évaluation de fin de formation" in page and "End-of-training evaluation" not in page, page
    assert "Test de connaissances" in page and "Knowledge check" not in page, page
    assert any(line.startswith("Réaction,Évaluation de fin de formation,") for line in lines), lines
    assert any(line.startswith("Apprentissage,Test de connaissances,p1,") for line in lines), lines
    assert not any("Knowledge check" in line or "End-of-training evaluation" in line for line in lines), lines
    # in English, the same names as stored
    english = visible(staff.html(report))
    assert "End-of-training evaluation" in english and "Knowledge check" in english


def test_an_author_s_own_name_is_shown_as_written(platform):
    section = platform.subsection()
    evaluation = platform.add(DAY.format(name="Jour 1", extra="", more=""), section)
    report = platform.add(REPORT.format(extra='min_group_size="2"'), platform.subsection())
    answer(platform, evaluation, 2, lambda i: {"relevance": 4, "pace": 2})
    with translation.override("fr"):
        page = visible(platform.lms(platform.user("staff_1", role="staff")).html(report))
    assert "Jour 1" in page
