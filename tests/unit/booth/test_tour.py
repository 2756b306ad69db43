"""The presenter tour: the steps of the story, and that each step's preparation yields the state it needs."""
import datetime as dt
from pathlib import Path

import pytest

from simulators.core import i18n
from simulators.compare import journeys
from simulators.post import postbox
from simulators.booth import tour
from simulators.core import visits
from simulators.borger import load_flows
from simulators.population.persona import pick_persona, persona_record
from simulators.core.store import Store
from tests.helpers.population import population
from tests.helpers.privacy import offending_events

ROOT = Path(__file__).resolve().parents[3]
TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def people():
    return population()


@pytest.fixture(scope="module")
def persona(people):
    return persona_record(people, pick_persona(people, seed=2024))


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path}/tour.db")


class StubFlow:
    def __init__(self, ok: bool, journey_event=None):
        self.ok, self.journey_event = ok, journey_event

    def eligible(self, persona, today):
        return self.ok, None if self.ok else "stub.not_eligible", {}


def test_the_story_in_order_with_pages_and_notes():
    assert tour.STEP_IDS == ("welcome", "mitid", "borger", "digital_post", "germany", "indicators")
    for step in tour.STEPS:
        assert (ROOT / step.page).exists(), step.page
        for lang in i18n.LANGS:
            assert i18n.catalog(lang).get(step.title_key), (lang, step.title_key)
            assert len(i18n.catalog(lang).get(step.notes_key, "")) > 100, (lang, step.notes_key)


def test_next_and_previous_stop_at_the_ends():
    assert tour.next_id("welcome") == "mitid"
    assert tour.next_id("indicators") == "indicators"
    assert tour.previous_id("mitid") == "welcome"
    assert tour.previous_id("welcome") == "welcome"
    assert tour.next_id(None) == tour.previous_id("nonsense") == "welcome"


@pytest.mark.parametrize("step_id", tour.STEP_IDS)
def test_each_step_prepares_what_its_page_needs(store, people, persona, step_id):
    prepared = tour.prepare(store, step_id, persona, "de", people, today=TODAY)
    step = tour.step(step_id)
    visit = visits.get(store, prepared.visit_id)
    assert visit.mode == "presenter" and visit.lang == "de"
    assert visit.persona_id == persona["person_id"]
    login = visit.login and (visit.login.user_id, visit.login.method)
    assert login == ((persona["mitid_user_id"], "onscreen_phone") if step.needs_login else None)
    letters = postbox.list_letters(store, prepared.visit_id)
    assert (len(letters) > 0) is step.mailbox and prepared.letters == len(letters)
    assert (ROOT / prepared.page).exists()
    assert prepared.page == ("pages/selfservice.py" if step_id == "borger" else step.page)
    assert query_fits(step_id, prepared.query, persona), prepared.query
    tracked = [(e["event"], e["detail"]) for e in store.events()]
    assert tracked == [("visit_start", ""), ("tour_step", step_id)]


def query_fits(step_id: str, query: dict, persona: dict) -> bool:
    """borger opens a flow the persona may use, germany a German journey; the other steps need no query."""
    if step_id == "borger":
        return load_flows()[query["flow"]].eligible(persona, TODAY)[0]
    if step_id == "germany":
        return query["event"] in journeys.EVENTS
    return query == {}


def test_a_jump_deletes_the_previous_visit(store, people, persona):
    first = tour.prepare(store, "digital_post", persona, "en", people, today=TODAY)
    tag = visits.get(store, first.visit_id).tag
    second = tour.prepare(store, "indicators", persona, "en", people, previous_visit_id=first.visit_id, today=TODAY)
    assert store.count(visit_id=first.visit_id) == 0
    assert visits.get(store, second.visit_id) is not None
    ends = [e["detail"] for e in store.events() if e["visit_tag"] == tag and e["event"] == "visit_end"]
    assert ends == ["tour_jump"]


def test_digital_post_has_letters_for_other_personas_too(store, people):
    pensioner = persona_record(people, pick_persona(people, seed=5, pension_age=True))
    parent = persona_record(people, pick_persona(people, seed=6, has_children=True))
    for someone in (pensioner, parent):
        assert tour.prepare(store, "digital_post", someone, "da", people, today=TODAY).letters > 0


def test_choose_flow_prefers_the_story_order_and_falls_back(persona):
    flows = {"library": StubFlow(True), "moving": StubFlow(False), "passport": StubFlow(True, "passport")}
    assert tour.choose_flow(persona, TODAY, flows) == "passport"
    assert tour.choose_flow(persona, TODAY, {"zzz": StubFlow(True)}) == "zzz"
    assert tour.choose_flow(persona, TODAY, {"moving": StubFlow(False)}) is None
    assert tour.journey_event("passport", flows) == "passport"
    assert tour.journey_event("library", flows) == "moving"  # no German journey of its own
    assert tour.journey_event(None, flows) == "moving"


def test_without_a_usable_flow_the_borger_step_opens_the_portal(store, people, persona):
    prepared = tour.prepare(store, "borger", persona, "en", people, today=TODAY, flows={"moving": StubFlow(False)})
    assert prepared.page == "pages/borger.py" and prepared.query == {}


def test_the_tour_leaves_only_codes_in_the_counters(store, people, persona):
    previous = None
    for step_id in tour.STEP_IDS:
        previous = tour.prepare(store, step_id, persona, "da", people, previous_visit_id=previous, today=TODAY).visit_id
    events = store.events()
    assert len(events) == 3 * len(tour.STEP_IDS) - 1
    assert offending_events(events) == []
    assert not any(persona["full_name"] in str(e) or persona["cpr"] in str(e) for e in events)
