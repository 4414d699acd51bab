"""The anonymous aggregate store: rows are inserted, never read-modify-written.

* ``Answer``: one answer of one submission (a Likert statement's value, the option a learner
  picked at a case question or a role-play node; a case study's ``<question id>.*`` row says the
  submission answered that multiple-choice question, migration 0013). The CSV export reads it; the results panel
  reads its summary (below). In anonymous mode ``user_key`` is empty and ``day`` is the only time kept, so a row cannot
  be tied back to a learner by its content. (Its table was ``emm_xblocks_response`` before
  migration 0002.)
* ``Comment``: free text sent with a submission (the Likert comment box).
* ``Tally`` and ``Submissions``: the reports' summary, kept by ``store.record`` in the same
  transaction as the rows (each count one atomic ``UPDATE ... SET n = n + d``): how many rows of a
  block have each (group, value), and how many submissions the block has. The results panel reads
  these few rows instead of grouping a million answers (decision 19). Migration 0004 built them
  from the rows an install already had.
* ``PairedResult``: a knowledge check's score (pre- or post-test) filed under a pseudonymous token,
  ``HMAC(secret, course + pair + anonymous id)`` (``common.platform.pair_token``): a learner's pre-
  and post-test rows share it, so the two can be linked without any user id in the table; no
  time is kept. One row per (course, pair, phase, token): a learner answers each test of a pair once.
* ``EvaluationDescription``: what a block asked (a Likert evaluation's statements, scale and name;
  a knowledge check's phase, pair and questions), kept at each submission when it changed, so the
  course's evaluation report (``emm_evaluation_report``) can label the figures of every evaluation
  and knowledge check of the course found in the store. Content only: nothing of a learner.
* ``LiveSession`` and ``LiveAnswer``: the live room (``common.live``, ``common.live_store``). A
  facilitator's session of a block (when it started and ended), and while it is open one row per
  participant and item holding their latest answer there. A row's participant key is an HMAC of
  the learner key keyed by the session (a random key for an anonymous evaluation), and carries no
  time: the session's start and end are the only times kept.
* ``Claim``: a unique (block, user, slot) row that makes "at most once" checks atomic across
  concurrent requests (a second anonymous submit, the attempt counter of a graded block).
  Its key is random; an anonymous survey's claim has no time, so it cannot be lined up with
  anonymous responses. Attempt claims keep ``taken`` so a claim left behind by a learner state
  that staff reset in the LMS can be taken over (see ``store.claim``).

Two column types are fixed so that every database compares and stores them alike:

* ids (``ExactCharField``) compare byte for byte. MySQL's default collations ignore case, so
  ``Pace`` and ``pace`` would be one group in ``GROUP BY`` and a named submit by ``alice`` would
  delete ``Alice``'s rows; on MySQL/MariaDB these columns use ``utf8mb4_bin``.
* UUIDs (``HexUUIDField``) are ``char(32)`` hex on MySQL/MariaDB, the type every install created
  before Django 5.0 (and the only one MySQL 8 has); Django 5 on MariaDB >= 10.7 would otherwise
  expect a native ``uuid`` column and fail on the existing ``char(32)`` one.
"""

import uuid

from django.db import models

from .common.ids import MAX_GROUP, MAX_ID
from .common.questions import MAX_OPTIONS

# the live room's longest answer: a multiple-choice question's every option id, space-separated
LIVE_VALUE_CHARS = MAX_OPTIONS * (MAX_ID + 1)

MYSQL_EXACT_COLLATION = "utf8mb4_bin"


class ExactCharField(models.CharField):
    """A ``CharField`` compared case- and accent-sensitively on every database."""

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        if connection.vendor == "mysql":
            params["collation"] = MYSQL_EXACT_COLLATION
        return params


class HexUUIDField(models.UUIDField):
    """A ``UUIDField`` stored as 32 hex characters on MySQL/MariaDB, whatever the server version."""

    def db_type(self, connection):
        if connection.vendor == "mysql":
            return "char(32)"
        return super().db_type(connection)

    def get_db_prep_value(self, value, connection, prepared=False):
        value = super().get_db_prep_value(value, connection, prepared)
        if connection.vendor == "mysql" and isinstance(value, uuid.UUID):
            return value.hex
        return value


class Answer(models.Model):
    """One answer of one submission (see the module's docstring).

    .. no_pii: option and scale-point ids under the course-specific anonymous id (empty in anonymous
       mode), which OEP-30 does not count as PII (the platform's AnonymousUserId).
    """

    id = HexUUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    block_key = ExactCharField(max_length=255)
    submission = HexUUIDField()
    group = ExactCharField(max_length=MAX_GROUP)  # statement, question or node id
    value = ExactCharField(max_length=100)  # scale point, "na", option or choice id
    user_key = ExactCharField(max_length=255, blank=True, default="")
    day = models.DateField()
    # the role the learner played (role-play; "" elsewhere): the perspectives' split (migration 0008)
    role = ExactCharField(max_length=100, blank=True, default="", db_default="")

    class Meta:
        app_label = "emm_xblocks"
        indexes = [
            models.Index(fields=["block_key", "user_key"], name="emm_resp_user"),
            models.Index(fields=["block_key", "submission", "group"], name="emm_resp_submission"),
        ]


