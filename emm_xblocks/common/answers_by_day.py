"""The staff's "Answers by day" and its "Leave out…" (decisions 72 and 73), for every block whose
learners' answers the store keeps (``common.store``): the Likert evaluation (inside its results
panel), the case study ("How other participants answered") and the role-play (how the others
chose). A rehearsal with colleagues before the training is taken out of the figures by its day.

* ``days_data(block, words, left_out=None)``: what the section shows, ``{"dom", "url", "min_size",
  "days": [{"day": "2026-12-03", "date": its long date in the page's language, "n": submissions,
  "kept": too few anonymous answers to leave out, "profiled": its answers carry a participant
  profile}], "left_out": the sentence saying what was just left out}`` (``left_out``: ``(day,
  common.leave_out.Left)``); five ``GROUP BY`` reads of the block's rows (``common.leave_out.days``,
  ``too_few_anonymous``).
* ``days_html(data, words, kind)``: the section (safe to put in a page: every value escaped), "" with
  no day and nothing just left out. ``kind`` names what the answers count in (``EVALUATION``,
  ``CASE_STUDY``, ``ROLE_PLAY``), said in the note and in the question "Leave out…" asks first.
* ``AnswersByDayMixin``: the staff-only handlers ``answers_by_day`` (the section, asked for by
  the "Answers by day" button the case study and the role-play show their staff under the block)
  and ``leave_out_day`` (POST ``{"day": "YYYY-MM-DD"}``: the day's rows deleted and taken back
  from the summary, ``common.leave_out``), and the script ``emm-by-day.js`` that works both, added
  to staff's pages. 403 ``staff_only`` to anyone but course staff, ``viewing_as_learner`` to staff
  viewing the course as a learner (``errors.staff_refusal``), 400 ``invalid_request`` for a
  missing or malformed day, 409
  ``too_few_respondents`` for a day with fewer anonymous submissions than the block's minimum group
  size, in all or in one profile (leaving them out would show how those few answered: the figures
  before less the figures after; listed without its "Leave out…").

``words``: ``block.translators()``, ``(gettext, ngettext, numbers)``.
"""

from html import escape

from xblock.core import XBlock

from . import leave_out, platform
from .errors import HandlerError, staff_refusal
from .handlers import json_handler
from .numbers import long_date

EVALUATION, CASE_STUDY, ROLE_PLAY = "evaluation", "case_study", "role_play"
ADDED = "by-day"  # the staff's script and look (``common.assets.ADDED``)


def days_data(block, words, left_out=None):
    """The section's data (see the module's docstring); a day with fewer anonymous submissions than
    the block's minimum group size, in all or in one profile, is ``"kept": True``
    (``leave_out.too_few_anonymous``), and ``"profiled"`` when some of its anonymous answers carry a
    profile (only then may a profile's few be why: an evaluation that asks no profile question has
    none, and its note does not speak of profiles)."""
    _, ungettext, nums = words
    key = block.block_key()
    min_size = block.load_content().min_group_size
    kept = leave_out.too_few_anonymous(key, min_size)
    data = {"dom": block.dom_id(), "url": block.runtime.handler_url(block, "leave_out_day"), "min_size": min_size,
            "days": [{"day": day.isoformat(), "date": long_date(day, nums.language), "n": n, "kept": day in kept,
                      "profiled": kept.get(day, False)} for day, n in leave_out.days(key)]}
    if left_out is not None and left_out[1].submissions:
        day, left = left_out
        n = left.submissions
        if block.by_day_kind == ROLE_PLAY:  # a role-play's figures count participants (one kept play each)
            said = ungettext("The choices of the {n} participant of {date} were left out.",
                             "The choices of the {n} participants of {date} were left out.", n)
        else:
            said = ungettext("The {n} answer of {date} was left out.", "The {n} answers of {date} were left out.", n)
        data["left_out"] = said.format(n=nums.number(n, 0), date=long_date(day, nums.language))
    return data


