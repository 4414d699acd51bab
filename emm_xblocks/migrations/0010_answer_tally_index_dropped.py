"""``Answer``'s index ``emm_resp_tally`` (``block_key, group, value``) dropped: no request reads by it.

Since decision 19 the results panels and the reports read their counts from the summary
(``Tally``, ``Submissions``), kept by each submission. The only query left that chose this index
is ``summary.counted_from_rows``, the check that the summary equals the rows (the tests and
``make bench``), and migration 0004's backfill, which runs before this one. Every answer row
inserted kept it up to date: an 11-row insert took 182 µs with it and 149 µs without on SQLite,
and about a quarter less on MariaDB (decision 43). ``counted_from_rows`` now reads a block's rows
by ``emm_resp_user`` (``block_key`` first). Going back creates the index again.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0009_comment_block_key_index_dropped"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="answer",
            name="emm_resp_tally",
        ),
    ]
