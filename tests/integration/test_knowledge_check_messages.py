"""Newcomer review s25: the knowledge check's answer says how its message is shown -- a post-test's
score below full marks is not announced as a success (``tone``), and the pre-test's thanks are in
the panel itself (``data-message``), so the page shows them once (tests/browser/test_messages_browser.py)."""

from tests.integration.test_knowledge_check import HALF, RIGHT, WRONG, pair_of, platform  # noqa: F401 (fixture)


def test_a_post_tests_tone_follows_its_score_and_the_pre_tests_thanks_are_the_panels_own(platform):  # noqa: F811
    pre, post = pair_of(platform)
    tones = {}
    for name, answers in (("ana", WRONG), ("ben", HALF), ("cy", RIGHT)):
        who = platform.lms(platform.user(name))
        kept = who.handle(pre, "submit", RIGHT).json
        assert "tone" not in kept  # no score: said as the plain message it is
        assert '<p class="emm-notice emm-kc-kept" data-message>Thank you: your answers are kept.' in kept["html"]
        tones[name] = who.handle(post, "submit", answers).json["tone"]
        # the page's script asks for only what it reads: the tone is among it
        assert who.handle(post, "state", {"reply": "page"}).json["tone"] == tones[name]
    assert tones == {"ana": "incorrect", "ben": "partial", "cy": "correct"}
