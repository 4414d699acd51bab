"""A learner page before its block's script is ready (fresh-user trial, session 11, finding 3).

A page whose script did not load (a link dropped during the load) must not send anything by
itself: a form the browser submits natively reloads the page blank and, sent with GET, puts
every answer into the address (and, in the LMS, into the access logs and the history). So the
forms say ``method="post"``, and every button that sends is written disabled with the mark
``data-wait`` (``WAITING``): a disabled default button also stops the browser's submission by
Enter. ``EMM.ready`` (emm-common.js), called once the block's script has wired its page, enables
what carries the mark and removes it. A button disabled for another reason (read-only while staff
view as a learner or past the due date, a locked form) is written without the mark: the script
leaves it disabled.

``note_html`` is the line that says why nothing can be sent; emm-common.css shows it only while
the page still waits, after a few seconds (never on a page whose script ran).
"""

from html import escape

from django.utils.safestring import mark_safe

WAITING = " disabled data-wait"


def disabled_until_ready(closed):
    """A sending button's attribute: ``" disabled"`` for good when ``closed`` (read-only, locked),
    else disabled until the script is ready (``WAITING``)."""
    return " disabled" if closed else WAITING


def note_html(_, typed=True):
    """The note shown while the block's script has not loaded; ``_``: the block's ``ugettext``;
    ``typed``: the page has a box the learner types into (then copying it first is said), else
    not (a role-play's choices: the advice spoke of a text that was not there, learner trial s37)."""
    if typed:
        text = escape(_("The page did not fully load: nothing can be sent. Check your connection, then reload the "
                        "page (copy your text first)."))
    else:
        text = escape(_("The page did not fully load: nothing can be sent. Check your connection, then reload the "
                        "page."))
    return mark_safe(f'<p class="emm-notice emm-wait" data-wait hidden>{text}</p>')  # noqa: S308 - escaped
