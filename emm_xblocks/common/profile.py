"""The optional participant profile question of a Likert evaluation, a case study or a role-play
(issues 11 and 12 §1; pure).

An author may ask who the learner is (government / civil society / international organisation /
other...) beside the block's own questions (the Likert's figures by profile: ``likert.perspectives``):
the answer is optional ("prefer not to say"), sent with the submission, and stored as one more
answer row (group ``perspectives.PROFILE_GROUP``), so the store counts every row of the
submission under ``Tally.split`` "profile:<option id>" too (decision 30). It is asked in the block
itself, not read from another block: an anonymous evaluation cannot be tied to a learner, and a
block only knows what its own submissions carry.

Here: the question's content (``Option``, reading it from stored data, the editor's JSON
(``from_editor``, ``COUNTED``) and OLX, the author's checks), the learner's answer (``check``),
and the figures by profile every block works out the same way: who gave each profile
(``people``), the counts of those who did not say as one more group (``with_not_said``: all rows
less every profile's; the Likert's table, the role-play's debrief and download, the case study's
panel and download), and how one choice question's counts split by profile under the minimum
group size (``groups_plan``, which
``case_study.perspectives.ProfileSplit`` reads;
``perspectives.split``: a group below it is withheld, and so is the next smallest when the
withheld one could be worked out).
"""

from dataclasses import dataclass

from . import olx
from .actions import ActionError
from .changes import id_change_problems
from .editor_json import editor_items, editor_text
from .i18n import N_
from .ids import MAX_ID
from .limits import TOO_LONG
from .numbers import count
from .olx_shapes import element
from .perspectives import PROFILE_GROUP, split
from .validation import Problem, item_problems

MAX_OPTIONS = 20
MAX_TEXT = 1000  # characters of the prompt and of each option (on one line); longer: refused, never cut
# what the editors count (``data-max-chars``) by the numbers ``problems`` refuses; an option's id is
# 1 to 50 characters (``ids.is_valid_id``)
LIMITS = {"profile_prompt": MAX_TEXT, "profile_options.*.text": MAX_TEXT}
# what every editor counts of the question (its ``COUNTED``, spread into the block's): the texts and
# each option's id, by the numbers ``problems`` refuses
COUNTED = {**LIMITS, "profile_options.*.id": MAX_ID}
# options read from the editor's JSON (``from_editor``): a few too many are read, so that ``problems``
# names the most (``MAX_OPTIONS``); a longer list is refused unread
EDITOR_OPTIONS = MAX_OPTIONS * 2
NOT_SAID = ""  # the group of the participants who left the question unanswered


@dataclass(frozen=True)
class Option:
    """One answer to the profile question (``id``: its key in the summary's split)."""

    id: str
    text: str


def options_from(raw):
    """``Option``s from stored or posted data (``[{"id", "text"}]``), each on one line and never cut
    (``problems`` refuses an id or a text too long, at its field); anything else is skipped."""
    if not isinstance(raw, list | tuple):
        return ()
    return tuple(o if isinstance(o, Option) else Option(olx.one_line(str(o.get("id", ""))),
                                                          olx.one_line(str(o.get("text", ""))))
                 for o in raw if isinstance(o, Option | dict))


def prompt_from(raw):
    """The prompt on one line ("" for anything but text)."""
    return olx.one_line(raw) if isinstance(raw, str) else ""


# an option's (bad id, id used twice, no text, too long) problems (``validation.item_problems``)
OPTION_SAYS = (N_("Profile option {n}: the id must be 1 to 50 letters, digits, hyphens or underscores."),
               N_("Profile option {n}: the id “{id}” is used twice."),
               N_("Profile option {n} has no text."),
               N_("Profile option {n} is longer than {max} characters."))


