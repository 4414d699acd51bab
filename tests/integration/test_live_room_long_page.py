"""The workbench's live room with a very long ``?page=`` (the facilitator's address, which the
projection's script sends): the join screen is drawn without a QR code, saying to open the
activity in the course, never a server error (segno's ``DataOverflowError``: no QR code holds
4,000 characters). Through the workbench's own Django views, as a browser reaches them."""

import json
import re

import pytest
from django.test import Client
from workbench.scenarios import init_scenarios

from emm_xblocks.common.live_room import MAX_PAGE, qr_svg

NOTE = "Open this activity in the course on your phone."


@pytest.fixture
def screen(db):
    init_scenarios()  # the workbench parses its scenarios into the database once: this test's was rolled back
    client = Client(raise_request_exception=False)
    page = client.get("/scenario/emm_role_play.0/", {"student": "staff_1", "lang": "en"}).content.decode()
    usage = next(u for u in re.findall(r"data-usage='([^']*)'", page) if ".emm_role_play." in u)

    def live_screen(address):
        response = client.get(f"/handler/{usage}/live_screen/", {"student": "staff_1", "page": address})
        assert response.status_code == 200, response.content[:300]
        return json.loads(response.content)["html"]

    return live_screen


def test_a_page_address_is_the_qr_code_on_the_join_screen(screen):
    address = "http://testserver/scenario/emm_role_play.0/"
    html = screen(address)
    assert 'class="emm-present-qr-code"' in html and f"data-url>{address}</p>" in html and NOTE not in html


@pytest.mark.parametrize("length", [MAX_PAGE + 1, 4000, 20000])
def test_a_page_address_too_long_draws_the_join_screen_without_a_qr_code(screen, length):
    address = "http://testserver/" + "a" * (length - len("http://testserver/"))
    html = screen(address)
    assert "<svg" not in html and "data-url>" not in html and "aaaa" not in html
    assert NOTE in html
    assert "data-item=" in html  # the decisions' screens are there


def test_an_address_no_qr_code_can_hold_gives_no_qr_code():
    assert qr_svg("https://learn.example.org/" + "a" * 4000) == ""
    assert qr_svg("https://learn.example.org/" + "a" * (MAX_PAGE - 26)).startswith("<svg")
