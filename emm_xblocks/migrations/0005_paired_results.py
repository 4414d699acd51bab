"""The knowledge checks' pseudonymous results (``PairedResult``): a new table, nothing else changes."""

from django.db import migrations, models

import emm_xblocks.models


def exact(length):
    return emm_xblocks.models.ExactCharField(max_length=length)


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0004_tally_submissions"),
    ]

    operations = [
        migrations.CreateModel(
            name="PairedResult",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("course_key", exact(255)),
                ("pair", exact(100)),
                ("phase", exact(10)),
                ("block_key", exact(255)),
                ("token", exact(64)),
                ("earned", models.FloatField()),
                ("possible", models.FloatField()),
                ("marks", models.TextField()),
                ("questions_key", exact(32)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("course_key", "pair", "phase", "token"),
                                                        name="emm_pair_once")],
            },
        ),
    ]
