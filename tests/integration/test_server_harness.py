"""The served workbench's harness (tests/server.py) keeps what a failing concurrency test needs: the
traceback of every request the server answered 500."""

import re

import pytest
import requests

from tests.server import running_workbench


@pytest.mark.slow
def test_a_request_answered_500_leaves_its_traceback(tmp_path, mariadb_server):
    with running_workbench(tmp_path) as (base, database):
        html = requests.get(f"{base}/scenario/emm_likert.0/", timeout=60).text
        usage = re.search(r"data-usage='([^']+\.emm_likert\.[^']+)'", html).group(1)
        assert database.server_errors() == ""
        # xblock-sdk's handler view (workbench/views.py) lets XBlock's NoSuchHandlerError through:
        # Django answers 500 and logs it on "django.request"
        r = requests.get(f"{base}/handler/{usage}/no_such_handler/", timeout=60)
        assert r.status_code == 500
        errors = database.server_errors()
        assert f"Internal Server Error: /handler/{usage}/no_such_handler/" in errors
        assert "NoSuchHandlerError" in errors
