"""The Likert results panel as a reader gets it (likert/results_html.py): written on the server
from ``results.panel_figures``'s figures, every author's and learner's text escaped, the author's
words marked with their language, figures in the page's language, the staff's files only when the
view gave their addresses."""

import json
import re
from html.parser import HTMLParser

from emm_xblocks.common import charts
from emm_xblocks.common.numbers import Numbers
from emm_xblocks.common.perspectives import PROFILE_GROUP
from emm_xblocks.common.profile import Option
from emm_xblocks.likert.content import Statement, Survey
from emm_xblocks.likert.results import panel_figures
from emm_xblocks.likert.results_html import chart_rows, comments_html, count_head, panel_html

EN = (str, lambda one, many, n: one if n == 1 else many, Numbers("en"))  # ``block.translators()``'s shape
FR = (str, lambda one, many, n: one if n < 2 else many, Numbers("fr"))
SURVEY = Survey(display_name="Day 1", min_group_size=3, statements=(
    Statement("useful", "The <b>training</b> is useful & practical."),
    Statement("long", "The sessions were too long.", reverse=True),
    Statement("rare", "I used the documents.", required=False)))
TALLIES = {"useful": {"5": 3, "4": 1}, "long": {"1": 2, "2": 1, "5": 1}, "rare": {"3": 2}}


class Text(HTMLParser):
    """The panel's visible text by element: each ``<tr>``'s cells' text, the elements opened."""

    def __init__(self, html):
        super().__init__()
        self.rows, self.tags, self.cell = [], [], None
        self.feed(str(html))

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def panel(survey=SURVEY, respondents=4, tallies=TALLIES, by_profile=None, words=EN, extra=None, lang=""):
    data = panel_figures(survey, respondents, tallies, by_profile, words)
    data.update(extra or {})
    chart = "" if data["suppressed"] else "<div data-test-chart></div>"
    return data, panel_html(data, chart, words, lang, dom="emm-x")


def test_the_count_column_is_headed_in_the_reader_s_words_short_on_screen_whole_for_screen_readers():
    """Bug hunt a11y: it was "n" outside the catalogue, a Latin letter said in an Arabic voice."""
    catalogue = {"Number of answers": "عدد الإجابات", "the column of answers counted in a results table\x04n": "العدد"}
    head = count_head(lambda text: catalogue.get(text, text))
    assert head == ('<abbr title="عدد الإجابات" aria-hidden="true">العدد</abbr>'
                    '<span class="emm-sr">عدد الإجابات</span>')
    assert count_head(str) == ('<abbr title="Number of answers" aria-hidden="true">n</abbr>'
                               '<span class="emm-sr">Number of answers</span>')
    _data, html = panel()
    assert str(html).count(f'<th scope="col">{count_head(str)}</th>') == 1


def test_the_table_gives_every_figure_as_the_reader_writes_numbers():
    _data, html = panel()
    rows = Text(html).rows
    # the count column: "n" on the screen, the whole words for a screen reader (count_head)
    assert rows[0][:2] == ["Statement", "nNumber of answers"]
    assert rows[0][-1] == "Average, from 1 to 5 (most favourable)"
    assert "Two highest answers, as worded" in rows[0]  # a reverse-coded statement is shown: both bases named
    useful = rows[1]
    assert useful[0] == "The <b>training</b> is useful & practical."  # the author's text, as text
    assert useful[1:7] == ["4", "0 (0%)", "0 (0%)", "0 (0%)", "1 (25%)", "3 (75%)"] and useful[-1] == "4.75"
    assert rows[2][0] == "The sessions were too long. (reverse-coded)"
    # answered by two, under the minimum of three: one cell says so
    assert rows[3][1:] == ["Too few answers to show (fewer than 3 on the scale)."]
    assert "<b>" not in str(html) and "&lt;b&gt;training&lt;/b&gt; is useful &amp; practical." in str(html)
    _data, french = panel(words=FR)
    assert Text(french).rows[1][5:7] == ["1 (25\u00a0%)", "3 (75\u00a0%)"] and Text(french).rows[1][-1] == "4,75"
    # a mean keeps two decimals, as the course report writes it: "4.00", never "4" (trial s34)
    assert rows[2][-1] == "3.75" and Text(panel(tallies={**TALLIES, "useful": {"4": 4}})[1]).rows[1][-1] == "4.00"


