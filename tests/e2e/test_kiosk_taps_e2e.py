"""The kiosk by touch only (issue #15): from the attract screen through MitID (the on-screen phone), a service
tile, "Beispielangaben einsetzen", Send, the receipt's "Ihren Brief lesen →" and the letter's "Wie wäre das in
Deutschland? →" to the payoff "Ihre fünf Minuten" of that application, then its link to the journeys page on the
same life event — with clicks only (no fill, type or press anywhere), at 1920×1080 in German, for three flows.
Each test counts and prints its taps from the attract screen to the payoff (target: ≤ 15) and saves a screenshot
of every step (tests/e2e/screenshots/kiosk-taps-<flow>-NN-<step>.png).

The visitor's own phone (the page the kiosk's QR code opens) at 390×844 shows the MitID app and no navigation
into the rest of the app, and its swipe is a thumb-sized control that approves when dragged to the end; the login
page on a phone-sized screen offers the on-screen phone first (CSS for any narrow window; a browser that says it is
a phone starts there).

Seen failing before the fix (this file run against the unchanged tree, 2026-12-01): all six tests — the tap-only
journeys and the phone page's test at their first kiosk step (the demo user ID did not start the login), the
phone-sized login at the missing channel order, the phone browser at the missing on-screen start."""
from __future__ import annotations

import re

import pytest

from simulators.borger import FLOWS
from simulators.core import clock, i18n, visits
from simulators.core.store import Store
from simulators.population.persona import persona_record
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app

KIOSK, PHONE = (1920, 1080), (390, 844)
TARGET_TAPS = 15
VISIT_IN_URL = re.compile(r"[?&]v=([\w-]+)")


def tr(key: str, **params) -> str:
    return i18n.translate("de", key, **params)


class Visitor:
    """A kiosk visitor who only taps: every tap is a click on a visible element, counted, then waited for."""

    def __init__(self, page, flow_id: str):
        self.page, self.flow_id, self.taps, self.shots = page, flow_id, 0, 0

    def tap(self, locator, effect, timeout: float = 20_000) -> None:
        locator.wait_for(state="visible", timeout=timeout)
        locator.click()
        self.taps += 1
        effect(timeout) if callable(effect) else effect.wait_for(state="visible", timeout=timeout)

    def shot(self, step: str) -> None:
        wait_for_app(self.page)
        assert_no_exception(self.page)
        self.shots += 1
        screenshot(self.page, f"kiosk-taps-{self.flow_id}-{self.shots:02d}-{step}")

    def on_path(self, path: str):
        return lambda timeout: self.page.wait_for_function(
            f"() => location.pathname.endsWith('/{path}')", timeout=timeout)


def start(visitor: Visitor, server, population, flow_id: str) -> None:
    """Attract screen → persona (another one until this one may use the flow: each is a tap) → MitID."""
    page, store = visitor.page, Store(server.db_url)
    page.goto(f"{server.url}/?mode=kiosk&lang=de")
    wait_for_app(page)
    assert page.get_by_test_id("attract-fact").is_visible()
    visitor.shot("attract")
    visitor.tap(page.locator(".st-key-attract_start button"), page.locator(".st-key-welcome_next button"))
    for _ in range(5):
        visit_id = VISIT_IN_URL.search(page.url).group(1)
        persona = persona_record(population, int(visits.get(store, visit_id).persona_id))
        if FLOWS[flow_id].eligible(persona, clock.today())[0]:
            break
        visitor.tap(page.locator(".st-key-welcome_other button"), lambda timeout: page.wait_for_function(
            "old => !location.search.includes('v=' + old)", arg=visit_id, timeout=timeout))
        page.locator(".st-key-welcome_next button").wait_for()
    visitor.shot("persona")
    visitor.tap(page.locator(".st-key-welcome_next button"), page.locator(".st-key-mitid_use_demo button"))
    visitor.shot("mitid-user-id")
    # The kiosk has no keyboard: the demo user ID starts the login at once (the QR code for a visitor's phone).
    visitor.tap(page.locator(".st-key-mitid_use_demo button"), page.locator("img.mitid-qr"))
    visitor.shot("mitid-qr")
    onscreen = tr("mitid.channel.onscreen").split(" ", 1)[1]  # the label without its emoji
    visitor.tap(page.locator("[data-testid='stButtonGroup'] button", has_text=onscreen),
                page.locator(".st-key-mitid_onscreen_approve button"))
    swipe = page.locator(".st-key-mitid_onscreen_swipe [role='group']").bounding_box()
    assert swipe and swipe["height"] >= 64, swipe  # a track a thumb can hit
    visitor.shot("mitid-onscreen-phone")
    visitor.tap(page.locator(".st-key-mitid_onscreen_approve button"), visitor.on_path("borger"))


