"""What every block's pure model uses to report problems (pure: no XBlock, no Django).

Validators return ``Problem`` objects — they never raise on an author's mistake — and take the
translator ``_`` as an argument, so one function serves Studio's editor, ``validate()`` and tests.
Learner actions that break a rule raise ``common.actions.ActionError`` with a stable code.
"""

import re
from dataclasses import dataclass, replace
from functools import wraps

from .ids import BAD_ID, USED_TWICE, id_problem
from .numbers import count
from .sanitize import SAFE_URL_RE, leaves_course_files

INT_RE = re.compile(r"^-?[0-9]{1,12}$")


@dataclass(frozen=True)
class Problem:
    """One author mistake: ``field`` names where (``statements.2.id``); ``error`` blocks saving;
    ``code``: a stable name for a kind of problem scripts may compare (``common.limits.TOO_LONG``),
    in the JSON only when set; ``line``, ``column`` (from 1; 0: not known): where in an author's XML
    (the role-play's "Edit as XML" tab puts the caret there, bug hunt s44), in the JSON only when set."""

    field: str
    message: str
    error: bool = True
    code: str = ""
    line: int = 0
    column: int = 0

    def as_json(self):
        data = {"field": self.field, "message": self.message, "error": self.error}
        if self.code:
            data["code"] = self.code
        if self.line:
            data["line"] = self.line
        if self.column:
            data["column"] = self.column
        return data


def listed(problems, _):
    """``problems`` as Studio's preview lists them: a warning's message says that it is one ("Warning:
    {message}", the editors' words: emm-editor.js, emm-role-play-map.js), not its colour alone (WCAG 1.4.1,
    bug hunt a11y); an error's as it is."""
    warning = _("Warning: {message}")
    return [p if p.error else replace(p, message=warning.format(message=p.message)) for p in problems]


# a row of an editor's list that is not an object (``1``, ``null``: a crafted or hand-edited save):
# never skipped in silence, a problem at the row (``unreadable_row``) that refuses the save whole
UNREADABLE_ROW = "unreadable_row"


def unreadable_row(where, index, _):
    """The problem of item ``index`` (from 0) of the editor's list at ``where`` (``questions``,
    ``questions.2.options``) that is not an object: at its own path (``questions.1``), shown by the
    editor at the list, with the item's number as the author counts (from 1)."""
    return Problem(f"{where}.{index}", _("Item {n} of this list could not be read.").format(n=count(index + 1, _)),
                   code=UNREADABLE_ROW)


def has_unreadable_rows(problems):
    """A row of a list could not be read (``unreadable_row``): the content read from the other rows
    is not the form's, so it is not saved (the editor's ``from_editor`` gives None)."""
    return any(p.code == UNREADABLE_ROW for p in problems)


def beside_unreadable_rows(read, checked):
    """The problems of a form with a row that could not be read: ``read`` (the editor's reading's,
    at the form's own paths, ``unreadable_row``'s among them), then those of ``checked`` (the
    validators', on the content read without those rows) outside the lists that had one: in such a
    list the rows after it are numbered as they were not sent (``statements.1`` would name the
    form's third row), elsewhere (the name, the settings, another list) they are the form's."""
    lists = {p.field.rpartition(".")[0] for p in read if p.code == UNREADABLE_ROW}
    return read + [p for p in checked if not any(p.field == name or p.field.startswith(name + ".") for name in lists)]


# an address that is not a web or course-file address, and why (``address_problem``): stable codes
URL_SPACE = "url_space"
URL_LOCAL_FILE = "url_local_file"
URL_LEAVES_COURSE = "url_leaves_course"
URL_NOT_ALLOWED = "url_not_allowed"  # neither a web nor a course-file address, and no more to say
LOCAL_FILE_RE = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\|file:|~/|/(?:Users|home)/)", re.IGNORECASE)


