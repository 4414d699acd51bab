"""The Likert evaluation's reports (pure): the rows of the staff's CSV and of the LMS's
problem-responses report. The store's figures are read by ``export`` (the downloads), which hands
them here; the results panel's words are ``results.py``'s."""

from collections import OrderedDict

from ..common.perspectives import PROFILE_GROUP, withheld_cells
from ..common.spreadsheet import figure, report_rows, safe_cell
from ..common.text import one_line
from .content import NA
from .epochs import labels_of, scale_name, split_group
from .statistics import reverse_coded


def csv_words(survey, tallies, _, split=False, profiles=None, keyless=0):
    """The translated words of the CSV, fixed before its first row: each scale's labels by epoch,
    the statements no longer in the survey that have answers (a column each, after the current
    ones), the profiles a submission may be named by (``profiles``: ``{option id: text}`` of the
    groups big enough, ``perspectives.shown_profiles``; every other reads "not shown"), what an
    anonymous evaluation's rows withhold (``told_apart``: ``withheld_scales``, ``withheld_removed``,
    and ``withheld``, the words in their place), whether a named evaluation's rows without a learner
    are withheld whole (``withheld_keyless``: ``keyless_few``, of its ``keyless`` submissions), and
    the header. The codebook (``codebook.rows``)
    describes the columns with the same words.
    ``split``: the Excel variant's columns, each answer's number and label apart (``csv_columns``)."""
    epochs = {survey.scale_epoch} | {p.epoch for p in survey.past_scales}
    ids = {st.id for st in survey.statements}
    removed = sorted({sid for sid, _epoch in map(split_group, tallies)} - ids - {PROFILE_GROUP})
    scales, removed_apart = told_apart(survey, tallies)
    return {
        "na": _("N/A"),
        # a profile whose group is withheld (too few, or to protect one that is): named by no one
        "profile_withheld": _("not shown"),
        # an anonymous row's cells that would tell it apart by when it was answered (``told_apart``):
        # said as a small group is in the figures' CSVs (``common.perspectives.withheld_cells``)
        "withheld": _("fewer than {n}").format(n=survey.min_group_size),
        "withheld_scales": scales,
        "withheld_removed": removed_apart,
        "withheld_keyless": keyless_few(survey, keyless),
        "labels": {epoch: labels_of(survey, epoch, _) for epoch in epochs},
        "scales": ({epoch: scale_name(survey.past_scale(epoch) or survey, _) for epoch in epochs}
                   if survey.past_scales else None),
        "removed": removed,
        "profiles": dict(profiles or {}),
        "split": split,
        "header": csv_header(survey, _, removed, split),
    }


def told_apart(survey, tallies):
    """``(scales, removed)``: what an anonymous evaluation's responses CSV withholds because it would
    tell a row apart by when it was answered (bug hunt s44; decision 4, as the date column, bug hunt
    s42). Staff know who answered before the author changed the scale or removed a statement (the
    tracking log's times, the platform's completion dates): a row on the earlier scale (its ``Scale``
    cell names it), or with an answer to the removed statement, is one of those learners'.

    * ``scales``: the epochs (``epochs.split_group``) whose rows give none of their answers, profile
      or comment, when the answers are on more than one scale: fewer than the minimum group size
      were given on it, as far as the summary tells -- a scale holds at least as many submissions as
      its most answered statement has answers (N/A included), and below the minimum there the
      results panel withholds each of that scale's statements too (``common.apart.row``). The
      current scale's too: the one learner who answered after the change is told apart as surely
      as the one before it.
    * ``removed``: ``{statement id: {epoch}}``: a removed statement answered on that scale by fewer
      than the minimum group size (N/A included): its column reads the same in every row of that
      scale, answered or not, so that the marks do not point at the rows that answered it.

    Empty for a named evaluation: staff see who answered there anyway (its learner column)."""
    if not survey.anonymous:
        return frozenset(), {}
    ids = {st.id for st in survey.statements}
    most, removed = {}, {}
    for group, tally in tallies.items():
        if group == PROFILE_GROUP:
            continue
        sid, epoch = split_group(group)
        n = sum(tally.values())  # one answer per submission to a group: its submissions
        most[epoch] = max(most.get(epoch, 0), n)
        if sid not in ids and n < survey.min_group_size:
            removed.setdefault(sid, set()).add(epoch)
    scales = frozenset(e for e, n in most.items() if n < survey.min_group_size) if len(most) > 1 else frozenset()
    return scales, {sid: frozenset(epochs) for sid, epochs in removed.items()}


