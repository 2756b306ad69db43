"""Visitor text never leaves the app, in Chromium (issue #17, findings 1 and 2). Every request to a host other than
the app's is aborted and recorded (tests/helpers/browser.py fails the test at teardown if there was one; the test
also watches for the payload's host itself). The Markdown image payload ``![t](http://203.0.113.9/a.png)`` (with a
right-to-left override after it) is typed into every text field of the moving, police and library flows (as far as
each field lets one type), Digital Post's compose form, and both search boxes; the other answers come from a draft
written into the store. The payload must show literally — the persona card after the move shows the street as
typed — with no image, no link and no reversed text. A 20,000-character street cannot be entered, one character
too many gets the length message, and the long street then shows wrapped on the persona card.

Seen failing on main before the fix: the persona card made Chromium request http://203.0.113.9/a.png (the moving
test), as did the police's "unknown postcode" message (the police test); on main the street field took the
20,000 characters and the step passed without a message (the long-street test).
"""
from __future__ import annotations

import datetime as dt

import pytest

from simulators.borger import FLOWS, addresses
from simulators.core import clock, i18n, visits
from simulators.core.store import Store
from simulators.post import postbox
from tests.helpers.mailbox import letter_row
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app
from tests.helpers.e2e_visits import logged_in_visit
from tests.helpers.text_safety import BIDI, HOST, PAYLOAD, RLO
from ui.borger.form import max_chars

TYPED = f"{PAYLOAD} {RLO}gade"
VALID_IMEI = "490154203237518"
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060"))  # wrap points and joiners the app may insert


class Visitor:
    """One browser tab on a logged-in visit; records any request for the payload's host."""

    def __init__(self, new_page, app_server, population, size=(1920, 1080), lang: str = "en", seed: int = 21):
        self.app_server, self.lang = app_server, lang
        self.visit_id, self.persona = logged_in_visit(app_server, population, lang, seed=seed, min_age=30,
                                                      max_age=55)
        self.page = new_page(*size, f"/?lang={lang}&v={self.visit_id}")
        self.requested: list[str] = []
        self.page.on("request", lambda request: self.requested.append(request.url) if HOST in request.url else None)

    @property
    def store(self) -> Store:
        return Store(self.app_server.db_url)

    def goto(self, path: str) -> None:
        joiner = "&" if "?" in path else "?"
        self.page.goto(f"{self.app_server.url}/{path}{joiner}lang={self.lang}&v={self.visit_id}")
        wait_for_app(self.page)
        assert_no_exception(self.page)

    def draft(self, flow_id: str, answers: dict, step: int) -> None:
        """Start the flow on ``step`` with ``answers`` (as a reload would find them)."""
        visits.save_draft(self.store, self.visit_id, flow_id, answers, step)
        self.goto(f"selfservice?flow={flow_id}")

    def fill(self, key_prefix: str, value: str, tag: str = "input") -> None:
        self.page.locator(f'[class*="st-key-{key_prefix}"] {tag}').first.fill(value)

    def type_into(self, flow_id: str, field_id: str, value: str) -> None:
        """Type into a flow's text field as far as the field lets one type (its widget's ``max_chars``: Streamlit
        ignores a longer paste altogether)."""
        field = next(f for s in FLOWS[flow_id].steps for f in s.fields if f.id == field_id)
        self.fill(f"ss_{flow_id}_{field_id}_", value[:max_chars(field)])

    def click(self, key_prefix: str) -> None:
        self.page.locator(f'[class*="st-key-{key_prefix}"] button').first.click()
        wait_for_app(self.page)
        assert_no_exception(self.page)

    def open_letter(self, letter_id: str, folder: str = "inbox") -> None:
        letter_row(self.page, self.store, self.visit_id, letter_id, folder).click()
        wait_for_app(self.page)
        assert_no_exception(self.page)

    def text(self) -> str:
        return self.page.inner_text("body").translate(INVISIBLE)

    def check(self, where: str, literal: str | None = PAYLOAD) -> None:
        """Nothing was requested from the host, nothing on the page points there, no bidi control is shown,
        and ``literal`` (the payload) can be read as text."""
        self.page.wait_for_timeout(300)  # an image would be requested right after the render
        assert not self.requested, f"{where}: requested {self.requested}"
        assert self.page.locator(f'img[src*="{HOST}"], a[href*="{HOST}"], [srcset*="{HOST}"]').count() == 0, where
        text = self.text()
        assert not any(ch in text for ch in BIDI), f"{where}: a bidi control character is on the page"
        if literal:
            assert literal in text, f"{where}: the payload is not shown literally"


