"""``Comment.block_key``'s own index dropped: both of the table's other indexes lead with it.

Every query of the package on comments filters on ``block_key`` first and is served by
``emm_comment_user`` (``block_key, user_key``: a named resubmission's earlier comment) or
``emm_comment_submission`` (``block_key, submission``: the export's texts; the staff list of a
block's comments), whose leftmost column is ``block_key``; EXPLAIN on SQLite and MariaDB chose
neither this index nor a plan that needed it (decision 43). Each comment inserted kept it up to
date for nothing. Going back creates it again. On SQLite Django drops an index of a field by
copying the table (its rows and the two other indexes are kept); on MySQL/MariaDB it is one
``DROP INDEX``.
"""

from django.db import migrations

import emm_xblocks.models


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0008_answer_role_tally_split"),
    ]

    operations = [
        migrations.AlterField(
            model_name="comment",
            name="block_key",
            field=emm_xblocks.models.ExactCharField(max_length=255),
        ),
    ]