def run_flow(visitor: Visitor, flow_id: str) -> None:
    """Tile → steps (examples once, then Continue on each step) → check your answers → Send."""
    page = visitor.page
    visitor.shot("borger-tiles")
    tile = page.locator(".st-key-bdk_services button", has_text=i18n.translate("de", FLOWS[flow_id].title_key))
    visitor.tap(tile, page.locator(".st-key-ss_back button"))
    used_examples = False
    for _ in range(8):
        send = page.locator(".st-key-ss_send button")
        if send.is_visible():
            break
        forward = page.locator("[class*='st-key-ss_next_'] button")
        old_key = forward.evaluate("b => b.closest('[class*=\"st-key-ss_next_\"]').className")
        if not used_examples and page.locator(".st-key-ss_examples button").is_visible():
            visitor.shot("step-empty")
            visitor.tap(page.locator(".st-key-ss_examples button"), lambda timeout: page.wait_for_function(
                "old => !document.querySelector('[class=\"' + old + '\"]')", arg=old_key, timeout=timeout))
            used_examples = True
            old_key = page.locator("[class*='st-key-ss_next_'] button").evaluate(
                "b => b.closest('[class*=\"st-key-ss_next_\"]').className")
        visitor.shot("step")
        visitor.tap(page.locator("[class*='st-key-ss_next_'] button"), lambda timeout: page.wait_for_function(
            "old => !document.querySelector('[class=\"' + old + '\"]')", arg=old_key, timeout=timeout))
        wait_for_app(page)
        assert page.locator("[data-testid='stAlert']").filter(has_text="❗").count() == 0, "a step refused"
    assert used_examples, "no step offered the example answers"
    send = page.locator(".st-key-ss_send button")
    assert send.is_enabled(), "check your answers: something is missing"
    visitor.shot("check-answers")
    visitor.tap(send, page.locator(".st-key-ss_read_letter button"))
    visitor.shot("receipt")


def read_letter_and_compare(visitor: Visitor, event: str) -> None:
    """The receipt's "Ihren Brief lesen →", then the letter's "Wie wäre das in Deutschland? →", which ends on the
    payoff of this application (pages/payoff.py); from there (not counted) the journeys page on the same event."""
    page = visitor.page
    visitor.tap(page.locator(".st-key-ss_read_letter button"), page.get_by_test_id("dds-letter"))
    visitor.shot("letter")
    toast = page.get_by_test_id("stToast").first  # the flow's letter is announced as it opens
    toast.wait_for(timeout=10_000)
    bar = page.locator(".st-key-journey_progress").bounding_box()
    assert toast.bounding_box()["y"] >= bar["y"] + bar["height"], "the new-letter toast covers the journey bar"
    small = page.evaluate("""() => Array.from(document.querySelectorAll('[data-testid="stMain"] button'))
      .filter(b => !b.closest('[data-testid="stToast"]') && b.offsetParent !== null)
      .map(b => [b.innerText.trim().slice(0, 30), b.getBoundingClientRect().height])
      .filter(([_, height]) => height < 56)""")
    assert small == [], f"buttons of the letter view below the kiosk's 56 px: {small}"
    visitor.tap(page.locator(".st-key-post_to_germany button"), visitor.on_path("payoff"))
    print(f"\n{visitor.flow_id}: {visitor.taps} taps from the attract screen to the payoff "
          f"(target ≤ {TARGET_TAPS})")
    page.locator(".dds-pay-title").wait_for(timeout=20_000)
    assert "submission=" in page.url
    visitor.shot("payoff")
    page.locator("[data-testid='stPageLink-NavLink']", has_text=tr("compare.payoff.all_events")).click()
    visitor.on_path("journeys")(20_000)
    wait_for_app(page)
    assert f"event={event}" in page.url
    chosen = page.locator("[data-testid='stButtonGroup'] button", has_text=tr(f"compare.event.{event}")).first
    assert chosen.get_attribute("aria-checked") == "true"
    visitor.shot("journeys")


@pytest.mark.parametrize("flow_id", ["moving", "tax", "passport"])
def test_tap_only_from_attract_screen_to_the_payoff(new_page, app_server, population, flow_id):
    visitor = Visitor(new_page(*KIOSK, goto=False), flow_id)
    start(visitor, app_server, population, flow_id)
    run_flow(visitor, flow_id)
    read_letter_and_compare(visitor, FLOWS[flow_id].journey_event)
    assert visitor.taps <= TARGET_TAPS


