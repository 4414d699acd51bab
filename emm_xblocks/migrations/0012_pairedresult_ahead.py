"""``PairedResult.ahead``: a result filed while the learner had no result at the phase before it.

A post-test taken before any pre-test of its pair showed the right answers in its feedback; a
pre-test answered after it would measure nothing and count in the pair's figures. Such a post-test
result is now filed ``ahead``, and the pair's pre-test is closed to that learner (decision 70).
A new column with a database default (false), so processes still running the previous code keep
filing results during the upgrade; nothing is backfilled (the order of results filed before it is
not known: no time is kept). Going back drops the column.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0011_liveanswer_value_holds_every_option"),
    ]

    operations = [
        migrations.AddField(
            model_name="pairedresult",
            name="ahead",
            field=models.BooleanField(db_default=False, default=False),
        ),
    ]
