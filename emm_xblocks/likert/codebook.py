"""The Likert evaluation's codebook (pure): what each column of the responses CSV holds, for whoever
analyses it (an M&E officer's data dictionary). That CSV heads a statement's column by its id only,
and spreadsheets built on it look columns up by those headings, so they stay as they are; the
codebook says what they mean.

One row per column of the responses CSV, in its order, written from the same ``report.csv_columns``
and ``report.column_heading`` as that CSV's header and with the same ``report.csv_words`` (the
labels, the N/A word, the removed statements, the scales), so the two cannot disagree: the heading
exactly as the responses CSV writes it, what the column holds (a statement: its text as learners
read it, on one line), its values and their meanings (the scale's points, N/A, an unanswered
statement), and whether the statement is reverse-coded. The responses CSV holds a reverse-coded
statement's answer as given, not rescored, and beside it a column of its rescored value (the
results' basis); the codebook says which is which.

The responses CSV's Excel variant (``common.spreadsheet.excel``) splits each answer in two columns, its
number then its label (``report.csv_columns(split=True)``); the codebook's Excel variant is written
from the same ``words`` (``words["split"]``) and so describes exactly those columns.

No minimum group size: the codebook holds the evaluation's content (what staff read in Studio) and
no answer, count or figure, so staff may download it before anyone has answered, to prepare their
analysis. The one thing it takes from the stored answers is which removed statements have some
(each keeps a column in the responses CSV); that says nothing of what anyone answered. Numbers are
written as the responses CSV writes them (``1``, ``2``...), not per locale: they describe its cells.
"""

from ..common.i18n import list_separator
from ..common.text import one_line
from .report import column_heading, csv_columns


def rows(survey, words, _):
    """The codebook as CSV rows, header first (``Column``, ``What it holds``, ``Values``,
    ``Reverse-coded``), then one row per column of the responses CSV. ``words``: that CSV's
    (``report.csv_words``), in the same language."""
    unanswered = [_("{na} = not applicable").format(na=words["na"]), _("empty = not answered")]
    points = [f"{point} = {label}" for point, label in enumerate(words["labels"][survey.scale_epoch], 1)]
    split = words.get("split", False)
    codes = list_separator(_).join(points + unanswered)
    if split:  # the Excel variant: the number alone, its label in the next column (named per statement)
        answer = _("The number of the answer as given: {codes}.").format(codes=codes)
    else:
        answer = _("The answer as given, its number then its label: {codes}.").format(codes=codes)
    if survey.past_scales:
        answer += " " + _("An answer given on an earlier scale has that scale's number and label "
                          "(see “{column}”).").format(column=column_heading("scale", None, _))
    # an anonymous row's cells withheld so as not to tell it apart by when it was answered (report.told_apart)
    told = _withheld_words(survey, words, _)
    if "cell" in told:
        answer += " " + told["cell"]
    out = [[_("Column"), _("What it holds"), _("Values"), _("Reverse-coded")]]
    label_values = _("The label of the answer in the previous column, on the scale it was given on; empty when "
                     "not answered or not applicable.")
    for kind, subject in csv_columns(survey, words["removed"], split):
        heading = column_heading(kind, subject, _)
        if kind == "statement":
            reverse = _("Yes: worded negatively. This column holds the answer as given, not rescored; “{column}” "
                        "holds it rescored.").format(column=column_heading("favourable", subject, _))
            values = answer + (" " + _("Its label is in “{column}”.").format(
                column=column_heading("label", subject, _)) if split else "")
            out.append([heading, one_line(subject.text), values, reverse if subject.reverse else _("No")])
        elif kind == "label":
            out.append([heading, _("Label of the answer to: {statement}").format(statement=one_line(subject.text)),
                        label_values, ""])
        elif kind == "removed_label":
            out.append([heading, _("Label of the answer to a statement no longer in the evaluation"), label_values,
                        ""])
        elif kind == "favourable":
            values = _("{sum} minus the number of the answer as given, so that {points} is the most favourable "
                       "answer, as for the other statements (the basis of the results' top box, mean and bars). "
                       "Empty if not answered, not applicable, or answered on an earlier scale.").format(
                           sum=survey.points + 1, points=survey.points)
            out.append([heading, _("Rescored answer to: {statement}").format(statement=one_line(subject.text)),
                        values, _("Yes: already rescored, not to be reversed again.")])
        elif kind == "removed":
            values = (_("The number of the answer as given, on the scale it was given on; its label is in the next "
                        "column. {codes}.") if split else
                      _("The answer as given, its number then its label on the scale it was given on. "
                        "{codes}.")).format(codes=list_separator(_).join(unanswered))
            text = one_line(survey.removed_text(subject))  # its words, when kept at its removal
            out.append([heading, _("Answers to a statement no longer in the evaluation: {statement}").format(
                statement=text) if text else _("Answers to a statement no longer in the evaluation"),
                        " ".join(filter(None, [values, told.get("removed")])),
                        _("Not known: the statement is no longer in the evaluation.")])
        else:
            what, values = _other(kind, survey, words, _)
            out.append([heading, what, " ".join(filter(None, [values, told.get(kind, "")])), ""])
    return out


