"""The live room's tables (``LiveSession``, ``LiveAnswer``): new, nothing to fill."""

import uuid

from django.db import migrations, models

import emm_xblocks.models


class Migration(migrations.Migration):
    # The lead renumbers: another branch adds 0005; this one then depends on it.
    dependencies = [("emm_xblocks", "0006_evaluation_descriptions")]

    operations = [
        migrations.CreateModel(
            name="LiveSession",
            fields=[
                ("id", emm_xblocks.models.HexUUIDField(default=uuid.uuid4, editable=False, primary_key=True,
                                                       serialize=False)),
                ("block_key", emm_xblocks.models.ExactCharField(max_length=255)),
                ("started", models.DateTimeField()),
                ("ended", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "indexes": [models.Index(fields=["block_key", "started"], name="emm_live_session_block")],
            },
        ),
        migrations.CreateModel(
            name="LiveAnswer",
            fields=[
                ("id", emm_xblocks.models.HexUUIDField(default=uuid.uuid4, editable=False, primary_key=True,
                                                       serialize=False)),
                ("session", emm_xblocks.models.HexUUIDField()),
                ("group", emm_xblocks.models.ExactCharField(max_length=100)),
                ("respondent", emm_xblocks.models.ExactCharField(max_length=64)),
                ("value", emm_xblocks.models.ExactCharField(max_length=255)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("session", "group", "respondent"),
                                                        name="emm_live_once")],
            },
        ),
    ]
