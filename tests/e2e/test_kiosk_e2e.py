"""The kiosk in a real browser with a short idle time: countdown, reset, nothing of the visit left behind."""
import re

import pytest

from simulators.core import i18n
from simulators.core import visits
from simulators.core.store import Store
from tests.helpers.browser import assert_no_exception, screenshot, start_app, stop_app, wait_for_app

IDLE, COUNTDOWN = 3, 2
VISIT_IN_URL = re.compile(r"[?&]v=([\w-]+)")


@pytest.fixture(scope="module")
def kiosk_server():
    server = start_app({"DDS_KIOSK_IDLE_SECONDS": str(IDLE), "DDS_KIOSK_COUNTDOWN_SECONDS": str(COUNTDOWN)})
    yield server
    stop_app(server)


def start_kiosk_visit(new_page, server, lang: str, width: int = 1920, height: int = 1080):
    page = new_page(width, height, goto=False)
    page.goto(f"{server.url}/?mode=kiosk&lang={lang}")
    wait_for_app(page)
    assert page.get_by_test_id("attract-fact").is_visible()
    page.locator(".st-key-attract_start button").click()
    page.wait_for_url(VISIT_IN_URL, timeout=30_000)
    wait_for_app(page)
    visit_id = VISIT_IN_URL.search(page.url).group(1)
    assert visits.get(Store(server.db_url), visit_id) is not None
    return page, visit_id


@pytest.mark.parametrize("lang", ["de", "en"])
def test_idle_kiosk_resets_and_forgets_the_visit(new_page, kiosk_server, lang):
    store = Store(kiosk_server.db_url)
    page, visit_id = start_kiosk_visit(new_page, kiosk_server, lang)
    tag = visits.get(store, visit_id).tag
    store.put("letter", f"e2e-{visit_id}", {"subject_text": "x"}, visit_id=visit_id)  # stands for its letters

    countdown = page.get_by_test_id("booth-idle-count")
    countdown.wait_for(timeout=20_000)
    assert i18n.translate(lang, "booth.idle.title") in page.locator(".booth-idle").inner_text()
    screenshot(page, f"kiosk-countdown-{lang}-desktop")

    page.get_by_test_id("attract-fact").wait_for(timeout=20_000)  # the attract screen is back
    wait_for_app(page)
    assert_no_exception(page)
    assert "v=" not in page.url
    assert visits.get(store, visit_id) is None
    assert store.count(visit_id=visit_id) == 0
    ends = [e for e in store.events() if e["visit_tag"] == tag and e["event"] == "visit_end"]
    assert [e["detail"] for e in ends] == ["idle"]
    screenshot(page, f"kiosk-after-reset-{lang}-desktop")

    # The back button and the old URL bring nothing back: the visit id no longer exists.
    page.go_back()
    wait_for_app(page)
    assert page.get_by_test_id("attract-fact").is_visible()
    page.goto(f"{kiosk_server.url}/?mode=kiosk&lang={lang}&v={visit_id}")
    wait_for_app(page)
    assert page.get_by_test_id("attract-fact").is_visible()
    assert page.get_by_text(i18n.translate(lang, "persona.fictitious")).count() == 0
    assert visits.get(store, visit_id) is None


def test_still_here_keeps_the_visit(new_page, kiosk_server):
    store = Store(kiosk_server.db_url)
    page, visit_id = start_kiosk_visit(new_page, kiosk_server, "da", 810, 1080)
    page.get_by_test_id("booth-idle-count").wait_for(timeout=20_000)
    screenshot(page, "kiosk-countdown-da-tablet")
    page.get_by_role("button", name=i18n.translate("da", "booth.idle.still_here")).click()
    page.get_by_test_id("booth-idle-count").wait_for(state="detached", timeout=10_000)
    assert visits.get(store, visit_id) is not None
    assert page.get_by_text(i18n.translate("da", "persona.fictitious")).first.is_visible()


def test_attract_screen_on_a_portrait_tablet(new_page, kiosk_server):
    page = new_page(810, 1080, goto=False)
    page.goto(f"{kiosk_server.url}/?mode=kiosk&lang=da")
    wait_for_app(page)
    assert_no_exception(page)
    start = page.locator(".st-key-attract_start button").bounding_box()
    assert start["height"] >= 96 and start["width"] >= 600  # a target for any finger
    assert start["y"] + start["height"] <= 1080  # no scrolling needed to start
    screenshot(page, "kiosk-attract-da-tablet")
