"""Browser-test fixtures; shared helpers are in tests/helpers/browser.py and tests/helpers/e2e_visits.py."""
import pytest

from tests.helpers.e2e_visits import app_population


@pytest.fixture(scope="module")
def population():
    return app_population()
