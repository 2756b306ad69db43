"""The browser fixtures and helpers live in tests/browser.py (loaded for the whole suite by tests/conftest.py);
the helpers are re-exported here because the e2e tests import them from this module."""
from tests.browser import (  # noqa: F401
    APP_HOSTS, CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, AppServer, assert_no_exception, free_port, screenshot, start_app,
    stop_app, wait_for_app,
)