def from_editor(data, found, _, says=None):
    """``(prompt, options)``: the question as a Studio editor sends it in its JSON ``data``
    (``"profile_prompt"``: a string; ``"profile_options"``: ``[{"id", "text"}]``), read as OLX reads
    it back (on one line, never cut; anything but text for the prompt: ``""``); its content is
    ``problems``'s. The options' list is read by ``editor_json.editor_items``, its problems appended
    to ``found``: not a list ("This list could not be read.", at ``profile_options``); more than
    ``EDITOR_OPTIONS`` ("This list is too long: at most 20 items can be saved.", at
    ``profile_options``): no option read; an option that is not an object ("Item {n} of this list
    could not be read.", at ``profile_options.<i>``, code ``validation.UNREADABLE_ROW``: the editor
    refuses the save whole). ``says``: the editor's own words for the first and the last
    (``editor_items``'s)."""
    rows = editor_items(data, "profile_options", EDITOR_OPTIONS, found, _, most=MAX_OPTIONS, says=says)
    return prompt_from(editor_text(data, "profile_prompt")), options_from([row for _i, row in rows])


def problems(prompt, options, _):
    """The author's checks: no question, or a prompt and 2 to 20 options with distinct ids
    (``Problem`` fields ``profile_prompt``, ``profile_options.<i>.id`` / ``.text``); a prompt or an
    option's text over ``MAX_TEXT`` characters has ``code`` ``limits.TOO_LONG`` (refused whole)."""
    if not options and not prompt.strip():
        return []
    found = []
    add = found.append
    if not prompt.strip():
        add(Problem("profile_prompt", _("The profile question has no prompt.")))
    elif len(prompt) > MAX_TEXT:
        add(Problem("profile_prompt", _("The profile question is longer than {max} characters.")
                    .format(max=count(MAX_TEXT, _)), code=TOO_LONG))
    if not 2 <= len(options) <= MAX_OPTIONS:
        add(Problem("profile_options", _("The profile question needs between 2 and {max} options.")
                    .format(max=count(MAX_OPTIONS, _))))
    item_problems(add, "profile_options", options, MAX_TEXT, OPTION_SAYS, _)
    return found


def app_data(content):
    """The profile question in a block's ``student_view_data`` (the mobile apps): ``{"prompt",
    "options": [{"id", "text"}]}`` when the learner's form asks it (``content.asks_profile``), else
    None. The action that takes the answer reads the chosen option's id as ``profile``."""
    if not content.asks_profile:
        return None
    return {"prompt": content.profile_prompt,
            "options": [{"id": o.id, "text": o.text} for o in content.profile_options]}


def check(options, raw, _):
    """The option id a submission gave ("" for none: the question is optional), or raise
    ``ActionError`` ``unknown_profile`` (400) for anything that is not one of ``options``."""
    if raw is None or raw == "":
        return ""
    if not isinstance(raw, str) or not any(o.id == raw for o in options):
        raise ActionError("unknown_profile", _("This is not one of the profile question's answers."))
    return raw


def with_profile(rows, profile):
    """A submission's store rows with its profile as one more row (none when not given)."""
    return {**rows, PROFILE_GROUP: profile} if profile else rows


# ------------------------------------------------------------------ live edits (common.changes)
def option_changes(old_options, new_options, renamed, removed, _):
    """``[Problem(..., error=False)]``: an option of the profile question removed (at
    ``profile_options``) or its id renamed (at ``profile_options.<new index>.id``; an option with a
    new id and the old one's text is the old one renamed, ``changes.id_changes``), for a block's
    ``changes.answer_changes``. The answers given under an old id stay under it in the store
    (``Tally.split`` "profile:<old id>"); ``renamed(old id)`` / ``removed(old id)`` give the
    translated message, saying what the block's figures then do with them. The whole question
    removed (no option left) is one warning at ``profile_prompt``: no figure is split by profile
    any more, whatever an option's message would say."""
    if old_options and not new_options:
        return [Problem("profile_prompt", _(
            "The profile question was removed: no figure is split by profile any more. The answers given to it "
            "stay stored: asking it again with the same option ids splits the figures by them again."), False)]
    return id_change_problems(old_options, new_options, lambda option: option.text, "profile_options",
                              renamed, removed)


# ------------------------------------------------------------------ OLX: <profile prompt=""><option id="">
SHAPE = element("prompt", option=element("id"))  # ``common.olx_shapes``


def from_xml(el):
    """``(prompt, options)`` of ``el``'s ``<profile>`` child (``("", ())`` without one)."""
    node = el.find("profile")
    if node is None:
        return "", ()
    return (prompt_from(node.get("prompt", "")),
            tuple(Option(option.get("id", ""), olx.text_of(option)) for option in node.iterchildren("option")))