def _note(kind, _):
    """Under the heading: the days are UTC's, and where the answers left out stop counting."""
    if kind == CASE_STUDY:
        return _("The days are counted in universal time (UTC), which may be an hour or more from yours: an answer "
                 "given just after midnight may count on the day before. Answers you leave out are deleted from "
                 "“How other participants answered” and from its download.")
    if kind == ROLE_PLAY:
        return _("The days are counted in universal time (UTC), which may be an hour or more from yours: an answer "
                 "given just after midnight may count on the day before. Answers you leave out are deleted from "
                 "how other participants chose and from its download.")
    return _("The days are counted in universal time (UTC), which may be an hour or more from "
             "yours: an answer given just after midnight may count on the day before. Answers you "
             "leave out are deleted from the evaluation and from the course report.")


def _ask(kind, ungettext, n, count, date):
    """The question "Leave out…" shows first, for ``n`` answers (``count``: ``n`` as the page writes it)."""
    if kind == CASE_STUDY:
        text = ungettext(
            "Leave out the {n} answer of {date}? It is deleted: “How other participants answered” and its "
            "download count it no more. This cannot be undone.",
            "Leave out the {n} answers of {date}? They are deleted: “How other participants answered” and its "
            "download count them no more. This cannot be undone.", n)
    elif kind == ROLE_PLAY:
        text = ungettext(
            "Leave out the choices of the {n} participant of {date}? They are deleted: how other participants "
            "chose and its download count them no more. This cannot be undone.",
            "Leave out the choices of the {n} participants of {date}? They are deleted: how other participants "
            "chose and its download count them no more. This cannot be undone.", n)
    else:
        text = ungettext(
            "Leave out the {n} answer of {date}? It is deleted: no figure of this evaluation nor the course "
            "report counts it any more. This cannot be undone.",
            "Leave out the {n} answers of {date}? They are deleted: no figure of this evaluation nor the course "
            "report counts them any more. This cannot be undone.", n)
    return text.format(n=count, date=date)


def _day_line(kind, ungettext, n, count, date):
    """A day's line: its date and how many answered (a role-play: how many played, its figures'
    "participants"; each learner's last play is the one kept)."""
    if kind == ROLE_PLAY:
        text = ungettext("{date}: {n} participant", "{date}: {n} participants", n)
    else:
        text = ungettext("{date}: {n} answer", "{date}: {n} answers", n)
    return text.format(date=date, n=count)


def _too_few(profiled, ungettext, size):
    """Why a day has no "Leave out…": fewer than ``size`` (the minimum group size, ``{n}`` to fill)
    anonymous answers, "in all or from one profile" only where its answers carry a profile (bug
    hunt "new": said on an evaluation that asks no profile question)."""
    if profiled:
        return ungettext(
            "Not offered: fewer than {n} anonymous answer that day, in all or from one profile; leaving them "
            "out would show how they answered.",
            "Not offered: fewer than {n} anonymous answers that day, in all or from one profile; leaving them "
            "out would show how they answered.", size)
    return ungettext("Not offered: fewer than {n} anonymous answer that day; leaving them out would show how "
                     "they answered.",
                     "Not offered: fewer than {n} anonymous answers that day; leaving them out would show how "
                     "they answered.", size)


