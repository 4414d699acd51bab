"""``PairedResult``'s index of a block's results, ``emm_pair_block`` (course, block, pair, phase).

"Delete learner state" of a knowledge check (``pairs.forget_results``) and an author's save of one
(``pairs.has_results``, ``pairs.filed``) look for the results a block filed. The table's only
index, ``emm_pair_once`` (course, pair, phase, token), found them by the course alone: each
deletion read every result of the course (1.3-1.5 s at 200,000 rows on MariaDB 10.11), and the
platform's task that deletes the state of every learner of a test did so once per learner. Now
the block's pair keys and phases are read from this index alone, and the learner's results
deleted by ``emm_pair_once``'s full key (scale hunt). On MySQL/MariaDB one ``CREATE INDEX``
(InnoDB builds it while rows are written); on SQLite one statement. Nothing to do before or after;
going back drops the index.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0013_multiple_choice_answered_rows"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="pairedresult",
            index=models.Index(fields=["course_key", "block_key", "pair", "phase"], name="emm_pair_block"),
        ),
    ]