def keyless_few(survey, keyless):
    """Whether a named evaluation's rows without a learner are withheld whole: ``keyless`` (its
    submissions kept without a learner, a comment sent alone counted too) is 1 to
    ``min_group_size - 1``. Such rows were answered while the evaluation was anonymous (an author
    made it named since, decision 27): every other row names its learner, so an empty Learner cell
    is as sure a mark as an earlier scale (``told_apart``), and staff know who answered before the
    switch (bug hunt s6-privacy: the one unnamed row was the one anonymous learner's, her answers
    and her comment in full). As many or more: a group, its rows shown as an anonymous evaluation's."""
    return not survey.anonymous and 0 < keyless < survey.min_group_size


def comments_withheld(survey, tallies, keyless=0):
    """``(groups, keyless)``: what the staff's list of comments leaves out, the comments the responses
    CSV withholds (``csv_rows``), so that the list less the CSV gives none of them (bug hunt
    s6-privacy): ``groups``, the stored groups of the scales ``told_apart`` withholds whole (a
    submission with an answer in one is withheld, its comment with it); ``keyless``, True where a
    named evaluation's comments without a learner are withheld (``keyless_few``)."""
    scales, _removed = told_apart(survey, tallies)
    groups = frozenset(group for group in tallies if group != PROFILE_GROUP and split_group(group)[1] in scales)
    return groups, keyless_few(survey, keyless)


def csv_columns(survey, removed=(), split=False):
    """The responses CSV's columns in order, each ``(kind, subject)``: ``("learner", None)`` and
    ``("date", None)`` (a named evaluation), ``("scale", None)`` (once the scale has changed), per
    statement ``("statement", st)`` then, reverse-coded, ``("favourable", st)`` (its answer turned
    round: ``statistics``' favourable value), ``("removed", id)`` per statement no longer in the
    survey with answers, ``("profile", None)``, ``("comment", None)``.
    The header (``csv_header``) and the codebook (``codebook.rows``) are both written from it.

    ``split`` (the Excel variant, ``common.spreadsheet.excel``): a statement's column holds the answer's
    number alone, so that a spreadsheet's AVERAGE reads it, and its label follows in a column of
    its own, ``("label", st)`` (``("removed_label", id)`` for a removed statement's)."""
    columns = [] if survey.anonymous else [("learner", None), ("date", None)]
    if survey.past_scales:
        columns.append(("scale", None))
    for st in survey.statements:
        columns.append(("statement", st))
        if split:
            columns.append(("label", st))
        if st.reverse:  # the answer as given, then its favourable value (the results' basis)
            columns.append(("favourable", st))
    for sid in removed:
        columns += [("removed", sid), ("removed_label", sid)] if split else [("removed", sid)]
    if survey.asks_profile:
        columns.append(("profile", None))
    if survey.comment_box:
        columns.append(("comment", None))
    return columns


def column_heading(kind, subject, _):
    """The heading of a column of ``csv_columns`` (a statement's: its id, untranslated)."""
    if kind == "statement":
        return subject.id
    if kind == "favourable":
        return _("{id} (reverse-coded, rescored)").format(id=subject.id)
    if kind == "removed":
        return _("{id} (removed statement)").format(id=subject)
    if kind == "label":
        return _("{id} (label)").format(id=subject.id)
    if kind == "removed_label":
        return _("{id} (removed statement, label)").format(id=subject)
    return {"learner": _("Learner"), "date": _("Date"), "scale": _("Scale"), "profile": _("Profile"),
            "comment": _("Comment")}[kind]


def csv_header(survey, _, removed=(), split=False):
    """The responses CSV's header: each column's heading (``csv_columns``), translated."""
    return [column_heading(kind, subject, _) for kind, subject in csv_columns(survey, removed, split)]


