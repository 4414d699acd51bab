"""French typography in the compiled catalogue the pages read (translations/fr/LC_MESSAGES/text.mo):
the space inside « » is a no-break one (U+00A0 or the narrow U+202F), so that a line never ends on
"«" nor starts with "»". The live room's join screen, read on a phone, once broke "appuyez sur «" /
"Ouvrir la séance »" (review s25, item 12). Likewise before ":" (U+00A0) and ";", "?", "!" (U+202F):
on a phone "Envoyé : 3 points sur 8. Question 1" broke before ": Correct." (review s27)."""

import gettext
import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "translations" / "fr" / "LC_MESSAGES" / "text.mo"
BREAKABLE = re.compile(r"«[ \t\n]|[ \t\n]»")
# a breakable space after a word, before the high punctuation French spaces ("Question 1 : Correct")
BEFORE_PUNCTUATION = re.compile(r"(?<=\S)[ \t\n][:;?!](?=\s|$)")


def translations():
    """Every French text of the compiled catalogue (each plural form), by msgid."""
    with CATALOGUE.open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog  # noqa: SLF001 - the catalogue itself, every form
    return [(key if isinstance(key, str) else key[0], text) for key, text in catalog.items() if key]


def test_no_guillemet_is_separated_from_its_words_by_a_breakable_space():
    assert [(msgid, text) for msgid, text in translations() if BREAKABLE.search(text)] == []


def test_no_colon_semicolon_question_or_exclamation_mark_can_start_a_line():
    """``:`` takes a no-break space, ``;`` ``?`` ``!`` a narrow one; never a space a line may break at."""
    assert [(msgid, text) for msgid, text in translations() if BEFORE_PUNCTUATION.search(text)] == []
    texts = [text for _msgid, text in translations()]
    assert sum("\u00a0:" in t for t in texts) > 250 and sum("\u202f?" in t for t in texts) > 5


def test_the_live_room_s_join_screen_keeps_the_button_s_name_on_one_line():
    with CATALOGUE.open("rb") as mo:
        french = gettext.GNUTranslations(mo)
    text = french.gettext("No session yet: press “Start session”. Only answers given during a session are counted.")
    assert "appuyez sur «\u00a0Ouvrir la séance\u00a0»" in text
    assert sum("«" in text for _msgid, text in translations()) > 50  # the test reads the catalogue's « »


def test_one_thing_is_called_one_french_word():
    """(Bug hunt s44.) The facilitator holds the printed pack while the room's screen shows the page:
    a role-play's ending is a "dénouement" on both (the pack said "fin"), a reverse-coded statement
    "codée à l’inverse" (the pack's tally sheet said "codage inversé"), the self-assessment
    "autoévaluation", and whoever takes the training a "participant" (the CSV and the codebook said
    "apprenant", every Studio warning "participant")."""
    french = dict(translations())
    for msgid in ("Ending", "Card %(n)s — ending", "→ Go to card %(card)s (an ending).", "Endings",
                  "no ending can be reached"):
        assert "dénouement" in french[msgid].lower(), (msgid, french[msgid])
    assert french["(reverse-coded)"] == "(codée à l’inverse)"
    said = [(msgid, text) for msgid, text in translations()
            if re.search(r"codage inversé|auto-évaluation|apprenant", text, re.IGNORECASE)]
    assert said == []
    assert sum("participant" in text for _msgid, text in translations()) > 100


def test_a_likert_statement_is_an_affirmation_throughout():
    """One word for a statement, on every page and in every file: "affirmation" (the Likert
    codebook once said "énoncé" in one line, bug hunt s45)."""
    assert [(msgid, text) for msgid, text in translations() if "énoncé" in text.lower()] == []
    assert sum("affirmation" in text for msgid, text in translations() if "statement" in msgid) > 50
