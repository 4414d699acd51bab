"""Which JavaScript each page of the package loads, and so which strings its catalogue holds (pure data).

A learner in the Sahel pays for every byte on a phone's costly connection: a page loads only the
scripts it uses (never an editor's, the live room's or another block's) and one strings catalogue
made of exactly their strings. ``common/base.py`` builds the fragments from these lists;
``scripts/i18n.py`` builds the catalogues ``static/js/i18n/<lang>-<catalogue>.js`` from them.
Paths are relative to ``static/``; a page loads each file's minified copy (``served``). Pure data:
no XBlock, no Django.

* ``HELPERS``: a page's own script -> the shared scripts it needs, loaded after ``COMMON`` and
  before it. The catalogue of a learner page is named by its own script (``js/emm-likert.js`` ->
  ``likert``).
* ``EDITOR_HELPERS``, ``EDITORS``: every editor (``*-studio.js``) loads the helpers before its own
  script; one ``studio`` catalogue holds the strings of all of them.
* ``STYLES``: a shared script -> the stylesheets of the markup it works on, loaded by every page
  that loads the script, after ``COMMON_STYLE`` and before the block's own (``block_css``):
  ``emm-questions.js`` -> the questions' and their results' look (``common/question_views.py``).
* ``ADDED``: scripts (and stylesheets) added to a page, with a catalogue of their own that leaves
  out the strings the page already has: name -> (the page's catalogue, or "" for any page,
  scripts, stylesheets). ``likert-results`` is the Likert results panel's look, loaded when a
  person asks for the results (``emm-likert.js``; the panel is the server's HTML,
  ``likert/results_html.py``); ``present`` is the staff's live room, under any block; ``by-day`` the
  staff's answers by day and their "Leave out…" (``common/answers_by_day.py``);
  ``likert-comments`` the next pages of the comments in the staff's Likert results panel
  (``likert/comments.py``).
"""

COMMON = "js/emm-common.js"
COMMON_STYLE = "css/emm-common.css"

HELPERS = {
    "js/emm-likert.js": ("js/emm-actions.js", "js/emm-drafts.js", "js/emm-forms.js"),
    "js/emm-case-study.js": ("js/emm-actions.js", "js/emm-drafts.js", "js/emm-forms.js", "js/emm-questions.js",
                             "js/emm-ask.js"),
    "js/emm-knowledge-check.js": ("js/emm-actions.js", "js/emm-drafts.js", "js/emm-forms.js", "js/emm-questions.js"),
    "js/emm-role-play.js": ("js/emm-actions.js", "js/emm-ask.js"),
    "js/emm-evaluation-report.js": (),
}

STYLES = {
    "js/emm-questions.js": ("css/emm-questions.css",),
}

EDITOR_HELPERS = ("js/emm-forms.js", "js/emm-editor-lines.js", "js/emm-editor.js")
EDITORS = ("js/emm-form-studio.js", "js/emm-role-play-studio.js", "js/emm-role-play-map.js")

ADDED = {
    "likert-results": ("likert", (), ("css/emm-chart.css", "css/emm-likert-results.css")),
    "present": ("", ("js/emm-fullscreen.js", "js/emm-present.js"), ("css/emm-present.css",)),
    # EMM.action is emm-actions.js's: every page the section goes on loads it already (a second load does nothing)
    "by-day": ("", ("js/emm-actions.js", "js/emm-by-day.js"), ("css/emm-by-day.css",)),
    "likert-comments": ("likert", ("js/emm-likert-comments.js",), ()),
}

STUDIO = "studio"

# the stylesheet of what only authors see, added to the previews and editors (common/editing.py)
AUTHOR_STYLES = ("css/emm-editor.css",)


# the minified copies pages load, written by scripts/assets.py (decision 69)
SERVED = "min/"


def served(path):
    """The file a page loads for the script or stylesheet written at ``static/<path>``:
    ``js/emm-likert.js`` -> ``min/js/emm-likert.js``, its minified copy (comments and spaces out,
    token for token the same code; ``scripts/assets.py`` writes it, the tests check it is current)."""
    return SERVED + path


def is_editor(script):
    return script.endswith("-studio.js")


def page_scripts(script):
    """Every script a page whose own script is ``script`` loads, in order: ``COMMON``, its helpers,
    ``script``. ``KeyError`` for a script no page lists (a new block must be added above)."""
    helpers = EDITOR_HELPERS if is_editor(script) else HELPERS[script]
    return (COMMON, *helpers, script)


def page_styles(script):
    """The shared stylesheets of the page whose own script is ``script``, in order:
    ``COMMON_STYLE``, then those of its scripts (``STYLES``); the block's own (``block_css``) comes
    after them (``common/base.py``)."""
    return (COMMON_STYLE, *(style for s in page_scripts(script) for style in STYLES.get(s, ())))


def catalogue_name(script):
    """The catalogue of the page whose own script is ``script``: ``likert``, ``studio``..."""
    if is_editor(script):
        return STUDIO
    return script.removeprefix("js/emm-").removesuffix(".js")


def catalogues():
    """``{name: (scripts whose strings it holds, scripts whose strings it leaves out)}``, every
    catalogue the package ships (``scripts/i18n.py``)."""
    out = {catalogue_name(script): (page_scripts(script), ()) for script in HELPERS}
    out[STUDIO] = ((COMMON, *EDITOR_HELPERS, *EDITORS), ())
    for name, (page, scripts, _styles) in ADDED.items():
        out[name] = (scripts, out[page][0] if page else (COMMON,))
    return out
