"""Issue 7, decision 93 (*No control the server refuses*, "the page says why"): a learner who has not
chosen a role, past the due date or while staff view the course as them, was still told "Choose your
role" (the heading, and "Choose your role." said on each re-read) above roles that could not be
pressed, with nothing they could do. The page now says the role-play is closed (past the due date) or
that staff viewing as the learner cannot choose for them, in the page's language; the learner's own
page before the due date, and Studio's preview, still ask for a role. Through the test LMS
(``tests/openedx``): the subsection's due date, its masquerade."""

import pytest
from django.utils import translation

from emm_xblocks.xblocks import RolePlayBlock
from tests.integration.platform_blocks import ROLE_PLAY, future, past, visible_text
from tests.openedx.runtime import Platform

CLOSED = "This role-play is closed"
CLOSED_WHY = ("You did not choose a role before the due date, so the scenario can no longer be played. "
              "Its roles are below for you to read.")
STAFF_WHY = "This learner has not chosen a role. Viewing the course as them, you cannot choose one for them."
CHOOSE = "Choose your role"


@pytest.fixture
def platform(db):
    with translation.override("en"):
        yield Platform(block_classes={"emm_role_play": RolePlayBlock})


def _role_play(platform, due):  # noqa: F811
    sub = platform.subsection(graded=True, due=due)
    return sub, platform.add(ROLE_PLAY.format(extra='attempts_allowed="3"'), sub)


def test_before_the_due_date_a_learner_is_asked_to_choose_a_role(platform):  # noqa: F811
    _sub, key = _role_play(platform, future())
    text = visible_text(platform.lms(platform.user("ana")).html(key))
    assert CHOOSE in text and "You have 3 attempts" in text
    assert CLOSED not in text and CLOSED_WHY not in text


def test_past_the_due_date_a_learner_with_no_role_is_told_the_role_play_is_closed(platform):  # noqa: F811
    sub, key = _role_play(platform, future())
    ana = platform.lms(platform.user("ana"))
    ana.html(key)  # the page opened before the due date, left open across it
    platform.set_settings(sub, due=past())
    text = visible_text(ana.html(key))
    assert CLOSED in text and CLOSED_WHY in text
    assert CHOOSE not in text, "a learner who can choose nothing is asked to choose"
    assert "The due date has passed: answers are no longer accepted." in text
    # the open page's role pressed: refused, and what its script then draws and says
    assert ana.handle(key, "begin", {"role": "r1"}).json["error"] == "past_due"
    again = ana.handle(key, "state", {}).json
    assert again["announcement"] == "This role-play is closed."
    assert CLOSED_WHY in visible_text(again["html"]) and CHOOSE not in visible_text(again["html"])


def test_staff_viewing_as_a_learner_with_no_role_are_told_they_cannot_choose_for_them(platform):  # noqa: F811
    _sub, key = _role_play(platform, future())
    sam = platform.lms(platform.user("sam", role="staff"), masquerade_as=platform.user("ana"))
    text = visible_text(sam.html(key))
    assert "No role chosen yet" in text and STAFF_WHY in text
    assert CHOOSE not in text and "Choosing a role starts" not in text
    assert sam.handle(key, "state", {}).json["announcement"] == "No role chosen yet."


def test_the_closed_role_play_is_said_in_the_learner_s_language(platform):  # noqa: F811
    sub, key = _role_play(platform, past())
    with translation.override("fr"):
        text = visible_text(platform.lms(platform.user("ana")).html(key))
    assert CLOSED not in text and CLOSED_WHY not in text, "the closed role-play is said in English on a French page"
    assert "Ce jeu de rôle est fermé" in text and "Choisissez votre rôle" not in text
    # (the no-break space before the colon is whitespace to visible_text)
    assert "Vous n’avez pas choisi de rôle avant la date limite : le scénario ne peut plus être joué." in text
