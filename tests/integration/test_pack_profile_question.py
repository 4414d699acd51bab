"""(Bug hunt s43.) The paper forms ask the block's participant profile question, as its page does.

The demo course's daily evaluations ask « Vous travaillez pour » (government, civil society, an
international organisation, other), and the course report breaks every figure down by it. A
facilitator whose network failed hands out the pack's paper form, collects it, and has no way
to know who answered what: the form never asked it, and the tally sheet had no line for it."""

from tests.integration.platform_blocks import visible_text
from tests.integration.test_pack_handlers import get_pack, people  # noqa: F401
from tests.openedx.fixtures import platform  # noqa: F401

LIKERT_WITH_PROFILE = """
<emm_likert display_name="Évaluation du jour" min_group_size="3">
  <item id="relevance">La formation est utile pour mon travail.</item>
  <item id="pace">Le rythme était adapté.</item>
  <profile prompt="Vous travaillez pour">
    <option id="gov">Le gouvernement</option>
    <option id="cso">La société civile</option>
    <option id="io">Une organisation internationale</option>
  </profile>
</emm_likert>
"""


def test_the_paper_evaluation_form_asks_the_profile_question_the_block_asks(platform, people):  # noqa: F811
    _ana, sam = people
    key = platform.add(LIKERT_WITH_PROFILE, platform.subsection())
    page = get_pack(platform.lms(sam), key, query="lang=fr").text
    assert "La formation est utile pour mon travail." in page  # the form is there...
    assert "Vous travaillez pour" in page, "the pack never prints the profile question"
    form = visible_text(page[:page.index('emm-pack-facilitator')])
    for words in ("Vous travaillez pour", "Le gouvernement", "La société civile", "Une organisation internationale"):
        assert words in form, words  # ...and asks whom the participant works for, as the block does
    tally = visible_text(page[page.index('emm-pack-facilitator'):])
    assert "Vous travaillez pour" in tally and "Le gouvernement" in tally  # counted on the tally sheet
    assert "Je préfère ne pas répondre" in form


def test_the_case_study_s_paper_questions_end_with_its_profile_question(platform, people):  # noqa: F811
    from tests.integration.platform_blocks import CASE

    _ana, sam = people
    olx = CASE.format(extra='show_distribution="true"', more="").replace(
        "<expert_analysis>", '<profile prompt="You work for"><option id="gov">A government</option>'
                             '<option id="cso">Civil society</option></profile><expert_analysis>')
    key = platform.add(olx, platform.subsection())
    page = get_pack(platform.lms(sam), key).text
    questions = visible_text(page[page.index('id="pack-questions"'):page.index('emm-pack-facilitator')])
    assert "You work for" in questions and "Civil society" in questions and "I prefer not to say" in questions
