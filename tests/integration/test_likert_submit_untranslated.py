"""Decision 59: a Likert submission that is kept asks the runtime's i18n service nothing.

The LMS builds a new ``XBlockI18nService`` for each block instance that asks for it (it finds
the catalogue on disk: ``xmodule/modulestore/django.py``), and the block asks it once per instance
(decision 40). A kept submission has no text to send: its answer is ``{"submitted", "can_change",
"results_available"}`` and the page writes its own thank-you (``emm-likert.js``); the messages of
a refusal are translated only when the refusal happens, and still are, in the learner's language.
"""

import pytest
from django.utils import translation

from tests.integration.platform_blocks import LIKERT, LIKERT_ANSWERS
from tests.openedx import runtime as platform_runtime
from tests.openedx.fixtures import platform  # noqa: F401

OTHER = {"answers": {"relevance": 1, "pace": 1, "applicability": 1}}


@pytest.fixture
def asked(monkeypatch):
    """The blocks that asked for the i18n service, as the LMS runtime hands it (one each time)."""
    blocks = []
    real = platform_runtime.i18n_service

    def counting(block):
        blocks.append(block)
        return real(block)

    monkeypatch.setattr(platform_runtime, "i18n_service", counting)
    return blocks


@pytest.mark.parametrize("anonymous", [False, True])
def test_a_kept_submission_builds_no_i18n_service_and_answers_no_text(platform, asked, anonymous):  # noqa: F811
    key = platform.add(LIKERT.format(extra=f'anonymous="{str(anonymous).lower()}" graded="true"'),
                       platform.subsection())
    ana = platform.user("ana")
    first = {**LIKERT_ANSWERS, "action_id": "first-submit-01", "profile": ""}
    with translation.override("fr"):
        sent = platform.lms(ana).handle(key, "submit", first)
        assert sent.status == 200, sent.json
        assert sent.json == {"submitted": True, "can_change": not anonymous, "results_available": False}
        # the same action sent again (its reply was lost): answered as the first, still no text
        again = platform.lms(ana).handle(key, "submit", first)
        assert again.status == 200 and again.json == sent.json
        if not anonymous:  # a named learner changes their answers
            changed = platform.lms(ana).handle(key, "submit", {**OTHER, "action_id": "second-submit-1"})
            assert changed.status == 200 and changed.json == sent.json
    assert asked == []
    # what the learner's page shows is translated as before
    with translation.override("fr"):
        assert "Merci\u00a0: vos réponses ont été enregistrées." in platform.lms(ana).html(key)
    assert asked


def test_a_refused_submission_is_still_told_why_in_the_learner_s_language(platform, asked):  # noqa: F811
    key = platform.add(LIKERT.format(extra='anonymous="true"'), platform.subsection())
    ana = platform.user("ana")
    assert platform.lms(ana).handle(key, "submit", LIKERT_ANSWERS).status == 200
    assert asked == []
    with translation.override("fr"):
        refused = platform.lms(ana).handle(key, "submit", OTHER)
    assert refused.status == 409 and refused.json["error"] == "already_submitted"
    assert refused.json["message"].startswith("Cette évaluation anonyme a déjà été envoyée")
    assert asked
    asked.clear()
    with translation.override("fr"):  # a bad answer too
        bad = platform.lms(platform.user("sam")).handle(key, "submit", {"answers": {"relevance": 9}})
    assert bad.status == 400 and bad.json["message"] == "Cette réponse n’est pas un point de l’échelle."
    assert asked
