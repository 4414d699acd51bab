"""Who answered each multiple-choice question of a case study: one row per submission that did.

A case study keeps a multiple-choice question's answers as a row ``<question id>.<option id>``
(value ``"1"``) per ticked option; from now on also one row ``<question id>.*`` (value ``"1"``) per
submission that answered the question (``case_study.perspectives.answered_group``), counted in the
summary like any row, whose tally is the question's denominator: a question added after some
submissions is shared among those who answered it, not among every submission (bug hunt s45).

The backfill writes that row for the submissions an install already has: every submission with an
option row of a question answered it (a submit answers every question, a multiple-choice one with
one option at least), on the day and with the user key and role of those rows, and adds them to
the summary among all rows, the role's and the submission's profile's (``summary.keys_of``). Only
a case study's groups hold a "." (ids are letters, digits, "-" and "_"). It reads one block at a
time, and skips a row already there (written by the new code before the backfill ran), so it may
run again. Going back deletes these rows and their summary rows; the other rows are untouched.
Plain ORM: the same on SQLite and MariaDB.
"""

import uuid
from collections import defaultdict

from django.db import migrations
from django.db.models import F

ANSWERED = ".*"  # the end of the group of an "answered" row (case_study.perspectives.answered_group)
PROFILE_GROUP = "@profile"  # common.perspectives.PROFILE_GROUP, as it is now
ROLE, PROFILE = "role:", "profile:"  # common.summary's Tally.split prefixes, as they are now


def _splits(role, profile):
    """The ``Tally.split`` values a row counts in (``summary.keys_of``)."""
    return ["", *([f"{ROLE}{role}"] if role else []), *([f"{PROFILE}{profile}"] if profile else [])]


def add_answered_rows(apps, schema_editor, block_keys=None):
    """Write the missing ``<question id>.*`` rows of each block (all by default) and count them in
    the summary."""
    Answer = apps.get_model("emm_xblocks", "Answer")
    Tally = apps.get_model("emm_xblocks", "Tally")
    db = schema_editor.connection.alias
    answers = Answer.objects.using(db)
    options = answers.filter(group__contains=".").exclude(group__endswith=ANSWERED)
    if block_keys is None:
        block_keys = list(options.order_by("block_key").values_list("block_key", flat=True).distinct())
    for block_key in block_keys:
        have = set(answers.filter(block_key=block_key, group__endswith=ANSWERED).values_list("submission", "group"))
        profiles = dict(answers.filter(block_key=block_key, group=PROFILE_GROUP).values_list("submission", "value"))
        new = {}
        for submission, group, user_key, day, role in (options.filter(block_key=block_key).order_by()
                                                       .values_list("submission", "group", "user_key", "day", "role")
                                                       .iterator()):
            key = (submission, group.partition(".")[0] + ANSWERED)
            if key not in have:
                new.setdefault(key, (user_key, day, role))
        if not new:
            continue
        answers.bulk_create([Answer(id=uuid.uuid4(), block_key=block_key, submission=submission, group=group,
                                    value="1", user_key=user_key, day=day, role=role)
                             for (submission, group), (user_key, day, role) in new.items()], batch_size=500)
        counts = defaultdict(int)
        for (submission, group), (_user_key, _day, role) in new.items():
            for split in _splits(role, profiles.get(submission, "")):
                counts[group, split] += 1
        tallies = Tally.objects.using(db)
        for (group, split), n in sorted(counts.items()):
            if not tallies.filter(block_key=block_key, group=group, value="1", split=split).update(n=F("n") + n):
                tallies.create(block_key=block_key, group=group, value="1", split=split, n=n)


def drop_answered_rows(apps, schema_editor):
    """Going back: the ``<question id>.*`` rows and their summary rows go."""
    db = schema_editor.connection.alias
    apps.get_model("emm_xblocks", "Answer").objects.using(db).filter(group__endswith=ANSWERED).delete()
    apps.get_model("emm_xblocks", "Tally").objects.using(db).filter(group__endswith=ANSWERED).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0012_pairedresult_ahead"),
    ]

    operations = [
        migrations.RunPython(add_answered_rows, drop_answered_rows),
    ]
