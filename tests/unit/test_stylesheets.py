"""Two blocks on one unit page never restyle each other, and markup several blocks share is styled
by one stylesheet (decision 52).

A unit page holds the stylesheets of all its blocks, so a block's own stylesheet (``block_css``
and what it adds later) must only reach that block's markup: each of its rules starts at the
block's root (``.emm-likert``) or at a class only that block writes (``.emm-kc-...``). A class
the blocks share (``.emm-option``, ``.emm-question``) is styled in one shared stylesheet, the same
file on every page: when two sheets styled it, the one the page loaded last styled both blocks.
"""

import re
from pathlib import Path

import pytest

from emm_xblocks.common import assets
from emm_xblocks.xblocks import CaseStudyBlock, EvaluationReportBlock, KnowledgeCheckBlock, LikertBlock, RolePlayBlock

CSS = Path(__file__).resolve().parents[2] / "static" / "css"

# a block's own stylesheets -> (its root class, the prefix of the classes only it writes)
OWN = {
    LikertBlock.block_css: ("emm-likert", "emm-likert-"),
    "css/emm-likert-results.css": ("emm-likert", "emm-likert-"),  # assets.ADDED, in the Likert's page
    CaseStudyBlock.block_css: ("emm-case", "emm-case-"),
    KnowledgeCheckBlock.block_css: ("emm-kc", "emm-kc-"),
    RolePlayBlock.block_css: ("emm-role-play", "emm-rp-"),
    "css/emm-role-play-studio.css": ("emm-role-play", "emm-rp-"),  # role_play/views.py studio_view
    EvaluationReportBlock.block_css: ("emm-er", "emm-er-"),
}
# shared by several blocks' pages, each the same file wherever it is loaded
SHARED = (assets.COMMON_STYLE, *(s for styles in assets.STYLES.values() for s in styles), *assets.AUTHOR_STYLES,
          "css/emm-chart.css", "css/emm-present.css", "css/emm-pack.css", "css/emm-by-day.css")


def selectors(path):
    """Every selector of the stylesheet ``path`` (relative to static/), those inside ``@media``
    included; ``@page`` and other at-rules without selectors left out, and an ``@keyframes``'s steps
    (``from``, ``50%``: no element's)."""
    text = re.sub(r"/\*.*?\*/", "", (CSS.parent / path).read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}", "", text)
    text = re.sub(r"@media[^{]*\{", "", text)  # a media block's rules are read as rules
    out = []
    for head in re.findall(r"([^{}]+)\{", text):
        head = head.strip()
        if head and not head.startswith("@"):
            out += [s.strip() for s in head.split(",") if s.strip()]
    return out


def first_classes(selector):
    """The classes of the selector's leftmost compound (``.emm-case .emm-doc a`` -> {emm-case})."""
    return set(re.findall(r"\.([\w-]+)", re.split(r"\s*[\s>+~]\s*", selector, maxsplit=1)[0]))


def test_the_stylesheets_named_here_are_every_stylesheet_shipped():
    assert {f"css/{p.name}" for p in CSS.glob("*.css")} == set(OWN) | set(SHARED)


@pytest.mark.parametrize("sheet", sorted(OWN))
def test_a_blocks_own_rules_start_at_its_root_or_its_own_classes(sheet):
    root, prefix = OWN[sheet]
    stray = [s for s in selectors(sheet)
             if not any(c == root or c.startswith(prefix) for c in first_classes(s))]
    assert stray == [], f"{sheet}: rules that would reach another block's markup"


def test_a_shared_class_is_styled_by_one_stylesheet():
    """What a rule starts at (the classes of its leftmost compound: ``.emm-option``,
    ``.emm-button.emm-danger``) is styled in one shared sheet only, never in two (nor in a block's
    own sheet: the test above)."""
    owner = {}
    for sheet in SHARED:
        for selector in selectors(sheet):
            owner.setdefault(frozenset(first_classes(selector)), set()).add(sheet)
    assert {" ".join(sorted(c)): sorted(s) for c, s in owner.items() if len(s) > 1 and c != {"emm"}} == {}
    assert owner[frozenset({"emm-option"})] == {assets.COMMON_STYLE}
    assert owner[frozenset({"emm-question"})] == owner[frozenset({"emm-result"})] == {"css/emm-questions.css"}
    assert owner[frozenset({"emm-ed-row"})] == owner[frozenset({"emm-ed-list"})] == {"css/emm-editor.css"}


def test_the_questions_look_comes_with_the_questions_script():
    """The pages that show questions (those loading emm-questions.js: the case study's, the knowledge
    check's) load emm-questions.css; the others do not pay for it."""
    for block in (CaseStudyBlock, KnowledgeCheckBlock):
        assert assets.page_styles(block.block_js) == (assets.COMMON_STYLE, "css/emm-questions.css")
    for block in (LikertBlock, RolePlayBlock, EvaluationReportBlock):
        assert assets.page_styles(block.block_js) == (assets.COMMON_STYLE,)
    for editor in assets.EDITORS:
        if assets.is_editor(editor):
            assert assets.page_styles(editor) == (assets.COMMON_STYLE,)
