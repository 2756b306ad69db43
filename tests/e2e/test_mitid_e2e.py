"""The MitID login as a visitor does it: the kiosk shows a QR code, a phone (second browser context) opens the
address it encodes and swipes, the kiosk moves on by itself. Rejected and expired requests end with a clear
message and a way to try again."""
import time

import pytest

from simulators.core import i18n
from tests.helpers.browser import assert_no_exception, screenshot, start_app, stop_app, wait_for_app

KIOSK, PHONE = (1920, 1080), (390, 844)


def tr(lang: str, key: str, **params) -> str:
    return i18n.translate(lang, key, **params)


def tap(locator, effect, timeout: float = 10_000) -> None:
    """Click and wait for the effect. On a busy machine a click now and then gets no rerun; a visitor would tap
    again, so the test does too (once)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(2):
        locator.click()
        try:
            if callable(effect):
                effect(timeout)
            else:
                effect.wait_for(state="visible", timeout=timeout)
            return
        except PlaywrightTimeout:
            if attempt:
                raise


def start_kiosk_login(new_page, base_url: str, lang: str, public_url: str | None = None):
    """Kiosk: Start on the welcome page, on to the login, the demo user ID (starts it); returns (page, phone address).
    Each step waits for its effect: in kiosk mode 1-second fragments keep flipping the script-state flag."""
    page = new_page(*KIOSK, goto=False)
    page.goto(f"{base_url}/?lang={lang}&mode=kiosk")
    wait_for_app(page)
    tap(page.locator(".st-key-welcome_start button"), page.locator(".st-key-welcome_next button"))
    tap(page.locator(".st-key-welcome_next button"), page.locator(".st-key-mitid_use_demo button"))
    # no keyboard at the kiosk: the demo user ID starts the login at once (issue #15)
    tap(page.locator(".st-key-mitid_use_demo button"), page.locator("img.mitid-qr"))
    wait_for_app(page)
    assert_no_exception(page)
    address = page.get_by_test_id("mitid-phone-link").inner_text().strip()  # text only on the kiosk
    expected = public_url or base_url  # the QR carries the public address (a proxy's, with several replicas)
    assert address.startswith(f"{expected}/mitid_phone?token=") and len(address.split("token=")[1]) >= 43
    return page, address


def open_phone(new_page, address: str, lang: str):
    phone = new_page(*PHONE, goto=False, locale={"de": "de-DE", "en": "en-GB", "da": "da-DK"}[lang])
    phone.goto(address)
    wait_for_app(phone)
    assert_no_exception(phone)
    return phone


def logged_in(page) -> bool:
    return page.evaluate("() => location.pathname.endsWith('/borger') || "
                         "!!document.querySelector('.st-key-mitid_landing')")


def test_scan_and_swipe_logs_the_kiosk_in(new_page, app_server):
    kiosk, address = start_kiosk_login(new_page, app_server.url, "de")
    screenshot(kiosk, "mitid-kiosk-qr-de")
    phone = open_phone(new_page, address, "de")
    assert phone.get_by_text(tr("de", "mitid.phone.question", service="borger.dk")).is_visible()
    assert phone.get_by_text(tr("de", "mitid.security.never_called"), exact=False).is_visible()
    screenshot(phone, "mitid-phone-de")
    for key in ("mitid_phone_approve", "mitid_phone_reject"):  # both answers on the first screen of a phone
        box = phone.locator(f".st-key-{key} button").bounding_box()
        assert box and box["y"] + box["height"] <= PHONE[1], (key, box)
    slider = phone.locator(".st-key-mitid_phone_swipe input[type='range']")
    slider.focus()
    slider.press("End")  # the swipe: the slider to its end
    phone.get_by_text(tr("de", "mitid.phone.approved")).wait_for(timeout=15000)
    approved_at = time.time()
    kiosk.wait_for_function("() => location.pathname.endsWith('/borger') || "
                            "!!document.querySelector('.st-key-mitid_landing')", timeout=8000)
    print(f"kiosk followed the phone after {time.time() - approved_at:.1f} s")
    wait_for_app(kiosk)
    assert_no_exception(kiosk)
    screenshot(kiosk, "mitid-kiosk-logged-in-de")
    screenshot(phone, "mitid-phone-approved-de")
    phone.reload()  # a reload keeps the phone's state; the used link approves nothing more
    wait_for_app(phone)
    assert phone.get_by_text(tr("de", "mitid.phone.approved")).is_visible()


def test_rejected_request_says_so_and_offers_a_new_try(new_page, app_server):
    kiosk, address = start_kiosk_login(new_page, app_server.url, "en")
    phone = open_phone(new_page, address, "en")
    tap(phone.locator(".st-key-mitid_phone_reject button"), phone.get_by_text(tr("en", "mitid.phone.rejected")))
    kiosk.get_by_text(tr("en", "mitid.error.rejected")).wait_for(timeout=8000)
    assert not logged_in(kiosk)
    screenshot(kiosk, "mitid-kiosk-rejected-en")
    screenshot(phone, "mitid-phone-rejected-en")
    tap(kiosk.locator(".st-key-mitid_try_again button"), kiosk.locator(".st-key-mitid_use_demo button"))


def test_on_screen_phone_without_a_phone(new_page, app_server):
    kiosk, _address = start_kiosk_login(new_page, app_server.url, "da")
    onscreen = tr("da", "mitid.channel.onscreen").split(" ", 1)[1]  # the label without its emoji icon
    tap(kiosk.locator("[data-testid='stButtonGroup'] button", has_text=onscreen),
        kiosk.locator(".st-key-mitid_onscreen_app"))
    screenshot(kiosk, "mitid-kiosk-onscreen-da")
    tap(kiosk.locator(".st-key-mitid_onscreen_approve button"), lambda timeout: kiosk.wait_for_function(
        "() => location.pathname.endsWith('/borger') || !!document.querySelector('.st-key-mitid_landing')",
        timeout=timeout))
    assert_no_exception(kiosk)


@pytest.fixture(scope="module")
def short_expiry_server():
    server = start_app({"DDS_MITID_EXPIRY_SECONDS": "6"})
    yield server
    stop_app(server)


def test_expired_request_says_so_and_offers_a_new_try(new_page, short_expiry_server):
    kiosk, address = start_kiosk_login(new_page, short_expiry_server.url, "da")
    phone = open_phone(new_page, address, "da")
    # The watcher wakes the kiosk at 6 s; should that wake be lost on a busy CI box, the page's safety-net fragment
    # (every 15 s, ui/shell/wakeup.py SAFETY_NET_SECONDS) shows it: wait past its second tick (CI failed once at 20 s).
    kiosk.get_by_text(tr("da", "mitid.error.expired")).wait_for(timeout=35000)
    phone.get_by_text(tr("da", "mitid.phone.expired")).wait_for(timeout=8000)  # the phone follows within ~2 s
    assert not logged_in(kiosk)
    screenshot(kiosk, "mitid-kiosk-expired-da")
    screenshot(phone, "mitid-phone-expired-da")
    tap(kiosk.locator(".st-key-mitid_try_again button"), kiosk.locator(".st-key-mitid_use_demo button"))


def test_waiting_for_the_phone_costs_the_server_nothing_per_second(new_page, app_server):
    """Issue #18: while the box waits for the phone, the browser counts the time down itself and sends the
    server nothing (the page used to rerun a fragment every second); the phone's answer still arrives at once,
    through the process's watcher (ui/shell/wakeup.py), well before the pages' slow safety-net timer."""
    from ui.shell.wakeup import SAFETY_NET_SECONDS

    kiosk = new_page(*KIOSK, goto=False)
    sent: list[float] = []
    kiosk.on("websocket", lambda ws: ws.on("framesent", lambda _payload: sent.append(time.monotonic())))
    kiosk.goto(f"{app_server.url}/?lang=en&mode=explore")
    wait_for_app(kiosk)
    tap(kiosk.locator(".st-key-welcome_start button"), kiosk.locator(".st-key-welcome_next button"))
    tap(kiosk.locator(".st-key-welcome_next button"), kiosk.locator(".st-key-mitid_use_demo button"))
    tap(kiosk.locator(".st-key-mitid_use_demo button"), kiosk.locator(".st-key-mitid_user_id input"))
    tap(kiosk.locator("[data-testid='stFormSubmitButton'] button"), kiosk.locator("img.mitid-qr"))
    wait_for_app(kiosk)
    clock = kiosk.locator(".mitid-countdown .mitid-clock")
    left = lambda: int(clock.evaluate("e => getComputedStyle(e).getPropertyValue('--mitid-left')"))  # noqa: E731
    first, quiet_from = left(), time.monotonic()
    kiosk.wait_for_timeout(3200)
    later = left()
    frames = [t for t in sent if t > quiet_from]
    assert 2 <= first - later <= 4, (first, later)  # the browser's own clock, one step a second
    assert int(clock.get_attribute("data-seconds")) >= first  # it started at what the server said
    assert frames == [], f"the waiting page sent {len(frames)} messages in 3 s"
    screenshot(kiosk, "mitid-kiosk-countdown-en")
    address = kiosk.get_by_test_id("mitid-phone-link").inner_text().strip()
    phone = open_phone(new_page, address, "en")
    tap(phone.locator(".st-key-mitid_phone_approve button"), phone.get_by_text(tr("en", "mitid.phone.approved")))
    approved_at = time.time()
    kiosk.wait_for_function("() => location.pathname.endsWith('/borger') || "
                            "!!document.querySelector('.st-key-mitid_landing')", timeout=SAFETY_NET_SECONDS * 1000 / 2)
    print(f"kiosk followed the phone after {time.time() - approved_at:.1f} s")
    assert_no_exception(kiosk)


def test_under_the_hood_is_drawn_when_opened(new_page, app_server):
    """The explainer is drawn only while open (issue #18: a dozen elements fewer on every rerun of the login page):
    opening it shows its texts with their sources, and it stays open through the page's next rerun."""
    kiosk, _address = start_kiosk_login(new_page, app_server.url, "en")
    hood = kiosk.locator(".st-key-mitid_under_the_hood")
    assert kiosk.locator(".st-key-mitid_under_the_hood .dds-source").count() == 0  # closed: nothing drawn
    tap(hood.locator("summary"), kiosk.locator(".st-key-mitid_under_the_hood .dds-source").first)
    wait_for_app(kiosk)
    sources = kiosk.locator(".st-key-mitid_under_the_hood .dds-source")
    assert sources.count() == 6 and "mitid.dk" in sources.first.inner_text()
    kiosk.get_by_text(tr("en", "mitid.hood.nsis").split("**")[1]).wait_for()
    onscreen = tr("en", "mitid.channel.onscreen").split(" ", 1)[1]
    tap(kiosk.locator("[data-testid='stButtonGroup'] button", has_text=onscreen), kiosk.locator(".st-key-mitid_onscreen_app"))
    assert kiosk.locator(".st-key-mitid_under_the_hood .dds-source").count() == 6  # still open after a rerun
    assert_no_exception(kiosk)
