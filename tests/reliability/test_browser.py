"""In Chromium against `streamlit run`: typed script payloads render as text and fire nothing, and the whole
journey makes no request beyond the app's own host (the ``new_page`` fixture aborts and records any).

Known to bite (seen failing locally, not committed): the letter's text shown with
``st.markdown(..., unsafe_allow_html=True)`` (the payload became markup, its text vanished); ``st.error`` followed
by the typed user ID as raw HTML (an ``<img src=x>`` appeared); an ``<img src="https://example.org/…">`` added to
the theme's CSS block (foreign requests recorded and aborted).
"""
from __future__ import annotations

import os
import time

import pytest

from simulators.core import i18n
from simulators.core import visits
from simulators.core.store import Store
from tests.helpers.browser import _browser_missing_reason, wait_for_app
from tests.helpers.mailbox import ROWS
from tests.helpers.visits import log_visit_in

REASON = _browser_missing_reason()
pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(bool(REASON) and os.environ.get("DDS_REQUIRE_BROWSER") != "1",
                                 reason=REASON or "")]
PAYLOAD = "<img src=x onerror=alert('dds-xss')><script>alert('dds-xss')</script>"


def new_visit(app_server, lang: str = "en", logged_in: bool = True) -> tuple[str, dict]:
    """A visit with a persona in the app's own store (logged in unless asked otherwise)."""
    from simulators.population.persona import persona_record, pick_persona
    from ui.shell.resources import population

    persona = persona_record(population(), pick_persona(population(), seed=int(time.time() * 1000) % 100_000))
    store = Store(app_server.db_url)
    visit = visits.create(store, lang, "explore", persona["person_id"])
    if logged_in:
        log_visit_in(store, visit.visit_id, persona["mitid_user_id"])
    return visit.visit_id, persona


def open_at(new_page, app_server, path: str):
    """The start page first (a fresh server's first run must not be a deep link: see test_deep_link.py)."""
    page = new_page(1400, 1000, "/?lang=en")
    page.goto(app_server.url + path)
    wait_for_app(page)
    return page


def watch_dialogs(page) -> list[str]:
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def click(page, key: str) -> None:
    page.locator(f".st-key-{key} button").first.click()
    wait_for_app(page)


def test_script_typed_into_digital_post_renders_as_text_and_fires_nothing(new_page, app_server):
    visit_id, _ = new_visit(app_server)
    page = open_at(new_page, app_server, f"/digital_post?lang=en&v={visit_id}")
    dialogs = watch_dialogs(page)
    click(page, "post_write_new")
    page.locator(".st-key-post_compose_recipient").click()
    page.get_by_role("option").first.click()
    page.locator(".st-key-post_compose_subject input").fill(PAYLOAD)
    page.locator(".st-key-post_compose_body textarea").fill(PAYLOAD + "\nline two")
    click(page, "post_compose_send")
    page.locator(ROWS).first.click()  # the sent message, newest first
    wait_for_app(page)
    letter = page.get_by_test_id("dds-letter").first
    shown = letter.inner_text().replace("\u2060", "").replace("\u200b", "")  # invisible joiners keep Markdown inert
    assert PAYLOAD in shown  # shown as the characters typed
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.locator("img[src='x']").count() == 0
    assert "dds-xss" not in (page.evaluate("() => [...document.scripts].map(s => s.text).join(' ')") or "")


def test_script_typed_as_mitid_user_id_fires_nothing(new_page, app_server):
    visit_id, _ = new_visit(app_server, logged_in=False)
    page = open_at(new_page, app_server, f"/mitid_login?lang=en&v={visit_id}")
    dialogs = watch_dialogs(page)
    page.locator(".st-key-mitid_user_id input").fill(PAYLOAD)
    page.get_by_role("button", name=i18n.translate("en", "mitid.continue")).click()
    wait_for_app(page)
    page.wait_for_timeout(500)
    assert page.get_by_test_id("stAlertContentError").count() >= 1  # refused with a message
    assert dialogs == [] and page.locator("img[src='x']").count() == 0


def test_whole_journey_stays_on_the_app_host(new_page, app_server):
    """Welcome → Start → MitID (demo ID, on-screen phone, approve) → every page; new_page fails on any request
    to another host, and every request seen here must go to 127.0.0.1."""
    page = new_page(1400, 1000, "/?lang=en&mode=explore")
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2].split(":")[0]))
    dialogs = watch_dialogs(page)
    click(page, "welcome_start")
    click(page, "welcome_next")
    click(page, "mitid_use_demo")
    page.get_by_role("button", name=i18n.translate("en", "mitid.continue")).click()
    wait_for_app(page)
    page.locator("[class*='st-key-mitid_channel_'] button").nth(2).click()  # QR, 4-digit code, on-screen phone
    wait_for_app(page)
    click(page, "mitid_onscreen_approve")
    page.wait_for_url("**/borger**", timeout=20_000)
    wait_for_app(page)
    visit_id = page.url.split("v=")[1].split("&")[0]
    from ui.shell.navigation import PAGES

    for spec in PAGES:
        if spec.path == "pages/mitid_phone.py":
            continue
        query = "&flow=moving" if spec.url_path == "selfservice" else ""
        page.goto(f"{app_server.url}/{spec.url_path}?lang=en&v={visit_id}{query}")
        wait_for_app(page)
        assert page.locator('[data-testid="stException"]').count() == 0, spec.url_path
    assert hosts <= {"127.0.0.1", "localhost"}, hosts
    assert dialogs == []
