"""What the Likert evaluation's printable pack holds (pure: no XBlock, no Django): the evaluation
as a paper questionnaire -- one row of boxes per statement, the scale's labels as column heads,
"Not applicable" where the author offers it, ruled lines for the comment, the participant profile
question where the page asks it -- and, on a sheet of its own, the facilitator's tally sheet to
count the paper answers once they are collected (the profiles too).

``build(survey, _, html, numbers)`` returns a ``Pack`` (it writes no number but the statements'
own, small whole numbers: ``numbers`` is taken for the builders' common shape). The statements
are printed as learners read them: which are worded negatively (``reverse``: their scale is read
the other way in the analysis) is said on the tally sheet only.
"""

from dataclasses import dataclass

from ..common.numbers import ENGLISH
from .content import CUSTOM

COMMENT_LINES = 6


@dataclass(frozen=True)
class Pack:
    title: str
    intro: str  # HTML
    labels: tuple  # the scale's labels, lowest first, translated when a preset's
    na: str  # the "Not applicable" column's head, "" when not offered
    statements: tuple  # (number, text, required)
    any_required: bool  # say what the * means
    comment: str  # the comment's prompt, "" when there is no comment box
    comment_lines: int
    anonymous: bool
    reverse: tuple  # numbers of the reverse-coded statements (the tally sheet only)
    # whose words the labels and the comment's prompt are: the author's (a custom scale, a prompt
    # written) in their own direction and language, or the reader's (a preset, the default prompt)
    own_labels: bool = False
    own_comment: bool = False
    # the participant profile question, as the page asks it ("" and () when it asks none): on the
    # form, and counted on the tally sheet
    profile: str = ""
    profile_options: tuple = ()


def build(survey, _, html, numbers=ENGLISH):
    """The ``Pack`` of ``survey`` (see the module's docstring); ``numbers``: every block's pack
    takes them (``common.pack``), this one writes no figure."""
    comment = ""
    if survey.comment_box:
        comment = survey.comment_prompt or _("Any other comment (optional)")
    return Pack(
        title=survey.display_name,
        intro=html(survey.intro),
        labels=survey.labels(_),
        na=_("Not applicable") if survey.allow_na else "",
        statements=tuple((n, s.text, s.required) for n, s in enumerate(survey.statements, start=1)),
        any_required=any(s.required for s in survey.statements),
        comment=comment,
        comment_lines=COMMENT_LINES if survey.comment_box else 0,
        anonymous=survey.anonymous,
        reverse=tuple(n for n, s in enumerate(survey.statements, start=1) if s.reverse),
        own_labels=survey.scale == CUSTOM,
        own_comment=bool(survey.comment_box and survey.comment_prompt),
        profile=survey.profile_prompt if survey.asks_profile else "",
        profile_options=tuple(o.text for o in survey.profile_options) if survey.asks_profile else (),
    )
