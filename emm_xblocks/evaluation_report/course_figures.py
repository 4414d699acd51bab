"""The evaluation report's figures, read from the store and worked out: what the staff page shows
(``views``) and the download holds (``export``). It reads (``common.descriptions``: what each of
the course's evaluations and knowledge checks asked; ``common.summary``: their counts;
``common.pair_sums``: the sums of the knowledge-check pairs' results) and never writes; the
figures themselves are the pure ``report`` (reaction, Kirkpatrick level 1) and ``learning`` (level 2).
"""

from ..common import charts, course_outline, pair_sums, platform, summary
from ..common.i18n import current_language, default_translated
from ..common.settings import default_named
from ..knowledge_check.content import DEFAULT_NAME, POST, PRE
from ..knowledge_check.statistics import gain_as_shown, pair_group_size
from ..likert import content as likert
from . import learning, report


def described(block, block_type, usage_key=None):
    """``[(block key, fields)]`` of the course's described blocks of ``block_type`` that its
    outline still holds (``common.course_outline``: a block deleted in Studio is not counted), in
    the course of the block's key, or of ``usage_key``."""
    return course_outline.described_and_gone(block, block_type, usage_key)[0]


def evaluations(block):
    """``([(block key, survey, tallies, respondents)], {block key: tallies by profile})`` of the
    course's answered Likert evaluations, each read in one statement as its own panel reads it
    (``summary.panel_counts``: by profile only for an evaluation that asks the question). An
    evaluation left at its default name is named in the reader's language, as its page names it
    (``settings.default_named``; decision 106)."""
    out, by_profile = [], {}
    for key, fields in described(block, "emm_likert"):
        survey = default_named(likert.from_fields(fields), likert.SETTINGS, block.ugettext)
        respondents, tallies, profiles = summary.panel_counts(key, profiles=survey.asks_profile)
        if respondents:
            out.append((key, survey, tallies, respondents))
            if profiles is not None:
                by_profile[key] = profiles
    return out, by_profile


def statement_ids(block):
    """``{statement id}`` of the course's answered Likert evaluations (their stored descriptions:
    one read, no count), for the editor's check of the key figure's id. The course of the key the
    block is stored under: Studio's editor holds it under one with branch and version."""
    return {statement.id
            for _key, fields in described(block, "emm_likert", block.stored_usage_key())
            for statement in likert.from_fields(fields).statements}


def knowledge_pairs(block):
    """``[{"pair", "names", "tests", "description", "sums"}]`` of the course's knowledge-check pairs
    that learners answered, by pair key in the order first answered: ``names`` its blocks' names,
    ``tests`` ``[(phase, name)]`` the same in the order described; the post-test's description wins;
    ``min_group_size`` the highest of its tests' (``statistics.pair_group_size``). A test left at
    its default name is named in the reader's language (``i18n.default_translated``; decision 106).
    A test deleted from the course is not one of them, nor are its results in ``sums``
    (``common.pair_sums``: what the figures read of the results, added up by the database)."""
    course = platform.course_key(block)
    found = {}
    kept, gone = course_outline.described_and_gone(block, "emm_knowledge_check")
    for _key, fields in kept:
        pair = fields.get("pair")
        if not isinstance(pair, str) or not pair:
            continue
        entry = found.setdefault(pair, {"pair": pair, "names": [], "tests": [], "description": fields})
        name = default_translated(str(fields.get("display_name", "")).strip(), DEFAULT_NAME, block.ugettext)
        entry["names"].append(name)
        entry["tests"].append((str(fields.get("phase", "")), name))
        if fields.get("phase") == "post":
            entry["description"] = fields
    for entry in found.values():
        # what its figures read, added up by the database, without a deleted test's results
        entry["sums"] = pair_sums.pair_sums(course, entry["pair"], (PRE, POST),
                                            [q.id for q in learning.asked(entry["description"])], leave_out=gone)
        # the highest of its tests' minimums: the post-test's alone showed what the pre-test withholds (bug hunt s43)
        entry["min_group_size"] = pair_group_size(kept, entry["pair"])
    return list(found.values())


def figures(block):
    """Every figure of the report, as the staff page shows them and the download holds them: the
    course's Likert evaluations' reaction figures (``report.reaction``, split by profile where
    asked: ``report.by_profile``), its knowledge-check pairs' learning figures
    (``learning.figures``, each with its pre/post chart) and the summary's charts
    (``report.summary_charts``). Texts escaped where HTML is made, not yet marked safe."""
    settings = block.load_content()
    asked, by_profile = evaluations(block)
    language = current_language()  # each evaluation's and pair's texts marked with their own language
    data = report.reaction(asked, settings.min_group_size, block.ugettext,
                           settings.headline_statement, block.numbers(), language)
    if data["headline"] and len(data["headline"]["evaluations"]) > 1:  # pooled: the summary names what it pools
        data["headline"]["pooled"] = data["headline"]["names"]
    report.by_profile(data, asked, by_profile, block.ugettext)
    data["learning"] = learning.figures(knowledge_pairs(block), settings.min_group_size, language)
    for p in data["learning"]:  # each pair's pre/post bars, as the check's own staff panel draws them
        p["figures"]["chart"] = charts.pre_post(p["figures"], block.ugettext, block.numbers())
        p["figures"]["gain_shown"] = gain_as_shown(p["figures"])
    return report.summary_charts(data, block.ugettext, block.numbers())
