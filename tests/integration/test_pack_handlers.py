"""The facilitator pack (issue 12 §3) through the platform-faithful runtime (tests/openedx): the
``facilitator_pack`` GET handler answers course staff a whole printable page, and refuses
learners -- and staff viewing the course as a learner, who then have the learner's rights in the
LMS (``lms/djangoapps/courseware/masquerade.py``, ``access.py``) -- as the other staff handlers
do -- as a small page in their language, not raw JSON: the address is opened in a browser tab,
and may be pasted to a colleague without staff rights (``HandlerError.page_response``). The
learner's page never links the pack nor carries what it holds."""

import json
from html import unescape

import pytest
from django.utils import translation
from webob import Request

from tests.integration.platform_blocks import CASE, LIKERT, REFLECTION, ROLE_PLAY, visible_text
from tests.openedx.fixtures import platform  # noqa: F401

KNOWLEDGE_CHECK = """
<emm_knowledge_check display_name="Pre-test" phase="pre" pair="p1">
  <intro><![CDATA[<p>Public intro.</p>]]></intro>
  <question id="q1" type="single">
    <prompt><![CDATA[<p>Pick one.</p>]]></prompt>
    <option id="a" correct="true">Alpha<feedback>SECRET-FEEDBACK-A</feedback></option>
    <option id="b">Beta</option>
    <explanation><![CDATA[<p>SECRET-EXPLANATION-1</p>]]></explanation>
  </question>
</emm_knowledge_check>
"""
BLOCKS = {
    "knowledge_check": KNOWLEDGE_CHECK,
    "likert": LIKERT.format(extra=""),
    "case": CASE.format(extra="", more=REFLECTION),
    "role_play": ROLE_PLAY.format(extra=""),
}
SECRETS = {  # what only the pack's facilitator part may hold
    "case": ["SECRET-FEEDBACK-A", "SECRET-EXPLANATION-1", "SECRET-MODEL-ANSWER", "SECRET-KEY-POINT-1",
             "SECRET-EXPERT-ANALYSIS"],
    "role_play": ["DEBRIEF-TEXT", "GOOD-CONSEQUENCE"],
    "likert": [],
    "knowledge_check": ["SECRET-FEEDBACK-A", "SECRET-EXPLANATION-1"],
}


@pytest.fixture
def people(platform):  # noqa: F811
    return platform.user("ana"), platform.user("sam", role="staff")


def get_pack(ctx, key, query="", method="GET", lang="en"):
    """The handler as the LMS calls it: a webob request with the page's query string."""
    with translation.override(lang):
        block = ctx.block(key)
        request = Request.blank("/" + (f"?{query}" if query else ""), method=method)
        return block.runtime.handle(block, "facilitator_pack", request)


@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_staff_get_a_whole_printable_page(platform, people, kind):  # noqa: F811
    _ana, sam = people
    key = platform.add(BLOCKS[kind], platform.subsection())
    response = get_pack(platform.lms(sam), key)
    assert response.status_code == 200
    assert response.content_type == "text/html" and response.charset.lower() == "utf-8"
    assert "no-store" in response.headers["Cache-Control"]
    assert "Content-Disposition" not in response.headers  # opened in a tab, to print
    page = response.text
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<html lang="en" dir="ltr">' in page
    assert "/static/xblock/resources/emm_xblocks/min/css/emm-pack.css" in page  # its minified copy (decision 69)
    for secret in SECRETS[kind]:
        assert secret in page


def translated(ctx, key, lang, text):
    """``text`` in ``lang`` as the block's i18n service gives it in the LMS."""
    from tests.openedx.services import i18n_service

    with translation.override(lang):
        return i18n_service(ctx.block(key)).gettext(text)


def refusal_page(response, status, code, lang="en", direction="ltr"):
    """What the person who opened the address sees: a whole, small page (not JSON) in their
    language, the refusal's code in ``data-error``; its visible text, entities read."""
    assert response.status_code == status
    assert response.content_type == "text/html" and response.charset.lower() == "utf-8"
    assert response.headers["Cache-Control"] == "private, no-store"
    page = response.text
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert f'data-error="{code}"' in page and "<title>" in page and "<h1>" in page
    assert "<script" not in page.lower()
    assert '"error"' not in page and '{"' not in page  # no raw JSON shown
    with pytest.raises(ValueError):
        json.loads(page)
    return unescape(visible_text(page))


