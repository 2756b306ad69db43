"""The presenter tour: the steps of the story, the pure rule of what a step still needs, one visit through the tour
(a jump keeps what the presenter did and adds only what is missing) and a prepared state that is the same every
time (for a rehearsed talk)."""
import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from simulators.borger import addresses, cases, load_flows
from simulators.borger.flows.moving import FLOW as MOVING
from simulators.booth import tour
from simulators.compare import journeys
from simulators.core import i18n, visits
from simulators.core.store import Store
from simulators.population.persona import persona_record, pick_persona
from simulators.post import postbox
from tests.helpers.population import population
from tests.helpers.privacy import offending_events

ROOT = Path(__file__).resolve().parents[3]
TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def people():
    return population()


@pytest.fixture(scope="module")
def persona(people):
    return persona_record(people, pick_persona(people, seed=tour.TOUR_SEED))


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


# ---- the rule: what a step still needs ---------------------------------------------------------------------
EMPTY = tour.VisitState()
FULL = tour.VisitState(logged_in=True, mailbox=True, applications=("moving",))


@pytest.mark.parametrize("step_id, state, needed", [
    ("welcome", EMPTY, ()),
    ("mitid", EMPTY, ()),
    ("borger", EMPTY, (tour.LOGIN,)),
    ("borger", tour.VisitState(logged_in=True), ()),
    ("digital_post", EMPTY, (tour.LOGIN, tour.MAILBOX, tour.APPLICATION)),
    ("digital_post", tour.VisitState(logged_in=True, applications=("library",)), (tour.MAILBOX,)),
    ("digital_post", tour.VisitState(logged_in=True, mailbox=True), (tour.APPLICATION,)),
    ("digital_post", FULL, ()),
    ("germany", EMPTY, (tour.LOGIN,)),
    ("indicators", FULL, ()),
])
def test_a_step_needs_only_what_the_visit_lacks(step_id, state, needed):
    """Before the fix there was no such rule (every jump made a whole new visit); this module then failed at
    collection (no ``tour.VisitState``), not at this assertion."""
    assert tour.missing(step_id, state) == needed


states = st.builds(tour.VisitState, st.booleans(), st.booleans(), st.lists(st.sampled_from(["moving", "library"]),
                                                                           max_size=2).map(tuple))


@given(step_id=st.sampled_from(tour.STEP_IDS), state=states)
@settings(max_examples=200, deadline=None)
def test_what_is_missing_is_never_there_already_and_once_added_nothing_is(step_id, state):
    needed = tour.missing(step_id, state)
    assert not (tour.LOGIN in needed and state.logged_in)
    assert not (tour.MAILBOX in needed and state.mailbox)
    assert not (tour.APPLICATION in needed and state.applications)
    after = tour.VisitState(state.logged_in or tour.LOGIN in needed, state.mailbox or tour.MAILBOX in needed,
                            state.applications or (("moving",) if tour.APPLICATION in needed else ()))
    assert tour.missing(step_id, after) == ()
    assert tour.missing(step_id, FULL) == ()


def test_the_tour_continues_only_a_presenter_visit_of_the_chosen_persona(store, persona):
    mine = visits.create(store, "de", "presenter", persona["person_id"])
    assert tour.continues(mine, persona)
    assert not tour.continues(None, persona)
    assert not tour.continues(visits.create(store, "de", "explore", persona["person_id"]), persona)
    assert not tour.continues(visits.create(store, "de", "presenter", persona["person_id"] + 1), persona)


# ---- prepare: one visit, only what is missing ------------------------------------------------------------------
@pytest.mark.parametrize("step_id", tour.STEP_IDS)
def test_each_step_prepares_what_its_page_needs(store, people, persona, step_id):
    prepared = tour.prepare(store, step_id, persona, "de", people, today=TODAY)
    step = tour.step(step_id)
    visit = visits.get(store, prepared.visit_id)
    assert visit.mode == "presenter" and visit.lang == "de"
    assert visit.persona_id == persona["person_id"]
    login = visit.login and (visit.login.user_id, visit.login.method)
    demo_user = visits.demo_user_id(visit, persona["mitid_user_id"])  # the visit's own (issue #17, finding 6)
    assert demo_user != persona["mitid_user_id"]
    assert login == ((demo_user, "onscreen_phone") if step.needs_login else None)
    letters = postbox.list_letters(store, prepared.visit_id)
    assert (len(letters) > 0) is step.mailbox and prepared.letters == len(letters)
    assert bool(cases.submissions(store, prepared.visit_id)) is step.needs_application
    assert (ROOT / prepared.page).exists()
    assert prepared.page == ("pages/selfservice.py" if step_id == "borger" else step.page)
    assert query_fits(step_id, prepared.query, persona), prepared.query
    assert prepared.added == ("visit",) + tour.missing(step_id, tour.VisitState())
    tracked = [(e["event"], e["detail"]) for e in store.events()]
    sent = [("flow_completed", "moving")] if step.needs_application else []
    assert tracked == [("visit_start", ""), *sent, ("tour_step", step_id)]


