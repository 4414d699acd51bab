"""The comments of the staff's Likert results panel, a page at a time (decision 98,
``likert.comments``), through the platform-faithful runtime (tests/openedx): the panel holds the
first 20 and how many there are; the staff-only handler ``comments_page`` gives the next ones, in
the order of their text, each once, a day left out nowhere, to course staff as themselves only;
the responses CSV still holds every comment.

Many comments are stored with ``store.record`` (what a submit keeps), not submitted one by one."""

import csv
import io
import re

import pytest

from emm_xblocks.common import store
from tests.integration.test_likert_leave_out_day import REHEARSAL, moved, submit

STAFF = "staff_1"
SURVEY = """
<emm_likert display_name="Eval" comment="true" min_group_size="3" {extra}>
  <item id="relevance">The training is relevant to my work.</item>
  <item id="pace" reverse="true">The pace was too fast.</item>
</emm_likert>
"""
MANY = 250


def seeded(scenario, n=MANY, extra='anonymous="true"', text="Comment {i:03}"):
    """An evaluation with ``n`` anonymous submissions, each with a comment (``text``)."""
    uid = scenario(SURVEY.format(extra=extra))
    for i in range(n):
        store.record(uid, {"relevance": "4", "pace": "2"}, comment=text.format(i=i))
    return uid


def page(handlers, uid, data=None, student=STAFF, **kw):
    r = handlers.post(uid, "comments_page", data or {}, student=student, **kw)
    assert r.status_code == 200, r.content
    return r.json_body


def every_page(handlers, uid, after, limit=None):
    """The comments of every page after ``after``, and how many pages."""
    texts, pages = [], 0
    while after is not None:
        body = page(handlers, uid, {"after": after, **({"limit": limit} if limit else {})})
        texts += body["comments"]
        after, pages = body["next"], pages + 1
    return texts, pages


def test_the_panel_holds_the_first_page_and_how_many_there_are(scenario, handlers):
    """At 20,000 respondents the panel held every comment (some 1.6 MB at each opening): now 20."""
    uid = seeded(scenario)
    panel = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    assert panel["comments"] == [f"Comment {i:03}" for i in range(20)]
    assert panel["comments_total"] == MANY and panel["comments_next"] is not None
    html = handlers.post(uid, "get_results", {"reply": "page"}, student=STAFF).json_body["html"]
    items = re.search(r'<ul class="emm-comments"[^>]*>(.*?)</ul>', html, re.S).group(1)
    assert items.count("<li") == 20 and "Comment 020" not in html
    assert "20 of 250 comments shown" in html and ">Show more comments</button>" in html
    assert "Listed in the order of their text, not of when they were sent." in html
    french = handlers.post(uid, "get_results", {"reply": "page"}, student=STAFF, lang="fr").json_body["html"]
    assert "Commentaires affichés\u00a0: 20 sur 250" in french and "Afficher plus de commentaires" in french


def test_a_panel_of_few_comments_says_how_many_and_offers_no_more(scenario, handlers):
    uid = seeded(scenario, n=4)
    panel = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    assert panel["comments_total"] == 4 and panel["comments_next"] is None
    assert ">4 comments</p>" in panel["html"] and "Show more comments" not in panel["html"]


def test_show_more_gives_every_comment_once_in_the_order_of_their_text(scenario, handlers):
    uid = seeded(scenario)
    panel = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    rest, pages = every_page(handlers, uid, panel["comments_next"])
    assert panel["comments"] + rest == [f"Comment {i:03}" for i in range(MANY)]
    assert pages == 12  # 230 after the panel's 20, 20 a page: the last one of 10
    body = page(handlers, uid, {"after": panel["comments_next"]})
    assert body["total"] == MANY and len(body["comments"]) == 20


def test_a_comment_sent_meanwhile_is_never_shown_twice(scenario, handlers):
    """The next page starts after the last comment shown, not at a count: one sorted before it,
    sent while staff read, moves nothing."""
    uid = seeded(scenario, n=30)
    panel = handlers.post(uid, "get_results", {}, student=STAFF).json_body
    store.record(uid, {"relevance": "4", "pace": "2"}, comment="A comment sent meanwhile")
    body = page(handlers, uid, {"after": panel["comments_next"]})
    assert body["comments"] == [f"Comment {i:03}" for i in range(20, 30)] and body["next"] is None
    assert body["total"] == 31


def test_comments_alike_in_their_first_hundred_characters_are_each_shown_once(scenario, handlers):
    """The order and the cursor hold a comment's first 100 characters (a database sorts a long
    text by its first 1,024 bytes only), then its id: comments alike that far still come once each."""
    same = "x" * 150
    uid = seeded(scenario, n=7, text=same + " {i}")
    first = page(handlers, uid, {"limit": 1})
    rest, pages = every_page(handlers, uid, first["next"], limit=1)
    assert sorted(first["comments"] + rest) == [f"{same} {i}" for i in range(7)] and pages == 6


def test_comments_a_collation_takes_for_one_are_each_shown_once(scenario, handlers):
    """MariaDB's utf8mb4_unicode_ci sorts "apple", "Apple" and "Äpple " as one text (the order and
    the cursor compare them alike, then by id); SQLite tells them apart. Either way, each once."""
    uid = scenario(SURVEY.format(extra='anonymous="true"'))
    texts = ["apple", "Apple", "APPLE", "Äpple ", "apple  ", "banana", "Banana"]
    for text in texts:
        store.record(uid, {"relevance": "4", "pace": "2"}, comment=text)
    first = page(handlers, uid, {"limit": 1})
    rest, _pages = every_page(handlers, uid, first["next"], limit=1)
    assert sorted(first["comments"] + rest) == sorted(texts)


