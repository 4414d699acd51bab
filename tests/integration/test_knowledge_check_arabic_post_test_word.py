"""Bug hunt s43: in Arabic, the pre-test's thanks once the post-test is taken call the post-test
"الاختبار النهائي" (the final test), where every other line of the knowledge check, its own
phase line and the post-test's page included, calls it "الاختبار البعدي". A learner told to "open
the final test" looks for a test the course never names so (translations/ar/LC_MESSAGES/text.po)."""

from django.utils import translation

from emm_xblocks.workbench.services import LmsI18nService

TAKEN = ("Thank you: your answers are kept. Your results are shown with the post-test: open it to see "
         "how you did.")
NOT_YET = ("Thank you: your answers are kept. You will see your results after the post-test, at the end "
           "of the training.")


def ar(text):
    with translation.override("ar"):
        return LmsI18nService().gettext(text)


def test_the_arabic_thanks_name_the_post_test_as_the_page_does():
    assert "الاختبار البعدي" in ar(NOT_YET)
    assert "الاختبار البعدي" in ar("After the training (post-test)")
    said = ar(TAKEN)
    assert said != TAKEN
    assert "الاختبار النهائي" not in said and "الاختبار البعدي" in said, said
