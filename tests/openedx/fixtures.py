"""pytest fixtures for tests that run blocks through ``tests.openedx`` (import them by name)."""

import pytest
from django.utils import translation

from .runtime import Platform


@pytest.fixture
def platform(db):
    """A course in a platform-faithful runtime, with the package's tables in the test database."""
    with translation.override("en"):
        yield Platform()
