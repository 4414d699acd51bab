"""A learner page whose block script did not load sends nothing by itself (fresh-user trial,
session 11, finding 3: "Envoyer" reloaded the page blank, every answer in its address).

Each form says ``method="post"`` (a native submission never puts answers into a URL) and every
button that sends is written disabled and marked ``data-wait``: the block's script enables it once
it has wired the page (``EMM.ready``). The note saying why nothing can be sent is on the page,
hidden (emm-common.css shows it while the mark stays). A button disabled for another reason
(past the due date, while staff view as a learner, a locked form) has no mark: the script leaves
it disabled. How a browser behaves with and without the script: tests/browser/test_script_missing_browser.py.
"""

import datetime
import re

import pytest

NOTE_FR = ("La page ne s’est pas chargée en entier\u00a0: rien ne peut être envoyé. Vérifiez votre connexion, "
           "puis rechargez la page (copiez d’abord votre texte).")
# a page with no box to type into does not ask to copy a text first (learner trial s37)
NOTE_FR_CHOICES = ("La page ne s’est pas chargée en entier\u00a0: rien ne peut être envoyé. Vérifiez votre "
                   "connexion, puis rechargez la page.")
PAST = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)

LIKERT = ('<emm_likert display_name="É" comment="true" graded="true" {extra}>'
          '<item id="a">Utile\u202f?</item></emm_likert>')
CASE = ('<emm_case_study display_name="C"><narrative>N</narrative>'
        '<question id="q" type="single"><prompt>P</prompt><option id="a" correct="true">A</option>'
        '<option id="b">B</option></question>'
        '<question id="r" type="reflection"><prompt>Écrivez.</prompt></question></emm_case_study>')
CHECK = ('<emm_knowledge_check display_name="K" phase="pre" pair="p" grading="participation">'
         '<question id="q" type="single"><prompt>P</prompt><option id="a" correct="true">A</option>'
         '<option id="b">B</option></question></emm_knowledge_check>')
ROLE_PLAY = ('<emm_role_play display_name="R"><role id="r" start="n1">Agent</role>'
             '<node id="n1"><narrative>Un groupe arrive.</narrative><choice goto="end">Écouter</choice></node>'
             '<node id="end" ending="true"><narrative>Fin.</narrative></node></emm_role_play>')


def forms(html):
    return re.findall(r"<form\b[^>]*>", html)


def buttons(html, mark):
    """The opening tags of the buttons carrying ``mark`` (``data-submit``, ``data-role``...)."""
    return re.findall(rf"<button\b[^>]*\b{mark}\b[^>]*>", html)


def note(html):
    """The note's text (None: not on the page), checked hidden until the stylesheet shows it."""
    found = re.search(r'<p class="emm-notice emm-wait" data-wait hidden>([^<]*)</p>', html)
    return found and found.group(1)


def waiting(tag):
    return " disabled" in tag and "data-wait" in tag


def closed(tag):
    return " disabled" in tag and "data-wait" not in tag


def test_the_likert_form_posts_and_its_submit_waits_for_the_script(scenario, handlers):
    uid = scenario(LIKERT.format(extra=""))
    html = handlers.view(uid, lang="fr").content
    assert forms(html) and all('method="post"' in f for f in forms(html))
    [submit] = buttons(html, "data-submit")
    assert waiting(submit) and note(html) == NOTE_FR
    # a named answer can be changed: "Update my answers" waits for the script too
    assert handlers.post(uid, "submit", {"answers": {"a": 4}, "comment": ""}).status_code == 200
    [update] = buttons(handlers.view(uid, lang="fr").content, "data-submit")
    assert waiting(update)


def test_a_locked_or_read_only_likert_form_stays_closed_whatever_the_script_does(scenario, handlers):
    anonymous = scenario(LIKERT.format(extra='anonymous="true"'))
    assert handlers.post(anonymous, "submit", {"answers": {"a": 4}, "comment": ""}).status_code == 200
    html = handlers.view(anonymous).content
    # sent anonymously: no form at all, nothing a missing script could send
    assert forms(html) == [] and buttons(html, "data-submit") == [] and note(html) is None
    past_due = scenario(LIKERT.format(extra=""))
    handlers.subsection_settings(past_due, due=PAST)
    html = handlers.view(past_due).content
    assert "data-read-only" in html
    [submit] = buttons(html, "data-submit")
    assert closed(submit) and note(html) is None


@pytest.mark.parametrize("xml, marks, answers, said", [
    (CASE, ("data-save", "data-submit"), {"q": "a", "r": "Une réponse écrite."}, NOTE_FR),
    (CHECK, ("data-submit",), {"q": "a"}, NOTE_FR_CHOICES),
], ids=["case study", "knowledge check"])
def test_the_question_forms_post_and_their_buttons_wait_for_the_script(scenario, handlers, xml, marks, answers, said):
    uid, other = scenario(xml), scenario(xml.replace('pair="p"', 'pair="q"'))
    html = handlers.view(uid, lang="fr").content
    assert forms(html) and all('method="post"' in f for f in forms(html))
    assert all(waiting(tag) for mark in marks for tag in buttons(html, mark))
    assert note(html) == said
    # submitted: nothing more to send, no note (the case study's "Try again" opens the form: the
    # script is there, its buttons work)
    assert handlers.post(uid, "submit", {"answers": answers}).status_code == 200
    assert note(handlers.view(uid).content) is None
    handlers.subsection_settings(other, due=PAST)
    html = handlers.view(other, lang="fr").content
    assert "data-read-only" in html and note(html) is None
    assert all(closed(tag) for mark in marks for tag in buttons(html, mark))


def test_the_role_play_page_waits_for_the_script_and_its_handlers_panels_do_not(scenario, handlers):
    uid = scenario(ROLE_PLAY)
    html = handlers.view(uid, lang="fr").content
    [role] = buttons(html, "data-role")
    assert waiting(role) and note(html) == NOTE_FR_CHOICES
    started = handlers.post(uid, "begin", {"role": "r"}).json_body["html"]
    [choice] = buttons(started, "data-choice")
    assert " disabled" not in choice and "data-wait" not in started  # the script put it there: it runs
    [choice] = buttons(handlers.view(uid).content, "data-choice")  # the page again: waits again
    assert waiting(choice)
    handlers.subsection_settings(uid, due=PAST)
    html = handlers.view(uid).content
    [choice] = buttons(html, "data-choice")
    assert closed(choice) and note(html) is None
