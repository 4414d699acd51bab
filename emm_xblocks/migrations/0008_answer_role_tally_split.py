"""The role a learner played, kept on their answer rows, and the summary split by it (perspectives).

``Answer.role`` (``""`` for every row written before, and for blocks without roles) and
``Tally.split`` (``""``: the counts every results panel reads, as before; ``"role:<id>"``: the same
counts among the rows of one role). The summary's unique key gains ``split``
(``emm_tally_key`` becomes ``emm_tally_split_key``). Nothing is backfilled: rows written before
carry no role, so the split starts with the first participants after the upgrade (the existing
counts, ``split = ""``, are untouched). Both columns have a default in the database itself
(``db_default``), so code older than this migration still inserts its rows during a rolling
deploy (MySQL in strict mode refuses an insert that leaves out a column without one). Going back drops the role rows of the summary first (the
old key would not hold them), then the columns.
"""

from django.db import migrations, models

import emm_xblocks.models


def drop_split_rows(apps, schema_editor):
    Tally = apps.get_model("emm_xblocks", "Tally")
    Tally.objects.using(schema_editor.connection.alias).exclude(split="").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0007_live"),
    ]

    operations = [
        migrations.AddField(
            model_name="answer",
            name="role",
            field=emm_xblocks.models.ExactCharField(blank=True, default="", db_default="", max_length=100),
        ),
        migrations.AddField(
            model_name="tally",
            name="split",
            field=emm_xblocks.models.ExactCharField(blank=True, default="", db_default="", max_length=100),
        ),
        migrations.RemoveConstraint(model_name="tally", name="emm_tally_key"),
        # backwards, between dropping the new key and putting the old one back
        migrations.RunPython(migrations.RunPython.noop, drop_split_rows),
        migrations.AddConstraint(
            model_name="tally",
            constraint=models.UniqueConstraint(fields=("block_key", "group", "value", "split"),
                                               name="emm_tally_split_key"),
        ),
    ]