def test_the_limit_is_capped(scenario, handlers):
    uid = seeded(scenario, n=130)
    assert len(page(handlers, uid, {"limit": 1000})["comments"]) == 100
    assert len(page(handlers, uid, {"limit": 5})["comments"]) == 5
    assert len(page(handlers, uid, {})["comments"]) == len(page(handlers, uid, {"limit": None})["comments"]) == 20
    capped = page(handlers, uid, {"limit": 130})
    assert len(capped["comments"]) == 100 and capped["next"] == {"head": "Comment 099", "id": capped["next"]["id"]}
    last = page(handlers, uid, {"after": capped["next"], "limit": 100})
    assert last["comments"] == [f"Comment {i:03}" for i in range(100, 130)] and last["next"] is None


@pytest.mark.parametrize("data", [
    {"after": "Comment 019"},
    {"after": ["Comment 019", "0" * 32]},
    {"after": {"head": "Comment 019"}},
    {"after": {"head": 19, "id": "0" * 32}},
    {"after": {"head": "Comment 019", "id": "not-an-id"}},
    {"after": {"head": "Comment 019", "id": "0" * 31 + "G"}},
    {"after": {"head": "x" * 101, "id": "0" * 32}},
    {"limit": "10"},
    {"limit": 0},
    {"limit": -5},
    {"limit": True},
    {"limit": 2.5},
])
def test_a_page_it_cannot_read_is_refused_with_its_code(scenario, handlers, data):
    uid = seeded(scenario, n=5)
    r = handlers.post(uid, "comments_page", data, student=STAFF)
    assert r.status_code == 400 and r.json_body["error"] == "invalid_page" and r.json_body["message"]


def test_the_request_itself_is_checked_as_every_handler_s(scenario, handlers):
    uid = seeded(scenario, n=5)
    assert handlers.get(uid, "comments_page", student=STAFF).status_code == 405
    r = handlers.post(uid, "comments_page", raw="[1]", student=STAFF)
    assert r.status_code == 400 and r.json_body["error"] == "invalid_json"


def test_a_learner_is_refused_even_where_they_read_the_results(scenario, handlers):
    uid = seeded(scenario, n=5, extra='results="learners"')
    r = handlers.post(uid, "submit", {"answers": {"relevance": 5, "pace": 2}, "comment": "Mine"}, student="student_1")
    assert r.status_code == 200, r.content
    assert handlers.post(uid, "get_results", {}, student="student_1").status_code == 200  # the figures, yes
    r = handlers.post(uid, "comments_page", {}, student="student_1")
    assert r.status_code == 403 and r.json_body == {"error": "staff_only", "message": "Only course staff can do this."}
    # refused before the request is read: a learner learns nothing of what it would answer
    r = handlers.post(uid, "comments_page", {"limit": "x"}, student="student_1")
    assert r.status_code == 403 and r.json_body["error"] == "staff_only"
    # course staff viewing the course as that learner, as ``leave_out_day`` refuses them
    platform = handlers.platform
    masked = platform.lms(handlers.user(STAFF), masquerade_as=handlers.user("student_1"))
    result = masked.handle(handlers.key(uid), "comments_page", {})
    assert result.status == 403 and result.json["error"] == "viewing_as_learner"


def test_no_comment_below_the_minimum_group_size_nor_without_a_comment_box(scenario, handlers):
    few = seeded(scenario, n=2)
    r = handlers.post(few, "comments_page", {}, student=STAFF)
    assert r.status_code == 409 and r.json_body["error"] == "too_few_respondents"
    assert r.json_body["message"] == "The comments are listed once at least 3 people have answered (2 so far)."
    assert "comments" not in handlers.post(few, "get_results", {}, student=STAFF).json_body
    boxless = seeded(scenario, n=5)
    handlers.author_settings(boxless, comment_box=False)
    r = handlers.post(boxless, "comments_page", {}, student=STAFF)
    assert r.status_code == 409 and r.json_body["error"] == "no_comment_box"
    assert "comments" not in handlers.post(boxless, "get_results", {}, student=STAFF).json_body


def test_a_day_left_out_is_on_no_page(scenario, handlers):
    """Four colleagues' rehearsal, then three learners; a page of two at a time."""
    uid = scenario(SURVEY.format(extra=""))
    submit(handlers, uid, [f"colleague_{i}" for i in range(4)], {"relevance": 1, "pace": 5}, comment="Rehearsal")
    moved(uid, REHEARSAL)
    for student in ("student_1", "student_2", "student_3"):
        submit(handlers, uid, [student], {"relevance": 5, "pace": 2}, comment=f"Great, said {student}")
    first = page(handlers, uid, {"limit": 2})
    assert first["comments"] == ["Great, said student_1", "Great, said student_2"] and first["total"] == 7
    r = handlers.post(uid, "leave_out_day", {"day": "2026-12-03"}, student=STAFF)
    assert r.status_code == 200, r.content
    # the page after the one read before: the rehearsal's comments, next in the order of their text, are gone
    body = page(handlers, uid, {"after": first["next"], "limit": 2})
    assert body == {"comments": ["Great, said student_3"], "total": 3, "next": None}
    assert page(handlers, uid, {})["comments"] == [f"Great, said student_{i}" for i in (1, 2, 3)]
    assert r.json_body["comments"] == [f"Great, said student_{i}" for i in (1, 2, 3)]


def test_the_responses_csv_still_holds_every_comment(scenario, handlers):
    uid = seeded(scenario)
    r = handlers.get(uid, "export_csv", student=STAFF)
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][-1] == "Comment"
    assert sorted(row[-1] for row in rows[1:]) == [f"Comment {i:03}" for i in range(MANY)]
