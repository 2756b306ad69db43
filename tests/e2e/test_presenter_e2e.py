"""The presenter view in a real browser, two windows as on a booth laptop with a projector: the notes window
(``?mode=presenter&view=notes``) drives the audience window (opened from its link) through the store. Step 3's
moving flow is done in the audience window; "Weiter" in the notes window brings its receipt letter up in the
audience window's Digital Post; jumps 6 → 2 → 4 keep the visit (the same ``v``); Reset starts a new one; the
audience window never shows the speaker notes; Backspace in the notes window brings a strayed audience window
back to the last step. Screenshots of both windows at 1920x1080 (de).

Before issue #16's fix ``view=notes`` was ignored (no notes window, no presentation code to pair with) and every
tour step made a new visit, so the receipt was gone in Digital Post; on that code this test was seen failing only
at its import (no simulators.booth.presentation), not step by step."""
import datetime as dt
import re

from simulators.booth import presentation
from simulators.borger import addresses, cases
from simulators.core import clock, i18n, visits
from simulators.core.store import Store
from simulators.borger import load_flows
from simulators.booth import tour
from simulators.population.persona import persona_record
from simulators.post import postbox
from tests.helpers.mailbox import letter_row
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app

LANG = "de"
VISIT_IN_URL = re.compile(r"[?&]v=([\w-]+)")
CODE_IN_URL = re.compile(r"[?&]p=([\w-]+)")
FOLLOW_TIMEOUT_MS = 10_000  # a wait limit for a busy machine, no speed check (bench/bench_presenter_follow.py)


def tr(key: str, **params) -> str:
    return i18n.translate(LANG, key, **params)


def notes_phrases() -> list[str]:
    """Pieces of every step's speaker notes as the browser shows them (Markdown bullets and bold removed)."""
    found = []
    for step in tour.STEPS:
        for line in tr(step.notes_key).splitlines():
            text = line.lstrip("- ").replace("**", "").strip()
            if len(text) > 30:
                found.append(text[:30])
    return found


def visit_of(page) -> str:
    return VISIT_IN_URL.search(page.url).group(1)


def drive(notes, audience, key: str, url_part) -> None:
    """Press a tour button in the notes window and wait until the audience window shows the page (its URL path;
    a function of the URL for a reset). How fast it follows: bench/bench_presenter_follow.py."""
    notes.locator(f".st-key-{key} button").first.click()
    wanted = url_part if callable(url_part) else re.compile(rf"/{url_part}(\?|$)")
    audience.wait_for_url(wanted, timeout=FOLLOW_TIMEOUT_MS)
    wait_for_app(notes)
    assert_no_exception(notes)
    wait_for_app(audience)
    assert_no_exception(audience)


def assert_no_notes(audience) -> None:
    body = audience.inner_text("body")
    shown = [phrase for phrase in notes_phrases() if phrase in body]
    assert not shown, f"the audience window shows speaker notes: {shown}"
    assert audience.locator('[data-testid="stSidebar"]').count() == 0 or \
        not audience.locator('[data-testid="stSidebar"]').is_visible()


def fill(page, key_prefix: str, value: str) -> None:
    page.locator(f'[class*="st-key-{key_prefix}"] input').first.fill(value)


def next_step(page, expect: str) -> None:
    page.locator('[class*="st-key-ss_next_"] button').first.click()
    page.get_by_text(expect, exact=False).first.wait_for(timeout=20_000)
    wait_for_app(page)
    assert_no_exception(page)


def move_in_the_audience_window(audience, persona: dict) -> tuple[str, str]:
    """The moving flow, step by step as the presenter does it on stage. Returns the new postcode and town."""
    postcode, town = ("8000", "Aarhus C") if persona["postcode"] != "8000" else ("5000", "Odense C")
    steps = len(load_flows()["moving"].steps)
    next_step(audience, tr("borger.step_x_of_y", step=2, total=steps))                 # overview
    next_step(audience, tr("borger.step_x_of_y", step=3, total=steps))                 # persons (from the CPR)
    fill(audience, "ss_moving_street_", "Nørregade")
    fill(audience, "ss_moving_house_number_", "5")
    fill(audience, "ss_moving_postcode_", postcode)
    fill(audience, "ss_moving_town_", town)
    next_step(audience, tr("borger.step_x_of_y", step=4, total=steps))                 # address
    moving_date = clock.today() + dt.timedelta(days=3)
    field = audience.locator('[class*="st-key-ss_moving_moving_date_"]').first
    field.locator('[data-type="day"]').click()
    audience.keyboard.type(moving_date.strftime("%d%m%Y"))
    audience.keyboard.press("Escape")
    next_step(audience, tr("borger.step_x_of_y", step=5, total=steps))                 # date
    doctor = addresses.doctors_near(postcode)[0]
    audience.get_by_text(f"{doctor['name']} — {doctor['address']}", exact=True).click()
    next_step(audience, tr("borger.check_answers_hint"))                               # doctor
    audience.locator(".st-key-ss_send button").click()
    audience.get_by_text(tr("borger.receipt_title"), exact=False).first.wait_for(timeout=20_000)
    wait_for_app(audience)
    assert_no_exception(audience)
    return postcode, town


