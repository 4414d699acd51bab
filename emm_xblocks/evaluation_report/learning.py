"""The course's learning figures (Kirkpatrick level 2; pure): ``figures(pairs, min_group_size)``, each
knowledge-check pair of the course named by its tests, by ``knowledge_check.statistics.figures_of``.
The reaction figures (level 1) are ``report``'s.
"""

from ..common import content_language
from ..common.questions import Question
from ..knowledge_check.statistics import figures_of, sums_of


def asked(description):
    """The questions a pair's ``description`` (``knowledge_check.learner.description_fields``) asked,
    in order: their ids and prompts."""
    return [Question(id=str(q.get("id", "")), prompt=str(q.get("prompt", "")))
            for q in description.get("questions", []) if isinstance(q, dict)]


def _pair_names(p):
    """A pair as its readers know it (a ministry reads the one-page summary, not the course's
    keys): ``(names, tests)``. ``names``: its tests' names, the pre-test's first, each once ("Day 1 –
    what do you know? (pre-test)", "Day 3 – what have you learned? (post-test)"; a post-test copied
    from its pre-test, name kept, names it once). ``tests``: ``{phase: name}``, the first named test
    of each phase."""
    tests = [(phase, name.strip()) for phase, name in p.get("tests") or [("", n) for n in p["names"]]]
    ordered = sorted(tests, key=lambda t: {"pre": 0, "post": 1}.get(t[0], 2))
    names = list(dict.fromkeys(name for _phase, name in ordered if name))
    by_phase = {}
    for phase, name in tests:
        if name:
            by_phase.setdefault(phase, name)
    return names, by_phase


def figures(pairs, min_group_size, page_language=""):
    """Learning (Kirkpatrick level 2): each knowledge-check pair of the course.

    ``pairs``: ``[{"pair", "names", "tests", "description", "sums"}]`` -- the pair key, its blocks'
    names (``tests``: with their phases, ``[(phase, name)]``), what its post-test (else its
    pre-test) asked (``knowledge_check.learner.description_fields``, its questions: ``asked``) and
    the sums of its stored results (``common.pair_sums``; or the results themselves, ``rows``, which
    ``knowledge_check.statistics.sums_of`` adds up alike). Each pair is named by its tests
    (``name``: its tests' names joined, each once, its key when its tests have none, ``_pair_names``;
    two pairs of the same name add their keys, to be told apart) and keeps its key (``pair``) and its
    tests' names each once (``names``, the page's heading of the pair) for staff. Each pair's figures are
    ``knowledge_check.statistics.figures_of`` at the report's minimum group size or the pair's
    (``min_group_size``: the highest of its tests', else its description's), if higher; each
    question keeps its prompt for the table. ``lang``
    (a pair's, and its figures'): the attribute of its texts on a page in ``page_language``, the
    language its description declares (``common.content_language``)."""
    out = []
    for p in pairs:
        questions = asked(p["description"])
        group = max(min_group_size, int(p.get("min_group_size", p["description"].get("min_group_size")) or 0))
        sums = p["sums"] if "sums" in p else sums_of(p["rows"], [q.id for q in questions])
        figures = figures_of(sums, questions, group)
        figures["questions"] = [dict(rates, id=q.id, prompt=q.prompt)
                                for q, rates in zip(questions, figures["questions"], strict=True)]
        names, tests = _pair_names(p)
        figures["lang"] = content_language.attr(p["description"].get("content_language"), page_language)
        out.append({"pair": p["pair"], "name": " · ".join(names) or p["pair"], "names": names, "tests": tests,
                    "figures": figures, "lang": figures["lang"]})
    twice = {p["name"] for p in out if sum(1 for q in out if q["name"] == p["name"]) > 1}
    for p in out:
        if p["name"] in twice:
            p["name"] = f'{p["name"]} · {p["pair"]}'
            p["tests"] = {phase: f'{name} · {p["pair"]}' for phase, name in p["tests"].items()}
    return out