def address_problem(field, what, address, _, code=URL_NOT_ALLOWED):
    """Why ``address`` (not a web or course-file address: ``sanitize.is_safe_url`` refused it) will
    not do, as a ``Problem`` on ``field`` (``what``: "Image 2", already translated). A file on the
    author's computer (``C:\\...``, ``/Users/...``, ``file:``): upload it to the course; a
    course-file address with a ``..`` segment (``sanitize.leaves_course_files``): give the file's
    own; a space in the address: write it %20 or rename the file; else (``code``, a block may keep
    its own older one) give a web address or a course file."""
    if LOCAL_FILE_RE.match(address):
        return Problem(field, _("{what}: “{address}” is a file on your computer, which learners cannot open. Upload "
                                "it in Files & Uploads, then give its course address, which starts with "
                                "/static/.").format(what=what, address=address[:80]), code=URL_LOCAL_FILE)
    if address.startswith("/") and SAFE_URL_RE.match(address) and leaves_course_files(address):
        return Problem(field, _("{what}: “{address}” goes up out of the course files (“..”). Give the file's own "
                                "address, which starts with /static/.").format(what=what, address=address[:80]),
                       code=URL_LEAVES_COURSE)
    if re.search(r"\s", address) and SAFE_URL_RE.match(re.sub(r"\s", "%20", address.strip())):
        return Problem(field, _("{what}: the address has a space in it. Write each space as %20, or rename the "
                                "file without spaces and upload it again.").format(what=what), code=URL_SPACE)
    return Problem(field, _("{what}: give a web address (https://...) or a course file (/static/...).")
                   .format(what=what), code=code)


def form_payload(from_editor):
    """Wrap an editor module's ``from_editor(data, _) -> (content or None, problems)`` so that a
    payload that is not a JSON object is refused before it is read: ``(None, [Problem("", ...)])``."""

    @wraps(from_editor)
    def read(data, _, **known):
        if not isinstance(data, dict):
            return None, [Problem("", _("The editor sent something that is not a form."))]
        return from_editor(data, _, **known)

    return read


def errors(problems):
    """The problems that block saving (``error``), in order; the others are warnings."""
    return [p for p in problems if p.error]


NOT_BLOCKING = frozenset({"display_name", "content_language"})


def blocking(problems):
    """The errors among ``problems`` that keep learners out of a block: every error but a missing
    name (``display_name``, decision 53) or a language of the content not on the list
    (``content_language``, from imported OLX: the page then declares none, decision 56), which
    refuse the author's save and show in Studio, yet cost a learner nothing."""
    return [p for p in errors(problems) if p.field not in NOT_BLOCKING]


def parse_int(value, low=-10**9, high=10**9):
    """A whole number from a form (int or digits in a string) within bounds, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if not INT_RE.match(text):
            return None
        value = int(text)
    if isinstance(value, float) and value.is_integer() and abs(value) <= high:
        value = int(value)
    if not isinstance(value, int) or not low <= value <= high:
        return None
    return value


def whole(value, default=0, low=-10**9, high=10**9):
    """``parse_int``'s whole number, else ``default``: for stored or imported data, where anything
    else is read as the default, never refused (and never a 4,000-digit int)."""
    value = parse_int(value, low, high)
    return default if value is None else value


# A decimal comma, as French, Spanish and Arabic authors write a number: "1,5" typed in an editor's
# number field is 1.5 (bug hunt s44: Chromium's type="number" dropped the comma and saved 15).
# "1,000" (a whole part of one to three digits, not 0, then exactly three) is 1 in French and 1000
# in English: read as neither, the field asks for a number rather than guess a factor of 1000.
DECIMAL_COMMA_RE = re.compile(r"^\s*([-+]?[0-9]*),([0-9]+)\s*$")
THOUSANDS_OR_DECIMAL_RE = re.compile(r"^\s*[-+]?[1-9][0-9]{0,2},[0-9]{3}\s*$")


def decimal_point(text):
    """``text`` with its decimal comma written as a point ("1,5" -> "1.5"); any other text as it is
    (so "1,000" and "1,2,3" stay unreadable to ``float``)."""
    match = DECIMAL_COMMA_RE.match(text)
    if not match or THOUSANDS_OR_DECIMAL_RE.match(text):
        return text
    return f"{match[1]}.{match[2]}"


def parse_float(value, low=-1e9, high=1e9, comma=False):
    """A finite number from a form within bounds, else None (never raises on crafted input).
    ``comma``: a string may write its decimals after a comma (``decimal_point``): an editor's field,
    where the author types as their language writes; OLX keeps the point (decision 86)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    if isinstance(value, str) and len(value) > 30:
        return None
    if comma and isinstance(value, str):
        value = decimal_point(value)
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    if number != number or not low <= number <= high:  # NaN or out of range (inf included)
        return None
    return number


