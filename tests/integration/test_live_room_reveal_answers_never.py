"""A case study whose author chose *Show answers: Never* (``show_answers="never"``: learners never
see the correct options, ``case_study/scoring.py``, ``answers_revealed``), or whose subsection the
course team set to *Show answer: Never* (the platform's ``showanswer``, ``xmodule/capa_block.py``;
``platform.answers_available``, docs/lms-behaviour.md §4: "correct options … stay
hidden"), presented in the live room: the projection still offers **Reveal** (and the R key the
keys' line lists), and the poll's ``reveal=1`` gives the right options, which the wall then shows
the whole room, learners still answering for a grade among them. A facilitator in Niamey presses R
out of habit on the projector and the answers kept from every cohort are on the wall. Hunt 5."""

import json
import re

from .test_case_study_handlers import CASE
from .test_live_room import get, poll, session


def test_reveal_is_not_offered_where_the_author_never_shows_the_answers(handlers, scenario):
    case = scenario(CASE.format(attempts=3, policy="best", show="never", extra='min_group_size="1"'))
    session(handlers, case, "start")
    r = handlers.post(case, "submit", {"answers": {"q1": "b", "q2": ["x", "z"], "q3": "Text"}})
    assert r.status_code == 200, r.content
    # the learner's own result shows no correct option: the author's "Never"
    assert "SECRET-EXPLANATION-1" not in json.dumps(r.json_body)
    html = json.loads(get(handlers, case, "live_screen").body)["html"]
    revealable = re.findall(r'data-item="([^"]+)"[^>]*data-revealable', html)
    figures = poll(handlers, case, "q1", reveal=True).json
    assert revealable == [] and "r" not in figures, (
        f"Reveal offered on {revealable} and the right options {figures.get('r')} projected, "
        "though the case study never shows its answers")
