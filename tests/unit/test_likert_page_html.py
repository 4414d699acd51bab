"""The Likert evaluation's learner page written in Python (likert/page_html.py): a catalogue is
text, so a translation holding markup or a quote is escaped, as every value is, in the text and
in the attributes; the author's intro (sanitised before) and the statements' HTML are kept; a
locked page disables and hides its controls; the count of statements is the msgid's
``%(total)s`` in the learner's language. Byte-for-byte equality with the template it replaced:
bench/same_output.py."""

from django.utils.safestring import SafeString

from emm_xblocks.common.profile import Option
from emm_xblocks.likert.content import Statement, Survey
from emm_xblocks.likert.page_html import page_html
from tests.unit.marked_up_words import WORDS


def page(survey=None, **kwargs):
    survey = survey or Survey(display_name='Day "3" <eval>', statements=(Statement("a", "A"),),
                              comment_box=True)
    values = {"dom": "emm-x", "lang": "fr", "rtl": False, "survey": survey, "intro": SafeString("<p>Intro</p>"),
              "statements_html": SafeString("<fieldset>STATEMENTS</fieldset>"), "ready": True,
              "submitted": False, "locked": False, "sent_to_anonymous": False, "comment_text": "", "profile": "",
              "comment_max": 2000, "is_staff": False, "results_allowed": False, "read_only": "",
              "scale_changed": False, "pack_url": "", **kwargs}
    return str(page_html(values, WORDS))


def test_values_and_translations_are_escaped_and_the_author_s_html_kept():
    html = page(read_only="Viewing as <learner>", comment_text='Mine & "yours" <b>', scale_changed=True)
    assert "<p>Intro</p>" in html and "<fieldset>STATEMENTS</fieldset>" in html
    assert "<b>" not in html.replace("<fieldset>", "")
    assert '<h3 class="emm-title" id="emm-x-title" dir="auto">Day &quot;3&quot; &lt;eval&gt;</h3>' in html
    assert '<p class="emm-notice" data-read-only>Viewing as &lt;learner&gt;</p>' in html
    assert ">Mine &amp; &quot;yours&quot; &lt;b&gt;</textarea>" in html
    assert "&lt;b&gt;&quot;Any other comment (optional)&quot;&lt;/b&gt;</label>" in html
    assert "&lt;b&gt;&quot;1 statement&quot;&lt;/b&gt;" in html  # %(total)s filled after escaping
    assert "data-scale-changed>&lt;b&gt;&quot;The answer scale changed" in html


def test_the_count_is_written_in_the_learner_s_language():
    survey = Survey(statements=tuple(Statement(f"s{i}", "t") for i in range(1234)))
    assert "&lt;b&gt;&quot;1\u202f234 statements&quot;&lt;/b&gt;" in page(survey)


def test_a_locked_page_hides_the_submit_and_disables_the_profile_and_comment():
    survey = Survey(statements=(Statement("a", "A"),), comment_box=True, comment_prompt="Say <more>",
                    profile_prompt='You "work"', profile_options=(Option("gov", "Gov & co"),
                                                                  Option("cso", "CSO")))
    html = page(survey, submitted=True, locked=True, profile="cso")
    # locked for good: the submit hidden and disabled, not waiting for the script (common/waiting.py)
    assert 'data-progress hidden>' in html and 'data-submit hidden disabled>' in html and "data-wait" not in html
    assert 'value="cso" checked disabled>' in html and 'value="gov" disabled>' in html
    assert 'data-max-chars="2000" disabled>' in html and '>Say &lt;more&gt;</span></label>' in html
    assert "You &quot;work&quot;" in html and "Gov &amp; co" in html
    assert "&quot;Update my answers&quot;" in html and "&quot;Thank you: your answers were saved.&quot;" in html
    opened = page(survey, submitted=True, profile="gov")
    # open: only the submit is disabled, until the script is ready, and the note saying so is hidden
    assert 'data-submit disabled data-wait>' in opened and 'class="emm-notice emm-wait" data-wait hidden>' in opened
    rest = opened.replace(" disabled data-wait", "").replace("data-wait hidden>", "").replace("data-alert hidden>", "")
    assert " disabled" not in rest and " hidden>" not in rest


def test_the_empty_and_not_ready_pages_have_no_form():
    assert "emm-empty" in page(Survey()) and "<form" not in page(Survey())
    html = page(ready=False)
    assert "not ready yet" in html and "<form" not in html


def test_the_results_and_the_pack_link_show_to_whom_they_should():
    assert "data-results-section" not in page()
    assert "data-results-section hidden>" in page(is_staff=False, survey=Survey(results="learners",
                                                                                statements=(Statement("a", "A"),)))
    assert "data-results-section>" in page(results_allowed=True)
    html = page(pack_url='/h/pack?lang=fr&x="1"')
    assert 'href="/h/pack?lang=fr&amp;x=&quot;1&quot;"' in html and "&quot;Facilitator pack (printable)&quot;" in html
    assert "emm-pack-link" not in page()


def test_a_learner_whose_answers_cannot_be_shown_back_gets_a_confirmation_in_place_of_the_form():
    anonymous = Survey(statements=(Statement("a", "A"),), comment_box=True, anonymous=True)
    sent = '<div class="emm-likert-sent" data-sent>'
    recorded = page(anonymous, submitted=True, locked=True, sent_to_anonymous=True, statements_html="")
    assert sent in recorded and "<form" not in recorded and "<textarea" not in recorded
    assert ("&lt;b&gt;&quot;Your answers were recorded anonymously.&quot;&lt;/b&gt; "
            "&lt;b&gt;&quot;They are not linked to your name") in recorded  # two sentences, each escaped
    named_then = page(anonymous, submitted=True, locked=True, sent_to_anonymous=True, sent_named_to_anonymous=True)
    assert sent in named_then and "before this evaluation became anonymous" in named_then
    assert "recorded anonymously" not in named_then and "<form" not in named_then
    # sent while it was anonymous, named now: the reason the refusal gives too
    now_named = page(submitted=True, locked=True, sent_anonymously=True, read_only="Viewing as <learner>")
    assert sent in now_named and "while this evaluation was anonymous" in now_named and "<form" not in now_named
    assert '<p class="emm-notice" data-read-only>Viewing as &lt;learner&gt;</p>' in now_named


def test_an_anonymous_form_carries_the_confirmation_hidden_for_the_script_a_named_one_none():
    anonymous = Survey(statements=(Statement("a", "A"),), anonymous=True)
    html = page(anonymous)
    assert '<div class="emm-likert-sent" data-sent hidden>' in html and html.index("<form") < html.index("data-sent")
    assert "data-sent" not in page(anonymous, read_only="Past due", locked=True)  # nothing can be sent
    assert "data-sent" not in page() and "data-sent" not in page(submitted=True)
