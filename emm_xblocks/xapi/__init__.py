"""xAPI statements for the blocks' tracking events, for event-routing-backends (ERB) and Aspects.

* ``EVENT_NAMES``: every ``emm.*`` event the blocks publish (``*/events.py``), each with a
  transformer in ``transformers.py``;
* ``settings.allow_xapi_events(namespace)``: adds them to ERB's allow lists in a settings module
  (the Tutor plugin calls it; the README shows the settings by hand);
* ``transformers``: the ``XApiTransformer`` classes, registered with ERB's
  ``XApiTransformersRegistry`` when the app is ready and ERB is an installed app
  (``emm_xblocks.apps``); only that module imports ERB and tincan.

The statements' shapes are documented in ``docs/xapi.md``. This package and ``settings`` import
nothing outside the standard library, so a settings file may import them.
"""

EVENT_NAMES = (
    "emm.likert.submitted",
    "emm.case_study.submitted",
    "emm.case_study.self_assessed",
    "emm.case_study.reset",
    "emm.case_study.answers_shown",
    "emm.case_study.document_opened",
    "emm.role_play.started",
    "emm.role_play.chose",
    "emm.role_play.went_back",
    "emm.role_play.ended",
    "emm.knowledge_check.submitted",
)
