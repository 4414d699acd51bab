"""Ids compared byte for byte, UUIDs kept as char(32) on MySQL/MariaDB, three more indexes.

Only MySQL/MariaDB change: their default collations ignore case (``Pace`` = ``pace``), so the id
columns move to ``utf8mb4_bin``; and a UUID column that Django 5 created as a native ``uuid``
(MariaDB >= 10.7) goes back to the ``char(32)`` hex that installs made under older Django (and
MySQL 8) have, so every install has one column type. SQLite already compares exactly and stores
UUIDs as ``char(32)``: the state changes, its tables do not.
"""

import uuid

from django.db import migrations, models

import emm_xblocks.models

ID_COLUMNS = {
    "answer": [("block_key", 255), ("group", 100), ("value", 100), ("user_key", 255)],
    "comment": [("block_key", 255), ("user_key", 255)],
    "claim": [("block_key", 255), ("user_key", 255), ("slot", 100)],
}
UUID_COLUMNS = {"answer": ["id", "submission"], "comment": ["id", "submission"], "claim": ["id"]}


def _mysql_columns(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "mysql":
        return
    quote = schema_editor.quote_name
    with connection.cursor() as cursor:
        for model_name, columns in UUID_COLUMNS.items():
            table = apps.get_model("emm_xblocks", model_name)._meta.db_table
            for column in columns:
                cursor.execute(
                    "SELECT data_type FROM information_schema.columns"
                    " WHERE table_schema = DATABASE() AND table_name = %s AND column_name = %s",
                    [table, column])
                if cursor.fetchone()[0].lower() != "uuid":
                    continue  # char(32) already
                # native uuid -> its text (with dashes) -> 32 hex characters
                cursor.execute(f"ALTER TABLE {quote(table)} MODIFY {quote(column)} char(36) NOT NULL")
                cursor.execute(f"UPDATE {quote(table)} SET {quote(column)} = REPLACE({quote(column)}, '-', '')")
                cursor.execute(f"ALTER TABLE {quote(table)} MODIFY {quote(column)} char(32) NOT NULL")
        for model_name, columns in ID_COLUMNS.items():
            table = apps.get_model("emm_xblocks", model_name)._meta.db_table
            for column, length in columns:
                cursor.execute(
                    f"ALTER TABLE {quote(table)} MODIFY {quote(column)} varchar({length})"
                    f" CHARACTER SET utf8mb4 COLLATE {emm_xblocks.models.MYSQL_EXACT_COLLATION} NOT NULL")


def exact(length, **kwargs):
    return emm_xblocks.models.ExactCharField(max_length=length, **kwargs)


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0002_rename_response_answer"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(_mysql_columns, migrations.RunPython.noop)],
            state_operations=[
                migrations.AlterField("answer", "id", emm_xblocks.models.HexUUIDField(
                    default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                migrations.AlterField("answer", "submission", emm_xblocks.models.HexUUIDField()),
                migrations.AlterField("answer", "block_key", exact(255)),
                migrations.AlterField("answer", "group", exact(100)),
                migrations.AlterField("answer", "value", exact(100)),
                migrations.AlterField("answer", "user_key", exact(255, blank=True, default="")),
                migrations.AlterField("comment", "id", emm_xblocks.models.HexUUIDField(
                    default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                migrations.AlterField("comment", "submission", emm_xblocks.models.HexUUIDField()),
                migrations.AlterField("comment", "block_key", exact(255, db_index=True)),
                migrations.AlterField("comment", "user_key", exact(255, blank=True, default="")),
                migrations.AlterField("claim", "id", emm_xblocks.models.HexUUIDField(
                    default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                migrations.AlterField("claim", "block_key", exact(255)),
                migrations.AlterField("claim", "user_key", exact(255)),
                migrations.AlterField("claim", "slot", exact(100)),
            ],
        ),
        migrations.AddIndex("answer", models.Index(fields=["block_key", "submission", "group"],
                                                   name="emm_resp_submission")),
        migrations.AddIndex("comment", models.Index(fields=["block_key", "user_key"], name="emm_comment_user")),
        migrations.AddIndex("comment", models.Index(fields=["block_key", "submission"],
                                                    name="emm_comment_submission")),
    ]
