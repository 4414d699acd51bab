"""Author checks of a Likert evaluation (pure): ``validate(survey, _) -> [Problem]``.

The same function runs in Studio's editor (live and on save), in ``validate()`` (Studio's
warnings, an imported evaluation's too) and in tests; it never raises on an author's mistake.
``playable`` says whether learners may answer (no error that blocks them,
``common.validation.blocking``), computed once per content.
"""

from functools import lru_cache

from ..common import profile, settings
from ..common.i18n import N_
from ..common.limits import TOO_LONG
from ..common.numbers import count
from ..common.validation import Problem, blocking, image_alt_problems, item_problems
from .content import CUSTOM, MAX_LABELS, MAX_STATEMENTS, MAX_TEXT, MIN_LABELS, RESULTS_LEARNERS, SCALES, SETTINGS

# a statement's (bad id, id used twice, no text, too long) problems (``common.validation.item_problems``)
STATEMENT_SAYS = (N_("Statement {n}: the id must be 1 to 50 letters, digits, hyphens or underscores."),
                  N_("Statement {n}: the id “{id}” is used twice."),
                  N_("Statement {n} has no text."),
                  N_("Statement {n} is longer than {max} characters."))


def validate(survey, _):
    """Every problem with the survey's content, as ``Problem`` objects (never raises)."""
    problems = []
    add = problems.append
    if not survey.display_name.strip():
        add(Problem("display_name", _("Give the evaluation a name.")))
    if not survey.statements:
        add(Problem("statements", _("Add at least one statement: learners have nothing to rate."), False))
    if len(survey.statements) > MAX_STATEMENTS:
        add(Problem("statements", _("An evaluation can have at most {n} statements.").format(
            n=count(MAX_STATEMENTS, _))))
    item_problems(add, "statements", survey.statements, MAX_TEXT, STATEMENT_SAYS, _)
    if survey.scale not in SCALES and survey.scale != CUSTOM:
        add(Problem("scale", _("Choose one of the scales offered.")))
    if survey.scale == CUSTOM:
        labels = survey.custom_labels
        if not MIN_LABELS <= len(labels) <= MAX_LABELS:
            add(Problem("custom_labels", _("A custom scale needs between {min} and {max} labels.").format(
                min=count(MIN_LABELS, _), max=count(MAX_LABELS, _))))
        if any(not label.strip() for label in labels):
            add(Problem("custom_labels", _("Every label of the custom scale needs a text.")))
        if len({label.strip().lower() for label in labels}) != len(labels):
            add(Problem("custom_labels", _("Two labels of the custom scale are the same.")))
    problems += settings.problems(survey, SETTINGS, _)
    if len(survey.comment_prompt) > MAX_TEXT:
        add(Problem("comment_prompt", _("The comment prompt is longer than {max} characters.")
                    .format(max=count(MAX_TEXT, _)), code=TOO_LONG))
    # (a size out of its range is an error above: not warned about as well)
    if survey.results == RESULTS_LEARNERS and 1 <= survey.min_group_size < 5:
        add(Problem("min_group_size", _("Learners will see results of groups smaller than 5: "
                                        "a person's answers may be guessed."), False))
    problems += profile.problems(survey.profile_prompt, survey.profile_options, _)
    problems += image_alt_problems([("intro", survey.intro)], _)
    return problems


@lru_cache(maxsize=256)
def playable(survey):
    """Learners may answer: at least one statement and no error but those that keep no learner
    out (``blocking``: a missing name, an unlisted language of the content; checked once per content)."""
    return bool(survey.statements) and not blocking(validate(survey, str))
