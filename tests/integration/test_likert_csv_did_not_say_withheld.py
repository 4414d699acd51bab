"""(Bug hunt s43.) The responses CSV names a submission's profile only where its group is shown (decision 66):
those who did not say are a group of the figures by profile (decision 30), withheld below the
minimum group size; their rows must not be told apart in the CSV either."""

import csv
import io

from tests.integration.test_likert_profiles import answer, by_profile, survey  # noqa: F401 (fixture)


def test_a_small_did_not_say_group_is_not_told_apart_in_the_responses_csv(survey, handlers):  # noqa: F811
    uid = survey('anonymous="true"')
    answer(handlers, uid, 7, "gov", relevance=5, pace=1, who="gov")
    answer(handlers, uid, 6, "cso", relevance=2, pace=4, who="cso")
    answer(handlers, uid, 1, None, relevance=1, pace=5, who="none")  # the one who did not say
    _cells, people = by_profile(handlers.post(uid, "get_results", {}, student="staff_1").json_body)
    # the figures withhold "did not say" (1) and, to protect it, civil society (6)
    assert people == {"Government": 7, "Civil society": None, "International organisation": None,
                      "Did not say": None}
    r = handlers.get(uid, "export_csv", student="staff_1")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][-1] == "Profile"
    # the lone learner who did not say must not be the one row with an empty profile (their answers
    # "1 Strongly disagree", "5 Strongly agree" read off beside it), nor civil society's 6 rows be
    # exactly the "not shown" ones (which undoes the secondary rule)
    profiles = sorted(row[-1] for row in rows[1:])
    assert profiles == ["Government"] * 7 + ["not shown"] * 7, profiles
