"""Test-wide setup: every test session uses its own throwaway database, a small, fast population and a fixed
calendar day."""
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_tmp = tempfile.mkdtemp(prefix="dds-tests-")
os.environ.setdefault("DDS_DATABASE_URL", f"sqlite:///{_tmp}/test.db")
os.environ.setdefault("DDS_POPULATION_SIZE", "20000")
os.environ.setdefault("DDS_POPULATION_SEED", "7")
os.environ.setdefault("DDS_STRICT_I18N", "1")  # a message that cannot be formatted, or a missing key, raises
# A fixed calendar day (simulators.core.clock) for the app under test and the app server the browser tests start;
# the same day as the synthetic population's own (simulators.population.citizens.TODAY).
os.environ.setdefault("DDS_TODAY", "2026-11-28")

# Browser fixtures (one Playwright instance and one app server for the whole session) and their skip rule.
from tests.helpers.browser import (  # noqa: E402,F401
    _browser_required, app_server, browser, mark_browser_tests, new_page, playwright_instance, shots,
)


def pytest_collection_modifyitems(config, items):
    mark_browser_tests(items)
