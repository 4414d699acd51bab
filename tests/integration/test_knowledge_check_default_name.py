"""Review of decision 106: a test still at its default name ("Knowledge check", ``N_``) is named to
a French learner, and to a French author in Studio, in English: ``answered_elsewhere`` and
``same_slot`` read the stored name, not the name pages show (``settings.default_named``)."""

import html
import re

import pytest
from django.utils import translation

from emm_xblocks.xblocks import KnowledgeCheckBlock
from tests.integration.test_knowledge_check import CHECK, HALF
from tests.openedx.runtime import Platform

UNNAMED = CHECK.replace('display_name="Trafficking or smuggling?" ', "")


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_knowledge_check": KnowledgeCheckBlock})


def visible(page):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_a_test_at_its_default_name_is_named_in_the_reader_s_language(platform):
    section = platform.subsection()
    first = platform.add(UNNAMED.format(phase="pre", pair="day1", extra=""), section)
    second = platform.add(UNNAMED.format(phase="pre", pair="day1", extra=""), section)  # pasted from the clipboard
    ana = platform.user("ana")
    with translation.override("fr"):
        assert platform.lms(ana).handle(first, "submit", HALF).status == 200
        said = visible(platform.lms(ana).html(second))
        assert "Vous avez déjà répondu" in said, said[:300]
        assert "Knowledge check" not in said and "Test de connaissances" in said, said[:400]
        block = platform.studio_editor(platform.user("prof", role="staff")).block(second)
        studio = " ".join(m["text"] for m in block.validate().to_json()["messages"] if "day1" in m["text"])
        assert studio and "Knowledge check" not in studio, studio
