"""The payoff "Ihre fünf Minuten" and the race in Chromium (every request to another host blocked): the payoff fits
one 1920×1080 screen without scrolling in de/en/da, its race starts by itself, one tap brings back the attract
screen; on the life-event page the race is the headline, starts by itself once in view, has its title as big page
text and no chart toolbar — on a desktop and on a phone."""
import random

import pytest

from simulators.borger import cases, load_flows
from simulators.core import clock, visits
from simulators.core.store import Store
from simulators.population.persona import persona_record, pick_persona
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app
from tests.helpers.visits import log_visit_in

SIZES = {"desktop": (1920, 1080), "phone": (390, 844)}
# Streamlit scrolls inside its main element, so the document itself never grows: check both
FITS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {doc: document.scrollingElement.scrollHeight, inner: innerHeight,
          main: main.scrollHeight, mainClient: main.clientHeight};
}"""
PLAYED = "(box) => { const g = document.querySelector('.st-key-' + box + ' .js-plotly-plot'); " \
         "return g ? (g.dataset.racePlayed || '') : null; }"


def sent_visit(app_server, population, lang: str, flow_id: str = "moving", mode: str = "kiosk") -> str:
    """A logged-in visit (made in the app's store) that sent ``flow_id`` with its example answers a few minutes
    after it started."""
    store, flow, today = Store(app_server.db_url), load_flows()[flow_id], clock.today()
    for seed in range(3, 60):
        persona_id = pick_persona(population, seed=seed, min_age=30, max_age=55)
        persona = persona_record(population, persona_id)
        if flow.eligible(persona, today)[0]:
            break
    visit = visits.create(store, lang, mode, persona_id)
    log_visit_in(store, visit.visit_id, persona["mitid_user_id"], "onscreen_phone")
    answers = flow.example_answers(persona, today, seed=visit.visit_id, lang=lang)
    cases.submit(store, visit.visit_id, flow_id, flow.finish(persona, answers, today, random.Random(5)))
    return visit.visit_id


def open_path(new_page, app_server, path: str, width: int, height: int, lang: str):
    page = new_page(width, height, f"/?lang={lang}")  # land on the root first (tests/e2e/test_compare_e2e.py)
    page.goto(f"{app_server.url}/{path}")
    wait_for_app(page)
    assert_no_exception(page)
    return page


@pytest.mark.parametrize("lang", ["de", "en", "da"])
def test_the_payoff_fits_one_kiosk_screen_and_its_race_starts_by_itself(new_page, app_server, population, lang):
    visit_id = sent_visit(app_server, population, lang)
    page = open_path(new_page, app_server, f"payoff?v={visit_id}&lang={lang}&mode=kiosk", 1920, 1080, lang)
    page.locator(".st-key-payoff_finish button").wait_for(timeout=30_000)
    page.wait_for_function(f"() => ({PLAYED})('payoff_race') === 'done'", timeout=30_000)  # played to the end
    wait_for_app(page)
    size = page.evaluate(FITS)
    assert size["doc"] <= size["inner"] and size["main"] <= size["mainClient"], size  # no scrolling at all
    finish = page.locator(".st-key-payoff_finish button").bounding_box()
    assert finish["y"] + finish["height"] <= 1080 and finish["height"] >= 48  # one big tap, on the screen
    title = page.locator(".dds-pay-title")
    assert float(title.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 36  # from two metres
    screenshot(page, f"payoff-{lang}-1920")

    page.locator(".st-key-payoff_finish button").click()  # one tap: the visit ends, the attract screen returns
    page.get_by_test_id("attract-fact").wait_for(timeout=30_000)
    assert visits.get(Store(app_server.db_url), visit_id) is None


@pytest.mark.parametrize("size", SIZES)
def test_the_race_leads_the_life_event_page_and_starts_once_in_view(new_page, app_server, size):
    width, height = SIZES[size]
    page = open_path(new_page, app_server, "journeys?lang=de&event=moving", width, height, "de")
    chart = page.locator(".st-key-race_box .js-plotly-plot")
    chart.wait_for(timeout=30_000)
    chart.scroll_into_view_if_needed()  # on a phone it starts below the first screen
    page.wait_for_function(f"() => ({PLAYED})('race_box') !== ''", timeout=30_000)
    assert page.locator(".st-key-race_box .modebar").count() == 0  # no toolbar over the chart (or its title)
    title = page.locator(".st-key-race_box .dds-race-title")
    assert title.inner_text() == "Umzug: Dänemark gegen Deutschland"
    assert title.bounding_box()["y"] + title.bounding_box()["height"] <= chart.bounding_box()["y"]
    assert float(title.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 24
    heading = page.get_by_role("heading", name="Umzug: Schritt für Schritt")
    assert chart.bounding_box()["y"] < heading.bounding_box()["y"]  # above the step cards
    page.wait_for_function(f"() => ({PLAYED})('race_box') === 'done'", timeout=30_000)
    texts = page.evaluate("""() => [...document.querySelectorAll('.st-key-race_box .textpoint text')]
        .filter(t => t.textContent.includes(':')).map(t => t.getBoundingClientRect().right)""")
    right = chart.bounding_box()["x"] + chart.bounding_box()["width"]
    assert texts and max(texts) <= right + 1, (texts, right)  # the lanes' texts fit the chart, a phone's too
    verdict = page.locator(".st-key-race_box .dds-race-verdict").inner_text()
    assert "Dänemark: ✓ für Sie fertig: Tag 0" in verdict and "Deutschland: ✓ für Sie fertig: Tag 24" in verdict
    chart.scroll_into_view_if_needed()
    screenshot(page, f"journeys-race-de-{size}")