def test_staff_read_the_figures_in_the_field_s_terms_a_learner_in_plain_words():
    """Learner trial s41: "Top two as worded" read as staff's jargon in a learner's folded table."""
    learner = Text(panel()[1]).rows[0][-4:]
    assert learner == ["Most favourable answer", "Two most favourable answers", "Two highest answers, as worded",
                       "Average, from 1 to 5 (most favourable)"]
    staff = Text(panel(extra={"staff": True})[1]).rows[0][-4:]
    assert staff == ["Top box (favourable)", "Top two (favourable)", "Top two as worded", "Mean (favourable)"]
    # no reverse-coded statement: no "as worded" column for either
    plain = Survey(display_name="Day 1", min_group_size=3, statements=SURVEY.statements[:1])
    assert Text(panel(plain, tallies={"useful": {"5": 4}})[1]).rows[0][-3:] == [
        "Most favourable answer", "Two most favourable answers", "Average, from 1 to 5 (most favourable)"]
    _data, html = panel()
    assert "then the share of favourable answers and the average" in html and "rescored" not in html.split(
        "<caption>")[1].split("</caption>")[0]
    _data, html = panel(extra={"staff": True})
    assert "top boxes and mean favourable, reverse-coded statements rescored" in html


def test_below_the_minimum_the_panel_says_so_and_shows_no_figure():
    data, html = panel(respondents=2, tallies={"useful": {"5": 2}})
    assert data["suppressed"]
    assert "Results are shown once at least 3 people have answered (2 so far)." in html
    assert "<table" not in html and "data-test-chart" not in html and "<a " not in html


def test_staff_files_and_comments_only_where_the_view_gave_them():
    _data, learner = panel()
    assert "<a " not in learner and "emm-comments" not in learner
    staff = {"csv_url": "/h/export_csv", "csv_excel_url": "/h/export_csv/excel", "codebook_url": "/h/export_codebook",
             "codebook_excel_url": "/h/export_codebook/excel", "excel_link": {"text": "Excel", "title": "semicolons"},
             "comments": ["<script>alert(1)</script> très utile"]}
    _data, html = panel(extra=staff)
    links = [attrs for tag, attrs in Text(html).tags if tag == "a"]
    assert [a["href"] for a in links] == ["/h/export_csv", "/h/export_csv/excel", "/h/export_codebook",
                                         "/h/export_codebook/excel"]
    assert all("download" in a for a in links) and links[1]["title"] == "semicolons"
    assert "&lt;script&gt;alert(1)&lt;/script&gt; très utile" in html and "<script>" not in html


def test_the_comments_first_page_says_how_many_and_where_it_stopped_escaped():
    """The panel's comments are a first page (likert.comments): the count, then "Show more comments"
    holding where the page stopped as JSON; a learner's text escaped wherever it goes, the cursor's
    line break and quotes included."""
    head = 'Oui "vraiment"\r\n<b>'
    data = {"comments": ["<b>un</b>", head], "comments_total": 45, "comments_url": "/h/comments_page",
            "comments_next": {"head": head, "id": "0" * 32}}
    html = comments_html(data, EN, "emm-b")
    assert '<li dir="auto">&lt;b&gt;un&lt;/b&gt;</li>' in html and "<b>" not in html
    assert ">2 of 45 comments shown</p>" in html and 'data-url="/h/comments_page"' in html
    button = next(attrs for tag, attrs in Text(html).tags if tag == "button")
    assert json.loads(button["data-after"]) == {"head": head, "id": "0" * 32}
    assert button["aria-describedby"] == "emm-b-comments-count"
    assert "Listed in the order of their text, not of when they were sent." in html
    assert 'role="status" data-comments-said' in html
    every = comments_html({"comments": ["Merci"], "comments_total": 1, "comments_next": None}, FR, "emm-b")
    assert ">1 comment</p>" in every and "<button" not in every and "Listed in" not in every


