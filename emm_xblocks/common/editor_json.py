"""A Studio editor's JSON read as the content keeps it (pure: no XBlock, no Django): a text on
one line, as the OLX reader reads it back, an author's HTML sanitised; never cut (a text over its
limit is refused whole, ``common.limits``), and anything that is not a string read as ``""`` for
the validators to refuse at its field; a list of objects (``editor_items``) that is not a list or
is too long read as none, a row that is not an object said at that row."""

from .i18n import N_, list_separator
from .numbers import count
from .sanitize import as_typed, authored_html, dropped, dropped_names
from .text import one_line
from .validation import UNREADABLE_ROW, UNREADABLE_VALUE, Problem, unreadable_row


def plain_line(value):
    """``value`` on one line (``text.one_line``: white space runs made one space, trimmed, French
    no-break spaces kept) if it is a string, else ``""``."""
    return one_line(value) if isinstance(value, str) else ""


def editor_text(data, key):
    """The plain-text field ``key`` of the editor's JSON ``data``, on one line (``plain_line``)."""
    return plain_line(data.get(key, ""))


def editor_html(data, key):
    """The author-HTML field ``key`` of the editor's JSON ``data``, sanitised, plain text made
    paragraphs (``sanitize.authored_html``); ``""`` if it is not a string."""
    value = data.get(key, "")
    return authored_html(value) if isinstance(value, str) else ""


def editor_flag(data, key, default, problems, where, _):
    """The yes-or-no field ``key`` of the editor's JSON ``data``: ``default`` where it is missing
    (a form that leaves out what it does not show), else ``true`` or ``false`` as sent. Anything
    else (``"false"``, ``"no"``, 0: a crafted or stale save; the editor sends booleans) is a
    ``Problem`` at ``where`` ("Choose yes or no.", ``validation.UNREADABLE_VALUE``) and reads as
    ``default``, never as its truth value in silence (``"false"`` saved a statement as required)."""
    value = data.get(key, default)
    if isinstance(value, bool):
        return value
    problems.append(Problem(where, _("Choose yes or no."), code=UNREADABLE_VALUE))
    return default


def editor_items(data, key, limit, problems, _, most=None, where=None, says=None):
    """``[(index, item)]`` of the objects (``dict``) of the list ``key`` of the editor's JSON
    ``data`` (missing: ``[]``), the index as sent. Its ``problems`` are appended to ``problems``:

    * not a list: a problem on ``where`` (the list's path, ``key`` when not given:
      ``questions.2.options``), "This list could not be read.", and no item read;
    * more than ``limit`` items (the reading guard, above what the block allows so that its checks
      name a few too many): a problem on ``where`` saying ``most``, the most the block keeps
      (``limit`` when not given), "This list is too long: at most {n} items can be saved.", and no
      item read;
    * an item that is not an object (``1``, ``null``): a problem at its row (``where.<index>``,
      code ``validation.UNREADABLE_ROW``: "Item {n} of this list could not be read.",
      ``validation.unreadable_row``), never skipped in silence: the editor refuses the save whole
      (``validation.has_unreadable_rows``); the other items are read.

    ``says``: ``(the list's message, a row's message with {n})`` in place of the first and the last
    (untranslated, ``N_``; None keeps that one), a block's own words for its list ("The statements
    could not be read.", "Statement {n} could not be read.")."""
    where = where or key
    unread_list, unread_row = says or (None, None)
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.append(Problem(where, _(unread_list or N_("This list could not be read."))))
        return []
    if len(value) > limit:
        problems.append(Problem(where, _("This list is too long: at most {n} items can be saved.").format(
            n=count(limit if most is None else most, _))))
        return []
    problems.extend(unreadable_row(where, i, _) if unread_row is None else
                    Problem(f"{where}.{i}", _(unread_row).format(n=count(i + 1, _)), code=UNREADABLE_ROW)
                    for i, item in enumerate(value) if not isinstance(item, dict))
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


