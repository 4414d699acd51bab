"""The participant profile question shared by the case study and the role-play (common/profile.py)
and the case study's split by it (case_study/perspectives.py): pure, no store."""

import pytest

from emm_xblocks.case_study import perspectives
from emm_xblocks.case_study import report as cs_report
from emm_xblocks.case_study.content import SINGLE, Case
from emm_xblocks.common import profile
from emm_xblocks.common.actions import ActionError
from emm_xblocks.common.perspectives import PROFILE_GROUP, share
from emm_xblocks.common.questions import Option as Answer
from emm_xblocks.common.questions import Question

OPTIONS = (profile.Option("gov", "Government"), profile.Option("cso", "Civil society"), profile.Option("io", "IO"))


def choice_split(options, counted, sizes, min_size, memo=None):
    """One choice question's groups as dicts, the rule's figures written out plainly (what the
    panel and the download show through ``perspectives.ProfileSplit.question``): ``[{"key",
    "shown", "small", "n", "counts": {answer: n}, "percents": {answer: whole %}}]``, a withheld
    group with no figure."""
    out = []
    for key, group in profile.groups_plan(options, sizes, min_size, memo):
        if not group.shown:
            out.append({"key": key, "shown": False, "small": group.small, "n": None, "counts": {}, "percents": {}})
            continue
        counts = {value: int(n) for value, n in counted.get(key, {}).items()}
        out.append({"key": key, "shown": True, "small": False, "n": group.total, "counts": counts,
                    "percents": {value: share(n, group.total) for value, n in counts.items()}})
    return out


def count(tallies, q, option):
    """How many answers chose ``option`` of ``q``, read the plain way (the store's rows: a
    single-choice question's ``q.id`` -> option id, a multiple-choice one's ``q.id.option`` -> "1")."""
    if q.kind == SINGLE:
        return int(tallies.get(q.id, {}).get(option.id, 0))
    return int(tallies.get(f"{q.id}.{option.id}", {}).get("1", 0))


def shown(groups):
    return {g["key"]: g["n"] for g in groups if g["shown"]}


def test_a_group_below_the_minimum_is_withheld_whole():
    groups = choice_split(OPTIONS, {"gov": {"a": 6}, "cso": {"a": 2, "b": 3}, "io": {"b": 2}},
                                  {"gov": 6, "cso": 5, "io": 2}, 5)
    io = next(g for g in groups if g["key"] == "io")
    assert io == {"key": "io", "shown": False, "small": True, "n": None, "counts": {}, "percents": {}}


def test_the_smallest_shown_group_goes_too_when_the_withheld_ones_could_be_worked_out():
    # io (2) withheld; 2 < 5, so cso (5, the smallest shown) is withheld with it, gov stays
    groups = choice_split(OPTIONS, {"gov": {"a": 6}, "cso": {"a": 2, "b": 3}, "io": {"b": 2}},
                                  {"gov": 6, "cso": 5, "io": 2}, 5)
    assert shown(groups) == {"gov": 6}
    cso = next(g for g in groups if g["key"] == "cso")
    assert cso["shown"] is False and cso["small"] is False  # withheld to protect io, not small itself
    gov = next(g for g in groups if g["key"] == "gov")
    assert gov["percents"] == {"a": 100}


def test_enough_withheld_together_protect_themselves_and_nobody_else_goes():
    # two small groups of 3: together 6 >= 5, nothing can be worked out, gov and cso stay
    groups = choice_split(OPTIONS, {"gov": {"a": 5}, "cso": {"a": 5}, "io": {"a": 3}, "": {"a": 3}},
                                  {"gov": 5, "cso": 5, "io": 3, "": 3}, 5)
    assert shown(groups) == {"gov": 5, "cso": 5}
    assert [g["key"] for g in groups] == ["gov", "cso", "io", ""]  # the author's order, "did not say" last


def test_an_option_removed_since_keeps_its_answers_after_the_current_ones():
    groups = choice_split(OPTIONS[:1], {"gov": {"a": 5}, "old": {"a": 5}}, {"gov": 5, "old": 5}, 5)
    assert [g["key"] for g in groups] == ["gov", "old"]


