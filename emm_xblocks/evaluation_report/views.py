"""What the evaluation report shows (rendering only, never writing): the report to course staff,
nothing to anyone else; the author's preview; the Studio editor (settings only).

The figures are read from the store (``common.descriptions``: what each evaluation asked;
``common.summary``: its counts), computed by ``report.reaction``.
"""

from datetime import UTC, datetime

from django.utils.safestring import mark_safe
from web_fragments.fragment import Fragment

from ..common import charts, descriptions, pairs, platform, summary
from ..common.i18n import current_language
from ..common.numbers import long_date
from ..common.settings import settings_summary
from ..common.spreadsheet import EXCEL, excel_link
from ..likert import content as likert
from . import content, editor, learning, report, validation


def evaluations(block):
    """``[(block key, survey, tallies, respondents)]`` of the course's answered Likert evaluations."""
    out = []
    for key, fields in descriptions.course_descriptions(platform.course_key(block), "emm_likert"):
        respondents, tallies, _profiles = summary.panel_counts(key)
        if respondents:
            out.append((key, likert.from_fields(fields), tallies, respondents))
    return out


def knowledge_pairs(block):
    """``[{"pair", "names", "tests", "description", "rows"}]`` of the course's knowledge-check pairs
    that learners answered, by pair key in the order first answered: ``names`` its blocks' names,
    ``tests`` ``[(phase, name)]`` the same in the order described; the post-test's description wins."""
    course = platform.course_key(block)
    found = {}
    for _key, fields in descriptions.course_descriptions(course, "emm_knowledge_check"):
        pair = fields.get("pair")
        if not isinstance(pair, str) or not pair:
            continue
        entry = found.setdefault(pair, {"pair": pair, "names": [], "tests": [], "description": fields})
        entry["names"].append(str(fields.get("display_name", "")))
        entry["tests"].append((str(fields.get("phase", "")), str(fields.get("display_name", ""))))
        if fields.get("phase") == "post":
            entry["description"] = fields
    for entry in found.values():
        entry["rows"] = pairs.pair_rows(course, entry["pair"])
    return list(found.values())


def figures(block):
    settings = block.load_content()
    asked = evaluations(block)
    language = current_language()  # each evaluation's and pair's texts marked with their own language
    data = report.reaction(asked, settings.min_group_size, block.ugettext,
                           settings.headline_statement, block.numbers(), language)
    if data["headline"]:  # its HTML: every text escaped, the statement in a <bdi> (report._headline)
        data["headline"]["html"] = mark_safe(data["headline"]["html"])  # noqa: S308 - escaped
        if len(data["headline"]["evaluations"]) > 1:  # pooled: the summary names what it pools
            data["headline"]["pooled"] = data["headline"]["names"]
    report.by_profile(data, asked, {key: summary.profile_tallies(key) for key, survey, *_rest in asked
                                    if survey.asks_profile}, block.ugettext)
    data["learning"] = learning.figures(knowledge_pairs(block), settings.min_group_size, language)
    for p in data["learning"]:  # each pair's pre/post bars, as the check's own staff panel draws them
        p["figures"]["chart"] = charts.pre_post(p["figures"], block.ugettext, block.numbers())
    _safe_langs(data)
    return report.summary_charts(data, block.ugettext, block.numbers())


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
    report_ = block.load_content()
    numbers = block.numbers()  # a printed summary says when it was produced, and for which course
    frag = block.build_fragment("templates/evaluation_report/report.html",
                                {"f": figures(block), "report": report_, "dom": block.dom_id(),
                                 "author_lang": block.author_lang(report_),  # the report's own name
                                 "csv_url": block.runtime.handler_url(block, "export_csv"),
                                 "excel_url": block.runtime.handler_url(block, "export_csv", EXCEL),
                                 "excel_link": excel_link(numbers.language, block.ugettext),  # its separator
                                 "produced": long_date(datetime.now(UTC).date(), numbers.language),
                                 "course": platform.course_key(block)})
    frag.add_css_url(block.resource_url(charts.CHART_CSS))
    return frag


def author_view(block):
    settings = block.load_content()
    return block.build_fragment("templates/evaluation_report/author.html", {
        "report": settings, "problems": validation.validate(settings, block.ugettext),
        "settings": settings_summary(settings, content.SETTINGS, block.ugettext, block.numbers().number)},
        js="js/emm-evaluation-report.js", js_class="EmmEvaluationReport")


def studio_view(block):
    """The settings form, read and saved by the shared form editor (``emm-form-studio.js``)."""
    _ = block.ugettext
    form = editor.settings_form(_)
    return block.build_fragment("templates/evaluation_report/studio.html",
                                {"dom": block.dom_id() + "-ed", "settings": form["groups"]}, init_args={
                                    "content": editor.to_editor(block.load_content()), "kinds": {},
                                    "settings": form["keys"], "root": ".emm-er-editor"},
                                js="js/emm-form-studio.js", js_class="EmmFormEditor")