@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_learners_and_staff_viewing_as_a_learner_are_refused(platform, people, kind):  # noqa: F811
    ana, sam = people
    key = platform.add(BLOCKS[kind], platform.subsection())
    for ctx, code, said in ((platform.lms(ana), "staff_only", "Only course staff can do this."),
                            (platform.lms(sam, masquerade_as=ana), "viewing_as_learner",
                             "You are viewing the course as a learner: switch back to Staff to do this.")):
        response = get_pack(ctx, key)
        text = refusal_page(response, 403, code)
        assert said in text and "This page cannot be shown" in text
        assert "SECRET" not in response.text and "DEBRIEF" not in response.text
        assert "Facilitator pack" not in text  # nothing of the pack, not even its title


@pytest.mark.parametrize("lang,direction", [("fr", "ltr"), ("ar", "rtl")])
def test_a_colleague_without_staff_rights_reads_the_refusal_in_their_language(platform, people, lang, direction):  # noqa: F811
    """The facilitator pasted the pack's link (here its French or Arabic variant, ``?lang=``) to a
    colleague who is not course staff: the tab shows a page in the colleague's own language saying
    why, never ``{"error": "staff_only", ...}``."""
    ana, _sam = people
    key = platform.add(BLOCKS["role_play"], platform.subsection())
    ctx = platform.lms(ana)
    for query in ("", "lang=en", f"lang={lang}"):
        text = refusal_page(get_pack(ctx, key, query=query, lang=lang), 403, "staff_only", lang, direction)
        message = translated(ctx, key, lang, "Only course staff can do this.")
        assert message != "Only course staff can do this." and message in text
        assert "Only course staff can do this." not in text and "DEBRIEF" not in text


def test_only_get_opens_the_pack(platform, people):  # noqa: F811
    _ana, sam = people
    key = platform.add(BLOCKS["case"], platform.subsection())
    for lang in ("en", "fr"):
        response = get_pack(platform.lms(sam), key, method="POST", lang=lang)
        text = refusal_page(response, 405, "method_not_allowed", lang)
        assert response.headers["Allow"] == "GET, HEAD"
        assert translated(platform.lms(sam), key, lang, "This address must be opened with GET.") in text
        assert "SECRET" not in response.text


def test_a_refusal_page_escapes_what_it_shows(platform, people):  # noqa: F811
    """Every value of the page is escaped: a message or a code can never write markup."""
    from emm_xblocks.common.errors import HandlerError

    _ana, sam = people
    key = platform.add(BLOCKS["case"], platform.subsection())
    with translation.override("en"):
        error = HandlerError("staff_only", '<script>alert("x")</script> & <b>co</b>')
        error.code = 'staff_only" onload="alert(1)'
        page = error.page_response(platform.lms(sam).block(key)).text
    assert "<script" not in page and "<b>" not in page and 'onload="' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;" in page


def test_the_role_play_pack_numbers_its_cards_and_says_where_each_choice_leads(platform, people):  # noqa: F811
    _ana, sam = people
    key = platform.add(BLOCKS["role_play"], platform.subsection())
    text = visible_text(get_pack(platform.lms(sam), key).text)
    assert "Start at card 1." in text
    assert "Listen first GOOD-CONSEQUENCE → Go to card 2." in text
    assert "Refer at once → Go to card 3 (an ending)." in text
    assert "Card 3 — ending" in text and "Card 3 — Good practice DEBRIEF-TEXT" in text
    assert text.index("Decision cards") < text.index("Debrief sheet") < text.index("DEBRIEF-TEXT")