def t(lang: str, key: str, **params) -> str:
    return i18n.translate(lang, key, **params)


def test_moving_payload_shows_literally_on_every_page(new_page, app_server, population):
    visitor = Visitor(new_page, app_server, population)
    flow = FLOWS["moving"]
    today = clock.today()
    answers = {**flow.prefilled(visitor.persona, today), "moving_date": (today + dt.timedelta(days=3)).isoformat(),
               "doctor": addresses.doctors_near("8000")[0]["id"]}
    visitor.draft("moving", answers, 1)  # persons
    visitor.type_into("moving", "other_cprs", TYPED)
    visitor.click("ss_next_")
    visitor.check("persons: a payload as CPR numbers", literal=None)
    visitor.type_into("moving", "other_cprs", "")
    visitor.click("ss_next_")
    for field in ("street", "house_number", "floor", "door", "postcode", "town"):
        visitor.type_into("moving", field, TYPED)
    visitor.click("ss_next_")
    visitor.check("address: every field the payload", literal=None)
    screenshot(visitor.page, "text-safety-moving-address-errors")
    for field, value in (("house_number", "5"), ("postcode", "8000"), ("town", "Aarhus C")):
        visitor.type_into("moving", field, value)
    visitor.click("ss_next_")                                   # address
    visitor.click("ss_next_")                                   # special (date from the draft)
    visitor.click("ss_next_")                                   # doctor (from the draft)
    visitor.check("check your answers")
    visitor.click("ss_send")
    visitor.check("receipt", literal=None)
    visitor.goto("overblik")
    visitor.check("Mit Overblik")
    visitor.goto("")
    visitor.check("the persona card on the welcome page")
    card = visitor.page.locator('[class*="st-key-persona_card"]').inner_text().translate(INVISIBLE)
    assert PAYLOAD in card
    screenshot(visitor.page, "text-safety-persona-card")
    confirmation = next(x for x in postbox.list_letters(visitor.store, visitor.visit_id)
                        if x.get("template") == "moving_confirmation")
    visitor.goto("digital_post")
    visitor.open_letter(confirmation["letter_id"])
    visitor.check("the moving letter")


def test_police_and_library_payloads_show_literally(new_page, app_server, population):
    visitor = Visitor(new_page, app_server, population, seed=23)
    today = clock.today()
    visitor.draft("police", {"items": ["phone"], "incident_date": (today - dt.timedelta(days=1)).isoformat()}, 0)
    visitor.type_into("police", "description", TYPED)
    visitor.click("ss_next_")
    visitor.type_into("police", "imei", TYPED)
    visitor.click("ss_next_")
    visitor.check("police: a payload IMEI", literal=None)
    visitor.type_into("police", "imei", VALID_IMEI)
    visitor.click("ss_next_")
    visitor.type_into("police", "incident_time", TYPED)
    visitor.click("ss_next_")
    visitor.check("police: a payload time", literal=None)
    visitor.type_into("police", "incident_time", "18:30")
    visitor.click("ss_next_")
    for field in ("street", "postcode", "town", "insurer"):
        visitor.type_into("police", field, TYPED)
    visitor.click("ss_next_")
    visitor.check("police: where, every field the payload", literal=None)
    visitor.type_into("police", "postcode", "")
    visitor.click("ss_next_")
    visitor.check("police: check your answers")
    visitor.click("ss_send")
    visitor.check("police: receipt", literal=None)
    report = next(x for x in postbox.list_letters(visitor.store, visitor.visit_id)
                  if x.get("template") == "police_report_receipt")
    visitor.goto("digital_post")
    visitor.open_letter(report["letter_id"])
    visitor.check("police: the report letter")

    visitor.draft("library", {}, 0)
    visitor.type_into("library", "query", TYPED)
    visitor.click("ss_next_")
    visitor.check("library: no title matches")
    screenshot(visitor.page, "text-safety-library-no-match")