class Comment(models.Model):
    """Free text sent with a submission: the Likert's comment box.

    .. pii: the learner's own words, under their anonymous id when the evaluation is named; deleted
       when their account is retired (common.retirement, USER_RETIRE_LMS_MISC). An anonymous
       evaluation's comments carry no key of anyone.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    id = HexUUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    block_key = ExactCharField(max_length=255)  # (its own index until migration 0009: both below lead with it)
    submission = HexUUIDField()
    text = models.TextField()
    user_key = ExactCharField(max_length=255, blank=True, default="")
    day = models.DateField()

    class Meta:
        app_label = "emm_xblocks"
        indexes = [
            models.Index(fields=["block_key", "user_key"], name="emm_comment_user"),
            models.Index(fields=["block_key", "submission"], name="emm_comment_submission"),
        ]


class Claim(models.Model):
    """A one-time slot of a learner in a block (an attempt number, an anonymous evaluation's one submission).

    .. no_pii: slot names under the course-specific anonymous id.
    """

    id = HexUUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    block_key = ExactCharField(max_length=255)
    user_key = ExactCharField(max_length=255)
    slot = ExactCharField(max_length=100)
    taken = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "emm_xblocks"
        constraints = [
            models.UniqueConstraint(fields=["block_key", "user_key", "slot"], name="emm_claim_once"),
        ]


class Tally(models.Model):
    """``n`` answer rows of ``block_key`` have this ``group`` and ``value`` (0 once they are replaced),
    among the rows ``split`` names (``""``: all; ``"role:<id>"``: the rows of that role).

    .. no_pii: counts only.
    """

    block_key = ExactCharField(max_length=255)
    group = ExactCharField(max_length=MAX_GROUP)
    value = ExactCharField(max_length=100)
    split = ExactCharField(max_length=100, blank=True, default="", db_default="")
    n = models.IntegerField(default=0)

    class Meta:
        app_label = "emm_xblocks"
        constraints = [
            models.UniqueConstraint(fields=["block_key", "group", "value", "split"], name="emm_tally_split_key"),
        ]


class Submissions(models.Model):
    """``n`` submissions of ``block_key`` have answer rows (the respondents a report counts).

    .. no_pii: counts only.
    """

    block_key = ExactCharField(max_length=255)
    n = models.IntegerField(default=0)

    class Meta:
        app_label = "emm_xblocks"
        constraints = [
            models.UniqueConstraint(fields=["block_key"], name="emm_submissions_key"),
        ]


class PairedResult(models.Model):
    """One learner's result at one knowledge check of a pre/post pair, under a pseudonymous token.

    .. no_pii: scores under an HMAC of the course, the pair and the anonymous id; no time kept.
    """

    course_key = ExactCharField(max_length=255)
    pair = ExactCharField(max_length=100)  # the authors' pair key (the same in the pre- and the post-test)
    phase = ExactCharField(max_length=10)  # "pre" or "post"
    block_key = ExactCharField(max_length=255)
    token = ExactCharField(max_length=64)  # HMAC-SHA256 hex of the course, the pair and the anonymous id
    earned = models.FloatField()
    possible = models.FloatField()
    marks = models.TextField()  # JSON {question id: share of its points earned}, for per-question rates
    questions_key = ExactCharField(max_length=32)  # common.questions.questions_fingerprint of the block
    # filed while the learner had no result at the phase before it (a post-test taken before any
    # pre-test, which its feedback then gave the answers of: that pre-test is closed to them)
    ahead = models.BooleanField(default=False, db_default=False)

    class Meta:
        app_label = "emm_xblocks"
        constraints = [
            models.UniqueConstraint(fields=["course_key", "pair", "phase", "token"], name="emm_pair_once"),
        ]
        # a block's results (migration 0014): the pair keys and phases it filed under, read from the
        # index alone ("Delete learner state", an author's save), then a learner's by emm_pair_once
        indexes = [models.Index(fields=["course_key", "block_key", "pair", "phase"], name="emm_pair_block")]


class EvaluationDescription(models.Model):
    """What one block asked, as learners last answered it (content only).

    .. no_pii: the authors' content.
    """

    block_key = ExactCharField(max_length=255)
    course_key = ExactCharField(max_length=255)
    block_type = ExactCharField(max_length=100)  # emm_likert, emm_knowledge_check
    content = models.TextField()  # JSON: what the block's ``learner.description_fields`` keep (no learner data)

    class Meta:
        app_label = "emm_xblocks"
        constraints = [
            models.UniqueConstraint(fields=["block_key"], name="emm_description_key"),
        ]
        indexes = [models.Index(fields=["course_key", "block_type"], name="emm_description_course")]


class LiveSession(models.Model):
    """A facilitator's live session of a block: answers given while it is open are counted.

    .. no_pii: a block and two times.
    """

    id = HexUUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    block_key = ExactCharField(max_length=255)
    started = models.DateTimeField()
    ended = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "emm_xblocks"
        indexes = [
            models.Index(fields=["block_key", "started"], name="emm_live_session_block"),
        ]


class LiveAnswer(models.Model):
    """One participant's latest answer at one item during one session.

    .. no_pii: option ids under a keyed hash of the session and the anonymous id; no time kept.
    """

    id = HexUUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = HexUUIDField()
    group = ExactCharField(max_length=100)  # statement, question or node id
    respondent = ExactCharField(max_length=64)
    # a multiple-choice question: its option ids, space-separated (255 characters until migration 0011)
    value = ExactCharField(max_length=LIVE_VALUE_CHARS)

    class Meta:
        app_label = "emm_xblocks"
        constraints = [
            models.UniqueConstraint(fields=["session", "group", "respondent"], name="emm_live_once"),
        ]