def test_the_role_play_s_decision_cards_are_the_facilitator_s_and_give_the_points_to_keep_the_score(
        platform, people):  # noqa: F811
    """Facilitator trial s38: "Copies for the participants" printed all 18 decision cards, every
    consequence and "→ Go to card N" with them, though the pack says to keep them; and on paper a
    choice needing a score, messages in percent and best paths in points left the sums to the
    facilitator."""
    _ana, sam = people
    key = platform.add(ROLE_PLAY.format(extra='estimated_minutes="20"').replace(
        "</emm_role_play>", '<band min="80">WELL-DONE</band><band min="0">TRY-AGAIN</band></emm_role_play>'),
        platform.subsection())
    page = get_pack(platform.lms(sam), key).text
    cards = page.index('aria-labelledby="pack-cards"')
    # the part the participants' copies leave out (the stylesheet hides .emm-pack-facilitator)
    assert page.rfind("<section", 0, cards) == page.index('<section class="emm-pack-part emm-pack-facilitator" '
                                                          'aria-labelledby="pack-cards"')
    assert page.index("Keep each role’s score") > cards  # told to the facilitator, not on the role cards
    text = visible_text(page)
    assert "Decision cards (facilitator only)" in text
    assert "Role cards About 20 minutes" in text  # how long to plan for (the case study's pack said it)
    assert "Listen first GOOD-CONSEQUENCE → Go to card 2. (2 points)" in text
    assert "Refer at once → Go to card 3 (an ending). (3 points)" in text
    assert "Finish → Go to card 3 (an ending). (" not in text  # worth nothing: nothing said
    assert "From 80%: WELL-DONE Officer — 3 of 3 points From 0%: TRY-AGAIN Questions" in text  # 2 of 3 is 67 %
    french = visible_text(get_pack(platform.lms(sam), key, query="lang=fr").text)
    assert "(2 points)" in french and "Cartes de décision (pour l’animateur)" in french
    assert "Environ 20 minutes" in french


def test_the_case_pack_puts_every_answer_after_the_participants_pages(platform, people):  # noqa: F811
    _ana, sam = people
    key = platform.add(BLOCKS["case"], platform.subsection())
    page = get_pack(platform.lms(sam), key).text
    facilitator = page.index('class="emm-pack-part emm-pack-facilitator"')
    assert page.index("Public narrative.") < page.index("Pick one.") < facilitator
    for secret in SECRETS["case"]:
        assert page.index(secret) > facilitator, secret
    assert "Correct answer:" in visible_text(page[facilitator:])


@pytest.mark.parametrize("lang,direction", [("fr", "ltr"), ("ar", "rtl"), ("es", "ltr")])
def test_the_pack_prints_in_a_language_the_package_ships(platform, people, lang, direction):  # noqa: F811
    _ana, sam = people
    key = platform.add(BLOCKS["case"], platform.subsection())
    page = get_pack(platform.lms(sam), key, query=f"lang={lang}").text
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert f'lang="{lang}" aria-current="page"' in page
    with translation.override(lang):
        from tests.openedx.services import i18n_service

        expected = i18n_service(platform.lms(sam).block(key)).gettext("Key points of the expert's answer")
    assert expected != "Key points of the expert's answer" and expected in page
    # an unknown language is ignored: the facilitator's own language is used
    assert '<html lang="en" dir="ltr">' in get_pack(platform.lms(sam), key, query="lang=xx").text


@pytest.mark.parametrize("kind", sorted(BLOCKS))
def test_the_learners_page_never_links_the_pack_nor_carries_its_answers(platform, people, kind):  # noqa: F811
    ana, sam = people
    key = platform.add(BLOCKS[kind], platform.subsection())
    learner = platform.lms(ana).html(key)
    assert "facilitator_pack" not in learner and "data-pack-link" not in learner
    for secret in SECRETS[kind]:
        assert secret not in learner
    assert "facilitator_pack" not in platform.lms(sam, masquerade_as=ana).html(key)
    staff = platform.lms(sam).html(key)
    assert "data-pack-link" in staff and "/handler/facilitator_pack" in staff
    assert "Facilitator pack (printable)" in visible_text(staff)


@pytest.mark.parametrize("olx", ['<emm_role_play display_name="Empty"/>', '<emm_case_study display_name="Empty"/>',
                                 '<emm_likert display_name="Empty"/>', '<emm_knowledge_check display_name="Empty"/>'])