def csv_rows(survey, submissions, words):
    """The responses CSV's rows (lists of cells; ``common.downloads`` writes them), read one
    submission at a time: the header, one row per submission. Each answer is labelled with the
    scale it was given on (its epoch, ``epochs.split_group``); answers to removed statements stay,
    in their own columns. A reverse-coded statement has two columns: the answer as given ("2
    Disagree") and its favourable value, rescored ("4"), the basis of the results' top box, mean
    and bars (empty for an answer on an earlier scale: no figure counts it). With
    ``words["split"]`` (the Excel variant) the answer as given is two cells, its number then its
    label (``answer_cells``). An anonymous evaluation's row withholds what would tell it apart by when
    it was answered (``told_apart``): ``words["withheld"]`` in place of each answer (and of the
    comment; the profile "not shown") of a row on a scale too few answered on, and of every row's
    cell of a removed statement too few answered on that row's scale. A named evaluation's row
    without a learner is withheld so too while there are few such rows (``keyless_few``)."""
    yield words["header"]
    columns = [st.id for st in survey.statements] + list(words["removed"])
    current = {st.id: st for st in survey.statements}
    mark, scales, apart = words["withheld"], words["withheld_scales"], words["withheld_removed"]
    withheld = [mark, ""] if words["split"] else [mark]  # an answer's cells withheld (number and label)
    for _submission, user_key, day, answers, comment in submissions:
        # an anonymous row has no date, also in an evaluation named since (decision 4: a lone
        # respondent of a day could be told apart; bug hunt s42)
        cells = [] if survey.anonymous else [user_key, day.isoformat() if user_key else ""]
        given, epochs = {}, set()
        answers = dict(answers)
        profile = answers.pop(PROFILE_GROUP, "")
        for group, value in answers.items():
            sid, epoch = split_group(group)
            given[sid] = (epoch, value)
            epochs.add(epoch)
        if words["scales"] is not None:
            cells.append(" / ".join(words["scales"].get(e, "?") for e in sorted(epochs)))
        # too few on this row's scale, or one of a named evaluation's few rows without a learner:
        # its scale said, nothing of the learner's (``told_apart``, ``keyless_few``)
        whole = not epochs.isdisjoint(scales) or (words["withheld_keyless"] and not user_key)
        for sid in columns:
            epoch, value = given.get(sid, (None, ""))
            st = current.get(sid)
            if whole or not epochs.isdisjoint(apart.get(sid, ())):
                cells += withheld
                if st is not None and st.reverse:
                    cells.append("")
                continue
            labels = words["labels"].get(epoch, ())
            point = point_of(value, len(labels))
            if words["split"]:
                cells += answer_cells(value, labels, words["na"])
            else:
                cells.append(answer_words(value, labels, words["na"]))
            if st is not None and st.reverse:
                cells.append(str(reverse_coded(survey, st, point)) if point and epoch == survey.scale_epoch else "")
        if survey.asks_profile:  # the header's column (``csv_columns``)
            # no profile: "" where who did not say are shown, else withheld as an option is (shown_profiles)
            cells.append(words["profile_withheld"] if whole else words["profiles"].get(profile,
                                                                                       words["profile_withheld"]))
        if survey.comment_box:
            cells.append(mark if whole else comment)
        yield cells


def point_of(value, points):
    """A stored answer (``"4"``, ``4``) as its point on a scale of ``points``, 1 to ``points``;
    None for "not applicable", an empty answer or one beyond the scale."""
    value = str(value)
    # isdecimal, not isdigit: "²" is a digit int() cannot read
    return int(value) if value.isdecimal() and 1 <= int(value) <= points else None


def answer_cells(value, labels, na):
    """An answer as two cells, for a spreadsheet's sums: its number (an ``int``) and its label on
    the scale it was given on; ``na`` and "" for "not applicable", the stored value itself and ""
    when its scale's labels are unknown or it is beyond them, two empty cells when unanswered."""
    value = "" if value is None else str(value)
    if value == NA:
        return [na, ""]
    point = point_of(value, len(labels))
    return [point, labels[point - 1]] if point else [value, ""]


def answer_words(value, labels, na):
    """An answer as the learner gave it, readable: ``"4 Agree"`` (the points, then their label on
    the scale it was given on), ``na`` for "not applicable", the stored value itself when its
    scale's labels are unknown (``labels`` empty) or it is beyond them."""
    value = "" if value is None else str(value)
    if value == NA:
        return na
    point = point_of(value, len(labels))
    return f"{value} {labels[point - 1]}" if point else value


