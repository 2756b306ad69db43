"""Test-wide setup: every test session uses its own throwaway database and a small, fast population."""
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

# Browser fixtures (one Playwright instance and one app server for the whole session) and their skip rule.
from tests.helpers.browser import (  # noqa: E402,F401
    _browser_required, app_server, browser, mark_browser_tests, new_page, playwright_instance, shots,
)


def pytest_collection_modifyitems(config, items):
    mark_browser_tests(items)
