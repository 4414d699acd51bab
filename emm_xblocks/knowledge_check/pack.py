"""What the knowledge check's printable facilitator pack holds (pure: no XBlock, no Django).

``build(check, _, html, numbers)`` returns a ``Pack`` in two parts, as the case study's questions
are printed (``common.paper.paper_questions``):

* the participants' pages: the introduction and the questions as a paper form (a box per option),
  with a line for a name -- or, for a pre-test and its post-test marked on paper, a code the
  participant keeps for both, so the two sheets can be paired without names;
* the facilitator's page (on its own sheet): per question its points, the correct options, each
  option's feedback and the explanation.
"""

from dataclasses import dataclass

from ..common.numbers import ENGLISH
from ..common.paper import paper_questions
from .content import PRE


@dataclass(frozen=True)
class Pack:
    title: str
    phase: str  # "pre" or "post"
    pre: bool
    intro: str  # HTML
    questions: tuple  # common.paper.PaperQuestion
    keys: tuple  # common.paper.Key: the facilitator's page
    max_points: str  # as the locale writes it


def build(check, _, html, numbers=ENGLISH):
    """The ``Pack`` of ``check`` (see the module's docstring)."""
    questions, keys = paper_questions(check.questions, _, html, numbers)
    return Pack(check.display_name, check.phase, check.phase == PRE, html(check.intro), questions, keys,
                numbers.number(check.max_points))
