"""The anonymous aggregate store: rows are inserted, never read-modify-written.

* ``Response``: one answer of one submission (a Likert statement's value, the option a learner
  picked at a case question or a role-play node). Reports are ``GROUP BY`` queries over it.
  In anonymous mode ``user_key`` is empty and ``day`` is the only time kept, so a row cannot
  be tied back to a learner by its content.
* ``Comment``: free text sent with a submission (the Likert comment box).
* ``Claim``: a unique (block, user, slot) row that makes "at most once" checks atomic across
  concurrent requests (a second anonymous submit, the attempt counter of a graded block).
  Its key is random; an anonymous survey's claim has no time, so it cannot be lined up with
  anonymous responses. Attempt claims keep ``taken`` so a claim left behind by a learner state
  that staff reset in the LMS can be taken over (see ``store.claim``).
"""

import uuid

from django.db import models


class Response(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    block_key = models.CharField(max_length=255)
    submission = models.UUIDField()
    group = models.CharField(max_length=100)  # statement, question or node id
    value = models.CharField(max_length=100)  # scale point, "na", option or choice id
    user_key = models.CharField(max_length=255, blank=True, default="")
    day = models.DateField()

    class Meta:
        app_label = "emm_xblocks"
        indexes = [
            models.Index(fields=["block_key", "group", "value"], name="emm_resp_tally"),
            models.Index(fields=["block_key", "user_key"], name="emm_resp_user"),
        ]


class Comment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    block_key = models.CharField(max_length=255, db_index=True)
    submission = models.UUIDField()
    text = models.TextField()
    user_key = models.CharField(max_length=255, blank=True, default="")
    day = models.DateField()

    class Meta:
        app_label = "emm_xblocks"


class Claim(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    block_key = models.CharField(max_length=255)
    user_key = models.CharField(max_length=255)
    slot = models.CharField(max_length=100)
    taken = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "emm_xblocks"
        constraints = [
            models.UniqueConstraint(fields=["block_key", "user_key", "slot"], name="emm_claim_once"),
        ]
