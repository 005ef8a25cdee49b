import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _no_language_left_active():
    # A request leaves its language active in the thread; later tests build URLs in English.
    yield
    translation.deactivate()
