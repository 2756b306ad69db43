"""Persisting outcomes: submission, letters in Digital Post, persona changes, draft removal, booth event,
and Mit Overblik built from them."""
import random

import pytest

from simulators.post import postbox
from simulators.core import visits
from simulators.borger import addresses, cases
from simulators.borger.flows.moving import FLOW as MOVING
from simulators.borger.flows.passport import FLOW as PASSPORT, free_slots
from simulators.core.store import Store
from tests.helpers.personas import TODAY, make_persona


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path}/cases.db")


def moving_outcome(persona):
    answers = {**MOVING.prefilled(persona, TODAY), "street": "Nørregade", "house_number": "5", "postcode": "2100",
               "town": "København Ø", "moving_date": "2026-12-01", "doctor": addresses.doctors_near("2100")[0]["id"]}
    return MOVING.finish(persona, answers, TODAY, random.Random(9))


def test_submit_stores_delivers_changes_and_tracks(store):
    persona = make_persona()
    visit = visits.create(store, "de", "explore", persona_id=42)
    visits.save_draft(store, visit.visit_id, "moving", {}, 3)
    visits.save_draft(store, visit.visit_id, "tax", {}, 0)
    outcome = moving_outcome(persona)
    stored = cases.submit(store, visit.visit_id, "moving", outcome)

    assert cases.submission(store, visit.visit_id, stored["submission_id"])["receipt_no"] == outcome.receipt_no
    assert cases.submission(store, "another-visit", stored["submission_id"]) is None
    letters = postbox.list_letters(store, visit.visit_id)
    assert sorted(letter["template"] for letter in letters) == ["moving_confirmation", "moving_health_card"]
    assert all(letter["origin"] == "action" for letter in letters)
    after = visits.get(store, visit.visit_id)
    assert after.persona_changes["address_line1"] == "Nørregade 5"
    assert set(after.drafts) == {"tax"}
    assert any(e["event"] == "flow_completed" and e["detail"] == "moving" for e in store.events())


def test_overview_reflects_the_move(store):
    persona = make_persona()
    visit = visits.create(store, "en", "explore", persona_id=42)
    before = cases.overview(store, visit.visit_id, persona, TODAY)
    assert before["cases"] == [] and before["doctor"]["assumed"] and before["submissions"] == 0
    assert {p["label_key"] for p in before["payments"]} == {"borger.pay.child_benefit", "borger.pay.salary",
                                                            "borger.pay.withheld_tax"}
    cases.submit(store, visit.visit_id, "moving", moving_outcome(persona))
    changed = visits.apply_persona_changes(persona, visits.get(store, visit.visit_id).persona_changes)
    after = cases.overview(store, visit.visit_id, changed, TODAY)
    assert after["persona"]["address_line2"] == "2100 København Ø" and after["persona"]["municipality"] == "København"
    assert not after["doctor"]["assumed"] and after["doctor"]["postcode"] == "2100"
    assert after["cases"][0]["title_key"] == "flow.moving.case_title" and after["cases"][0]["receipt_no"]
    assert after["deadlines"][0]["label_key"] == "flow.moving.deadline_health_card"


def test_overview_collects_payments_and_keeps_visits_apart(store):
    persona = make_persona()
    mine = visits.create(store, "en", "explore", persona_id=42)
    other = visits.create(store, "en", "explore", persona_id=42)
    answers = {**PASSPORT.prefilled(persona, TODAY), "old_passport": "bring", "slot": free_slots(persona, TODAY)[0],
               "confirm": True}
    cases.submit(store, mine.visit_id, "passport", PASSPORT.finish(persona, answers, TODAY, random.Random(1)))
    labels = [p["label_key"] for p in cases.overview(store, mine.visit_id, persona, TODAY)["payments"]]
    assert "flow.passport.payment" in labels
    assert cases.overview(store, other.visit_id, persona, TODAY)["cases"] == []
    assert visits.get(store, mine.visit_id).persona_changes == {}  # a passport changes no register data