def test_the_author_s_words_carry_their_language_the_reader_s_do_not():
    _data, html = panel(lang=' lang="fr"')
    assert '<div dir="auto"><span lang="fr">The sessions were too long.</span> <bdi>(reverse-coded)</bdi></div>' in html
    assert '<th scope="col">Statement</th>' in html  # the reader's words: the page's language


def test_the_figures_by_profile_withhold_a_small_group_and_say_why():
    survey = Survey(display_name="Day 1", min_group_size=2, profile_prompt="Where do you <work>?",
                    profile_options=(Option("gov", "Government"), Option("cso", "Civil society")),
                    statements=(Statement("useful", "Useful."),))
    tallies = {"useful": {"5": 3, "1": 2, "4": 1}, PROFILE_GROUP: {"gov": 3, "cso": 2}}
    by = {"gov": {"useful": {"5": 3}}, "cso": {"useful": {"1": 2}}}
    _data, html = panel(survey, 6, tallies, by, extra={"profile_csv_url": "/h/profiles"})
    section = re.search(r'<section class="emm-profiles" data-profiles>.*?</section>', html).group(0)
    assert "<h4>By profile: <bdi>Where do you &lt;work&gt;?</bdi></h4>" in section
    rows = Text(section).rows
    assert rows[0] == ["Statement", "Government3 answered", "Civil societynot shown",
                       "Did not saywithheld: too few answers"]
    assert rows[1] == ["Useful.", "100% favourable (100% most favourable answer)", "not shown",
                       "withheld: too few answers"]
    assert 'href="/h/profiles"' in section
    assert "top box" not in html.lower()  # a learner's panel speaks plainly throughout (review s42)
    _data, staff = panel(survey, 6, tallies, by, extra={"staff": True})
    assert "100% favourable (100% top box)" in staff


def test_the_chart_rows_say_what_a_statement_without_a_bar_lacks():
    data, _html = panel(tallies={**TALLIES, "useful": {"na": 4}})
    chart = charts.diverging(data["labels"], chart_rows(data, EN, ' lang="fr"'), str)
    useful, long_, rare = chart["rows"]
    assert useful["segments"] == [] and useful["empty"] == "No answers on the scale: 4 people chose “N/A”."
    assert rare["empty"] == "Too few answers to show (fewer than 3 on the scale)."
    assert long_["segments"] and long_["lang"] == ' lang="fr"' and long_["note"].startswith("reverse-coded")


def test_a_learner_s_bars_show_the_answers_as_given_staff_s_the_favourable_basis():
    """Learner trial s37: "The sessions were too long." answered 2 "Strongly disagree", 1
    "Disagree", 1 "Strongly agree" was drawn rescored for learners too, its disagreeing answers in
    the colours the legend gives "Agree" and "Strongly agree": a learner read the opposite of what
    people said. A learner's bar is the answers as given, in their labels' colours; staff keep the
    favourable basis their top boxes and the course report use, said beside the chart."""
    def long_row(staff):
        data, html = panel(extra={"staff": staff})
        chart = charts.diverging(data["labels"], chart_rows(data, EN), str, as_worded=not staff)
        return chart, html, {seg["cls"]: seg["width"] for seg in chart["rows"][1]["segments"]}

    chart, html, bars = long_row(staff=False)
    # 2 of 4 "Strongly disagree" (point 1): 50 % of the answers, half the track's side
    assert bars == {"emm-p1of5": "25", "emm-p2of5": "12.5", "emm-p5of5": "12.5"}
    assert [item["label"] for item in chart["legend"]][0] == "Strongly disagree"
    assert chart["rows"][1]["note"] == "reverse-coded: the lower answers are the favourable ones"
    assert "The bars show the answers as given." in html and "counted rescored" not in html
    assert "Bars, top boxes and means count" not in html
    chart, html, bars = long_row(staff=True)
    assert bars == {"emm-p5of5": "25", "emm-p4of5": "12.5", "emm-p1of5": "12.5"}  # rescored
    assert chart["rows"][1]["note"].startswith("reverse-coded: counted rescored")
    assert "Bars, top boxes and means count reverse-coded statements rescored" in html
    # a statement that is not reverse-coded: the same bars either way
    assert long_row(False)[0]["rows"][0]["segments"] == long_row(True)[0]["rows"][0]["segments"]


