"""The store's contract, run on SQLite and (when configured) on PostgreSQL."""
import threading
import uuid

import pytest

from simulators.core.store import MIGRATIONS
from tests.helpers.stores import ENGINES, store_on

@pytest.fixture(params=ENGINES)
def store(request, tmp_path):
    return store_on(request.param, tmp_path, clear_postgres=True)


def test_put_get_find_and_versions(store):
    store.put("letter", "a", {"subject": "Hej æøå"}, visit_id="v1")
    store.put("letter", "b", {"subject": "x"}, visit_id="v2", key="k")
    assert store.get("letter", "a").data == {"subject": "Hej æøå"}
    assert [i.id for i in store.find("letter", visit_id="v1")] == ["a"]
    assert [i.id for i in store.find("letter", key="k")] == ["b"]
    assert store.put("letter", "a", {"subject": "y"}, visit_id="v1").version == 2
    assert store.get("nothing", "a") is None


def test_conditional_update_lets_only_one_writer_win(store):
    item = store.put("auth_request", "r", {"status": "pending"})
    assert store.update("auth_request", "r", {"status": "approved"}, expected_version=item.version)
    assert store.update("auth_request", "r", {"status": "approved"}, expected_version=item.version) is None
    assert store.get("auth_request", "r").data["status"] == "approved"


def test_delete_visit_removes_everything_of_that_visit_only(store):
    store.put("visit", "v1", {"x": 1})
    store.put("letter", "a", {}, visit_id="v1")
    store.put("submission", "s", {}, visit_id="v1")
    store.put("letter", "b", {}, visit_id="v2")
    assert store.count(visit_id="v1") == 3
    assert store.delete_visit("v1") == 3
    assert store.count(visit_id="v1") == 0
    assert store.get("letter", "b") is not None


def test_events_are_appended_and_read_back(store):
    store.add_event("tag1", "login", detail="own_phone", lang="de", mode="kiosk")
    store.add_event("tag1", "flow_completed", detail="moving", lang="de", mode="kiosk")
    events = store.events()
    assert [e["event"] for e in events] == ["login", "flow_completed"]
    assert events[0]["detail"] == "own_phone" and events[0]["lang"] == "de"


def test_schema_is_at_the_latest_version(store):
    assert store.schema_version() == max(MIGRATIONS)


def test_concurrent_writers_lose_nothing(store):
    kind = "t" + uuid.uuid4().hex[:6]

    def writer(n):
        for i in range(60):
            store.put(kind, f"{n}-{i}", {"n": n, "i": i}, visit_id=f"w{n}")

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count(kind) == 240
    assert all(store.get(kind, f"{n}-59").data == {"n": n, "i": 59} for n in range(4))


def test_change_writes_over_the_version_it_read_and_reads_again_after_a_lost_race(store):
    """``Store.change`` (the compare-and-set of visits and presentations): nothing to change, a lost race read
    again, too many lost races, no such item."""
    from simulators.core.store import LostRace

    store.put("thing", "a", {"n": 1})
    item, written = store.change("thing", "a", lambda item: None)
    assert item.data == {"n": 1} and written is None and store.get("thing", "a").version == item.version

    seen = []

    def edit_while_another_writes(item):
        seen.append(item.data["n"])
        if len(seen) == 1:  # another writer gets in between this read and this write
            store.update("thing", "a", {"n": 10})
        return {"n": item.data["n"] + 1}

    item, written = store.change("thing", "a", edit_while_another_writes)
    assert seen == [1, 10] and written == {"n": 11} and store.get("thing", "a").data == {"n": 11}

    def always_loses(item):
        store.update("thing", "a", {"n": item.data["n"] + 100})
        return {"n": -1}

    with pytest.raises(LostRace):
        store.change("thing", "a", always_loses, attempts=3)
    assert store.get("thing", "a").data["n"] == 311  # three other writes, none of this change's
    assert store.change("thing", "missing", lambda item: {"n": 1}) == (None, None)
    assert store.get("thing", "missing") is None


def test_put_many_writes_every_item_once_and_a_taken_id_fails_the_whole_batch(store):
    import sqlalchemy as sa

    assert store.put_many("letter", [("m1", {"n": 1}), ("m2", {"n": "æøå"})], visit_id="v1") == 2
    assert [(i.id, i.data, i.version, i.visit_id) for i in store.find("letter", visit_id="v1")] == [
        ("m1", {"n": 1}, 1, "v1"), ("m2", {"n": "æøå"}, 1, "v1")]
    with pytest.raises(sa.exc.IntegrityError):  # life_letters.seed_mailbox counts on the engine's error
        store.put_many("letter", [("m3", {}), ("m1", {"again": True})], visit_id="v1")
    assert store.get("letter", "m3") is None  # nothing of the failed batch was kept
    assert store.get("letter", "m1").data == {"n": 1}
    assert store.put_many("letter", []) == 0


def test_a_visit_s_items_of_one_kind_are_read_through_their_own_index(tmp_path):
    """Not through (kind, key), reading every visit's letters to keep one visit's: a mailbox read grew with the number
    of visits in the store (issue #18: 340 µs for one of 80 visits' mailboxes, 38 µs through this index)."""
    import sqlite3

    store = store_on("sqlite", tmp_path)
    for visit in range(30):
        store.put_many("letter", [(f"v{visit}-{n}", {"n": n}) for n in range(10)], visit_id=f"v{visit}")
    assert [item.id for item in store.find("letter", visit_id="v7")] == [f"v7-{n}" for n in range(10)]
    with sqlite3.connect(tmp_path / "store.db") as conn:
        plan = " ".join(row[3] for row in conn.execute(
            'EXPLAIN QUERY PLAN SELECT data FROM items WHERE kind = ? AND visit_id = ? ORDER BY created_at, id',
            ("letter", "v7")))
    assert "ix_items_visit_kind" in plan and "TEMP B-TREE" not in plan, plan


def test_a_store_at_an_older_schema_gets_the_missing_index(tmp_path):
    import sqlite3

    import sqlalchemy as sa

    from simulators.core import store as store_module

    engine = sa.create_engine(f"sqlite:///{tmp_path}/old.db")
    store_module.metadata.create_all(engine)
    with engine.begin() as conn:  # as a database made before migration 3
        conn.execute(store_module.schema_version.insert(), [{"version": 1, "applied_at": 0.0},
                                                            {"version": 2, "applied_at": 0.0}])
        conn.exec_driver_sql(store_module.MIGRATIONS[2][0])
    engine.dispose()
    store = store_module.Store(f"sqlite:///{tmp_path}/old.db")
    assert store.schema_version() == max(MIGRATIONS) >= 3
    with sqlite3.connect(tmp_path / "old.db") as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "ix_items_visit_kind" in names
