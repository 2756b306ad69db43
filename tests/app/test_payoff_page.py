"""The payoff "Ihre fünf Minuten" in AppTest: after a self-service it shows the visit's own figures and the sourced
German journey with their sources, and the race; kiosk mode ends the visit with one tap and brings back the attract
screen; without a submission it says what to do. The life-event page puts the race above the step cards."""
import html
import random

import pytest

from simulators.borger import cases, load_flows
from simulators.compare import journeys
from simulators.core import clock, i18n, visits
from simulators.core.store import Store
from simulators.population.persona import persona_record
from tests.helpers.apptest import LANGS, page_texts
from tests.helpers.borger_app import logged_in_app, persona_for
from ui.shell.resources import population


def sent_visit(lang: str, flow_id: str, mode: str = "explore"):
    """A logged-in visit that has sent ``flow_id`` with its example answers (as a visitor who only taps does)."""
    person_id = persona_for(flow_id)
    at, visit_id = logged_in_app(lang, person_id, mode)
    persona = persona_record(population(), person_id)
    flow, today = load_flows()[flow_id], clock.today()
    outcome = flow.finish(persona, flow.example_answers(persona, today, seed=visit_id, lang=lang), today,
                          random.Random(1))
    cases.submit(Store(), visit_id, flow_id, outcome)
    return at, visit_id


@pytest.mark.parametrize("lang", LANGS)
def test_the_payoff_shows_the_visit_and_germany_with_sources_and_the_race(lang):
    at, _ = sent_visit(lang, "moving")
    at.switch_page("pages/payoff.py").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = page_texts(at)
    tr = lambda key, **p: i18n.translate(lang, key, **p)  # noqa: E731
    assert tr("compare.payoff.title", flow=tr("flow.moving.title")) in shown
    for key in ("compare.payoff.time_online", "compare.payoff.letters_label", "compare.payoff.visit_source"):
        assert tr(key) in shown
    two_letters = i18n.translate_plural(lang, "compare.payoff.letters", "compare.payoff.letters_plural", 2, count="2")
    assert two_letters in shown  # the confirmation and the health card
    de = journeys.load()[("moving", "DE")]
    one_visit = i18n.translate_plural(lang, "compare.payoff.visits", "compare.payoff.visits_plural", 1, count="1")
    assert tr("compare.payoff.hero_germany", days="24–47", visits=one_visit) in shown  # the Bürgeramt visit
    for document in de.documents:
        assert html.escape(document.text(lang)) in shown  # in the figures' table (st.html, escaped)
    for title in ("Stadt Hamminkeln – Anmeldung", "Tagesspiegel Checkpoint – Wartezeiten Bürgeramt Berlin (2023)",
                  "Hørsholm Kommune – Flytning"):
        assert title in shown  # each figure's source on screen
    assert [c.proto.id for c in at.get("plotly_chart")] and tr("compare.race.title",
                                                                  event=tr("compare.event.moving")) in shown
    assert all(b.key != "payoff_finish" for b in at.button)  # explore mode: no reset button


def test_one_tap_in_kiosk_mode_ends_the_visit_and_returns_to_the_attract_screen():
    at, visit_id = sent_visit("de", "moving", mode="kiosk")
    at.switch_page("pages/payoff.py").run()
    assert not at.exception, [e.value for e in at.exception]
    at.button(key="payoff_finish").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert visits.get(Store(), visit_id) is None  # deleted: only anonymous counters remain
    assert not at.session_state["visit_id"]
    assert any(e["event"] == "visit_end" and e["detail"] == "payoff" for e in Store().events())


def test_a_visit_that_sent_nothing_is_told_what_to_do():
    at, _ = logged_in_app("en", persona_for("moving"))
    at.switch_page("pages/payoff.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.info[0].value == i18n.translate("en", "compare.payoff.empty")


def test_the_life_event_page_leads_with_the_race_and_links_to_the_payoff():
    at, _ = sent_visit("en", "tax")
    at.query_params["event"] = "tax"
    at.switch_page("pages/journeys.py").run()
    assert not at.exception, [e.value for e in at.exception]
    order = [node for node in at.main if getattr(node, "type", None) in ("plotly_chart", "header")]
    assert order[0].type == "plotly_chart"  # the race comes before the "step by step" heading and the step cards
    assert any(link.proto.page.endswith("payoff") or "payoff" in str(link.proto) for link in at.get("page_link"))


def test_a_service_without_a_german_journey_says_what_it_is_compared_with():
    at, _ = sent_visit("de", "police")
    at.switch_page("pages/payoff.py").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = page_texts(at)
    moving = i18n.translate("de", "compare.event.moving")
    assert html.escape(i18n.translate("de", "compare.payoff.unmatched", event=moving)) in shown
    assert "Deutschland: 24–47" not in shown  # the visitor's sentence has no German figure for another service
