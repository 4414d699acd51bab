"""The Likert evaluation's tracking events (pure): names and fields, documented in the README.

``emm.likert.submitted``: ``statements`` (how many the survey has), ``first_submission``,
``anonymous``; for a named survey also ``answered`` and ``answers`` (``{statement id: value or
"na"}``). An anonymous event says nothing about the answers, not even how many.
"""


def submitted_event(survey, stored, first):
    event = {"statements": len(survey.statements), "first_submission": first, "anonymous": survey.anonymous}
    if not survey.anonymous:
        event["answered"] = len(stored)
        event["answers"] = dict(stored)
    return event
