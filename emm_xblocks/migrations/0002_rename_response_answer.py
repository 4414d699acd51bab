"""``Response`` is now ``Answer`` (``Response`` read like webob's): the table is renamed with it,
so an existing install keeps its rows."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0001_initial"),
    ]

    operations = [
        migrations.RenameModel(old_name="Response", new_name="Answer"),
    ]