def test_visitors_phone_shows_the_mitid_app_only(new_page, app_server):
    kiosk = new_page(*KIOSK, goto=False)
    kiosk.goto(f"{app_server.url}/?mode=kiosk&lang=de")
    wait_for_app(kiosk)
    kiosk.locator(".st-key-attract_start button").click()
    kiosk.locator(".st-key-welcome_next button").click()
    kiosk.locator(".st-key-mitid_use_demo button").click()
    kiosk.locator("img.mitid-qr").wait_for(timeout=20_000)
    address = kiosk.get_by_test_id("mitid-phone-link").inner_text().strip()
    phone = new_page(*PHONE, goto=False)
    phone.goto(address)  # what the QR code opens: no mode, so explore mode, where the dashboard is in the menu
    wait_for_app(phone)
    assert_no_exception(phone)
    phone.locator(".st-key-mitid_phone_approve button").wait_for()
    assert phone.get_by_test_id("stTopNavLinkContainer").count() == 0
    assert phone.locator("a[href*='dashboard'], a[href*='about'], a[href*='borger']").count() == 0
    assert phone.get_by_text(tr("nav.dashboard")).count() == 0
    swipe = phone.locator(".st-key-mitid_phone_swipe [role='group']").bounding_box()
    assert swipe and swipe["height"] >= 64 and swipe["y"] + swipe["height"] <= PHONE[1], swipe
    thumb = phone.locator(".st-key-mitid_phone_swipe [role='group'] div:has(> div > input[type='range'])")
    grip = thumb.bounding_box()
    assert grip and grip["width"] >= 56 and grip["height"] >= 56, grip  # a target for a thumb
    screenshot(phone, "kiosk-taps-phone-page-de")
    # The swipe by touch: the thumb dragged to the end of the track (a pointer drag, no keyboard) approves.
    x, y = grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2
    phone.mouse.move(x, y)
    phone.mouse.down()
    phone.mouse.move(swipe["x"] + swipe["width"] + 40, y, steps=12)
    phone.mouse.up()
    phone.get_by_text(tr("mitid.phone.approved")).wait_for(timeout=15_000)
    screenshot(phone, "kiosk-taps-phone-page-approved-de")
    phone.goto(f"{app_server.url}/mitid_phone?lang=de")  # without a token: the 4-digit code form, still no menu
    wait_for_app(phone)
    assert phone.get_by_test_id("stTopNavLinkContainer").count() == 0
    screenshot(phone, "kiosk-taps-phone-page-code-de")


def test_login_on_a_phone_sized_screen_offers_the_onscreen_phone_first(new_page, app_server, population):
    from tests.helpers.e2e_visits import logged_in_visit

    visit_id, _persona = logged_in_visit(app_server, population, "de")
    store = Store(app_server.db_url)
    visits.log_out(store, visit_id)
    page = new_page(*PHONE, goto=False)
    page.goto(f"{app_server.url}/mitid_login?lang=de&v={visit_id}")
    wait_for_app(page)
    page.locator(".st-key-mitid_use_demo button").click()
    page.locator(".st-key-mitid_user_id input").wait_for()
    page.wait_for_function("() => document.querySelector('.st-key-mitid_user_id input').value")
    page.get_by_role("button", name=tr("mitid.continue")).click()
    page.locator("[class*='st-key-mitid_channels_']").wait_for(timeout=20_000)
    wait_for_app(page)
    assert_no_exception(page)
    assert not page.locator("img.mitid-qr").is_visible()  # nobody scans their own screen
    assert page.get_by_text(tr("mitid.qr.on_a_phone")).is_visible()
    buttons = page.locator("[class*='st-key-mitid_channels_'] [role='radiogroup'] > button")
    tops = [buttons.nth(i).bounding_box()["y"] for i in range(buttons.count())]
    first = buttons.nth(tops.index(min(tops)))
    assert tr("mitid.channel.onscreen").split(" ", 1)[1] in first.inner_text()
    screenshot(page, "kiosk-taps-login-on-a-phone-de")
    first.click()
    page.locator(".st-key-mitid_onscreen_app").wait_for()
    wait_for_app(page)
    assert page.get_by_text(tr("mitid.onscreen.instructions_below")).is_visible()  # "unten", not "rechts"
    assert not page.get_by_text(tr("mitid.onscreen.instructions")).is_visible()
    screenshot(page, "kiosk-taps-login-on-a-phone-onscreen-de")


IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/17.5 Mobile/15E148 Safari/604.1")


def test_a_phone_s_browser_starts_the_login_on_the_onscreen_phone(browser, app_server, population):
    """A browser that says it is a phone (User-Agent "Mobile") gets the on-screen phone at once, not a QR code."""
    from tests.helpers.browser import APP_HOSTS
    from tests.helpers.e2e_visits import logged_in_visit
    from urllib.parse import urlparse

    visit_id, _persona = logged_in_visit(app_server, population, "de", seed=5)
    visits.log_out(Store(app_server.db_url), visit_id)
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, locale="de-DE",
                                  user_agent=IPHONE, is_mobile=True, has_touch=True)
    foreign: list[str] = []

    def guard(route):
        if urlparse(route.request.url).hostname in APP_HOSTS or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    try:
        page = context.new_page()
        page.goto(f"{app_server.url}/mitid_login?lang=de&v={visit_id}")
        wait_for_app(page)
        page.locator(".st-key-mitid_use_demo button").tap()
        page.wait_for_function("() => document.querySelector('.st-key-mitid_user_id input').value")
        page.get_by_role("button", name=tr("mitid.continue")).tap()
        page.locator(".st-key-mitid_onscreen_app").wait_for(timeout=20_000)  # no QR code, no extra tap
        wait_for_app(page)
        assert_no_exception(page)
        assert page.locator(".st-key-mitid_channels_phone").count() == 1
        screenshot(page, "kiosk-taps-login-on-an-iphone-de")
    finally:
        context.close()
    assert not foreign, foreign
