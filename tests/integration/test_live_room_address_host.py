"""The live room's QR code holds an address the room's phones can open (bug hunt "new": `make run`
served on 127.0.0.1 only, and the QR code of a page opened there sent each phone to itself). With
``make run HOST=0.0.0.0`` the facilitator opens the page at the machine's address on the network;
the join screen then holds that address: in the workbench the page itself, on the host the request
came to; in a course without ``LMS_ROOT_URL``, the unit's ``jump_to`` under the request's host."""

import json
import re

import pytest
from django.test import Client
from webob import Request
from workbench.scenarios import init_scenarios

from .test_live_room import STAFF
from .test_role_play_handlers import SMALL

LAN = "192.168.1.20:8000"


def data_url(html):
    found = re.search(r"data-url>([^<]*)</p>", html)
    return found and found.group(1)


@pytest.fixture
def workbench_screen(db):
    """The workbench's join screen, as a browser on ``LAN`` reaches it (its Host header)."""
    init_scenarios()  # the workbench parses its scenarios into the database once: this test's was rolled back
    client = Client(HTTP_HOST=LAN)
    page = client.get("/scenario/emm_role_play.0/", {"student": STAFF, "lang": "en"}).content.decode()
    usage = next(u for u in re.findall(r"data-usage='([^']*)'", page) if ".emm_role_play." in u)

    def live_screen(address):
        response = client.get(f"/handler/{usage}/live_screen/", {"student": STAFF, "page": address})
        assert response.status_code == 200, response.content[:300]
        return json.loads(response.content)["html"]

    return live_screen


def test_the_workbench_s_qr_code_holds_the_address_the_facilitator_opened(workbench_screen):
    html = workbench_screen(f"http://{LAN}/scenario/emm_role_play.0/?student={STAFF}&lang=fr")
    # the learner's page at the same address, without the facilitator's ?student= (trial s32)
    assert data_url(html) == f"http://{LAN}/scenario/emm_role_play.0/?lang=fr"
    assert 'class="emm-present-qr-code"' in html


def test_a_page_on_another_host_than_the_request_s_gives_no_qr_code(workbench_screen):
    html = workbench_screen("http://127.0.0.1:8000/scenario/emm_role_play.0/")
    assert data_url(html) is None and "<svg" not in html


def test_in_a_course_without_lms_root_url_the_qr_code_is_under_the_request_s_host(handlers, scenario, settings):
    settings.LMS_ROOT_URL = ""
    uid = scenario(SMALL.format(extra=""))
    ctx = handlers._context(STAFF, "live_screen")
    block = ctx.block(handlers.key(uid))
    response = block.runtime.handle(block, "live_screen", Request.blank("/", method="GET", headers={"Host": LAN}))
    key = handlers.key(uid)
    assert data_url(json.loads(response.body)["html"]) == f"http://{LAN}/courses/{key.context_key}/jump_to/{key}"