def days_html(data, words, kind=EVALUATION):
    """The staff's "Answers by day" (``days_data``'s ``data``; "" for anyone else, or with no answer
    yet and nothing just left out): each day, its long date and how many answered, with "Leave
    out…", which shows the question beside it (``[data-confirm]``, hidden until then:
    ``emm-by-day.js`` puts the focus on its "Cancel", and Esc cancels), as the live room asks before
    it ends a session; then what was just left out (``left_out``), which the page focuses once it
    has put the section in. The section carries the handler's address (``data-url``)."""
    if "days" not in data or not (data["days"] or data.get("left_out")):
        return ""
    _, ungettext, nums = words
    dom = escape(data["dom"])
    heading = escape(_("Answers by day"))
    url = f' data-url="{escape(data["url"])}"' if data.get("url") else ""
    out = [f'<section class="emm-by-day" data-by-day{url}><h4 tabindex="-1" data-by-day-title>{heading}</h4>',
           f'<p class="emm-basis">{escape(_note(kind, _))}</p>']
    if data.get("left_out"):
        out.append(f'<p class="emm-notice" tabindex="-1" data-left-out>{escape(data["left_out"])}</p>')
    items = []
    for i, entry in enumerate(data["days"]):
        n, date, day = entry["n"], entry["date"], escape(entry["day"])
        count = nums.number(n, 0)
        said = escape(_day_line(kind, ungettext, n, count, date))
        if entry.get("kept"):  # too few anonymous answers to leave out alone (decision 73)
            size = data.get("min_size", 0)
            why = escape(_too_few(entry.get("profiled"), ungettext, size).format(n=nums.number(size, 0)))
            items.append(f'<li data-day="{day}"><span id="{dom}-day-{i}">{said}</span> '
                         f'<span class="emm-by-day-hint">{why}</span></li>')
            continue
        ask = escape(_ask(kind, ungettext, n, count, date))  # only where "Leave out…" is offered
        yes = escape(ungettext("Yes, leave it out", "Yes, leave them out", n))
        leave, cancel = escape(_("Leave out…")), escape(_("Cancel"))
        items.append(
            f'<li data-day="{day}"><span id="{dom}-day-{i}">{said}</span> '
            f'<button type="button" class="emm-button" data-leave-out aria-describedby="{dom}-day-{i}">{leave}</button>'
            f'<div class="emm-confirm" role="group" aria-labelledby="{dom}-ask-{i}" data-confirm hidden>'
            f'<p id="{dom}-ask-{i}">{ask}</p>'
            f'<button type="button" class="emm-button emm-danger" data-leave-out-yes>{yes}</button> '
            f'<button type="button" class="emm-button" data-leave-out-no>{cancel}</button></div></li>')
    if items:
        out.append(f'<ul class="emm-days">{"".join(items)}</ul>')
    elif data.get("left_out"):
        none_left = escape(_("No participant's choices are left to count.") if kind == ROLE_PLAY
                           else _("No answer is left to count."))
        out.append(f'<p class="emm-basis">{none_left}</p>')
    out.append("</section>")
    return "".join(out)


def opener_html(block, _):
    """Under a case study or a role-play, for staff: the "Answers by day" button (its section is
    asked for when pressed: the ``GROUP BY`` runs only then), where the section goes, and its alert."""
    dom = escape(block.dom_id())
    url = escape(block.runtime.handler_url(block, "answers_by_day"))
    label = escape(_("Answers by day"))
    hint = escape(_("How many played each day: leave out a rehearsal's choices.") if block.by_day_kind == ROLE_PLAY
                  else _("How many answered each day: leave out a rehearsal's answers."))
    return (f'<div class="emm-by-day-launch"><p><button type="button" class="emm-button" data-by-day-open'
            f' data-url="{url}" aria-expanded="false" aria-controls="{dom}-by-day">{label}</button> '
            f'<span class="emm-by-day-hint">{hint}</span></p>'
            f'<div id="{dom}-by-day" data-by-day-host></div>'
            f'<div class="emm-alert" role="alert" data-alert hidden></div></div>')


