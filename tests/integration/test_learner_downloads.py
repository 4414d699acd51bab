"""What a learner's phone downloads for each block, as the LMS renders it (tests/openedx): the
block's stylesheets, its catalogue of strings and its scripts, and nothing of the editors, of the
staff's live room or pack, nor another block's code. Sizes are ``make bench``'s (bench/run.py);
here, which files.

The demos of the workbench are the content (emm_xblocks/workbench/scenarios): the Likert one lets
learners see the results, whose panel loads only when asked for (``emm-likert.js``).
"""

import json
import re
from pathlib import Path

import pytest
from django.utils import translation

from emm_xblocks.xblocks import KnowledgeCheckBlock
from tests.openedx.runtime import Platform

DEMOS = Path(__file__).resolve().parents[2] / "emm_xblocks" / "workbench" / "scenarios"
STATIC = Path(__file__).resolve().parents[2] / "static"
STAFF_OR_EDITOR = ("emm-editor.", "emm-editor-", "-studio.js", "-studio.css", "emm-role-play-map.js", "emm-present.",
                   "emm-fullscreen.", "emm-pack.", "emm-likert-results.", "emm-chart.", "emm-by-day.",
                   "likert-comments.")

LEARNER_FILES = {
    "emm_likert-2-fr.xml": ["emm-common.css", "emm-likert.css", "fr-likert.js", "emm-common.js", "emm-actions.js",
                            "emm-drafts.js", "emm-forms.js", "emm-likert.js"],
    "emm_case_study-2-fr.xml": ["emm-common.css", "emm-questions.css", "emm-case-study.css", "fr-case-study.js",
                                "emm-common.js", "emm-actions.js", "emm-drafts.js", "emm-forms.js",
                                "emm-questions.js", "emm-ask.js", "emm-case-study.js"],
    "emm_role_play-2-fr.xml": ["emm-common.css", "emm-role-play.css", "fr-role-play.js", "emm-common.js",
                               "emm-actions.js", "emm-ask.js", "emm-role-play.js"],
    "emm_knowledge_check-3-fr-pre.xml": ["emm-common.css", "emm-questions.css", "emm-knowledge-check.css",
                                         "fr-knowledge-check.js", "emm-common.js", "emm-actions.js", "emm-drafts.js",
                                         "emm-forms.js", "emm-questions.js", "emm-knowledge-check.js"],
}


@pytest.fixture
def platform(db):
    with translation.override("fr"):
        yield Platform(block_classes={"emm_knowledge_check": KnowledgeCheckBlock})


def files(platform, key, user):
    frag = platform.lms(user).render(key, "student_view")
    return [r.data.rsplit("/", 1)[-1] for r in frag.resources if r.kind == "url"], frag


LIVE_ROOM = {"emm_likert-2-fr.xml", "emm_case_study-2-fr.xml", "emm_role_play-2-fr.xml"}  # LiveRoomMixin


@pytest.mark.parametrize("demo", sorted(LEARNER_FILES))
def test_a_learner_downloads_only_what_the_block_uses(platform, demo):
    key = platform.add((DEMOS / demo).read_text(encoding="utf-8"), platform.subsection())
    names, frag = files(platform, key, platform.user("aminata"))
    assert names == LEARNER_FILES[demo]
    assert not [n for n in names if any(part in n for part in STAFF_OR_EDITOR)]
    # course staff get the live room and the answers by day under the same page (blocks that have
    # them), and the charts of a staff panel drawn in it (the knowledge check's), never the editors
    staff, _frag = files(platform, key, platform.user("staff_ibrahim", role="staff"))
    assert names == [n for n in staff if not n.startswith(("emm-present", "emm-fullscreen", "emm-by-day"))
                     and n not in ("emm-chart.css", "fr-by-day.js", "fr-likert-comments.js", "emm-likert-comments.js")]
    assert ("emm-present.css" in staff and "emm-present.js" in staff) == (demo in LIVE_ROOM)
    # the same three, the answers by day with their French words (its offline lines)
    assert ("emm-by-day.css" in staff and "emm-by-day.js" in staff and "fr-by-day.js" in staff) == (demo in LIVE_ROOM)
    assert not [n for n in staff if any(part in n for part in STAFF_OR_EDITOR[:4])]
    # the Likert's: the comments' next pages in its results panel, with their French words
    assert ("emm-likert-comments.js" in staff and "fr-likert-comments.js" in staff) == demo.startswith("emm_likert")


