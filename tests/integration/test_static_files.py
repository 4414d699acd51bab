"""What Open edX publishes of the package, and whether every file a page names is found
(issue 9 §3), following ``openedx/core/lib/xblock_pipeline/finder.py``:

* the URL of a block's file is ``xblock/resources/<xblock_resource_pkg(cls)>/<uri>``, where
  ``xblock_resource_pkg`` is the class module's package (``openedx/core/lib/xblock_utils``);
* the current finder reads it from ``resources.files(<that package's parent>) / resources_dir / uri``
  and publishes everything there but ``.py``, ``.pyc`` and ``.scss``;
* an older finder read it from ``<that package> / resources_dir / uri``.
"""

from importlib import resources
from importlib.metadata import entry_points

import pytest

OURS = ("emm_likert", "emm_case_study", "emm_role_play")
PUBLISHABLE = {".js", ".css", ".png", ".svg", ".jpg", ".woff2"}


def block_class(name):
    [ep] = [e for e in entry_points(group="xblock.v1") if e.name == name]
    return ep.load()


def resource_pkg(cls):
    """``xblock_resource_pkg``: the module name one level up from the class's module."""
    return getattr(cls, "unmixed_class", cls).__module__.rsplit(".", 1)[0]


def current_rule(cls, uri):
    return resources.files(resource_pkg(cls).rsplit(".", 1)[0]).joinpath(cls.get_resources_dir(), uri)


def older_rule(cls, uri):
    return resources.files(resource_pkg(cls)).joinpath(cls.get_resources_dir(), uri)


def published(cls):
    """Every file the current finder collects for the class (``XBlockPackageStorage.listdir``)."""
    root = resources.files(resource_pkg(cls).rsplit(".", 1)[0]).joinpath(cls.get_resources_dir())
    found, folders = [], [root]
    while folders:
        for item in folders.pop().iterdir():
            if item.is_dir():
                folders.append(item)
            elif not item.name.endswith((".py", ".pyc", ".scss")):
                found.append(item)
    return found


DEMO = {
    "emm_likert": '<emm_likert display_name="E"><item id="a">A</item></emm_likert>',
    "emm_case_study": ('<emm_case_study display_name="C"><narrative>N</narrative><question id="q" type="single">'
                       '<prompt>P</prompt><option id="a" correct="true">A</option><option id="b">B</option>'
                       '</question></emm_case_study>'),
    "emm_role_play": ('<emm_role_play display_name="R"><role id="r" start="n1">R</role><node id="n1"><narrative>N'
                      '</narrative><choice goto="end">Go</choice></node><node id="end" ending="true"><narrative>E'
                      '</narrative></node></emm_role_play>'),
}


@pytest.mark.parametrize("name", OURS)
def test_every_file_a_page_names_is_found_by_both_finders(name, scenario, handlers):
    cls = block_class(name)
    uid = scenario(DEMO[name])
    prefix = f"/static/xblock/resources/{resource_pkg(cls)}/"  # the runtime's xblock_local_resource_url
    uris = set()
    for view in ("student_view", "author_view", "studio_view"):  # the LMS, Studio's preview and editor
        frag = handlers.view(uid, view=view, student="staff_1", lang="fr")
        urls = [r.data for r in frag.resources if r.kind == "url"]
        assert all(url.startswith(prefix) for url in urls), urls
        uris |= {url.removeprefix(prefix) for url in urls}
    assert any(uri.endswith(".js") for uri in uris) and any(uri.endswith(".css") for uri in uris)
    for uri in uris:
        assert uri.startswith("min/"), uri  # the minified copy, in every view (decision 69)
        assert current_rule(cls, uri).is_file(), uri
        assert older_rule(cls, uri).is_file(), uri


@pytest.mark.parametrize("name", OURS)
def test_nothing_a_learner_must_not_read_is_published(name):
    files = published(block_class(name))
    assert files, "nothing published: the pages would have no CSS or JS"
    leaked = sorted(str(f) for f in files if not any(str(f).endswith(ext) for ext in PUBLISHABLE))
    assert leaked == []  # no template, .po/.mo, demo OLX with answer keys
