"""The payoff "Ihre fünf Minuten" (simulators.compare.payoff): its figures match the visit (time online, letters)
and the sourced journeys (visits in person, papers, days until done for the citizen, fees), tested against known
visits — plain ones and one made through the store as the app makes it."""
import random
import time

import pytest

from simulators.borger import addresses, cases
from simulators.borger.flows.moving import FLOW as MOVING
from simulators.compare import journeys
from simulators.compare.payoff import DEFAULT_EVENT, letters_caused, payoff, pick_submission, seconds_online
from simulators.core import visits
from simulators.core.store import Store
from simulators.post import postbox
from tests.helpers.personas import TODAY, make_persona

ALL = journeys.load()
EVENTS = {"moving": "moving", "passport": "passport", "tax": "tax", "divorce": "divorce", "police": None}


def letter(receipt: str, origin: str = "action", **extra) -> dict:
    return {"origin": origin, "params": {"receipt_no": receipt}, **extra}


MOVING_SENT = {"submission_id": "s1", "flow_id": "moving", "receipt_no": "R-1", "sent_at": 1187.0}
MAILBOX = [letter("R-1"), letter("R-1"), letter("R-9"), letter("R-1", origin="life"),
           letter("R-1", direction="out")]  # two caused by it; another receipt's, a life letter, one written


def test_a_known_moving_visit():
    p = payoff(1000.0, MOVING_SENT, "moving", MAILBOX, ALL)
    assert (p.event, p.matched, p.flow_id, p.receipt_no) == ("moving", True, "moving", "R-1")
    assert p.seconds == 187.0 and p.letters == 2
    # Denmark: done for the citizen on day 0, no visit, no papers; the health card follows by itself
    assert (p.dk.visits, len(p.dk.documents), p.dk.days, p.dk.follow_ups, p.dk.follow_up_days) == (0, 0, 0, 2, 14)
    # Germany: the Bürgeramt visit, the landlord's form and an ID, 24–47 days waiting for the appointment
    assert (p.de.visits, p.de.days, p.de.days_max) == (1, 24, 47)
    assert [d.text("en") for d in p.de.documents] == ["landlord's confirmation (Wohnungsgeberbestätigung)",
                                                      "identity card or passport"]
    assert [a.amount for a in p.dk.costs] == [0]  # changing doctor is free (Hørsholm)
    assert p.de.costs == ()  # eWA online is free, but that is the alternative; the Bürgeramt's fee has no source
    for side in (p.dk, p.de):
        assert side.visit_sources and side.document_sources and side.day_sources
        assert all(a.sources for a in side.costs)
    assert "Stadt Hamminkeln – Anmeldung" in [s.title for s in p.de.visit_sources]
    assert [s.title for s in p.de.day_sources] == ["Tagesspiegel Checkpoint – Wartezeiten Bürgeramt Berlin (2023)"]


def test_a_passport_visit_keeps_denmarks_own_visit_in_person():
    sent = {"submission_id": "s2", "flow_id": "passport", "receipt_no": "P-1", "sent_at": 1300.0}
    p = payoff(1000.0, sent, "passport", [letter("P-1")], ALL)
    assert (p.event, p.seconds, p.letters) == ("passport", 300.0, 1)
    assert (p.dk.visits, p.dk.days, p.de.visits, p.de.days) == (1, 14, 1, 21)  # both appear in person


def test_a_service_without_a_german_journey_is_compared_with_the_default_and_says_so():
    sent = {"submission_id": "s3", "flow_id": "police", "receipt_no": "X-1", "sent_at": 1090.0}
    p = payoff(1000.0, sent, None, [letter("X-1")], ALL)
    assert (p.event, p.matched, p.flow_id, p.letters) == (DEFAULT_EVENT, False, "police", 1)


def test_the_submission_the_payoff_is_about():
    older = {"submission_id": "a", "flow_id": "moving", "sent_at": 10.0}
    police = {"submission_id": "b", "flow_id": "police", "sent_at": 30.0}
    tax = {"submission_id": "c", "flow_id": "tax", "sent_at": 20.0}
    assert pick_submission([], EVENTS) is None
    assert pick_submission([older, police, tax], EVENTS)["submission_id"] == "c"  # latest with a journey
    assert pick_submission([police], EVENTS)["submission_id"] == "b"  # none has one: the latest
    assert pick_submission([older, police, tax], EVENTS, wanted="a")["submission_id"] == "a"
    assert pick_submission([older, tax], EVENTS, wanted="nope")["submission_id"] == "c"


@pytest.mark.parametrize("started, sent, expected", [(1000.0, 1187.0, 187.0), (None, 5.0, None), (10.0, None, None),
                                                     (20.0, 10.0, None)])
def test_time_online(started, sent, expected):
    assert seconds_online(started, sent) == expected


def test_letters_caused_need_the_receipt():
    assert letters_caused({"receipt_no": ""}, [letter("")]) == 0
    assert letters_caused(MOVING_SENT, MAILBOX) == 2


def test_a_visit_made_through_the_store_as_the_app_makes_it(tmp_path):
    store = Store(f"sqlite:///{tmp_path}/payoff.db")
    persona = make_persona()
    visit = visits.create(store, "de", "kiosk", persona_id=42, now=time.time() - 150)
    answers = {**MOVING.prefilled(persona, TODAY), "street": "Nørregade", "house_number": "5", "postcode": "2100",
               "town": "København Ø", "moving_date": "2026-12-01", "doctor": addresses.doctors_near("2100")[0]["id"]}
    stored = cases.submit(store, visit.visit_id, "moving", MOVING.finish(persona, answers, TODAY, random.Random(9)))
    sent = cases.sent(store, visit.visit_id)
    chosen = pick_submission(sent, EVENTS)
    assert chosen["submission_id"] == stored["submission_id"]
    p = payoff(visit.started_at, chosen, MOVING.journey_event, postbox.list_letters(store, visit.visit_id), ALL)
    assert p.letters == 2 and p.receipt_no == stored["receipt_no"]  # confirmation and health card
    assert 150 <= p.seconds < 150 + 60  # from the visit's start to the store taking the submission
    assert (p.event, p.dk.visits, p.dk.days, p.de.visits) == ("moving", 0, 0, 1)
