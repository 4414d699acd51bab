"""The workbench serves the package's pages, never the files of the folder it runs in (trial s43):
xblock-sdk serves ``MEDIA_ROOT`` at ``MEDIA_URL`` (``workbench/urls.py``: Django's ``static()``,
which adds its pattern only with ``DEBUG``, as ``make run`` serves), both empty in its settings, so
README.md, .git/config and the workbench's own database were downloadable, by the room's phones
too when the workbench listens beyond 127.0.0.1 for the live room. Through the workbench's URLs as
``make run`` builds them (``DEBUG`` on: the test runner turns it off)."""

import importlib

import pytest
from django.test import Client, override_settings
from django.urls import clear_url_caches


@pytest.fixture
def served(db):
    """A client of the workbench's URLs built with ``DEBUG`` on, as ``make run`` has them."""
    import workbench.urls

    with override_settings(DEBUG=True):
        importlib.reload(workbench.urls)
        clear_url_caches()
        yield Client(raise_request_exception=False)
    importlib.reload(workbench.urls)
    clear_url_caches()


@pytest.mark.parametrize("path", ["/README.md", "/.git/config", "/var/workbench.db", "/pyproject.toml",
                                  "/emm_xblocks/workbench/settings.py"])
def test_a_file_of_the_working_folder_is_not_served(served, path):
    assert served.get(path).status_code == 404, path


def test_the_front_page_is_still_served(served):
    assert served.get("/").status_code == 200
