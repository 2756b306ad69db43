"""The visit as a typed object with named changes: each change writes its own fields only, moves
``last_change`` (the UI's per-run cache reads it), and the stored JSON keeps the format of earlier versions."""
import pytest

from simulators.core import visits
from simulators.core.store import Store
from tests.helpers.personas import make_persona

OLD_FORMAT = {"visit_id": "v-old", "persona_id": 7, "country": "DK", "lang": "da", "mode": "kiosk",
              "started_at": 100.0, "login": None, "tag": "abcd", "borger_seen_at": 5.0,
              "drafts": {"moving": {"answers": {"a": 1}, "step": 2}}, "persona_changes": {"town": "Odense C"}}


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path}/visits.db")


def stored(store: Store, visit_id: str) -> dict:
    return store.get(visits.KIND, visit_id).data


def test_create_stores_a_visit_that_reads_back_the_same(store):
    visit = visits.create(store, "de", "presenter", persona_id=42, now=123.0)
    assert visits.get(store, visit.visit_id) == visit
    assert (visit.persona_id, visit.lang, visit.mode, visit.started_at, visit.login) == (42, "de", "presenter", 123.0,
                                                                                         None)
    assert {"visit_id", "persona_id", "country", "lang", "mode", "started_at", "login", "tag"} <= set(
        stored(store, visit.visit_id))
    assert visits.get(store, None) is None and visits.get(store, "nope") is None


def test_a_visit_stored_in_the_earlier_format_reads_and_changes(store):
    store.put(visits.KIND, "v-old", {**OLD_FORMAT, "later_key": "kept"})
    visit = visits.get(store, "v-old")
    assert visit.draft("moving") == {"answers": {"a": 1}, "step": 2} and visit.persona_changes == {"town": "Odense C"}
    visits.set_language(store, "v-old", "en")
    # mitid_suffix: new since issue #17 (empty for an old visit: its demo user ID stays the persona's own)
    assert stored(store, "v-old") == {**OLD_FORMAT, "lang": "en", "later_key": "kept", "mitid_suffix": ""}
    bare = {k: v for k, v in OLD_FORMAT.items() if k not in ("drafts", "persona_changes", "borger_seen_at")}
    store.put(visits.KIND, "v-bare", bare)  # as the first version wrote it
    assert visits.get(store, "v-bare").drafts == {} and visits.get(store, "v-bare").borger_seen_at is None


def test_each_named_change_writes_its_fields_and_moves_last_change(store):
    visit_id = visits.create(store, "en", "explore", persona_id=1).visit_id
    changes = [
        (lambda: visits.set_language(store, visit_id, "da"), {"lang": "da"}),
        (lambda: visits.record_login(store, visit_id, visits.Login("bo.demo", "own_phone", 9.0)),
         {"login": {"user_id": "bo.demo", "method": "own_phone", "at": 9.0}}),
        (lambda: visits.record_activity(store, visit_id, 10.0), {"borger_seen_at": 10.0}),
        (lambda: visits.log_out(store, visit_id), {"login": None}),
        (lambda: visits.save_draft(store, visit_id, "tax", {"x": 1}, 1),
         {"drafts": {"tax": {"answers": {"x": 1}, "step": 1}}}),
        (lambda: visits.log_out(store, visit_id, forget_activity=True), {"login": None, "borger_seen_at": None}),
    ]
    for change, expected in changes:
        before, last = stored(store, visit_id), visits.last_change(visit_id)
        returned = change()
        after = stored(store, visit_id)
        assert after == {**before, **expected}
        assert returned == visits.get(store, visit_id)
        assert visits.last_change(visit_id) > last


def test_complete_flow_merges_persona_changes_drops_the_draft_and_writes_only_a_change(store):
    visit_id = visits.create(store, "en", "explore", persona_id=1).visit_id
    visits.save_draft(store, visit_id, "moving", {}, 3)
    visits.save_draft(store, visit_id, "tax", {}, 0)
    visit = visits.complete_flow(store, visit_id, "moving", {"town": "Aarhus C"})
    assert visit.persona_changes == {"town": "Aarhus C"} and set(visit.drafts) == {"tax"}
    visit = visits.complete_flow(store, visit_id, "divorce", {"civil_status": "divorced"})
    assert visit.persona_changes == {"town": "Aarhus C", "civil_status": "divorced"}
    last = visits.last_change(visit_id)
    assert visits.complete_flow(store, visit_id, "passport", None) == visit  # nothing to change: nothing written
    assert visits.last_change(visit_id) == last
    assert visits.complete_flow(store, "nope", "moving", {"town": "x"}) is None


def test_changes_to_a_missing_visit_do_nothing(store):
    assert visits.set_language(store, "nope", "da") is None
    assert visits.record_login(store, "nope", visits.Login("u", "test", 1.0)) is None
    assert store.get(visits.KIND, "nope") is None


def test_apply_persona_changes_keeps_the_record_when_nothing_changed():
    persona = make_persona()
    assert visits.apply_persona_changes(persona, None) is persona
    assert visits.apply_persona_changes(None, {"town": "x"}) is None
    assert visits.apply_persona_changes(persona, {"town": "Odense C"})["town"] == "Odense C"


def test_there_is_no_update_with_arbitrary_fields():
    assert not hasattr(visits, "update")
