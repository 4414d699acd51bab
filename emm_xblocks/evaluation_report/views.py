"""What the evaluation report shows (rendering only, never writing): the report to course staff,
nothing to anyone else; the author's preview; the Studio editor (settings only).

The figures are read from the store (``common.descriptions``: what each evaluation asked;
``common.summary``: its counts), computed by ``report.reaction``.
"""

from web_fragments.fragment import Fragment

from ..common import descriptions, platform, summary
from ..likert import content as likert
from . import editor, report, validation


def evaluations(block):
    """``[(block key, survey, tallies, respondents)]`` of the course's answered Likert evaluations."""
    out = []
    for key, fields in descriptions.course_descriptions(platform.course_key(block)):
        respondents = summary.respondents(key)
        if respondents:
            out.append((key, likert.from_fields(fields), summary.tallies(key), respondents))
    return out


def figures(block):
    settings = block.load_content()
    return report.reaction(evaluations(block), settings.min_group_size, block.ugettext,
                           settings.headline_statement)


def student_view(block):
    """Course staff read the report; learners see nothing of it (an empty fragment)."""
    if not block.is_staff():
        return Fragment("")
    return block.build_fragment("templates/evaluation_report/report.html",
                                {"f": figures(block), "report": block.load_content(), "dom": block.dom_id()})


def author_view(block):
    settings = block.load_content()
    return block.build_fragment("templates/evaluation_report/author.html", {
        "report": settings, "problems": validation.validate(settings, block.ugettext)},
        js="js/emm-evaluation-report.js", js_class="EmmEvaluationReport")


def studio_view(block):
    """The settings form, read and saved by the case study's form editor (``emm-case-study-studio.js``)."""
    _ = block.ugettext
    form = editor.settings_form(_)
    return block.build_fragment("templates/evaluation_report/studio.html",
                                {"dom": block.dom_id() + "-ed", "settings": form["groups"]}, init_args={
                                    "case": editor.to_editor(block.load_content()), "kinds": {},
                                    "settings": form["keys"], "root": ".emm-er-editor"},
                                js="js/emm-case-study-studio.js", js_class="EmmCaseStudyEditor")
