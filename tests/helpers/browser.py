"""Browser tests: Playwright driving Debian's Chromium against `streamlit run app.py` on 127.0.0.1.

Loaded once for the whole suite by tests/conftest.py (one Playwright instance per test session: a second one in
the same thread fails), so the e2e and reliability suites share the server and the browser.

Fixtures:
- ``app_server``: a running app (``.url``, ``.db_url``, ``.port``); one per test session.
- ``browser``: headless Chromium.
- ``new_page(width, height, path="/")``: a page in a fresh context; every request to a host other than the
  app's is aborted and recorded, and the test fails at teardown if there was any.
- ``wait_for_app(page)``, ``open_expander(page, title)``, ``assert_no_exception(page)``, ``screenshot(page, name)``.
Without Chromium the tests skip with a reason; with DDS_REQUIRE_BROWSER=1 (CI) they fail instead.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

from deploy.replicas import free_port, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"
CHROMIUM = os.environ.get("DDS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
APP_HOSTS = {"127.0.0.1", "localhost"}


def _browser_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements-test.txt)"
    return None


BROWSER_FIXTURES = {"browser", "new_page", "playwright_instance"}


def mark_browser_tests(items) -> None:
    """Browser tests (those in tests/e2e, and any test using a browser fixture) skip without Chromium, or fail
    when DDS_REQUIRE_BROWSER=1."""
    reason = _browser_missing_reason()
    for item in items:
        uses_browser = BROWSER_FIXTURES & set(getattr(item, "fixturenames", ()))
        if "tests/e2e" in str(item.fspath).replace(os.sep, "/") or uses_browser:
            item.add_marker(pytest.mark.e2e)
            if reason:
                if os.environ.get("DDS_REQUIRE_BROWSER") == "1":
                    item.add_marker(pytest.mark.usefixtures("_browser_required"))
                else:
                    item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def _browser_required():
    pytest.fail(f"browser tests are required here (DDS_REQUIRE_BROWSER=1) but: {_browser_missing_reason()}")


@dataclass
class AppServer:
    url: str
    port: int
    db_url: str
    process: subprocess.Popen


def start_app(env_extra: dict | None = None, port: int | None = None) -> AppServer:
    port = port or free_port()
    tmp = tempfile.mkdtemp(prefix="dds-e2e-")
    db_url = (env_extra or {}).get("DDS_DATABASE_URL") or f"sqlite:///{tmp}/e2e.db"
    env = {**os.environ, "DDS_DATABASE_URL": db_url, **(env_extra or {})}
    log = open(Path(tmp) / "server.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, timeout=60)
    except RuntimeError:
        process.kill()
        raise RuntimeError(f"the app did not answer on {url} within 60 s; see {log.name}") from None
    return AppServer(url, port, db_url, process)


def stop_app(server: AppServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def app_server():
    server = start_app({"DDS_MITID_EXPIRY_SECONDS": os.environ.get("DDS_E2E_MITID_EXPIRY", "180")})
    yield server
    stop_app(server)


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_page(browser, app_server):
    """Factory for pages in fresh contexts; fails the test if any request left the app's host."""
    foreign: list[str] = []
    contexts = []

    def make(width: int = 1920, height: int = 1080, path: str = "/", locale: str = "de-DE", goto: bool = True):
        context = browser.new_context(viewport={"width": width, "height": height}, locale=locale,
                                      accept_downloads=True)

        def guard(route):
            host = urlparse(route.request.url).hostname
            if host in APP_HOSTS or route.request.url.startswith(("data:", "blob:")):
                route.continue_()
            else:
                foreign.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        contexts.append(context)
        page = context.new_page()
        if goto:
            page.goto(app_server.url + path)
            wait_for_app(page)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not foreign, f"requests to other hosts: {foreign}"


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait like Streamlit's own e2e suite: the script has finished and no skeleton is left. 60 s: a full run once
    left the comparison page's skeleton in place for over 30 s on a busy machine (it loads in ~3 s alone)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)


def open_expander(page, title: str) -> None:
    """Open the expander whose summary has ``title`` and wait until it has finished growing: Streamlit animates the
    opening for ~0.5 s, and a click on something inside it meanwhile can land where the element was a moment ago."""
    expander = page.locator('[data-testid="stExpander"]').filter(has=page.locator("summary", has_text=title)).first
    expander.locator("summary").click()
    page.wait_for_function(
        """(el) => { if (!el.querySelector('details[open]')) return false;
                     const h = el.getBoundingClientRect().height, settled = el.__ddsHeight === h;
                     el.__ddsHeight = h; return settled; }""",
        arg=expander.element_handle(), polling=200, timeout=10_000)


def assert_no_exception(page) -> None:
    count = page.locator('[data-testid="stException"]').count()
    assert count == 0, page.locator('[data-testid="stException"]').first.inner_text()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def shots():
    """Convenience: ``shots(page, name)`` saves a screenshot."""
    return screenshot
