"""Course files (``/static/...``, uploaded in Studio's Files & Uploads) in what a handler answers.

The LMS writes a course file's address as the course's asset address in a rendered view only
(``replace_urls_wrapper``, ``lms/djangoapps/courseware/block_render.py``; tests/openedx/static_replace.py).
A handler's answer goes to the browser as it is (``_invoke_xblock_handler``): a role-play's next
node, a case study's results or the facilitator pack showed the author's course images and
documents as broken links, ``/static/...`` being no address in the LMS (bug hunt s43). The blocks
write them through the ``replace_urls`` service, as the view is written.
"""

import re

from tests.integration.platform_blocks import CASE, ROLE_PLAY, choices
from tests.openedx.fixtures import platform  # noqa: F401

ASSET = "/asset-v1:EMM+EMM2+2026+type@asset+block/"


def static_addresses(text):
    return re.findall(r"""["']/static/(?!xblock/)[^"']*""", text)


def test_a_role_play_s_next_node_shows_its_course_image(platform):  # noqa: F811
    olx = ROLE_PLAY.format(extra="").replace(
        '<node id="n-mid">', '<node id="n-mid"><image src="/static/desk.png" alt="The desk"/>').replace(
        "<p>MID-TEXT</p>", '<p>MID-TEXT <img src="/static/map%20niger.png" alt="Map"></p>')
    key = platform.add(olx, platform.subsection())
    ana = platform.lms(platform.user("ana"))
    started = ana.handle(key, "begin", {"role": "r1"})
    moved = ana.handle(key, "choose", {"choice": choices(started)["Listen first"]})
    assert moved.status == 200 and "MID-TEXT" in moved.json["html"]
    assert f'src="{ASSET}desk.png"' in moved.json["html"]
    assert f'src="{ASSET}map%20niger.png"' in moved.json["html"]
    assert static_addresses(moved.json["html"]) == []
    # the page itself, as the LMS wrote it already
    assert f'src="{ASSET}desk.png"' in ana.html(key) and static_addresses(ana.html(key)) == []


def test_a_case_study_s_results_show_their_course_files(platform):  # noqa: F811
    olx = CASE.format(extra='show_answers="submitted"', more="").replace(
        "<p>SECRET-EXPERT-ANALYSIS</p>",
        '<p>SECRET-EXPERT-ANALYSIS <a href="/static/law.pdf">Law</a> <img src="/static/chart.png" alt="Chart"></p>')
    key = platform.add(olx, platform.subsection())
    ana = platform.lms(platform.user("ana"))
    result = ana.handle(key, "submit", {"answers": {"q1": "a"}, "reply": "page"})
    assert result.status == 200
    body = result.body.decode("utf-8")
    assert "SECRET-EXPERT-ANALYSIS" in body
    assert f'href=\\"{ASSET}law.pdf\\"' in body and f'src=\\"{ASSET}chart.png\\"' in body
    assert static_addresses(body.replace('\\"', '"')) == []


def test_the_facilitator_pack_links_the_case_s_course_files(platform):  # noqa: F811
    olx = CASE.format(extra="", more="").replace(
        "<p>Public narrative.</p>", '<p>Public narrative. <img src="/static/route.png" alt="Route"></p>')
    key = platform.add(olx, platform.subsection())
    staff = platform.lms(platform.user("staff_1", role="staff"))
    pack = staff.handle(key, "facilitator_pack", method="GET")
    assert pack.status == 200 and pack.content_type == "text/html"
    page = pack.body.decode("utf-8")
    assert f'src="{ASSET}route.png"' in page and static_addresses(page) == []
