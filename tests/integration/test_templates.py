"""Templates are translated with the block's catalogue, and only while the block renders
(``common/templates.py``): Django's own catalogue, which the rest of the platform's pages use,
is left as it was."""

from django.utils import translation

SURVEY = """
<emm_likert display_name="Eval">
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace">The pace was right.</item>
</emm_likert>
"""


def test_the_learner_page_is_in_french_and_arabic_including_plurals(scenario, handlers):
    uid = scenario(SURVEY)
    french = handlers.view(uid, lang="fr").body_html()
    assert ">Envoyer<" in french and "2 affirmations" in french and ">Submit<" not in french
    for _ in range(2):  # a template compiled once still follows each render's language
        assert ">Submit<" in handlers.view(uid, lang="en").body_html()
        assert ">Envoyer<" in handlers.view(uid, lang="fr").body_html()
    arabic = handlers.view(uid, lang="ar").body_html()
    assert 'dir="rtl"' in arabic and ">Submit<" not in arabic


def test_rendering_leaves_djangos_catalogue_unchanged(scenario, handlers):
    uid = scenario(SURVEY)
    for _ in range(2):
        assert ">Envoyer<" in handlers.view(uid, lang="fr").body_html()
    with translation.override("fr"):
        # Django's French has no "Submit" (ours says "Envoyer") but has "Yes"
        assert (translation.gettext("Submit"), translation.gettext("Yes")) == ("Submit", "Oui")


def test_number_filters_write_in_the_language_of_the_render():
    """``{% load emm_numbers %}`` (common/number_filters.py) in a template of the package's engine:
    the language is the one active during the render (``templates.render`` activates the block's)."""
    from django.template import Context

    from emm_xblocks.common import templates

    template = templates._engine().from_string(
        "{% load i18n emm_numbers %}{{ share|percent }} {{ share|percent:0 }} {{ mean|number }} {{ count|number:0 }} "
        "{{ missing|percent }} {% blocktrans count counter=count with n=count|number:0 %}{{ n }} respondent"
        "{% plural %}{{ n }} respondents{% endblocktrans %}")
    values = {"share": 16.666, "mean": 3.8333, "count": 12345, "missing": None}

    def render(language):
        with translation.override(language):
            return template.render(Context(values))

    # (outside a block's render Django's catalogue has not our words: the numbers are the point)
    assert render("fr") == "16,7\xa0% 17\xa0% 3,83 12\u202f345 — 12\u202f345 respondents"
    assert render("en") == "16.7% 17% 3.83 12,345 — 12,345 respondents"
    assert render("es").startswith("16,7\xa0% 17\xa0% 3,83 12.345 — ")
