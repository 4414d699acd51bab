"""Bug hunt s6-privacy (an evaluation switched from anonymous to named). The author may switch an
anonymous evaluation to named once learners answered (held with a warning, decision 27; decision 4,
"Switched to named after answers"). The learners who answered while it was anonymous were promised
that their answers are not linked to them; their rows carry no key and no date, also in the CSV
of the evaluation named since (``likert.report.csv_rows``, bug hunt s42). But every named row of
that CSV names its learner, so the rows with an empty "Learner" are the anonymous ones -- and staff
know who answered before the switch (the LMS's completion dates, the tracking log): with one such
learner, the one unnamed row is hers, her answers and her comment in full. ``told_apart`` withholds
nothing in a named evaluation ("staff see who answered there anyway"), which is not so of its
anonymous rows."""

from emm_xblocks.likert import editor as likert_editor
from tests.integration.platform_blocks import LIKERT
from tests.integration.test_live_edits import form, save, staff_csv
from tests.openedx.fixtures import platform  # noqa: F401


def test_the_lone_anonymous_row_of_an_evaluation_named_since_gives_nothing_of_hers(platform):  # noqa: F811
    key = platform.add(LIKERT.format(extra='anonymous="true" min_group_size="3"'))
    r = platform.lms(platform.user("ana")).handle(key, "submit", {
        "answers": {"relevance": 1, "pace": 5, "applicability": 1}, "comment": "I fear my director reads this"})
    assert r.status == 200, r.json
    # the author makes it named (Save anyway): the next learners answer with their names
    assert save(platform, key, dict(form(platform, key, likert_editor), anonymous=False), confirm=True).status == 200
    for name in ("bo", "cy", "dee"):
        r = platform.lms(platform.user(name)).handle(key, "submit", {
            "answers": {"relevance": 4, "pace": 2, "applicability": 4}, "comment": f"Good, {name}"})
        assert r.status == 200, r.json

    rows = staff_csv(platform, key)
    unnamed = [row for row in rows if not row["Learner"]]
    assert len(unnamed) == 1  # the one row without a learner: the one who answered while it was anonymous
    (hers,) = unnamed
    given = [hers["relevance"], hers["pace"], hers["applicability"], hers["Comment"]]
    assert not any(cell[:1].isdigit() for cell in given[:3]) and "director" not in given[3], (
        f"the anonymous learner's answers beside the named ones: {given}")
