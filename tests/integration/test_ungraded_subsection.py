"""(Bug hunt s44.) A case study or role-play in a subsection that is not graded.

Studio makes a new subsection "Not graded" (``graded`` False, ``xmodule/modulestore/inheritance.py``,
inherited by every block below it). The course grade then counts nothing of the blocks in it
(``lms/djangoapps/grades/context.py``, ``graded_subsections_for_course``: only ``subsection.graded``
ones), and the platform's own problems say so on the page: capa renders ``'graded': self.graded``
and writes "1 point possible (ungraded)".

Our pages still say "Your best attempt counts for your grade." (and, under "last", warn that a new
attempt "replaces your grade"), so neither the learner nor the author who forgot "Grade as" is
told that the activity counts for nothing. The role-play with ``weight`` 0 already names no grade
(bug hunt s43, ``explain(graded=...)``); the inherited ``graded`` False is the same case.
"""

import pytest

from tests.integration.platform_blocks import CASE, ROLE_PLAY, play, visible_text
from tests.openedx.fixtures import platform  # noqa: F401

GRADE_WORDS = ("counts for your grade", "replaces your grade", "Your grade")


@pytest.mark.parametrize("policy", ["best", "last"])
def test_a_case_study_in_an_ungraded_subsection_says_nothing_of_a_grade(platform, policy):  # noqa: F811
    key = platform.add(CASE.format(extra=f'attempts_allowed="3" grade_policy="{policy}"', more=""),
                       platform.subsection())  # "Not graded", as Studio makes a new subsection
    ana = platform.user("ana")
    assert platform.lms(ana).block(key).graded is False
    result = platform.lms(ana).handle(key, "submit", {"answers": {"q1": "a"}})
    assert result.status == 200
    page = visible_text(platform.lms(ana).html(key))
    said = [w for w in GRADE_WORDS if w in page] + [w for w in GRADE_WORDS if w in str(result.json["grade_words"])]
    assert said == [], page


@pytest.mark.parametrize("policy", ["best", "last"])
def test_a_role_play_in_an_ungraded_subsection_says_nothing_of_a_grade(platform, policy):  # noqa: F811
    key = platform.add(ROLE_PLAY.format(extra=f'attempts_allowed="3" grade_policy="{policy}"'), platform.subsection())
    ana = platform.user("ana")
    assert play(platform.lms(ana), key, ["Listen first", "Finish"]).json["phase"] == "ending"
    page = visible_text(platform.lms(ana).html(key))
    assert [w for w in GRADE_WORDS if w in page] == [], page
