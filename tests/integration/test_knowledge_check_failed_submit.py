"""Bug hunt s43: a knowledge-check submit whose result was filed (``pairs.file_result``) but whose
later step failed (the store busy at the description, or the learner's state not saved) leaves the
filed result behind: the learner, told to send again, is refused "already answered" for ever,
with no score, no state, no completion (runs on MariaDB too: ``EMM_DB=mysql``)."""

import pytest

from emm_xblocks.common import descriptions, transactions
from emm_xblocks.models import PairedResult
from emm_xblocks.xblocks import KnowledgeCheckBlock

from .test_knowledge_check import RIGHT, pair_of, platform, sent  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_submit_answered_busy_can_be_sent_again(platform, monkeypatch):  # noqa: F811
    """The page says "Many people are sending answers right now: please send again in a moment";
    the learner does so (the same action id, as ``EMM.action`` retries): it must be kept now."""
    pre, _post = pair_of(platform)
    ana = platform.user("ana")

    def busy(*args, **kwargs):
        raise transactions.Busy("lock wait timeout, every retry")

    with monkeypatch.context() as patched:
        patched.setattr(descriptions, "describe", busy)
        first = platform.lms(ana).handle(pre, "submit", sent(RIGHT, "kc-pre-00001"))
    assert first.status == 503 and first.json["error"] == "busy"
    assert not platform.lms(ana).block(pre).submitted  # nothing of it in the learner's state
    again = platform.lms(ana).handle(pre, "submit", sent(RIGHT, "kc-pre-00001"))
    assert again.status == 200, again.json  # 409 already_submitted: the busy try's result stayed filed
    assert PairedResult.objects.filter(phase="pre").count() == 1


def test_a_submit_whose_state_could_not_be_saved_can_be_sent_again(platform, monkeypatch):  # noqa: F811
    """As the case study's attempt claim is given back when a later step fails
    (``test_store_db.test_an_attempt_kept_with_its_rows_is_released_when_a_later_step_fails``)."""
    pre, _post = pair_of(platform)
    ana = platform.user("ana")

    def broken(self, state):
        raise RuntimeError("the learner's state could not be saved")

    with monkeypatch.context() as patched:
        patched.setattr(KnowledgeCheckBlock, "keep_state", broken)
        failed = platform.lms(ana).handle(pre, "submit", RIGHT)
    assert failed.status == 500
    again = platform.lms(ana).handle(pre, "submit", RIGHT)
    assert again.status == 200, again.json  # 409 already_submitted, for ever: no score, no state
    assert PairedResult.objects.filter(phase="pre").count() == 1