def _beyond_bounds(raw, whole):
    """``"+"`` or ``"-"`` when ``raw`` (from a form) is a number ``parse_int`` (``whole``) or
    ``parse_float`` refused for its size alone (``99999999999999999999999``, ``-1e400``), else "":
    something else, or a fraction where a whole number is asked."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        return ""
    if isinstance(raw, str):
        text = raw.strip()
        if whole:
            return ("-" if text.startswith("-") else "+") if re.fullmatch(r"[-+]?[0-9]+", text) else ""
        try:
            raw = float(decimal_point(text[:400]))
        except ValueError:
            return ""
    if raw != raw or (whole and isinstance(raw, float) and not (raw.is_integer() or abs(raw) == float("inf"))):
        return ""  # NaN, or 2.5 for a whole number
    return ("-" if raw < 0 else "+") if abs(raw) >= 1 else ""


# a value an editor's form or an author's XML sent that does not read as what it should hold (a
# number, a yes or no): a problem at its field, the value read as its default meanwhile. The save is
# refused; so is the role-play's tab switch (``has_unreadable_values``), whose other tab would show
# that default ("two" points as 0) and save it from there (bug hunt "new")
UNREADABLE_VALUE = "unreadable_value"


def has_unreadable_values(problems):
    """A value could not be read (``UNREADABLE_VALUE``): the content holds its default in its
    place, not what the author typed, so it is shown nowhere else (the role-play's other tab)."""
    return any(p.code == UNREADABLE_VALUE for p in problems)


def unreadable_number(field, raw, whole, _, out_of_range="", not_a_number=""):
    """The ``Problem`` (``UNREADABLE_VALUE``) on ``field`` of a number a form sent that
    ``parse_int`` (``whole``) or ``parse_float`` could not read: a number too large (or too small)
    for any bound says ``out_of_range`` (the field's own words, its place and bounds filled in)
    when given, else that it is too large; anything else says ``not_a_number`` (the field's words:
    "Node “a”: choice 2: the points must be a whole number.") when given, else asks for a whole
    number, or a number. A list of problems (the role-play's) shows the message apart from its
    field: each caller names the place (bug hunt "new")."""
    sign = _beyond_bounds(raw, whole)
    if sign and out_of_range:
        message = out_of_range
    elif sign:
        message = _("This number is too large.") if sign == "+" else _("This number is too small.")
    else:
        message = not_a_number or (_("Enter a whole number.") if whole else _("Enter a number."))
    return Problem(field, message, code=UNREADABLE_VALUE)


def image_alt_problems(fields, _):
    """A warning for each author HTML field holding an image without alternative text:
    ``fields`` is ``[(field path, html)]``. A learner with a screen reader, or in low-data mode
    where images stay behind a tap, must still know what the image shows."""
    from .sanitize import images_without_alt

    return [Problem(field, _("An image here has no alternative text (alt): describe what it shows, "
                             "for learners who cannot see it."), False)
            for field, html in fields if images_without_alt(html)]


def check_id(add, where, value, seen, says, _, codes=("", ""), **place):
    """One id of a list (questions, options, key points, nodes, roles): well formed and not used
    twice, compared as ``ids.id_key`` (a ``Problem`` at ``{where}.id`` otherwise, given to ``add``).
    ``seen``: the earlier ids' keys (``ids.id_problem`` adds this one); ``says``: the list's
    ``(bad id, used twice)`` sentences, untranslated (``questions.QUESTION_IDS``...), ``place`` their
    ``{n}``, ``{m}`` (the used-twice one also gets ``{id}``); ``codes``: the problems' stable codes,
    where the list has them (the role-play's ``bad_id``, ``duplicate_id``)."""
    problem = id_problem(value, seen)
    if problem == BAD_ID:
        add(Problem(f"{where}.id", _(says[0]).format(**place), code=codes[0]))
    elif problem == USED_TWICE:
        add(Problem(f"{where}.id", _(says[1]).format(id=value, **place), code=codes[1]))


def item_problems(add, field, items, max_text, says, _):
    """The checks of each item of a list of ``(id, text)`` items (a Likert's statements, a profile
    question's options): an id valid and used once (``check_id``), a text given and at most
    ``max_text`` characters (longer: ``limits.TOO_LONG``, refused whole). ``field``: the list's
    name in the editor ("statements"); ``says``: the item kind's ``(bad id, used twice, no text,
    too long)`` sentences, untranslated (``likert.validation.STATEMENT_SAYS``), each a whole
    sentence for the translators, with ``{n}`` (and ``{id}``, ``{max}``); ``_``: the translator,
    whose language writes ``{max}`` (``numbers.count``)."""
    from .limits import TOO_LONG  # limits builds on Problem, defined here

    seen = set()
    for i, item in enumerate(items):
        where = f"{field}.{i}"
        check_id(add, where, item.id, seen, says[:2], _, n=i + 1)
        if not item.text.strip():
            add(Problem(f"{where}.text", _(says[2]).format(n=i + 1)))
        elif len(item.text) > max_text:
            add(Problem(f"{where}.text", _(says[3]).format(n=i + 1, max=count(max_text, _)), code=TOO_LONG))
