"""Two replicas, one audience: two `streamlit run` processes share one PostgreSQL database.

The kiosk is on replica A, the phone approves on replica B, and the kiosk logs in; the booth dashboard on
either replica counts both replicas' visits. Then the same login once more through nginx with sticky sessions
(when nginx is installed; CI installs it).
"""
import os
import re
import time

import pytest

from deploy import replicas
from simulators.core import i18n
from simulators.core.store import Store
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app
from tests.e2e.test_mitid_e2e import KIOSK, PHONE, open_phone, start_kiosk_login

PG_URL = os.environ.get("DDS_TEST_POSTGRES_URL")


@pytest.fixture(scope="module")
def cluster():
    if not PG_URL:
        if os.environ.get("DDS_REQUIRE_POSTGRES") == "1":
            pytest.fail("DDS_REQUIRE_POSTGRES=1 but DDS_TEST_POSTGRES_URL is unset")
        pytest.skip("no PostgreSQL server configured (set DDS_TEST_POSTGRES_URL to run the replica tests)")
    Store(PG_URL).clear()
    with_proxy = replicas.nginx_available()
    if not with_proxy and os.environ.get("CI"):
        pytest.fail("nginx is not installed, so the proxy part of the replica test cannot run")
    running = replicas.start(2, PG_URL, proxy=with_proxy)
    yield running
    running.stop()


def swipe(phone) -> None:
    slider = phone.locator(".st-key-mitid_phone_swipe input[type='range']")
    slider.focus()
    slider.press("End")


def approve_and_follow(kiosk, phone, lang: str, name: str) -> None:
    """Swipe on the phone, see the phone say so, then see the kiosk (on the other replica) log in. Two waits, so a
    failure says which side did not follow; screenshots of both either way (CI failed here once, at 10 s from the
    swipe, with no way to tell which). The kiosk's wait stays below the pages' safety net (SAFETY_NET_SECONDS,
    15 s): only the store watcher of the kiosk's own process can bring the phone's answer across in time."""
    approved = phone.get_by_text(i18n.translate(lang, "mitid.phone.approved"))
    swipe(phone)
    try:
        approved.wait_for(timeout=8000)
    except Exception:  # as a visitor whose swipe did not register swipes again (the picture says what it showed)
        screenshot(phone, f"{name}-retry-phone")
        print(f"{name}: the phone did not take the first swipe; swiping again")
        swipe(phone)
        try:
            approved.wait_for(timeout=15000)
        except Exception:
            screenshot(phone, f"{name}-fail-phone")
            screenshot(kiosk, f"{name}-fail-kiosk")
            raise AssertionError("the phone did not take the swipe, twice") from None
    approved_at = time.time()
    try:
        kiosk.wait_for_function("() => location.pathname.endsWith('/borger') || "
                                "!!document.querySelector('.st-key-mitid_landing')", timeout=12000)
    except Exception:
        screenshot(kiosk, f"{name}-fail-kiosk")
        raise AssertionError("the phone approved, but the kiosk on the other replica did not follow") from None
    print(f"{name}: the kiosk followed {time.time() - approved_at:.1f} s after the phone approved")
    wait_for_app(kiosk)
    assert_no_exception(kiosk)


def test_kiosk_on_a_phone_on_b(new_page, cluster):
    replica_a, replica_b = cluster.replica_urls
    kiosk, address = start_kiosk_login(new_page, replica_a, "en", public_url=cluster.proxy_url)
    token_part = address.split("/mitid_phone", 1)[1]
    phone = open_phone(new_page, f"{replica_b}/mitid_phone{token_part}", "en")  # another replica
    approve_and_follow(kiosk, phone, "en", "replicas-a-b")
    screenshot(kiosk, "replicas-kiosk-a-logged-in")

    # a second visit on replica B; the dashboard on A counts both replicas' visits
    other = new_page(*KIOSK, goto=False)
    other.goto(f"{replica_b}/?lang=en")
    wait_for_app(other)
    other.locator(".st-key-welcome_start button").click()
    wait_for_app(other)
    starts = [e for e in Store(PG_URL).events() if e["event"] == "visit_start"]
    assert len(starts) >= 2
    for url in (replica_a, replica_b):
        board = new_page(*KIOSK, goto=False)
        board.goto(f"{url}/dashboard?lang=en")
        try:
            wait_for_app(board)
        except Exception:
            board.screenshot(path="/tmp/dds/board-fail.png")
            raise
        assert_no_exception(board)
        label = i18n.translate("en", "booth.dash.visits_today")
        metric = board.locator('[data-testid="stMetric"]').filter(has_text=label).first
        value = int(re.sub(r"\D", "", metric.locator('[data-testid="stMetricValue"]').inner_text()))
        if value < len(starts):
            screenshot(board, "replicas-board-fail")
        assert value >= len(starts), (url, value, len(starts))


def test_login_through_the_proxy(new_page, cluster):
    if not cluster.proxy_url:
        pytest.skip("nginx is not installed here (apt-get install nginx-light)")
    kiosk, address = start_kiosk_login(new_page, cluster.proxy_url, "de")
    phone = new_page(*PHONE, goto=False)
    phone.goto(address)
    wait_for_app(phone)
    approve_and_follow(kiosk, phone, "de", "replicas-proxy")
    screenshot(kiosk, "replicas-proxy-logged-in")