def test_the_notes_window_drives_the_audience_window_through_one_visit(new_page, app_server, population):
    store = Store(app_server.db_url)

    notes = new_page(1920, 1080, f"/?mode=presenter&view=notes&lang={LANG}")
    notes.wait_for_url(CODE_IN_URL, timeout=30_000)
    wait_for_app(notes)
    assert_no_exception(notes)
    code = CODE_IN_URL.search(notes.url).group(1)
    assert "/presenter_notes" in notes.url and presentation.get(store, code).step_id == "welcome"
    assert notes.get_by_test_id("tour-timer").is_visible()
    assert notes_phrases()[0] in notes.inner_text("body")  # the notes are here (so their absence below means it)

    link = notes.locator(f'a[href*="p={code}"]').first
    href = link.get_attribute("href")
    assert href.startswith("./?") and "mode=presenter" in href and "view=notes" not in href
    audience = new_page(1920, 1080, "/" + href[2:])
    audience.wait_for_url(VISIT_IN_URL, timeout=30_000)
    wait_for_app(audience)
    visit_id = visit_of(audience)
    assert visit_id == presentation.get(store, code).visit_id == visit_of(notes)
    assert_no_notes(audience)
    assert audience.locator('[class*="st-key-keep_picker_age"]').count() == 0  # no persona chooser
    screenshot(audience, "presenter-audience-welcome-de-1920")

    # Step 3 from the notes window; the flow itself in the audience window.
    drive(notes, audience, "tour_jump_borger", "selfservice")
    assert visit_of(audience) == visit_id
    assert_no_notes(audience)
    persona = persona_record(population, int(visits.get(store, visit_id).persona_id))
    postcode, town = move_in_the_audience_window(audience, persona)
    sent = cases.submissions(store, visit_id, "moving")
    assert len(sent) == 1 and sent[0]["receipt_no"] in audience.inner_text("body")
    screenshot(audience, "presenter-audience-receipt-de-1920")
    screenshot(notes, "presenter-notes-borger-de-1920")

    # Weiter in the notes window: the receipt's letter is in the audience window's Digital Post.
    drive(notes, audience, "tour_next", "digital_post")
    assert visit_of(audience) == visit_id
    confirmation = next(x for x in postbox.list_letters(store, visit_id) if x["template"] == "moving_confirmation")
    assert confirmation["params"]["receipt_no"] == sent[0]["receipt_no"]
    assert f"Nørregade 5, {postcode} {town}" == confirmation["params"]["new_address"]
    assert len(cases.submissions(store, visit_id)) == 1  # nothing prepared on top of what the presenter sent
    letter_row(audience, store, visit_id, confirmation["letter_id"]).click()
    wait_for_app(audience)
    letter_text = audience.get_by_test_id("dds-letter").inner_text()
    assert sent[0]["receipt_no"] in letter_text and "Nørregade 5" in letter_text
    assert_no_notes(audience)
    screenshot(audience, "presenter-audience-post-de-1920")
    screenshot(notes, "presenter-notes-post-de-1920")

    # A reload of either window keeps its place.
    audience.reload()
    wait_for_app(audience)
    assert "/digital_post" in audience.url and visit_of(audience) == visit_id
    notes.reload()
    wait_for_app(notes)
    assert CODE_IN_URL.search(notes.url).group(1) == code and visit_of(notes) == visit_id

    # Jumps 6 → 2 → 4 keep the visit.
    for key, url_part in (("tour_jump_indicators", "compare"), ("tour_jump_mitid", "mitid_login"),
                          ("tour_jump_digital_post", "digital_post")):
        drive(notes, audience, key, url_part)
        assert visit_of(audience) == visit_id, key
        assert_no_notes(audience)
    assert len(cases.submissions(store, visit_id)) == 1

    # The safety net, by one key: a stray click takes the audience window elsewhere and ends the login; Backspace
    # in the notes window brings it back to step 4, in the same visit, logged in again.
    audience.get_by_role("link", name=tr("nav.about")).first.click()
    audience.wait_for_url(re.compile(r"/about(\?|$)"))
    wait_for_app(audience)
    visits.log_out(store, visit_id)
    notes.get_by_role("heading", name=tr("booth.present.title")).click()  # focus on the page, not on a field
    notes.keyboard.press("Backspace")
    audience.wait_for_url(re.compile(r"/digital_post(\?|$)"), timeout=FOLLOW_TIMEOUT_MS)
    wait_for_app(audience)
    assert_no_exception(audience)
    assert visit_of(audience) == visit_id and visits.get(store, visit_id).logged_in
    assert audience.get_by_role("heading", name=tr("post.title")).first.is_visible()
    wait_for_app(notes)

    # Reset starts a new visit; the old one is gone.
    drive(notes, audience, "tour_reset",
          lambda url: bool(VISIT_IN_URL.search(url)) and VISIT_IN_URL.search(url).group(1) != visit_id)
    assert visits.get(store, visit_id) is None
    assert visit_of(audience) == presentation.get(store, code).visit_id
    assert tr("welcome.you_are") in audience.inner_text("body")
    assert_no_notes(audience)