def query_fits(step_id: str, query: dict, persona: dict) -> bool:
    """borger opens a flow the persona may use, germany a German journey; the other steps need no query."""
    if step_id == "borger":
        return load_flows()[query["flow"]].eligible(persona, TODAY)[0]
    if step_id == "germany":
        return query["event"] in journeys.EVENTS
    return query == {}


def presenters_move(persona) -> dict:
    """The moving flow as a presenter completes it on stage (another address than the prepared one)."""
    answers = {**MOVING.prefilled(persona, TODAY), "street": "Vestergade", "house_number": "9", "postcode": "5000",
               "town": "Odense C", "moving_date": "2026-12-03", "doctor": addresses.doctors_near("5000")[0]["id"]}
    return MOVING.finish(persona, answers, TODAY, random.Random(1))


def test_next_keeps_the_visit_and_the_application_the_presenter_sent(store, people, persona):
    """The issue's report: every jump deleted the visit, so Digital Post lost the receipt just sent (on the old
    code this module failed at collection, so this test was not seen failing by itself)."""
    borger = tour.prepare(store, "borger", persona, "de", people, today=TODAY)
    sent = cases.submit(store, borger.visit_id, "moving", presenters_move(persona))  # Send, in the audience window
    post = tour.prepare(store, "digital_post", persona, "de", people, visit_id=borger.visit_id, today=TODAY)
    assert post.visit_id == borger.visit_id and post.added == (tour.MAILBOX,)
    assert [s["submission_id"] for s in cases.submissions(store, post.visit_id)] == [sent["submission_id"]]
    receipts = [x for x in postbox.list_letters(store, post.visit_id) if x["origin"] == "action"]
    assert {x["params"]["receipt_no"] for x in receipts} == {sent["receipt_no"]}
    assert {x["template"] for x in receipts} == {"moving_confirmation", "moving_health_card"}
    assert all("Odense C" in x["params"]["new_address"] for x in receipts)


def test_jumps_back_and_forth_keep_one_visit_and_add_nothing_twice(store, people, persona):
    """Before the fix each of these jumps made a new visit and deleted the one before (not seen failing by itself:
    the module failed at collection on the old code)."""
    first = tour.prepare(store, "indicators", persona, "en", people, today=TODAY)
    letters_before = None
    for step_id in ("mitid", "digital_post", "borger", "digital_post", "germany", "welcome", "digital_post"):
        again = tour.prepare(store, step_id, persona, "en", people, visit_id=first.visit_id, today=TODAY)
        assert again.visit_id == first.visit_id
        letters = postbox.list_letters(store, first.visit_id)
        if letters_before is not None:
            assert len(letters) == letters_before, step_id
        if step_id == "digital_post":
            letters_before = len(letters)
    assert len(cases.submissions(store, first.visit_id)) == 1
    assert visits.get(store, first.visit_id).logged_in
    starts = [e for e in store.events() if e["event"] == "visit_start"]
    assert len(starts) == 1 and not [e for e in store.events() if e["event"] == "visit_end"]


def test_a_jump_restores_a_login_a_phone_ended(store, people, persona):
    """The safety net: a visitor's phone (or a click on "Log af") ended the login; the same step again logs in."""
    post = tour.prepare(store, "digital_post", persona, "de", people, today=TODAY)
    visits.log_out(store, post.visit_id)
    again = tour.prepare(store, "digital_post", persona, "de", people, visit_id=post.visit_id, today=TODAY)
    assert again.visit_id == post.visit_id and again.added == (tour.LOGIN,)
    assert visits.get(store, post.visit_id).logged_in


