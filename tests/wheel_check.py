"""Run INSIDE a clean virtualenv where only the built wheel is installed (see test_wheel.py).

Proves what Open edX relies on: the runtime can serve the block's CSS/JS from the package,
and the block renders in French from the bundled translations/fr/LC_MESSAGES/text.mo.
"""

import json
import sys
from importlib.metadata import entry_points

import django
from django.conf import settings

# a SECRET_KEY as every LMS has one (the learner pages key their drafts and pairs with it)
settings.configure(USE_I18N=True, LANGUAGE_CODE="en", INSTALLED_APPS=["emm_xblocks"], SECRET_KEY="wheel-check",
                   DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}})
django.setup()

from django.utils import translation  # noqa: E402
from xblock.fields import ScopeIds  # noqa: E402
from xblock.runtime import DictKeyValueStore, KvsFieldData  # noqa: E402
from xblock.test.toy_runtime import ToyRuntime  # noqa: E402

import emm_xblocks  # noqa: E402
from emm_xblocks.workbench.services import LmsI18nService  # noqa: E402

report = {"package": emm_xblocks.__file__}
assert "site-packages" in emm_xblocks.__file__, emm_xblocks.__file__

[ep] = [e for e in entry_points(group="xblock.v1") if e.name == "emm_likert"]
Likert = ep.load()
apps = {e.name for e in entry_points(group="lms.djangoapp")} & {e.name for e in entry_points(group="cms.djangoapp")}
report["djangoapp"] = "emm_xblocks" in apps

for uri in ("css/emm-likert.css", "js/emm-likert.js", "js/emm-common.js",  # relative to static/
            "js/i18n/fr-likert.js", "css/emm-chart.css", "css/emm-likert-results.css"):
    for served in (uri, "min/" + uri):  # the source and the minified copy pages load (decision 69)
        with Likert.open_local_resource(served) as handle:
            assert len(handle.read()) > 100, served
report["resources"] = "served"


class Runtime(ToyRuntime):
    def __init__(self):
        super().__init__(user_id="learner")
        self._services["field-data"] = KvsFieldData(DictKeyValueStore())

    def service(self, block, service_name):
        if service_name == "i18n":
            return LmsI18nService(block)
        return super().service(block, service_name)


runtime = Runtime()
def_id = runtime.id_generator.create_definition("emm_likert")
usage_id = runtime.id_generator.create_usage(def_id)
block = runtime.construct_xblock_from_class(Likert, ScopeIds("learner", "emm_likert", def_id, usage_id))
block.content = {"statements": [{"id": "a", "text": "Texte", "reverse": False, "required": True}]}
with translation.override("fr"):
    html = block.render("student_view", {}).body_html()
assert "Tout à fait d’accord" in html or "Tout à fait d'accord" in html, html
assert "Soumettre" in html or "Envoyer" in html, html
report["french"] = True
print(json.dumps(report))
sys.exit(0)
