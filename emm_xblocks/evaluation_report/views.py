"""What the evaluation report shows (rendering only, never writing): the report to course staff,
nothing to anyone else; the author's preview; the Studio editor (settings only).

The figures are ``course_figures``' (read from the store, worked out by ``report`` and
``learning``), which the download (``export``) holds too.
"""

from datetime import UTC, datetime

from django.utils.safestring import mark_safe
from web_fragments.fragment import Fragment

from ..common import charts, platform
from ..common.downloads import links_html
from ..common.numbers import long_date
from ..common.settings import settings_summary
from ..common.spreadsheet import EXCEL, excel_link
from ..common.validation import listed
from ..likert.results_html import count_head
from . import content, course_figures, validation


def figures(block):
    """The report's figures (``course_figures.figures``) as the template writes them: the headline's
    HTML and every ``lang`` attribute marked safe (each escaped, or ours, where it was made)."""
    data = course_figures.figures(block)
    if data["headline"]:  # its HTML: every text escaped, the statement in a <bdi> (report._headline)
        data["headline"]["html"] = mark_safe(data["headline"]["html"])  # noqa: S308 - escaped
    _safe_langs(data)
    return data


def _safe_langs(data):
    """The ``lang`` attributes of ``report.reaction``/``learning`` (``' lang="fr"'`` or "", one of
    ``common.content_language.TAGS``) marked safe for the template, which writes them as they are."""
    for e in data["evaluations"]:
        e["lang"], e["labels_lang"] = mark_safe(e["lang"]), mark_safe(e["labels_lang"])  # noqa: S308 - ours
        for s in e["statements"]:
            s["lang"] = e["lang"]
    for s in data["shared"]:
        s["lang"] = mark_safe(s["lang"])  # noqa: S308 - ours
        for c in s["cells"]:
            if c is not None:
                c["lang"] = mark_safe(c["lang"])  # noqa: S308 - ours
    for p in data["learning"]:
        p["lang"] = p["figures"]["lang"] = mark_safe(p["lang"])  # noqa: S308 - ours


def student_view(block):
    """Course staff read the report; learners see nothing of it (an empty fragment)."""
    if not block.is_staff():
        return Fragment("")
    report_ = block.shown_content()  # a default name in the page's language (bug hunt s44)
    numbers = block.numbers()  # a printed summary says when it was produced, and for which course
    frag = block.build_fragment("templates/evaluation_report/report.html",
                                {"f": figures(block), "report": report_, "dom": block.dom_id(),
                                 # the count column's head, as the Likert results write it
                                 "count_head": mark_safe(count_head(block.ugettext)),  # noqa: S308 - escaped
                                 "author_lang": block.author_lang(report_),  # the report's own name
                                 # the download and its Excel variant, its link naming its separator
                                 "downloads_html": links_html(
                                     block.runtime.handler_url(block, "export_csv"),
                                     block.ugettext("Download every figure (CSV)"),
                                     block.runtime.handler_url(block, "export_csv", EXCEL),
                                     excel_link(numbers.language, block.ugettext), mark=" data-csv", buttons=True),
                                 "produced": long_date(datetime.now(UTC).date(), numbers.language),
                                 "course": platform.course_key(block)})
    frag.add_css_url(block.resource_url(charts.CHART_CSS))
    return frag


def author_view(block):
    settings = block.shown_content()
    return block.build_fragment("templates/evaluation_report/author.html", {
        "report": settings, "problems": listed(validation.validate(settings, block.ugettext), block.ugettext),
        "author_lang": block.author_lang(settings),  # the report's own name (decision 56)
        "settings": settings_summary(settings, content.SETTINGS, block.ugettext, block.numbers().number)},
        js="js/emm-evaluation-report.js", js_class="EmmEvaluationReport")


def studio_view(block):
    """The settings form, read and saved by the shared form editor (``emm-form-studio.js``)."""
    return block.form_editor("templates/evaluation_report/studio.html", ".emm-er-editor")
