"""What each evaluation and knowledge check asked (``EvaluationDescription``), for the course's
evaluation report: a new table, filled by the blocks' next submissions."""

from django.db import migrations, models

import emm_xblocks.models


def exact(length):
    return emm_xblocks.models.ExactCharField(max_length=length)


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0005_paired_results"),
    ]

    operations = [
        migrations.CreateModel(
            name="EvaluationDescription",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("block_key", exact(255)),
                ("course_key", exact(255)),
                ("block_type", exact(100)),
                ("content", models.TextField()),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("block_key",), name="emm_description_key")],
                "indexes": [models.Index(fields=["course_key", "block_type"], name="emm_description_course")],
            },
        ),
    ]