def test_a_statement_answered_only_na_says_why_to_screen_readers_too():
    """Its figures are dashes; the chart says why, but screen readers skip the chart, so its row
    says it to them (decision 34: nothing is said only by the chart)."""
    _data, html = panel(tallies={**TALLIES, "useful": {"na": 4}})
    head = re.search(r'<tr data-row="useful"><th scope="row">(.*?)</th>', html).group(1)
    assert '<span class="emm-sr">No answers on the scale: 4 people chose “N/A”.</span>' in head
    assert 'class="emm-sr"' not in re.search(r'<tr data-row="long">.*?</tr>', html).group(0)


def test_answers_kept_apart_carry_the_author_s_language_and_a_custom_scale_s_labels_theirs():
    survey = Survey(display_name="Jour 1", min_group_size=1, scale="custom", custom_labels=("Bas", "Haut"),
                    statements=(Statement("utile", "Utile."),))
    # answers to a statement removed since, on the current scale
    _data, html = panel(survey, 3, {"utile": {"2": 3}, "parti": {"1": 2, "2": 1}}, lang=' lang="fr"')
    section = re.search(r'<section class="emm-apart" data-apart>.*?</section>', html).group(0)
    assert '<th scope="col"><bdi lang="fr">Bas</bdi></th>' in section
    assert '<th scope="row"><div dir="auto"><span lang="fr">parti</span></div></th>' in section
    assert Text(section).rows[1][1:] == ["3", "2", "1", "0"]


def test_each_table_s_region_is_named_after_the_evaluation_first():
    """The LMS shows a unit's blocks on one page: three evaluations' regions were all "Results
    table" (and "By profile: ..."), alike in a screen reader's list of regions. Each is named by
    the block's title (``<dom>-title``, ``page_html``), then the table's own name: the main
    table's aria-label (its caption is a sentence), the others' captions (bug hunt s44)."""
    survey = Survey(display_name="Day 1", min_group_size=1, profile_prompt="You work for",
                    profile_options=(Option("gov", "Government"),), statements=(Statement("useful", "Useful."),))
    tallies = {"useful": {"5": 3}, "gone": {"1": 2}, PROFILE_GROUP: {"gov": 3}}
    _data, html = panel(survey, 3, tallies, {"gov": {"useful": {"5": 3}}})
    regions = [dict(attrs) for tag, attrs in Text(html).tags if dict(attrs).get("role") == "region"]
    assert [r["aria-labelledby"] for r in regions] == [
        "emm-x-title emm-x-figures", "emm-x-title emm-x-apart1", "emm-x-title emm-x-profiles"]
    assert regions[0]["id"] == "emm-x-figures" and regions[0]["aria-label"] == "Results table"
    captions = {attrs["id"] for tag, attrs in Text(html).tags if tag == "caption" and "id" in attrs}
    assert captions == {"emm-x-apart1", "emm-x-profiles"}


def test_the_headline_s_figure_stands_out_and_its_words_read_as_text():
    # trial s41: the whole sentence in bold ran to five heavy lines on a phone; the figure alone is
    data, html = panel(words=FR)
    figure = re.search(r'<p class="emm-headline">(.*?)</p>', str(html)).group(1)
    assert figure.count("<strong>") == 1
    assert re.search(r"<strong>([^<]*)</strong>", figure).group(1) == "87,5\xa0%"
    assert re.sub(r"</?strong>", "", figure) == data["headline_text"]  # nothing to escape in it


def test_the_headline_s_figure_is_bold_in_every_language_s_numbers():
    # the figure found in the sentence as each language writes it (CLDR: "87,5\xa0%" in Spanish, "87.5%" in Arabic)
    for lang in ("es", "ar"):
        words = (str, lambda one, many, n: one if n == 1 else many, Numbers(lang))
        data, html = panel(words=words)
        headline = re.search(r'<p class="emm-headline">(.*?)</p>', str(html)).group(1)
        assert re.search(r"<strong>([^<]*)</strong>", headline).group(1) == words[2].percent(data["headline"]), lang