def test_a_memo_kept_across_questions_gives_each_its_own_groups():
    # a panel keeps one memo for all its questions: questions of other sizes get their own split,
    # questions of the same sizes their own counts and percents
    memo = {}
    asked = [({"gov": {"a": 6}, "cso": {"a": 2, "b": 3}, "io": {"b": 2}}, {"gov": 6, "cso": 5, "io": 2}),
             ({"gov": {"a": 5}, "cso": {"a": 5}, "io": {"a": 3}, "": {"a": 3}}, {"gov": 5, "cso": 5, "io": 3, "": 3}),
             ({"gov": {"b": 6}, "cso": {"b": 5}, "io": {"a": 1, "b": 1}}, {"gov": 6, "cso": 5, "io": 2}),
             ({"gov": {"a": 1, "b": 4}, "cso": {"b": 5}, "io": {"a": 3}, "": {"b": 3}},
              {"gov": 5, "cso": 5, "io": 3, "": 3})]
    for counted, sizes in asked:
        alone = choice_split(OPTIONS, counted, sizes, 5)
        assert choice_split(OPTIONS, counted, sizes, 5, memo) == alone
    assert len(memo) == 2
    third = choice_split(OPTIONS, *asked[2], 5, memo)
    assert shown(third) == {"gov": 6} and third[0]["percents"] == {"b": 100}


def test_people_and_the_rest_are_who_did_not_say():
    tallies = {PROFILE_GROUP: {"gov": 4, "cso": 0}, "q1": {"a": 9}}
    assert profile.people(tallies, 10) == {"gov": 4, "": 6}
    assert profile.rest({"a": 9, "b": 1}, [{"a": 4}, {"b": 1}]) == {"a": 5}


def test_the_learners_answer_is_one_of_the_options_or_none():
    assert profile.check(OPTIONS, "cso", str) == "cso"
    assert profile.check(OPTIONS, "", str) == profile.check(OPTIONS, None, str) == ""
    for bad in ("police", ["gov"], 3):
        with pytest.raises(ActionError) as err:
            profile.check(OPTIONS, bad, str)
        assert err.value.code == "unknown_profile"
    assert profile.with_profile({"q1": "a"}, "gov") == {"q1": "a", PROFILE_GROUP: "gov"}
    assert profile.with_profile({"q1": "a"}, "") == {"q1": "a"}


def test_the_authors_question_needs_a_prompt_and_two_distinct_options():
    assert profile.problems("", (), str) == []
    fields = [p.field for p in profile.problems("", OPTIONS[:1], str)]
    assert fields == ["profile_prompt", "profile_options"]
    twice = (profile.Option("gov", "A"), profile.Option("GOV", "B"), profile.Option("bad id", ""))
    fields = [p.field for p in profile.problems("You work for", twice, str)]
    assert fields == ["profile_options.1.id", "profile_options.2.id", "profile_options.2.text"]


CASE = Case(display_name="Case", show_distribution=True, min_group_size=5, profile_prompt="You work for",
            profile_options=OPTIONS, questions=(
                Question(id="q1", kind="single", prompt="<p>One?</p>", options=(Answer("a", "=A"), Answer("b", "B"))),
                Question(id="q2", kind="multiple", prompt="<p>Some?</p>",
                         options=(Answer("x", "X"), Answer("y", "Y")))))


def question_split(case, q, tallies, by_profile, respondents):
    """``perspectives.ProfileSplit.question`` of ``q`` alone, each group as the staff download reads
    it: ``{"key", "shown", "n", "counts", "percents"}`` (by ``q``'s option ids; none when withheld)."""
    groups = perspectives.ProfileSplit(case, tallies, by_profile, respondents).question(q, perspectives.counter(q))
    return [{"key": key, "shown": group.shown, "n": group.total if group.shown else None,
             "counts": {o.id: c for o, c in zip(q.options, counts, strict=True)} if group.shown else {},
             "percents": {o.id: share(c, group.total) for o, c in zip(q.options, counts, strict=True)}
             if group.shown else {}}
            for key, group, counts in groups]


def test_a_case_splits_each_choice_question_by_who_answered_it():
    tallies = {PROFILE_GROUP: {"gov": 6, "cso": 5}, "q1": {"a": 9, "b": 5},
               "q2.x": {"1": 6}, "q2.y": {"1": 11}, "q2.*": {"1": 14}}
    by_profile = {"gov": {"q1": {"a": 6}, "q2.x": {"1": 6}, "q2.y": {"1": 3}, "q2.*": {"1": 6}},
                  "cso": {"q1": {"a": 3, "b": 2}, "q2.y": {"1": 5}, "q2.*": {"1": 5}}}
    q1 = question_split(CASE, CASE.questions[0], tallies, by_profile, 14)
    # did not say: 14 - 11 = 3 people, 3 answers to q1 (all "b"): below 5, so cso (5) goes with it
    assert {g["key"]: (g["shown"], g["n"]) for g in q1} == {"gov": (True, 6), "cso": (False, None),
                                                             "": (False, None)}
    q2 = question_split(CASE, CASE.questions[1], tallies, by_profile, 14)
    gov = q2[0]
    assert gov["counts"] == {"x": 6, "y": 3} and gov["percents"] == {"x": 100, "y": 50}
    # a multiple-choice question added after some submitted: each group's size is who answered it
    # (bug hunt s45: it was who gave the profile, every submission)
    later = {**tallies, "q2.x": {"1": 5}, "q2.y": {"1": 9}, "q2.*": {"1": 12}}
    by_profile = {"gov": {"q2.x": {"1": 3}, "q2.y": {"1": 2}, "q2.*": {"1": 4}},  # 4 of the 6
                  "cso": {"q2.y": {"1": 5}, "q2.*": {"1": 5}}}
    q2 = question_split(CASE, CASE.questions[1], later, by_profile, 14)
    # gov (4) and who did not say (3 of 3) are under 5, together 7: cso stays, of its 5
    assert {g["key"]: g["n"] for g in q2} == {"gov": None, "cso": 5, "": None}
    assert q2[1]["percents"] == {"x": 0, "y": 100}