def test_a_block_with_nothing_in_it_yet_still_gives_a_page(platform, people, olx):  # noqa: F811
    _ana, sam = people
    key = platform.add(olx, platform.subsection())
    response = get_pack(platform.lms(sam), key)
    assert response.status_code == 200 and "<h1" in response.text and "Empty" in response.text


def test_points_are_written_the_way_the_language_writes_numbers(platform, people):  # noqa: F811
    _ana, sam = people
    key = platform.add(CASE.format(extra="", more="").replace('points="2"', 'points="1.5"'), platform.subsection())
    assert "1.5" in visible_text(get_pack(platform.lms(sam), key).text)
    french = visible_text(get_pack(platform.lms(sam), key, query="lang=fr").text)
    assert "1,5" in french and "1.5" not in french


MULTIPLE = """
  <question id="q4" type="multiple" points="1">
    <prompt><![CDATA[<p>Pick all.</p>]]></prompt>
    <option id="m1" correct="true">Right one</option>
    <option id="m2" correct="true">Right two</option>
    <option id="m3">Wrong</option>
  </question>
"""


@pytest.mark.parametrize("lang,expected", [
    ("en", ["Question 1 — 2 points", "Correct answer: Alpha", "Question 2 — 1 point",
            "Correct answers: Right one"]),
    ("fr", ["Question 1 — 2 points", "Bonne réponse : Alpha", "Question 2 — 1 point",
            "Bonnes réponses : Right one"])])  # visible_text: no-break spaces as spaces
def test_the_answer_key_says_points_and_answers_as_its_language_counts_them(platform, people, lang, expected):  # noqa: F811
    """Facilitator trial s38: « Bonne réponse : » before three right answers, « Question 1 — Points : 2 »."""
    _ana, sam = people
    key = platform.add(CASE.format(extra="", more=MULTIPLE), platform.subsection())
    text = visible_text(get_pack(platform.lms(sam), key, query=f"lang={lang}").text)
    for line in expected:
        assert line in text, (line, text)


def test_the_best_path_points_the_way_the_language_reads(platform, people):  # noqa: F811
    _ana, sam = people
    key = platform.add(BLOCKS["role_play"], platform.subsection())
    english = visible_text(get_pack(platform.lms(sam), key).text)
    assert "Officer — card 1, choice 2 → card 3 (3 points at most)" in english  # a dash: no colon per language
    arabic = get_pack(platform.lms(sam), key, query="lang=ar").text
    route = arabic[arabic.index('class="emm-pack-routes"'):]
    route = route[:route.index("</ul>")]
    assert "←" in route and "→" not in route


def test_the_knowledge_check_pack_puts_its_answers_on_the_facilitators_sheet(platform, people):  # noqa: F811
    _ana, sam = people
    key = platform.add(BLOCKS["knowledge_check"], platform.subsection())
    page = get_pack(platform.lms(sam), key).text
    facilitator = page.index('class="emm-pack-part emm-pack-facilitator"')
    assert page.index("Public intro.") < page.index("Pick one.") < facilitator
    for secret in SECRETS["knowledge_check"]:
        assert page.index(secret) > facilitator, secret
    assert "Before the training (pre-test)" in visible_text(page[:facilitator])


def test_the_pack_s_answers_join_correct_options_the_french_way(platform, people):  # noqa: F811
    _ana, sam = people
    key = platform.add('<emm_case_study display_name="Cas"><narrative><![CDATA[<p>N</p>]]></narrative>'
                       '<question id="q1" type="multiple"><prompt><![CDATA[<p>Q</p>]]></prompt>'
                       '<option id="x" correct="true">Ex</option><option id="y" correct="true">Why</option>'
                       '<option id="z">Zed</option></question></emm_case_study>', platform.subsection())
    english = get_pack(platform.lms(sam), key).text
    french = get_pack(platform.lms(sam), key, lang="fr").text
    assert '<span dir="auto">Ex</span>; <span dir="auto">Why</span>' in english
    assert '<span dir="auto">Ex</span>\u202f; <span dir="auto">Why</span>' in french
