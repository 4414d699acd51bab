"""The reports' summary (``Tally``, ``Submissions``), built from the answer rows an install has.

The backfill reads one block at a time (a ``GROUP BY`` on index ``emm_resp_tally`` and a count of
its submissions on ``emm_resp_submission``) and writes that block's summary rows, so its memory is
one block's whatever the table holds. From then on ``store.record`` keeps the summary in the same
transaction as the rows. Going back drops the two tables; the rows are untouched.
"""

from django.db import migrations, models
from django.db.models import Count

import emm_xblocks.models


def build_summary(apps, schema_editor, block_keys=None):
    """Write ``Tally`` and ``Submissions`` from the ``Answer`` rows of each block (all by default);
    a block's earlier summary rows are replaced."""
    Answer = apps.get_model("emm_xblocks", "Answer")
    Tally = apps.get_model("emm_xblocks", "Tally")
    Submissions = apps.get_model("emm_xblocks", "Submissions")
    db = schema_editor.connection.alias
    answers = Answer.objects.using(db)
    if block_keys is None:
        block_keys = list(answers.order_by("block_key").values_list("block_key", flat=True).distinct())
    for block_key in block_keys:
        rows = answers.filter(block_key=block_key)
        counts = rows.values_list("group", "value").annotate(n=Count("id")).order_by()
        submissions = rows.values("submission").distinct().count()
        Tally.objects.using(db).filter(block_key=block_key).delete()
        Submissions.objects.using(db).filter(block_key=block_key).delete()
        Tally.objects.using(db).bulk_create(
            [Tally(block_key=block_key, group=group, value=value, n=n) for group, value, n in counts],
            batch_size=500)
        if submissions:
            Submissions.objects.using(db).create(block_key=block_key, n=submissions)


def exact(length):
    return emm_xblocks.models.ExactCharField(max_length=length)


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0003_exact_ids_hex_uuids"),
    ]

    operations = [
        migrations.CreateModel(
            name="Tally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("block_key", exact(255)),
                ("group", exact(100)),
                ("value", exact(100)),
                ("n", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("block_key", "group", "value"), name="emm_tally_key")],
            },
        ),
        migrations.CreateModel(
            name="Submissions",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("block_key", exact(255)),
                ("n", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("block_key",), name="emm_submissions_key")],
            },
        ),
        migrations.RunPython(build_summary, migrations.RunPython.noop),
    ]