# the editors' fields that hold author HTML, by their key in the editor's JSON (every block's)
HTML_KEYS = frozenset({"narrative", "html", "excerpt", "expert_analysis", "intro", "prompt", "explanation",
                       "model_answer", "brief", "consequence", "debrief"})


def _html_fields(data, how):
    """``data`` with each HTML field (``HTML_KEYS``, in rows of lists too) made ``how(value)``."""
    if isinstance(data, list):
        return [_html_fields(item, how) for item in data]
    if not isinstance(data, dict):
        return data
    return {key: how(value) if key in HTML_KEYS and isinstance(value, str) else _html_fields(value, how)
            for key, value in data.items()}


def typed_html(data):
    """The editor's JSON ``data`` (a block's ``to_editor``) with each HTML field (``HTML_KEYS``, in
    rows of lists too) as the author typed it (``sanitize.as_typed``: "&", a no-break space, not
    "&amp;", "&nbsp;"): what an editor loads (bug hunt s44). Not for ``limits.check_saved``'s
    ``saved``, which counts the stored HTML (``saved_html``)."""
    return _html_fields(data, as_typed)


def saved_html(data):
    """The editor's JSON ``data`` with each HTML field as the editor's save would store it
    (``sanitize.authored_html``, as ``editor_html`` reads it: "&" written "&amp;", markup the
    learner's page removes left out): what ``limits.check_saved`` counts as ``saved``, for content
    no save has cleaned (an import's, decision 107: ``common.studio_checks``)."""
    return _html_fields(data, authored_html)


MAX_NAMES = 12  # tags, then attributes, a warning names (a page pasted from a word processor has dozens)


def _kinds(_):
    return {"script": _("scripts"), "handler": _("event handlers (onclick…)"),
            "frame": _("embedded frames, videos or objects"), "style": _("style sheets"),
            "javascript": _("links to “javascript:”"), "form": _("form fields"),
            "data_image": _("pictures pasted into the text (upload them to the course's files, then give their "
                            "address)")}


def markup_found(data, where=""):
    """``[(path, kinds, tags, attributes)]``: each HTML field of the editor's JSON ``data``
    (``HTML_KEYS``, in rows of lists too: ``questions.2.prompt``) holding markup the save removes:
    its dangerous kinds (``sanitize.dropped``) and the other tags and attributes by name
    (``sanitize.dropped_names``). No words: ``markup_warnings`` says them (Studio's ``validate()``
    keeps these per content, ``common.studio_checks``)."""
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        path = f"{where}.{key}" if where else str(key)
        if isinstance(value, (dict, list)):
            found += markup_found(value, path)
        elif isinstance(value, str) and key in HTML_KEYS:
            kinds = dropped(value)
            tags, attributes = dropped_names(value)
            if kinds or tags or attributes:
                found.append((path, kinds, tags, attributes))
    return found


def markup_message(kinds, tags, attributes, _):
    """"Removed when learners see it: …" of what ``markup_found`` found in one field."""
    names = _kinds(_)
    what = [names[k] for k in kinds]
    if tags or attributes:  # by name, as code: <div>, style
        other = ", ".join([f"<{t}>" for t in tags[:MAX_NAMES]] + list(attributes[:MAX_NAMES]))
        what.append(_("other markup ({names})").format(names=other))
    return _("Removed when learners see it: {what}. Only text formatting, links, "
             "images and tables are kept.").format(what=list_separator(_).join(what))


def markup_warnings(data, _, where=""):
    """``[Problem(path, message, error=False)]``: each HTML field of the editor's JSON ``data``
    (``HTML_KEYS``, in rows of lists too: ``questions.2.prompt``) holding markup the save removes
    (``markup_found``), said at its field: an author who pasted a video or a script otherwise
    finds it missing on the learner's page without a word (facilitator trial s34)."""
    return [Problem(path, markup_message(kinds, tags, attributes, _), False)
            for path, kinds, tags, attributes in markup_found(data, where)]