# the columns the platform writes in every row of the report before the block's own
# (``ProblemResponses._build_student_data``): a block's key of the same name replaces its value
PLATFORM_COLUMNS = frozenset({"username", "title", "location", "block_key", "state"})


def statement_column(sid, _):
    """A statement's column in the problem-responses report: its id, or ``<id> (statement)`` for an
    id another column of the row uses, the platform's or this report's own ``Scale`` and
    ``Comment`` (bug hunt s44: a statement "location" put its answers in place of the block's place
    in the course, "username" in place of the learner's name; review s44: "Comment" under the
    learner's comment)."""
    taken = sid in PLATFORM_COLUMNS or sid in (_("Scale"), _("Comment"))
    return _("{id} (statement)").format(id=sid) if taken else sid


def report_data(survey, user_state_iterator, _, limit_responses=None):
    """``(username, row)`` per named respondent for the LMS's problem-responses report
    (``lms/djangoapps/instructor_task/tasks_helper/grades.py``): the columns are the statements'
    ids (``statement_column``) in the survey's order (an ``OrderedDict``: the platform sorts a plain dict's keys), each
    reverse-coded statement followed by ``<id> (reverse-coded, rescored)`` (its favourable value,
    the results' basis), then the answers to statements no longer in the survey, under ``<id>
    (removed statement)`` (never dropped), then ``Comment``. Each answer reads as the staff CSV's
    (``answer_words``): ``"4 Agree"``, the points and their label on the scale the learner
    answered on (the state's ``answers_epoch``), never relabelled by a later scale; once the scale
    has changed, a ``Scale`` column first names that scale, and a rescored value is given only for
    answers on the current scale. Cells formula-safe. An anonymous survey yields nothing: its
    learners' state holds no answers."""
    if survey.anonymous:
        return
    na, ids = _("N/A"), {st.id for st in survey.statements}

    def rows_of(state):
        answers = state.get("answers") or {}
        if not state.get("submitted") or not answers:
            return []
        epoch = state.get("answers_epoch") or 0
        labels = labels_of(survey, epoch, _)
        row = OrderedDict()
        if survey.past_scales:
            scale = survey if epoch == survey.scale_epoch else survey.past_scale(epoch)
            row[_("Scale")] = scale_name(scale, _) if scale is not None else _("unknown")
        for st in survey.statements:
            value = answers.get(st.id, "")
            row[statement_column(st.id, _)] = safe_cell(answer_words(value, labels, na))
            if st.reverse:
                point = point_of(value, survey.points)  # stored as a number (or, from older state, its text)
                row[_("{id} (reverse-coded, rescored)").format(id=st.id)] = (
                    str(reverse_coded(survey, st, point)) if point and epoch == survey.scale_epoch else "")
        for sid in sorted(set(answers) - ids):
            row[safe_cell(_("{id} (removed statement)").format(id=sid))] = safe_cell(
                answer_words(answers[sid], labels, na))
        if survey.comment_box:
            row[_("Comment")] = safe_cell(state.get("learner_comment", ""))
        return [row]

    yield from report_rows(user_state_iterator, rows_of, limit_responses)


def profile_rows(table, _):
    """The breakdown by profile (``perspectives.breakdown``) as CSV rows (header first): a row per
    statement and column. ``Statement ID`` (the key of a spreadsheet built on the download),
    ``Statement`` (its text, white space collapsed: what a facilitator reads), the profile
    question's prompt (the column), ``Answers``, ``Favourable (%)``, ``Top box (%)``; a withheld
    cell says why in ``Answers`` ("fewer than N", or "not shown" for a group withheld to protect a
    small one: ``common.perspectives.withheld_cells``, as the case study's and the role-play's
    CSVs say it) and gives no figure."""
    rows = [[_("Statement ID"), _("Statement"), table["prompt"], _("Answers"), _("Favourable (%)"),
             _("Top box (%)")]]
    texts = {c["key"]: c["text"] for c in table["columns"]}
    min_size = table["min_group_size"]
    for st in table["statements"]:
        text = one_line(st["text"])
        for cell in st["cells"]:
            if cell["shown"]:
                rows.append([st["id"], text, texts[cell["key"]], str(cell["n"]), figure(cell["favourable"], 1),
                             figure(cell["top_box"], 1)])
            else:
                rows.append([st["id"], text, texts[cell["key"]], *withheld_cells(cell["small"], min_size, _)])
    return rows