def _withheld_words(survey, words, _):
    """What the values of an anonymous evaluation's columns add about the cells withheld because they
    would tell a row apart by when it was answered (``report.told_apart``; bug hunt s44), said
    whether or not a download withholds any (the codebook holds no count), by kind of column:
    ``scale`` says the rule, ``cell`` (an answer's), ``comment`` and ``profile`` point at it,
    ``removed`` says a removed statement's own. ``{}`` for a named evaluation: nothing withheld."""
    if not survey.anonymous:
        return {}
    n = survey.min_group_size
    said = {"removed": _("“{withheld}” in every row given on a scale on which fewer than {n} submissions answered "
                         "this statement: withheld, so that no one is told apart by when they answered.").format(
                             withheld=words["withheld"], n=n)}
    if survey.past_scales:
        see = _("“{withheld}”: withheld (see “{column}”).")
        column = column_heading("scale", None, _)
        said.update(
            scale=_("A row given on a scale fewer than {n} submissions were given on shows that scale and nothing "
                    "else of the learner's: “{withheld}” in place of each answer and of the comment, “{not_shown}” "
                    "for the profile, so that no one is told apart by when they answered.").format(
                        n=n, withheld=words["withheld"], not_shown=words["profile_withheld"]),
            cell=see.format(withheld=words["withheld"], column=column),
            comment=see.format(withheld=words["withheld"], column=column),
            profile=see.format(withheld=words["profile_withheld"], column=column))
    return said


def _other(kind, survey, words, _):
    """What a column that is no statement holds, and its values."""
    if kind == "learner":
        return [_("The learner, by their anonymised id for this course (no name, no email address)"),
                _("One row per learner: answering again replaces the earlier answers.")]
    if kind == "date":
        return [_("The day of the learner's answers (their latest)"), _("A date, year-month-day (UTC).")]
    if kind == "scale":
        scales = words["scales"]
        earlier = list_separator(_).join(scales[e] for e in sorted(scales) if e != survey.scale_epoch)
        return [_("The scale the answers were given on (the scale was changed after learners had answered)"),
                _("Current: {current}. Earlier: {earlier}.").format(current=scales[survey.scale_epoch],
                                                                    earlier=earlier)]
    if kind == "profile":
        prompt = one_line(survey.profile_prompt)
        options = [one_line(o.text) for o in survey.profile_options] + [
            _("“{withheld}” = not named: an option chosen by too few learners, or withheld to protect one that "
              "was, or no option where too few did not say").format(
                withheld=words["profile_withheld"]), _("empty = not said")]
        return [_("Participant profile: {question}").format(question=prompt) if prompt else _("Participant profile"),
                _("The option the learner chose: {codes}.").format(codes=list_separator(_).join(options))]
    prompt = one_line(survey.comment_prompt)
    return [_("The learner's comment, answering: {prompt}").format(prompt=prompt) if prompt
            else _("The learner's comment"),
            _("The learner's own text, as written, or empty. A text starting with =, +, - or @ is written after "
              "an apostrophe (') so that spreadsheets do not run it.")]
