"""The course report's learning section heads each pair by its key and its tests' names
(``templates/evaluation_report/report.html``, ``p.names``). A pair whose two tests carry the same
name (an OLX pre-test copied as the post-test, as docs/knowledge_check.md tells authors to do,
phase changed, name kept) is headed "Pair “p1” · Trafficking or smuggling? · Trafficking or
smuggling?": the name twice, where the summary above it (``learning._pair_names``) names it once."""

import pytest
from django.utils import translation

from emm_xblocks.xblocks import EvaluationReportBlock, KnowledgeCheckBlock
from tests.integration.test_evaluation_report import staff_page, visible
from tests.integration.test_knowledge_check import CHECK, HALF, RIGHT, WRONG
from tests.openedx.runtime import Platform


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_evaluation_report": EvaluationReportBlock,
                                      "emm_knowledge_check": KnowledgeCheckBlock})


def test_a_pair_whose_tests_share_a_name_is_headed_by_that_name_once(platform):
    section = platform.subsection()
    pre = platform.add(CHECK.format(phase="pre", pair="p1", extra='min_group_size="2"'), section)
    post = platform.add(CHECK.format(phase="post", pair="p1", extra='min_group_size="2"'), section)
    report = platform.add('<emm_evaluation_report display_name="Report" min_group_size="2"/>', platform.subsection())
    for name, before, after in (("ana", WRONG, RIGHT), ("bob", HALF, HALF)):
        user = platform.user(name)
        assert platform.lms(user).handle(pre, "submit", before).status == 200
        assert platform.lms(user).handle(post, "submit", after).status == 200
    page = visible(staff_page(platform, report))
    assert "Trafficking or smuggling? 2 25% 75% 0.67" in page  # the summary: named once
    assert "Pair “p1” · Trafficking or smuggling? · Trafficking or smuggling?" not in page, page
    assert "Pair “p1” · Trafficking or smuggling?" in page