def add_xml(el, prompt, options):
    """Write the question as ``<profile>`` into ``el`` (nothing when there is none)."""
    if not options and not prompt:
        return
    node = olx.add_element(el, "profile", prompt=prompt)
    for option in options:
        olx.add_text(node, "option", option.text, id=option.id)


# ------------------------------------------------------------------ the split of one choice question
def group_names(options, _):
    """``{group key: name}`` of the groups a split by profile shows: each option's text, then who
    did not say, ``NOT_SAID``: "Did not say"; a key not in it (an option removed since, whose
    answers are kept) is named by ``group_name``."""
    names = {o.id: o.text for o in options}
    names[NOT_SAID] = _("Did not say")
    return names


def group_name(names, key, _):
    """Group ``key``'s name in ``names`` (``group_names``'s), or, for an option removed since whose
    answers are kept, its id said to be a removed option: "p3 (removed option)", never a bare id a
    reader cannot place."""
    name = names.get(key)
    return name if name is not None else _("{id} (removed option)").format(id=key)


def people(tallies, respondents):
    """``{option id: participants}`` who gave each profile, and ``NOT_SAID``: the others.

    ``tallies``: the block's ``{group: {value: n}}`` (``summary.tallies``: the profile rows are
    counted among all rows); ``respondents``: the block's submissions (``summary.respondents``)."""
    said = {key: int(n) for key, n in tallies.get(PROFILE_GROUP, {}).items() if n > 0}
    return {**said, NOT_SAID: max(respondents - sum(said.values()), 0)}


def groups_plan(options, sizes, min_size, memo=None):
    """How one choice question's answers split by profile: ``[(group key, perspectives.Group)]``
    of the groups with anyone in them, in order (the profile ``options``' order, then an option
    removed since, with answers, by id, then ``NOT_SAID``), which are shown (a group below
    ``min_size`` is withheld, and so is the next smallest when the withheld one could be worked
    out: ``perspectives.split``) and each one's size, from ``sizes`` (``{group key: participants
    who answered it}``) alone. ``memo``: a dict kept across the questions of one panel or
    download, for one ``options`` and ``min_size``: the plan depends on nothing else than
    ``sizes``, the same for most questions (every question asked since the first submission is
    answered by everyone who submitted), so it is worked out once per distinct ``sizes``."""
    shape = tuple(sizes.items())
    plan = memo.get(shape) if memo is not None else None
    if plan is None:
        plan = _groups_plan(options, sizes, min_size)
        if memo is not None:
            memo[shape] = plan
    return plan


def group_keys(options, present):
    """The profile groups in the order every figure by profile shows them: the ``options``' ids in
    the author's order, then each id of ``present`` (the groups that have answers) no option has
    any longer (an option removed since) sorted, then ``NOT_SAID``."""
    keys = [o.id for o in options]
    keys += sorted(k for k in present if k not in keys and k != NOT_SAID)
    keys.append(NOT_SAID)
    return keys


def _groups_plan(options, sizes, min_size):
    keys = group_keys(options, sizes)
    groups = split({key: {"n": sizes.get(key, 0)} for key in keys}, min_size)
    return [(key, groups[key]) for key in keys if key in groups]


def rest(overall, parts):
    """``overall`` (``{answer: n}``) less every part's: the answers of who did not say (an answer
    none is left of, or fewer than none, is not counted; a part's answer ``overall`` has not, ignored)."""
    left = {}
    for value, n in overall.items():
        n = int(n)
        for part in parts:
            n -= int(part.get(value, 0))
        if n > 0:
            left[value] = n
    return left


def with_not_said(by_profile, tallies):
    """``by_profile`` (``{option id: {group: {value: n}}}``, ``summary.profile_tallies``: the
    profiles whose figures are shown) with who did not say as one more profile, ``NOT_SAID``, last:
    ``tallies`` (all rows, ``{group: {value: n}}``) less those of every profile, group by group
    (``rest``). The one way every block works out the "did not say" figures: once per panel or
    download, not once per question."""
    parts = list(by_profile.values())
    not_said = {group: rest(values, [part[group] for part in parts if group in part])
                for group, values in tallies.items()}
    return {**by_profile, NOT_SAID: not_said}
