"""Issue 8 §2: editing needs Studio's write permission (``studio_user_permissions``, which only
Studio gives: ``cms/djangoapps/contentstore/utils.py`` and ``views/preview.py``); in the LMS,
content and settings are read-only (``LmsFieldData``), so staff there get a clear 403, not a 500.
"""

import pytest

from tests.integration.platform_blocks import CASE, LIKERT, ROLE_PLAY
from tests.openedx.fixtures import platform  # noqa: F401

OLX = [LIKERT.format(extra=""), CASE.format(extra="", more=""), ROLE_PLAY.format(extra="")]


@pytest.mark.parametrize("olx", OLX)
def test_studio_submit_from_the_lms_is_forbidden_even_for_staff(platform, olx):  # noqa: F811
    key = platform.add(olx, platform.subsection())
    before = platform.export(key)
    for user in (platform.user("sam", role="staff"), platform.user("ada", role="instructor"),
                 platform.user("root", global_staff=True)):
        result = platform.lms(user).handle(key, "studio_submit", {})
        assert result.status == 403, (result.status, result.json)
        assert result.json["error"] == "forbidden" and result.json["message"].strip()
    assert platform.export(key) == before


@pytest.mark.parametrize("olx", OLX)
def test_studio_submit_without_write_permission_is_forbidden(platform, olx):  # noqa: F811
    key = platform.add(olx, platform.subsection())
    result = platform.studio_editor(platform.user("ana")).handle(key, "studio_submit", {})
    assert result.status == 403 and result.json["error"] == "forbidden"


@pytest.mark.parametrize("olx", OLX)
def test_studio_submit_with_write_permission_reaches_validation(platform, olx):  # noqa: F811
    key = platform.add(olx, platform.subsection())
    result = platform.studio_editor(platform.user("sam", role="staff")).handle(key, "studio_submit", {})
    assert result.status == 400 and result.json["error"] != "forbidden"