class AnswersByDayMixin:
    """The staff's answers by day for a block whose answers the store keeps; goes before
    ``LiveRoomMixin`` and ``EmmBlockBase`` in the bases (the button comes under the "Present" line).

    Each block says ``by_day_kind``: what its answers count in (``EVALUATION``: the Likert, whose
    results panel holds the section and whose ``leave_out_day`` answers the panel,
    ``after_leave_out``; ``CASE_STUDY``; ``ROLE_PLAY``). The other two's content says
    ``keeps_answers``: whether the block keeps its learners' answers now (the button is shown only
    then; the Likert always keeps them and shows the section in its results panel, not under the
    page)."""

    @XBlock.supports("multi_device")  # on the view itself: the Blocks API asks the class's student_view
    def student_view(self, context=None):
        frag = super().student_view(context)
        if self.is_staff() and not platform.is_masquerading(self):
            files = self.added_files(ADDED)
            for url in files["styles"]:
                frag.add_css_url(url)
            for url in files["scripts"]:
                frag.add_javascript_url(url)
            if self.by_day_kind != EVALUATION and self.load_content().keeps_answers:
                frag.content += opener_html(self, self.ugettext)
        return frag

    def require_staff_as_themselves(self):
        """403 unless course staff as themselves (``errors.staff_refusal``: ``viewing_as_learner``
        while they view the course as a learner, else ``staff_only``)."""
        refused = staff_refusal(self)
        if refused is not None:
            raise refused

    def by_day_section(self, left_out=None):
        words = self.translators()
        return days_html(days_data(self, words, left_out), words, self.by_day_kind)

    def leave_out_reply(self, data):
        """What ``leave_out_day``'s answer holds, read from the request before anything is deleted
        (a request it would refuse deletes nothing): None, the section."""
        return None

    def after_leave_out(self, reply, day, left):
        """The answer of ``leave_out_day``: the section, saying what was left out."""
        return {"html": self.by_day_section((day, left))}

    @json_handler
    def answers_by_day(self, data, suffix=""):
        """POST ``{}``, course staff only: ``{"html": the section}`` (``days_html``; with no answer
        kept, the heading and "No answer has been kept yet.": the button opened something)."""
        self.require_staff_as_themselves()
        html = self.by_day_section()
        if not html:
            _ = self.ugettext
            # translated outside the f-string: xgettext does not read calls inside its braces
            heading, none = escape(_("Answers by day")), escape(_("No answer has been kept yet."))
            html = (f'<section class="emm-by-day" data-by-day><h4 tabindex="-1" data-by-day-title>{heading}</h4>'
                    f'<p class="emm-basis">{none}</p></section>')
        return {"html": html}

    def _too_few_refusal(self, profiled, min_size):
        """``leave_out_day``'s refusal of a day too small to leave out alone, "in all or from one
        profile" only where its answers carry a profile (``_too_few``)."""
        if profiled:
            said = self.ungettext(
                "Fewer than {n} anonymous answer was given that day, in all or from one profile: leaving them "
                "out would show how they answered, which the minimum group size keeps from staff. Nothing was "
                "deleted.",
                "Fewer than {n} anonymous answers were given that day, in all or from one profile: leaving them "
                "out would show how they answered, which the minimum group size keeps from staff. Nothing was "
                "deleted.", min_size)
        else:
            said = self.ungettext(
                "Fewer than {n} anonymous answer was given that day: leaving them out would show how they "
                "answered, which the minimum group size keeps from staff. Nothing was deleted.",
                "Fewer than {n} anonymous answers were given that day: leaving them out would show how they "
                "answered, which the minimum group size keeps from staff. Nothing was deleted.", min_size)
        return said.format(n=self.numbers().number(min_size, 0))

    @json_handler
    def leave_out_day(self, data, suffix=""):
        """POST ``{"day": "YYYY-MM-DD"}``, course staff only: the block's answers and comments of
        that day deleted and taken out of every figure (``common.leave_out``, decision 72); the
        answer is ``after_leave_out``'s. A day with nothing left deletes nothing (a replay)."""
        self.require_staff_as_themselves()
        reply = self.leave_out_reply(data)
        day = leave_out.day_of(data, self.ugettext)
        min_size = self.load_content().min_group_size
        kept = leave_out.too_few_anonymous(self.block_key(), min_size)
        if day in kept:
            raise HandlerError("too_few_respondents", self._too_few_refusal(kept[day], min_size))
        left = leave_out.leave_out_day(self.block_key(), day)
        return self.after_leave_out(reply, day, left)
