"""What the case study's printable facilitator pack holds (pure: no XBlock, no Django).

``build(case, _, html, numbers)`` returns a ``Pack`` in two parts:

* the participants' pages: the case (narrative, key facts, sections, images, documents with their
  excerpts printed in full -- a room without network cannot open a link), and the questions as a
  paper form (a box per option, lines to write a reflection on: ``common.paper``). Nothing there
  says which option is right: the options carry their text only;
* the facilitator's page (printed on its own page): per question, the correct options, each
  option's feedback, the explanation, the model answer, the key points and the points; then the
  expert analysis.

``html`` turns author HTML into what the page may show (``common.sanitize.clean_html``, or its
``sanitized`` for a template); ``_`` translates the questions' hints, ``numbers``
(``common.numbers.Numbers``) writes the points in the reader's locale ("1,5" in French).
"""

from dataclasses import dataclass

from ..common.numbers import ENGLISH
from ..common.paper import paper_questions
from ..common.sanitize import safe_url


@dataclass(frozen=True)
class Pack:
    title: str
    topic: str
    minutes: int
    narrative: str  # HTML
    key_facts: tuple
    sections: tuple  # (title, HTML)
    images: tuple  # (src, alt, caption), safe addresses only
    documents: tuple  # (title, url or "", size, excerpt HTML)
    questions: tuple  # common.paper.PaperQuestion
    keys: tuple  # common.paper.Key: the facilitator's page
    expert_analysis: str  # HTML: the facilitator's page
    max_points: str  # as the locale writes it
    # the participant profile question, as the page asks it ("" and () when it asks none)
    profile: str = ""
    profile_options: tuple = ()


def build(case, _, html, numbers=ENGLISH):
    """The ``Pack`` of ``case`` (see the module's docstring)."""
    questions, keys = paper_questions(case.questions, _, html, numbers)
    return Pack(
        title=case.display_name, topic=case.topic, minutes=case.estimated_minutes, narrative=html(case.narrative),
        key_facts=tuple(case.key_facts), sections=tuple((s.title, html(s.html)) for s in case.sections),
        images=tuple((i.src, i.alt, i.caption) for i in case.shown_images()),
        documents=tuple((d.title, safe_url(d.url), d.size, html(d.excerpt)) for d in case.documents),
        questions=questions, keys=keys, expert_analysis=html(case.expert_analysis),
        max_points=numbers.number(case.max_points),
        profile=case.profile_prompt if case.asks_profile else "",
        profile_options=tuple(o.text for o in case.profile_options) if case.asks_profile else ())
