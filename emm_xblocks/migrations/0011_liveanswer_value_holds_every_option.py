"""``LiveAnswer.value`` holds a multiple-choice question's every option id: 1,020 characters.

The live room keeps a participant's answer to a multiple-choice question as its option ids,
space-separated, in one row. A question may have 20 options of ids up to 50 characters: 1,019
characters with the spaces, where the column held 255 and the answer was cut (its last options not
counted in the room). The table holds a row per participant and question of each live session
(a few hundred per training): the change is quick, and nothing is to do before or after it.
Going back to 0010 on a strict database fails while a row holds more than 255 characters:
delete those rows (or the sessions' answers) first.
"""

from django.db import migrations

import emm_xblocks.models


class Migration(migrations.Migration):

    dependencies = [
        ("emm_xblocks", "0010_answer_tally_index_dropped"),
    ]

    operations = [
        migrations.AlterField(
            model_name="liveanswer",
            name="value",
            field=emm_xblocks.models.ExactCharField(max_length=1020),
        ),
    ]
