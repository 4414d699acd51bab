"""The registry of error codes every handler may answer, with the HTTP status each one carries.

Pure (no XBlock, no Django). A handler's error body is ``{"error": <code>, "message": <translated
text>}``; the browser branches on the code (``EMM.CODES`` in ``static/js/emm-common.js`` lists the
ones it compares, and a test keeps the two in step), a person reads the message. A code is stable
once published: scripts and the mobile apps compare it.

* 400: the request itself is wrong (malformed, unknown ids, a value outside the rules);
* 403: the request is understood but not allowed for this person or at this time;
* 409: the request conflicts with the state the server holds (already done, not started...);
* 404: nothing at that address (a suffix the handler does not have, ``handlers.unknown_address``);
* 405 / 413: wrong method, too large; 503: the database stayed busy, send again.
"""

BAD_REQUEST, FORBIDDEN, CONFLICT = 400, 403, 409

STATUS = {
    # every request (common/handlers.py)
    "not_found": 404,  # a handler's address with a suffix it does not have (``handlers.unknown_address``)
    "method_not_allowed": 405,
    "request_too_large": 413,
    "invalid_json": BAD_REQUEST,
    "invalid_request": BAD_REQUEST,
    "text_not_storable": BAD_REQUEST,
    "busy": 503,  # the database kept the rows locked after every retry: send again
    # who and when (common/pipeline.py)
    # the LMS ran the handler without checking who may open the block: its handler_noauth address
    # (no CSRF, no access check), or a GET from someone not signed in (``handlers.unchecked_refusal``)
    "access_not_checked": FORBIDDEN,
    "forbidden": FORBIDDEN,  # not here: editing outside Studio, a test answered in Studio's preview
    # a staff-only thing (a CSV, the facilitator pack, the live room) asked for by anyone but
    # course staff (``errors.staff_only``); by course staff viewing the course as a learner
    # (``errors.viewing_as_learner``: switch back to Staff)
    "staff_only": FORBIDDEN,
    "viewing_as_learner": FORBIDDEN,
    "read_only_masquerade": FORBIDDEN,
    "past_due": FORBIDDEN,
    "not_ready": CONFLICT,  # the content has errors an author must fix: no learner action runs
    # an action's id sent again with other data (a crafted request: the page never does; common/recovery.py)
    "action_reused": CONFLICT,
    # the editor
    "invalid_content": BAD_REQUEST,
    "text_too_long": BAD_REQUEST,  # a text over its limit (common/limits.py): refused whole, never cut
    "answers_touched": CONFLICT,  # the change touches stored answers: send again with confirm
    # answers, every block that takes them (common/questions.py, common/profile.py, each learner.py)
    "invalid_answers": BAD_REQUEST,
    "unknown_question": BAD_REQUEST,
    "unknown_option": BAD_REQUEST,
    "too_many_answers": BAD_REQUEST,
    "invalid_answer": BAD_REQUEST,
    "missing_answers": BAD_REQUEST,
    "unknown_profile": BAD_REQUEST,
    # submissions and attempts (the Likert, the case study, the knowledge check; common/attempts.py)
    "already_submitted": CONFLICT,
    "submit_conflict": CONFLICT,
    "no_attempts_left": CONFLICT,
    # figures and downloads (common/errors.py, each export.py)
    "too_few_respondents": CONFLICT,
    "no_profile_question": CONFLICT,  # a Likert's figures by profile asked for while it asks no profile question
    "distribution_not_shown": CONFLICT,  # a case study's "how others answered" CSV while the case does not show it
    "choices_not_kept": CONFLICT,  # a role-play's "how each role chose" CSV while it does not show others' choices
    # the Likert's own
    "unknown_statement": BAD_REQUEST,
    "na_not_allowed": BAD_REQUEST,
    "invalid_value": BAD_REQUEST,
    "missing_required": BAD_REQUEST,
    "invalid_comment": BAD_REQUEST,
    "comment_not_allowed": BAD_REQUEST,
    "comment_too_long": BAD_REQUEST,
    # the staff's comments, a page at a time (``likert.comments``): a cursor or a count it cannot
    # read; asked of an evaluation without a comment box
    "invalid_page": BAD_REQUEST,
    "no_comment_box": CONFLICT,
    # answers given on a scale the author changed since the form was given (``likert.learner.check_scale``)
    "scale_changed": CONFLICT,
    # the case study's own
    "answer_too_long": BAD_REQUEST,
    "answer_too_short": BAD_REQUEST,
    "invalid_ticks": BAD_REQUEST,
    "unknown_key_point": BAD_REQUEST,
    "unknown_document": BAD_REQUEST,
    "not_submitted": CONFLICT,
    "already_assessed": CONFLICT,
    # the knowledge check's own
    "post_test_taken": CONFLICT,  # a pre-test after its post-test showed the answers (learner.PRE_AFTER_POST)
    # the role-play's own
    "unknown_role": BAD_REQUEST,
    "invalid_choice": BAD_REQUEST,
    "unknown_choice": BAD_REQUEST,
    "condition_not_met": FORBIDDEN,
    "back_not_allowed": FORBIDDEN,
    "not_started": CONFLICT,
    "already_started": CONFLICT,
    "already_ended": CONFLICT,
    "cannot_go_back": CONFLICT,
}

# A refusal that may pass if the same request is sent again later: the database stayed busy, or
# another window's submit holds the attempt for now (its claim goes stale, decision 3). A page
# keeps such an action waiting on the device, as one whose answer never came; every other code is
# final for that request: the page keeps the learner's answers but stops sending it (decision 22;
# ``EMM.AGAIN`` in static/js/emm-common.js, kept equal by tests/unit/test_js_error_codes.py).
AGAIN = frozenset({"busy", "submit_conflict"})


def status_of(code):
    """The HTTP status of ``code``; an unregistered code is a programming error (KeyError)."""
    return STATUS[code]
