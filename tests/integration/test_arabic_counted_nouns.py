"""(Bug hunt s43.) A limit said to a learner in Arabic: the noun after the number takes the form Arabic gives that
number. The catalogue's own plural of "{n} character left" writes 2 000 as "{n} حرف" (CLDR "other":
hundreds and thousands take the singular genitive); "حرفًا" (tamyiz accusative) is the form of 11-99
only. A message with one fixed form for any {max} ("The comment is longer than {max} characters.",
likert/learner.py) says "2,000 حرفًا" to a learner whose comment is too long; the page's own
refusal (emm-forms.js, "Not sent: a text is longer than its limit of {max} characters") too."""

from django.utils import translation

from tests.integration.platform_blocks import LIKERT, LIKERT_ANSWERS


def test_the_comment_limit_is_said_with_the_arabic_form_of_its_number(scenario, handlers):
    uid = scenario(LIKERT.format(extra=""))
    data = dict(LIKERT_ANSWERS, comment="x" * 2001)
    body = handlers.post(uid, "submit", data, lang="ar").json()
    assert body["error"] == "comment_too_long"
    # the form the package's Arabic catalogue itself gives 2000 characters
    block = handlers.block(uid)
    with translation.override("ar"):
        noun = block.ungettext("{n} character left", "{n} characters left", 2000).format(n="").split()[-1]
    assert noun == "حرف"
    assert "حرفًا" not in body["message"] and body["message"].rstrip(".").endswith(f"2,000 {noun}")


def test_a_word_limit_is_said_with_the_arabic_form_of_its_number(scenario, handlers):
    """Five words at most: "5 كلمات" (3 to 10 take the plural), not "5 كلمة"; twenty: "20 كلمةً"."""
    from tests.integration.platform_blocks import CASE, REFLECTION

    for limit, noun in ((5, "كلمات"), (20, "كلمةً")):
        uid = scenario(CASE.format(extra="", more=REFLECTION.replace('max_words="20"', f'max_words="{limit}"')))
        body = handlers.post(uid, "submit", {"answers": {"q1": "a", "q3": "mot " * (limit + 1)}}, lang="ar").json()
        assert body["error"] == "answer_too_long"
        assert f"({limit} {noun} " in body["message"], body["message"]


def test_a_limit_is_said_in_english_with_its_plural():
    from emm_xblocks.common.i18n import ngettext_of

    assert ngettext_of(str, "{max} word at most", "{max} words at most", 1) == "{max} word at most"
    assert ngettext_of(str, "{max} word at most", "{max} words at most", 300) == "{max} words at most"
