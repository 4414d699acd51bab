"""The results report: figures for the page, the CSV for staff, the tracking event."""

import csv
import io

from webob import Response

from ..common import store
from ..common.errors import HandlerError
from . import model

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def results_json(block):
    """What the results panel shows; nothing at all below the minimum group size."""
    _ = block.ugettext
    survey = block.survey
    key = block.block_key()
    respondents = store.respondents(key)
    labels = survey.labels(_)
    data = {
        "respondents": respondents,
        "min_group_size": survey.min_group_size,
        "labels": list(labels),
        "suppressed": respondents < survey.min_group_size,
        "csv_url": None,
        "statements": [],
        "headline": None,
    }
    if data["suppressed"]:
        data["message"] = _("Results are shown once at least {n} people have answered ({count} so far).").format(
            n=survey.min_group_size, count=respondents)
        return data
    if block.is_staff():
        data["csv_url"] = block.runtime.handler_url(block, "export_csv")
    rows = model.statement_stats(survey, store.tallies(key), respondents)
    data["headline"] = model.headline(survey, rows)
    if data["headline"] is not None:
        data["headline_text"] = headline_text(survey, data["headline"], labels, _)
    for row in rows:
        data["statements"].append({
            "id": row.id, "text": row.text, "reverse": row.reverse, "suppressed": row.suppressed,
            "n": row.n, "na": row.na, "counts": row.counts, "percents": row.percents,
            "top_box": row.top_box, "top_two_box": row.top_two_box, "mean": row.mean,
            "segments": [{"value": v, "start": s, "width": w} for v, s, w in model.diverging_segments(survey, row)],
        })
    if survey.comment and block.is_staff():
        data["comments"] = [text for _submission, text in store.comments(key)]
    return data


def headline_text(survey, percent, labels, _):
    if len(labels) < 2:
        return None
    if survey.scale.startswith("agree"):
        return _("{percent}% agree or strongly agree, over all statements.").format(percent=percent)
    return _("{percent}% answered “{a}” or “{b}”, over all statements.").format(
        percent=percent, a=labels[-2], b=labels[-1])


def safe_cell(value):
    """Neutralise a cell a spreadsheet would run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_response(block):
    """Every response, one row per submission, for staff only; no identity when anonymous."""
    _ = block.ugettext
    if not block.is_staff():
        return HandlerError(403, "forbidden", _("Only course staff can do this.")).response()
    survey = block.survey
    key = block.block_key()
    if store.respondents(key) < survey.min_group_size:
        return HandlerError(409, "too_few_respondents", _(
            "Results are shown once at least {n} people have answered.").format(n=survey.min_group_size)).response()
    labels = survey.labels(_)
    submissions = {}
    for submission, user_key, day, group, value in store.export_rows(key):
        row = submissions.setdefault(submission, {"user": user_key, "day": day})
        row[group] = value
    comment_of = dict(store.comments(key)) if survey.comment else {}
    out = io.StringIO()
    writer = csv.writer(out)
    header = [] if survey.anonymous else [_("Learner")]
    header += ([] if survey.anonymous else [_("Date")]) + [s.id for s in survey.statements]
    if survey.comment:
        header.append(_("Comment"))
    writer.writerow([safe_cell(h) for h in header])
    for submission, row in submissions.items():
        cells = [] if survey.anonymous else [row["user"]]
        if not survey.anonymous:  # an anonymous row keeps no date a log could line up
            cells.append(row["day"].isoformat())
        for st in survey.statements:
            value = row.get(st.id, "")
            if value == model.NA:
                cells.append(_("N/A"))
            elif value.isdigit() and 1 <= int(value) <= len(labels):
                cells.append(f"{value} {labels[int(value) - 1]}")
            else:
                cells.append(value)
        if survey.comment:
            cells.append(comment_of.get(submission, ""))
        writer.writerow([safe_cell(c) for c in cells])
    body = "\ufeff" + out.getvalue()  # BOM: spreadsheets open UTF-8 (French, Arabic) correctly
    return Response(body=body.encode("utf-8"), content_type="text/csv", charset="utf-8",
                    content_disposition=f'attachment; filename="{safe_filename(survey.display_name)}.csv"')


def safe_filename(name):
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:60].strip("-")
    return cleaned or "evaluation"


def tracking_event(survey, stored, first):
    """``emm.likert.submitted``: in anonymous mode the answers are not tied to the user's event."""
    event = {"statements": len(survey.statements), "first_submission": first, "anonymous": survey.anonymous}
    if not survey.anonymous:  # nothing about the answers, not even how many, in an anonymous event
        event["answered"] = len(stored)
        event["answers"] = dict(stored)
    return event