def test_what_a_panel_works_out_once_gives_each_question_the_same_split():
    tallies = {PROFILE_GROUP: {"gov": 6, "cso": 5}, "q1": {"a": 9, "b": 5}, "q2.x": {"1": 6}, "q2.y": {"1": 11},
               "q2.*": {"1": 14}}
    by_profile = {"gov": {"q1": {"a": 6}, "q2.x": {"1": 6}, "q2.y": {"1": 3}, "q2.*": {"1": 6}},
                  "cso": {"q1": {"a": 3, "b": 2}, "q2.y": {"1": 5}, "q2.*": {"1": 5}}}
    split = perspectives.ProfileSplit(CASE, tallies, by_profile, 14)  # one for all the questions
    for q in CASE.questions:
        counter = perspectives.counter(q)
        assert (split.question(q, counter)
                == perspectives.ProfileSplit(CASE, tallies, by_profile, 14).question(q, counter))


def _question_split_alone(case, q, tallies, by_profile, respondents):
    """What ``question_split`` gave one question alone (before the panel and the download shared
    ``perspectives.ProfileSplit``): ``profile.choice_split`` of the question's counts per profile,
    who did not say as the overall counts less every profile's (``profile.rest``)."""
    people = profile.people(tallies, respondents)
    overall = {o.id: count(tallies, q, o) for o in q.options}
    counted = {pid: {o.id: count(by_profile.get(pid, {}), q, o) for o in q.options}
               for pid in people if pid}
    counted[profile.NOT_SAID] = profile.rest(overall, counted.values())
    if q.kind == "single":
        sizes = {pid: sum(c.values()) for pid, c in counted.items()}
    else:  # who answered it ("q2.*"), never fewer than its most chosen option
        marked = {pid: int(by_profile.get(pid, {}).get(f"{q.id}.*", {}).get("1", 0)) for pid in people if pid}
        marked[profile.NOT_SAID] = profile.rest({"*": int(tallies.get(f"{q.id}.*", {}).get("1", 0))},
                                                [{"*": n} for n in marked.values()]).get("*", 0)
        sizes = {pid: max([marked[pid], *counted[pid].values()]) for pid in counted}
    return choice_split(case.profile_options, counted, sizes, case.min_group_size)


def _expected_panel_groups(case, q, tallies, by_profile, respondents, percent):
    """What the panel showed when it asked ``question_split`` per question (before decision 60)."""
    names = {o.id: o.text for o in case.profile_options}
    out = []
    for g in _question_split_alone(case, q, tallies, by_profile, respondents):
        name = "Did not say" if g["key"] == profile.NOT_SAID else names.get(g["key"], f"{g['key']} (removed option)")
        out.append({"key": g["key"], "name": name, "shown": g["shown"], "small": g["small"], "n": g["n"],
                    "n_text": f"{g['n']} participants" if g["shown"] else "",
                    "percents": [percent(g["percents"].get(o.id, 0)) for o in q.options] if g["shown"] else []})
    return out


