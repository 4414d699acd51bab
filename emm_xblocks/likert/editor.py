"""The Studio editor's JSON and a ``Survey``, both ways (pure). Types are checked here, the
content by ``validation.validate``; both return ``Problem`` objects that the editor shows next
to the field they name (``statements.2.id``)."""

from ..common import limits, profile
from ..common.editor_json import editor_flag, editor_html, editor_items, editor_text
from ..common.i18n import N_
from ..common.ids import MAX_ID
from ..common.numbers import count
from ..common.settings import editor_form, read_editor, values
from ..common.text import one_line
from ..common.validation import Problem, beside_unreadable_rows, form_payload, has_unreadable_rows
from .content import CUSTOM, MAX_STATEMENTS, MAX_TEXT, SETTINGS, Statement, Survey, to_data
from .validation import validate

# a Likert's own words for its lists that cannot be read (``editor_json.editor_items``'s ``says``)
UNREAD_STATEMENTS = (N_("The statements could not be read."), N_("Statement {n} could not be read."))
UNREAD_PROFILE_OPTIONS = (N_("The profile question's options could not be read."),
                          N_("Profile option {n} could not be read."))


@form_payload
def from_editor(data, _):
    """Return ``(survey, problems)``; ``survey`` is None when the payload cannot be read:
    ``statements`` not a list ("The statements could not be read.") or of more than twice
    ``MAX_STATEMENTS`` items ("This list is too long: at most 100 items can be saved."), that problem
    alone; or a row of one of its lists that is not an object (a statement, a profile option: "Statement
    {n} could not be read.", "Profile option {n} could not be read.", at that row,
    ``validation.UNREADABLE_ROW``), with the other problems (``validation.beside_unreadable_rows``).
    The profile question is ``common.profile.from_editor``'s: its options not a list ("The profile
    question's options could not be read.") or too many ("... at most 20 items ..."), a problem at
    ``profile_options`` and no option read."""
    problems = []
    rows = editor_items(data, "statements", MAX_STATEMENTS * 2, problems, _, most=MAX_STATEMENTS,
                        says=UNREAD_STATEMENTS)  # a few too many are read, and the checks name the most
    if any(p.field == "statements" for p in problems):  # the list itself unread: nothing more is read
        return None, problems
    statements = [Statement(
        id=editor_text(raw, "id"),  # never cut: the validators refuse an id over 50 characters
        text=editor_text(raw, "text"),  # as OLX reads it back; never cut
        reverse=editor_flag(raw, "reverse", False, problems, f"statements.{i}.reverse", _),
        required=editor_flag(raw, "required", True, problems, f"statements.{i}.required", _),
    ) for i, raw in rows]
    problems += [Problem(f"statements.{i}.text", _(
        "This statement has several lines: it is saved as one statement, its lines joined, and learners rate it with "
        "one answer. If each line is a statement of its own, add a statement for each."), False)
        for i, raw in rows if _lines(raw.get("text")) > 1]
    labels = data.get("custom_labels", [])
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        problems.append(Problem("custom_labels", _("The custom labels could not be read.")))
        labels = []
    profile_prompt, profile_options = profile.from_editor(data, problems, _, says=UNREAD_PROFILE_OPTIONS)
    # on one line, never cut; an empty name or scale is ``validate``'s problem, as for an import
    settings, setting_problems = read_editor(data, SETTINGS, _)
    survey = Survey(
        statements=tuple(statements),
        custom_labels=tuple(one_line(x) for x in labels),  # longer ones are refused
        comment_prompt=editor_text(data, "comment_prompt"),  # on one line, as OLX reads it back
        intro=editor_html(data, "intro"),
        profile_prompt=profile_prompt,  # as OLX reads it; never cut
        profile_options=profile_options,
        **settings,
    )
    too_long = _too_long(data, survey, labels if settings["scale"] == CUSTOM else [], _)  # unused labels: unchecked
    if has_unreadable_rows(problems):  # read without them, the survey is not the form's: nothing saved
        return None, beside_unreadable_rows(problems + setting_problems, too_long + validate(survey, _))
    return survey, problems + too_long + setting_problems + validate(survey, _)


def _lines(text):
    """The lines holding words of a statement's text as the form sent it: several pasted from a
    document's list into one statement (a textarea keeps their breaks) are joined on one line by
    the save, as OLX reads it back. Not split into statements: a statement the author broke over
    two lines on purpose would become two, and a split row has no id of its own yet: a warning at
    the statement says it instead, before and at the save (bug hunt s44: joined in silence)."""
    return sum(1 for line in text.splitlines() if line.strip()) if isinstance(text, str) else 0


# characters (``common.limits``; the settings' texts are ``common.settings.read_editor``'s); the
# comment prompt, a statement's text and the profile question's are the validators' (MAX_TEXT,
# ``common.profile.MAX_TEXT``), refused with the same code; LABEL_LIMIT each label of a custom scale,
# counted as the save keeps it (on one line)
LIMITS = {"intro": 20000}
LABEL_LIMIT = 100
# the one-line texts the save refuses for length beside ``LIMITS`` (``_too_long``), for Studio's
# check of the content as stored (``common.studio_checks``)
ONE_LINE_LIMITS = {"custom_labels": LABEL_LIMIT}
# every text the author types, by the numbers the server refuses: the editor's counters
# (``data-max-chars``, set by emm-form-studio.js from this table, sent by ``views.studio_view``)
COUNTED = {**LIMITS, "comment_prompt": MAX_TEXT, "custom_labels": LABEL_LIMIT,
           "statements.*.text": MAX_TEXT, "statements.*.id": MAX_ID, **profile.COUNTED}


def _too_long(data, survey, labels, _):
    """A text longer than the editor keeps, as sent or as the save keeps it (``survey``), is
    refused with a problem at its field, never cut without a word (issue 10); the save is refused
    whole."""
    problems = limits.check_saved(data, to_editor(survey), LIMITS, _)
    if any(limits.length(label, one_line=True) > LABEL_LIMIT for label in labels):
        problems.append(Problem("custom_labels", _("A label of the custom scale is longer than {max} characters: "
                                                   "shorten it (nothing was cut).").format(max=count(LABEL_LIMIT, _)),
                                code=limits.TOO_LONG))
    return problems


# what of the survey's body the form edits (the scale's epochs and removed statements are the save's)
FORM_KEYS = ("custom_labels", "comment_prompt", "intro", "statements", "profile_prompt", "profile_options")


def to_editor(survey):
    """The JSON the editor starts from (the same shape ``from_editor`` reads)."""
    body = to_data(survey)
    data = values(survey, SETTINGS)
    data.update({key: body[key] for key in FORM_KEYS})
    return data


def settings_form(_):
    """The settings as the editor draws them (``common.settings.editor_form``)."""
    return editor_form(SETTINGS, _)