@pytest.mark.parametrize("demo", sorted(LEARNER_FILES))
def test_every_file_a_page_loads_is_a_minified_copy_the_package_holds(platform, demo):
    """Pages load ``static/min/`` (decision 69): each URL, the learner's and the staff's, names a
    file of ``min/`` that the package has, smaller than the source it was made from."""
    key = platform.add((DEMOS / demo).read_text(encoding="utf-8"), platform.subsection())
    for user in (platform.user("aminata"), platform.user("staff_ibrahim", role="staff")):
        frag = platform.lms(user).render(key, "student_view")
        urls = [r.data for r in frag.resources if r.kind == "url"]
        assert urls
        for url in urls:
            prefix, _, path = url.partition("/static/xblock/resources/emm_xblocks/min/")
            assert prefix == "" and path, url
            copy, source = STATIC / "min" / path, STATIC / path
            assert copy.is_file() and source.is_file(), url
            assert 0 < copy.stat().st_size < source.stat().st_size, url


def test_the_likert_results_panel_is_named_for_later_not_loaded(platform):
    """Learners may see the results of the demo (results="learners"): the page names the panel's
    stylesheets for the click on "Show results" and does not load them before. The panel is the
    server's HTML (likert/results_html.py): no script, no catalogue comes with it."""
    key = platform.add((DEMOS / "emm_likert-2-fr.xml").read_text(encoding="utf-8"), platform.subsection())
    names, frag = files(platform, key, platform.user("aminata"))
    # the runtime writes the init args into the page (xblock/runtime.py, wrap_xblock)
    args = re.search(r'<script type="json/xblock-args"[^>]*>(.*?)</script>', frag.content, re.S)
    later = json.loads(args.group(1))["results_files"]
    assert [u.rsplit("/", 1)[-1] for u in later["styles"]] == ["emm-chart.css", "emm-likert-results.css"]
    assert later["scripts"] == []
    assert not {u.rsplit("/", 1)[-1] for u in later["styles"] + later["scripts"]} & set(names)


@pytest.mark.parametrize("demo", sorted(LEARNER_FILES))
def test_studio_s_preview_starts_with_an_init_its_scripts_define_taking_runtime_and_element(platform, demo):
    """Every preview (author_view) names one init, ``EmmAuthorPreview`` in emm-common.js, declared
    with the two arguments runtimes pass: the workbench's runtime picks the call by the function's
    arity and an init of none left its block unset (``workbench/static/workbench/js/runtime/1.js``)."""
    key = platform.add((DEMOS / demo).read_text(encoding="utf-8"), platform.subsection())
    frag = platform.studio_preview(platform.user("staff_awa", role="staff")).render(key, "author_view")
    # the runtime writes the init's name on the block's wrapper (xblock/runtime.py, wrap_xblock)
    assert re.findall(r'data-init="(\w+)"', frag.body_html()) == ["EmmAuthorPreview"]
    scripts = [r.data.rsplit("/", 1)[-1] for r in frag.resources if r.kind == "url" and r.data.endswith(".js")]
    assert "emm-common.js" in scripts
    common = (DEMOS.parents[1] / "static" / "js" / "emm-common.js").read_text(encoding="utf-8")
    assert re.search(r"^function EmmAuthorPreview\(runtime, element\) \{", common, re.M)


@pytest.mark.parametrize("demo", sorted(LEARNER_FILES))
def test_only_the_authors_views_bring_the_authors_stylesheet(platform, demo):
    """Problem lists and the editors' groups and buttons are styled by emm-editor.css, which
    Studio's preview and editor load and a learner's page does not."""
    key = platform.add((DEMOS / demo).read_text(encoding="utf-8"), platform.subsection())
    author = platform.user("staff_awa", role="staff")
    views = ((platform.studio_preview(author), "author_view"), (platform.studio_editor(author), "studio_view"))
    for context, view in views:
        names = [r.data.rsplit("/", 1)[-1] for r in context.render(key, view).resources if r.kind == "url"]
        assert "emm-editor.css" in names, view
    assert "emm-editor.css" not in files(platform, key, platform.user("aminata"))[0]