@pytest.mark.parametrize("seed", range(40))
def test_the_panels_split_in_one_pass_is_question_splits(seed):
    """The feedback panel's split by profile worked out in one pass for all its questions
    (``distribution._PanelGroups.groups``) shows what ``question_split`` gave each question alone: the
    same groups, sizes and shares, whatever the counts (a profile removed since with answers, who
    did not say, groups withheld by either rule, options nobody chose)."""
    import random

    from emm_xblocks.case_study import distribution

    rng = random.Random(seed)
    asking = random.Random(-seed)  # who answered q2 (added since: fewer), apart from the counts' draws
    min_size = rng.choice([1, 2, 3, 5])
    case = Case(display_name="Case", show_distribution=True, min_group_size=min_size, profile_prompt="You work for",
                profile_options=OPTIONS, questions=CASE.questions)
    pids = ["gov", "cso", "io", "old"]  # "old": a profile option removed since, its answers kept
    said = {pid: rng.choice([0, 1, 2, 4, 6, 9]) for pid in pids}
    respondents = sum(said.values()) + rng.choice([0, 1, 3, 7])
    tallies, by_profile = {PROFILE_GROUP: {pid: n for pid, n in said.items() if n}}, {}
    for pid in [*pids, ""]:
        people = said.get(pid, respondents - sum(said.values()))
        own = by_profile.setdefault(pid, {}) if pid else {}
        a = rng.randint(0, people)
        asked = asking.choice([people, asking.randint(0, people)])  # q2 added after some submitted: fewer
        for group, value, n in (("q1", "a", a), ("q1", "b", rng.randint(0, people - a)),
                                ("q2.x", "1", rng.randint(0, people)), ("q2.y", "1", rng.randint(0, people)),
                                ("q2.*", "1", max(asked, own.get("q2.x", {}).get("1", 0)))):
            if n:
                if pid:
                    own.setdefault(group, {})[value] = n
                tallies.setdefault(group, {})[value] = tallies.get(group, {}).get(value, 0) + n
    if seed % 3 == 0:  # the overall counts below a profile's (a learner's state deleted since): none below 0
        tallies["q1"]["a"] = tallies.get("q1", {}).get("a", 0) // 2
        tallies["q2.y"] = {"1": 0}
    percent = "{} %".format
    words = (str, lambda one, many, n: one if n == 1 else many, type("N", (), {
        "number": staticmethod(lambda n, digits=None: str(n)), "percent": staticmethod(lambda n, d: percent(n))}))
    panel = distribution._PanelGroups(words, case, perspectives.ProfileSplit(case, tallies, by_profile, respondents))
    for q in case.questions:
        counter = perspectives.counter(q)
        overall = counter(tallies)
        assert overall == [count(tallies, q, o) for o in q.options]
        expected = _expected_panel_groups(case, q, tallies, by_profile, respondents, percent)
        for g in expected:
            g["n_text"] = g["n_text"].replace("1 participants", "1 participant")
        assert panel.groups(q, counter) == expected


def test_the_csv_rows_name_why_a_group_is_withheld():
    tallies = {PROFILE_GROUP: {"gov": 6, "cso": 5}, "q1": {"a": 9, "b": 5}, "q2.*": {"1": 14}}
    by_profile = {"gov": {"q1": {"a": 6}, "q2.*": {"1": 6}}, "cso": {"q1": {"a": 3, "b": 2}, "q2.*": {"1": 5}}}
    rows = cs_report.distribution_rows(CASE, tallies, by_profile, 14, str)
    assert rows[0] == ["Question ID", "Question", "Answer", "You work for", "Participants", "Count", "Percent"]
    assert ["q1", "One?", "=A", "All participants", "14", "9", "64"] in rows  # common.spreadsheet.csv_lines escapes it
    assert ["q1", "One?", "=A", "Government", "6", "6", "100"] in rows
    assert ["q1", "One?", "=A", "Civil society", "not shown", "", ""] in rows
    assert ["q1", "One?", "=A", "Did not say", "fewer than 5", "", ""] in rows
    assert ["q2", "Some?", "X", "All participants", "14", "0", "0"] in rows  # each question its own prompt
    assert not any(row[3] == "Government" for row in cs_report.distribution_rows(CASE, tallies, None, 14, str))


def test_the_role_play_debrief_splits_by_profile_with_who_did_not_say_as_a_group():
    from emm_xblocks.role_play import perspectives as rp
    from emm_xblocks.role_play.content import Choice, Node, Role, Scenario

    scenario = Scenario(show_others=True, min_group_size=3, profile_prompt="You work for", profile_options=OPTIONS,
                        roles=(Role("officer", "Officer", "meet"),),
                        nodes=(Node("meet", choices=(Choice("Refer", "end"), Choice("Leave", "end"))),
                               Node("end", ending=True, category="good")))
    assert scenario.asks_profile
    by = profile.with_not_said({"gov": {"meet": {"0": 3}}, "cso": {"meet": {"1": 1}}}, {"meet": {"0": 5, "1": 2}})
    assert by[profile.NOT_SAID] == {"meet": {"0": 2, "1": 1}}  # all rows less every profile's
    columns = rp.profile_columns(scenario, lambda text: text)
    assert columns[-1] == ("", "Did not say") and columns[0] == ("gov", "Government")
    found = rp.decision(scenario, "meet", by, 3, columns=columns)
    # cso (1) is small; of the two smallest shown (gov 3, did not say 3) the tie goes by key: ""
    assert [(c.key, c.group.shown) for c in found.columns] == [("gov", True), ("cso", False), ("", False)]
    assert found.columns[0].group.percent("0") == 100
    assert rp.decision(scenario, "meet", by, 3) is None  # one role: no split by role
