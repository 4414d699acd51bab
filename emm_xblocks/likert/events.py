"""The Likert evaluation's tracking events (pure): each builder returns ``(name, data)``,
documented in the README.

``emm.likert.submitted``: ``statements`` (how many the survey has), ``first_submission``,
``anonymous``; for a named survey also ``answered`` and ``answers`` (``{statement id: value or
"na"}``). An anonymous event says nothing about the answers, not even how many.
"""

SUBMITTED = "emm.likert.submitted"


def submitted(survey, stored, first):
    event = {"statements": len(survey.statements), "first_submission": first, "anonymous": survey.anonymous}
    if not survey.anonymous:
        event["answered"] = len(stored)
        event["answers"] = dict(stored)
    return SUBMITTED, event