def test_digital_post_and_search_payloads_show_literally(new_page, app_server, population):
    visitor = Visitor(new_page, app_server, population, seed=25)
    visitor.goto("borger")
    visitor.fill("bdk_search", TYPED)
    visitor.page.keyboard.press("Enter")
    wait_for_app(visitor.page)
    visitor.check("borger.dk search", literal=None)
    visitor.goto("digital_post")
    visitor.fill("post_search", TYPED)
    visitor.page.keyboard.press("Enter")
    wait_for_app(visitor.page)
    visitor.check("Digital Post search", literal=None)
    visitor.fill("post_search", "")
    visitor.page.keyboard.press("Enter")
    wait_for_app(visitor.page)
    visitor.click("post_write_new")
    visitor.page.locator('[class*="st-key-post_compose_recipient"]').first.click()
    visitor.page.get_by_role("option").first.click()
    visitor.fill("post_compose_subject", TYPED)
    visitor.fill("post_compose_body", f"{TYPED}\n{PAYLOAD}", tag="textarea")
    visitor.click("post_compose_send")
    visitor.check("Digital Post: Sent")
    sent = postbox.list_letters(visitor.store, visitor.visit_id, "sent")[0]
    visitor.open_letter(sent["letter_id"], "sent")
    visitor.check("Digital Post: the sent message")
    screenshot(visitor.page, "text-safety-post-sent")


@pytest.mark.parametrize("size", [(1920, 1080), (390, 844)])
def test_a_20000_character_street_is_refused_and_a_long_one_gets_the_length_message(new_page, app_server, population,
                                                                                    size):
    """The field takes no 20,000-character paste (Streamlit ignores input beyond ``max_chars``, one more than the
    limit); one character too many gets the length message, the draft keeps the first ``max`` and every other
    answer, and the persona card shows the long street wrapped, at once."""
    visitor = Visitor(new_page, app_server, population, size=size, seed=27)
    flow, today = FLOWS["moving"], clock.today()
    answers = {**flow.prefilled(visitor.persona, today), "moving_date": (today + dt.timedelta(days=3)).isoformat(),
               "doctor": addresses.doctors_near("8000")[0]["id"]}
    visitor.draft("moving", answers, 2)
    street = visitor.page.locator('[class*="st-key-ss_moving_street_"] input').first
    street.fill("x" * 20_000)
    assert street.input_value() == "", "the browser took a 20,000-character street"
    limit = next(f.max_length for s in flow.steps for f in s.fields if f.id == "street")
    visitor.fill("ss_moving_street_", "x" * (limit + 1))
    for field, value in (("house_number", "5"), ("postcode", "8000"), ("town", "Aarhus C")):
        visitor.type_into("moving", field, value)
    visitor.click("ss_next_")
    visitor.page.get_by_text(t("en", "borger.err.too_long", max=limit)).first.wait_for(timeout=20_000)
    kept = visits.get(visitor.store, visitor.visit_id).draft("moving")["answers"]
    assert kept["street"] == "x" * limit and (kept["house_number"], kept["postcode"]) == ("5", "8000")
    screenshot(visitor.page, f"text-safety-long-street-{size[0]}")
    for _ in range(4):                                      # address (now within the limit), date, doctor, check
        visitor.click("ss_next_" if _ < 3 else "ss_send")
    visitor.goto("")
    card = visitor.page.locator('[class*="st-key-persona_card"]')
    assert "x" * limit in card.inner_text().translate(INVISIBLE)
    assert card.bounding_box()["width"] <= size[0], "the long street stretches the persona card"
    screenshot(visitor.page, f"text-safety-long-street-card-{size[0]}")
