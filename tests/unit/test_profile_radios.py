"""The participant profile question's radio buttons (common.question_views.profile_options_html),
written for every block that asks it: the case study's and the role-play's on one line per option,
the Likert page's spread over lines as its template wrote them (the bytes bench/same_output.py
compares); every value escaped, the learner's answer checked, every button disabled when locked."""

from emm_xblocks.common.profile import Option
from emm_xblocks.common.question_views import profile_options_html
from emm_xblocks.likert.content import Statement, Survey
from emm_xblocks.likert.page_html import page_html
from tests.unit.marked_up_words import WORDS

OPTIONS = (Option("gov", "Gov & <co>"), Option('c"so', "CSO"))


def test_one_line_per_option():
    html = profile_options_html(OPTIONS, 'c"so', 'd"1', True, "\n      ")
    assert html == (
        '\n      <label class="emm-option" for="d&quot;1-profile-1"><input type="radio" id="d&quot;1-profile-1"'
        ' name="d&quot;1-profile" value="gov" disabled> <span dir="auto">Gov &amp; &lt;co&gt;</span></label>'
        '\n      <label class="emm-option" for="d&quot;1-profile-2"><input type="radio" id="d&quot;1-profile-2"'
        ' name="d&quot;1-profile" value="c&quot;so" checked disabled> <span dir="auto">CSO</span></label>')


def test_spread_over_lines_as_the_likert_page_writes_them():
    html = profile_options_html(OPTIONS[:1], "gov", "d", False, "\n        ", spread=True)
    assert html == ('\n        <label class="emm-option" for="d-profile-1">'
                    '\n          <input type="radio" id="d-profile-1" name="d-profile" value="gov" checked>'
                    '\n          <span dir="auto">Gov &amp; &lt;co&gt;</span>'
                    '\n        </label>\n        ')


def test_a_last_button_gives_none_back_in_the_page_s_language():
    # keyboard trial s39: walking the options with the arrow keys picks each in turn; none could not be given back
    html = profile_options_html(OPTIONS[:1], "", "d", False, "\n      ", lang=' lang="fr"',
                                none="I prefer <not> to say")
    assert html.endswith('<input type="radio" id="d-profile-2" name="d-profile" value="" checked>'
                         ' <span>I prefer &lt;not&gt; to say</span></label>')
    assert '<span dir="auto" lang="fr">Gov' in html  # the author's words say their language, ours the page's
    chosen = str(profile_options_html(OPTIONS[:1], "gov", "d", False, "", none="None"))
    assert 'value="gov" checked' in chosen and 'value="" checked' not in chosen
    # an answer whose option the author removed since: none is checked, so the arrow keys start from one
    gone = str(profile_options_html(OPTIONS[:1], "ngo", "d", False, "", none="None"))
    assert gone.count("checked") == 1 and 'value="" checked' in gone


def test_the_likert_page_asks_it_with_them():
    survey = Survey(statements=(Statement("a", "A"),), profile_prompt="Who?", profile_options=OPTIONS)
    values = {"dom": "emm-x", "lang": "fr", "rtl": False, "survey": survey, "intro": "", "statements_html": "",
              "ready": True, "submitted": True, "locked": True, "sent_to_anonymous": False, "comment_text": "",
              "profile": 'c"so', "comment_max": 2000, "is_staff": False, "results_allowed": False, "read_only": "",
              "scale_changed": False, "pack_url": ""}
    html = str(page_html(values, WORDS))
    radios = str(profile_options_html(OPTIONS, 'c"so', "emm-x", True, "\n        ", spread=True,
                                      none=WORDS[0]("I prefer not to say")))
    assert f'<div class="emm-scale emm-profile-options">\n        {radios}\n      </div>' in html