def test_digital_post_without_an_application_gets_a_completed_move_with_its_letters(store, people, persona):
    """Before the fix Digital Post showed only the life's letters, no application's (as the issue reports; not
    seen failing by itself: the module failed at collection on the old code)."""
    post = tour.prepare(store, "digital_post", persona, "de", people, today=TODAY)
    sent = cases.submissions(store, post.visit_id)
    assert [s["flow_id"] for s in sent] == ["moving"] and sent[0]["receipt_no"].startswith("BDK-2026-")
    receipts = [x for x in postbox.list_letters(store, post.visit_id) if x["origin"] == "action"]
    assert sorted(x["template"] for x in receipts) == ["moving_confirmation", "moving_health_card"]
    assert {x["params"]["receipt_no"] for x in receipts} == {sent[0]["receipt_no"]}
    assert all(x["date"] == f"{TODAY.isoformat()}T08:00:00" for x in receipts)
    moved = visits.get(store, post.visit_id).persona_changes
    assert moved["postcode"] != persona["postcode"] and moved["address_line2"].split()[0] == moved["postcode"]
    borger = tour.prepare(store, "borger", persona, "de", people, visit_id=post.visit_id, today=TODAY)
    assert borger.query == {"flow": "moving", "receipt": sent[0]["submission_id"]}  # step 3 shows its receipt


def test_a_persona_too_young_to_move_gets_a_library_reservation(store, people):
    young = persona_record(people, pick_persona(people, seed=3, min_age=13, max_age=14))
    assert not MOVING.eligible(young, TODAY)[0]
    post = tour.prepare(store, "digital_post", young, "da", people, today=TODAY)
    assert [s["flow_id"] for s in cases.submissions(store, post.visit_id)] == ["library"]
    templates = {x["template"] for x in postbox.list_letters(store, post.visit_id) if x["origin"] == "action"}
    assert "library_reservation_receipt" in templates


def prepared_state(store, people, persona, lang: str = "de") -> dict:
    """Everything the audience sees of a prepared Digital Post step, without the ids a store makes up."""
    post = tour.prepare(store, "digital_post", persona, lang, people, today=TODAY)
    letters = sorted((x["template"], sorted(x["params"].items()), x["date"], x["read"], x["folder"], x["sender"])
                     for x in postbox.list_letters(store, post.visit_id))
    sent = [{k: v for k, v in s.items() if k != "submission_id"} for s in cases.submissions(store, post.visit_id)]
    visit = visits.get(store, post.visit_id)
    return {"letters": letters, "sent": sent, "changes": visit.persona_changes, "page": post.page,
            "query": post.query,  # the login's user ID is the visit's own demo ID (a suffix the store makes up)
            "login": visit.login.user_id == visits.demo_user_id(visit, persona["mitid_user_id"])}


def test_the_prepared_state_is_the_same_every_time(tmp_path, people, persona):
    """Same persona, same letters, same receipt number, address and dates: on another day's run too (the
    real time of day differs; the prepared application is sent at a fixed time). Before the fix the receipt
    number came from the system's randomness; there was no prepared application at all."""
    first = prepared_state(Store(f"sqlite:///{tmp_path}/a.db"), people, persona)
    second = prepared_state(Store(f"sqlite:///{tmp_path}/b.db"), people, persona)
    assert first == second
    assert first["sent"] and any(t == "moving_confirmation" for t, *_ in first["letters"])
    other = persona_record(people, pick_persona(people, seed=tour.TOUR_SEED + 1))
    assert prepared_state(Store(f"sqlite:///{tmp_path}/c.db"), people, other)["letters"] != first["letters"]


def test_another_persona_gets_a_new_visit_and_prepare_leaves_ending_the_old_one_to_the_caller(store, people, persona):
    first = tour.prepare(store, "digital_post", persona, "en", people, today=TODAY)
    other = persona_record(people, pick_persona(people, seed=tour.TOUR_SEED + 1))
    second = tour.prepare(store, "digital_post", other, "en", people, visit_id=first.visit_id, today=TODAY)
    assert second.visit_id != first.visit_id and second.added[0] == "visit"
    assert visits.get(store, second.visit_id).persona_id == other["person_id"]
    assert visits.get(store, first.visit_id) is not None  # ui.shell.session.begin_visit ends it


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
    visit_id = None
    for step_id in tour.STEP_IDS:
        visit_id = tour.prepare(store, step_id, persona, "da", people, visit_id=visit_id, today=TODAY).visit_id
    events = store.events()
    assert [e["event"] for e in events].count("tour_step") == len(tour.STEP_IDS)
    assert len(events) == 1 + len(tour.STEP_IDS) + 1  # one visit_start, the steps, the prepared application
    assert offending_events(events) == []
    assert not any(persona["full_name"] in str(e) or persona["cpr"] in str(e) for e in events)
