"""The Spanish catalogue addresses the learner and the author as *usted* throughout ("Su
puntuación", "Para su calificación cuenta su mejor intento"), never *tú* beside it on one screen."""

import re
from pathlib import Path

from scripts import po

CATALOGUE = Path(__file__).resolve().parents[2] / "translations" / "es" / "LC_MESSAGES" / "text.po"
# the tú forms a translation slips into: possessives, pronouns, and the verbs the catalogue uses
TU = re.compile(r"\b(tu|tus|te|ti|contigo|tienes|puedes|quieres|debes|estás|eres|avisa|vuelve a intentarlo|"
                r"añade|inténtalo|asegúrate|fíjate|recuerda)\b", re.IGNORECASE)


def translations():
    _header, entries = po.parse(CATALOGUE)
    return [(entry.msgid, text) for entry in entries for text in entry.msgstr.values()]


def test_no_spanish_string_says_tu():
    assert [(msgid, text) for msgid, text in translations() if TU.search(text)] == []


def test_the_catalogue_is_read():
    assert len(translations()) > 800
    assert ("Your best attempt counts for your grade.",
            "Para su calificación cuenta su mejor intento.") in translations()
