"""Demo identities that never collide (issue #17, finding 6): the demo MitID user ID belongs to the visit (the
persona's user ID and a suffix the visit holds, unique among the visits in the store), so any number of visits can
use the same persona at once — two presenters, a class with one chosen persona.

Seen failing on the code before the fix (2026-12-01, written first and run): ``visits.demo_user_id``,
``claim_suffix`` and ``visit_persona`` did not exist; and on the old service two visits of one persona, both starting
with the persona's own user ID, got ``ok`` and ``mitid.error.parallel`` (checked with the same two calls).
"""
from __future__ import annotations

import pytest

from simulators.core import visits
from simulators.core.store import Store
from simulators.mitid import login as mitid
from simulators.mitid.service import MitIDService
from tests.helpers.visits import log_visit_in

PERSONA_USER = "mettjens7k2qp"


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path}/demo.db")


def test_two_visits_with_the_same_persona_both_wait_for_approval_and_both_log_in(store):
    svc = MitIDService(store)
    started = []
    for _ in range(2):
        visit = visits.create(store, "en", "presenter", persona_id=7)
        user_id = visits.demo_user_id(visit, PERSONA_USER)
        result = svc.start(visit.visit_id, user_id, user_id)
        assert result.ok and result.login.state == mitid.PENDING, result.error
        started.append((visit, user_id, result))
    assert started[0][1] != started[1][1]
    for visit, user_id, result in started:
        assert svc.phone(result.token, result.request_id, "swipe").login.state == mitid.APPROVED
        assert visits.get(store, visit.visit_id).login.user_id == user_id


def test_many_visits_of_one_persona_get_distinct_ids_that_keep_the_persona_recognisable(store):
    made = [visits.create(store, "en", "presenter", persona_id=7) for _ in range(200)]
    ids = {visits.demo_user_id(visit, PERSONA_USER) for visit in made}
    assert len(ids) == 200
    for user_id in ids:
        assert user_id.startswith(PERSONA_USER) and not mitid.looks_like_cpr(user_id)
        assert mitid.check_user_id(user_id, mitid.new_account(user_id)) is None
    assert visits.get(store, made[0].visit_id).mitid_suffix == made[0].mitid_suffix  # kept with the visit
    assert visits.demo_user_id(made[0], None) is None  # no MitID (a child): still none


def test_the_suffix_is_taken_only_while_its_visit_lives(store):
    visit = visits.create(store, "en", "kiosk", persona_id=7)
    assert not visits.claim_suffix(store, "another-visit", visit.mitid_suffix)  # unique in the store
    visits.end(store, visit.visit_id)
    assert store.count(visit_id=visit.visit_id) == 0  # the claim went with the visit
    assert visits.claim_suffix(store, "another-visit", visit.mitid_suffix)


def test_a_visit_stored_before_suffixes_keeps_the_persona_user_id(store):
    store.put(visits.KIND, "v-old", {"visit_id": "v-old", "tag": "abcd", "persona_id": 7})
    assert visits.demo_user_id(visits.get(store, "v-old"), PERSONA_USER) == PERSONA_USER


def test_the_test_helper_logs_in_as_the_visit_s_demo_user(store):
    visit = visits.create(store, "en", "explore", persona_id=7)
    assert log_visit_in(store, visit.visit_id, PERSONA_USER).login.user_id == visits.demo_user_id(visit, PERSONA_USER)


def test_persona_for_a_visit_carries_the_visit_s_demo_user_id(store):
    visit = visits.create(store, "en", "explore", persona_id=7)
    record = {"person_id": 7, "mitid_user_id": PERSONA_USER, "town": "Aarhus C"}
    seen = visits.visit_persona(record, visit)
    assert seen["mitid_user_id"] == visits.demo_user_id(visit, PERSONA_USER) and seen["town"] == "Aarhus C"
    assert record["mitid_user_id"] == PERSONA_USER  # the population's record is left alone
    assert visits.visit_persona({**record, "mitid_user_id": None}, visit)["mitid_user_id"] is None
    assert visits.visit_persona(None, visit) is None
