"""The app behind nginx (deploy/nginx.conf.template) as a browser sees it (issue #17, finding 9): every response
carries the security headers, /_stcore/metrics is refused at the proxy, and with the Content-Security-Policy in
force every page works and Chromium reports no CSP violation (the policy's relaxations are explained in the
template). nginx runs in front of the suite's one app server, so no second Streamlit is started."""
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy import replicas
from simulators.core import i18n
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app
from tests.helpers.e2e_visits import logged_in_visit
from tests.helpers.mailbox import ROWS

SECURITY_HEADERS = {"x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer"}
# Collects what the browser itself reports as blocked by the policy (the securitypolicyviolation event).
WATCH_CSP = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  [e.violatedDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' ')));"""


@pytest.fixture(scope="module")
def proxy_url(app_server):
    if not replicas.nginx_available():
        if os.environ.get("CI"):
            pytest.fail("nginx is not installed, so the proxy headers cannot be tested")
        pytest.skip("nginx is not installed here (apt-get install nginx-light)")
    workdir = Path(tempfile.mkdtemp(prefix="dds-proxy-"))
    port = replicas.free_port()
    process = replicas.start_proxy([app_server.port], port, workdir)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)
    shutil.rmtree(workdir, ignore_errors=True)


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_every_response_carries_the_headers_and_metrics_are_refused(proxy_url, app_server):
    """Seen failing before the fix: no CSP, X-Frame-Options, X-Content-Type-Options or Referrer-Policy, and
    /_stcore/metrics answered 200 with Streamlit's metrics through the proxy."""
    for path, status in (("/", 200), ("/app/static/css/shell.css", 200), ("/app/static/no-such-file.css", 404),
                         ("/_stcore/health", 200)):
        code, headers, _ = fetch(proxy_url + path)
        assert code == status, path
        for name, value in SECURITY_HEADERS.items():
            assert headers.get(name) == value, (path, name, headers)
        policy = headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, (path, policy)
        assert "nginx/" not in headers.get("server", "")  # no version

    assert fetch(app_server.url + "/_stcore/metrics")[0] == 200  # the replica has them: the proxy refuses them
    for path in ("/_stcore/metrics", "/_stcore/metrics/", "/_stcore//metrics", "/_stcore/%6detrics",
                 "/_stcore/./metrics", "/_stcore/metrics?format=text"):
        code, headers, body = fetch(proxy_url + path)
        assert code in (403, 404), (path, code)
        assert b"session" not in body.lower(), path
        assert headers.get("x-frame-options") == "DENY", path  # error pages carry the headers too


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def visit(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_timeout(500)  # charts and maps draw after the script has finished
    assert_no_exception(page)


def test_the_app_works_under_the_policy_with_no_violation(new_page, proxy_url, app_server, population):
    """Every page through the proxy: the WebSocket connects, the race plays by itself, charts and the map draw, a
    letter opens, Start makes a visit, and the browser blocks nothing."""
    visit_id, _ = logged_in_visit(app_server, population, "en")
    page = new_page(1920, 1080, goto=False)
    page.context.add_init_script(WATCH_CSP)
    visit(page, f"{proxy_url}/?lang=en")
    page.locator(".st-key-welcome_start button").click()
    wait_for_app(page)
    assert page.get_by_text(i18n.translate("en", "persona.fictitious")).first.is_visible()
    assert csp_violations(page) == []

    for path in ("mitid_login", "borger", "overblik", "selfservice?flow=library", "journeys", "compare",
                 "dashboard", "about", "digital_post"):
        visit(page, f"{proxy_url}/{path}{'&' if '?' in path else '?'}lang=en&v={visit_id}")
        assert csp_violations(page) == [], path
        if path == "journeys":  # the race's autoplay, the app's own inline script, runs (allowed by its hash)
            page.wait_for_function("() => { const g = document.querySelector('.st-key-race_box .js-plotly-plot');"
                                   " return !!g && !!g.dataset.racePlayed; }", timeout=30_000)
        if path == "compare":
            assert page.locator(".js-plotly-plot").count() >= 3
            assert page.locator(".js-plotly-plot canvas").count() >= 1  # the map (its worker is a blob)
    page.locator(ROWS).first.click()
    wait_for_app(page)
    assert page.get_by_test_id("dds-letter").count() >= 1
    assert csp_violations(page) == []
    screenshot(page, "proxy-csp-letter-en-desktop")
