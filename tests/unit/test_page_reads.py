"""A page that asks ``"reply": "page"`` (``common.pipeline.reply_keys``) gets only the keys its
block lists in ``PAGE_READS``: every ``body.<key>`` its script reads must be among them, or the
page would find it missing (the learner would see no results, or no announcement)."""

import re
from pathlib import Path

import pytest

from emm_xblocks.case_study import views as case_views
from emm_xblocks.knowledge_check import views as check_views

JS = Path(__file__).resolve().parents[2] / "emm_xblocks" / "static" / "js"


@pytest.mark.parametrize(("script", "page_reads"), [("emm-case-study.js", case_views.PAGE_READS),
                                                    ("emm-knowledge-check.js", check_views.PAGE_READS)])
def test_the_page_reads_nothing_but_what_it_asks_for(script, page_reads):
    text = (JS / script).read_text(encoding="utf-8")
    read = set(re.findall(r"\bbody\.([a-z_]+)", text))
    assert {"html", "submitted"} <= read <= set(page_reads), read - set(page_reads)
    assert "reply: PAGE" in text and 'var PAGE = "page";' in text
