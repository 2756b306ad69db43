"""The process's one watcher (ui/shell/wakeup.py): which waiting sessions it wakes, from one query per kind."""
from __future__ import annotations

import pytest

from simulators.core.store import Store
from ui.shell.wakeup import REWAKE_SECONDS, Watch, Watcher
from tests.helpers.clock import Clock


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path}/wake.db")


def make(store, clock, alive=lambda session_id: True):
    woken: list[str] = []

    def wake(session_id: str) -> bool:
        woken.append(session_id)
        return alive(session_id)

    return Watcher(store, wake, clock=clock), woken


def test_versions_reads_only_the_items_that_exist(store):
    store.put("auth_request", "r1", {"a": 1})
    store.put("auth_request", "r1", {"a": 2})
    store.put("auth_request", "r2", {"a": 1})
    store.put("visit", "r3", {"a": 1})
    assert store.versions("auth_request", ["r1", "r2", "r3", "nope", "bad\x00id"]) == {"r1": 2, "r2": 1}
    assert store.versions("auth_request", []) == {}


def test_wakes_only_the_session_whose_item_changed(store):
    clock = Clock(1000.0)
    watcher, woken = make(store, clock)
    for i in range(3):
        store.put("auth_request", f"r{i}", {"n": 0})
        watcher.watch(f"s{i}", Watch("auth_request", f"r{i}", 1))
    assert watcher.check_once() == 0 and woken == []
    store.put("auth_request", "r1", {"n": 1})  # the phone approved s1's login
    assert watcher.check_once() == 1 and woken == ["s1"]
    assert watcher.checks == 2


def test_a_gone_item_wakes_and_so_does_the_deadline(store):
    clock = Clock(1000.0)
    watcher, woken = make(store, clock)
    store.put("auth_request", "r1", {"n": 0})
    store.put("auth_request", "r2", {"n": 0})
    watcher.watch("gone", Watch("auth_request", "r1", 1))
    watcher.watch("expires", Watch("auth_request", "r2", 1, until=1010.0))
    store.delete("auth_request", "r1")  # the visit ended elsewhere
    assert watcher.check_once() == 1 and woken == ["gone"]
    clock.now += REWAKE_SECONDS / 2
    watcher.check_once()
    assert woken == ["gone"]  # woken a moment ago: its run may still be on its way
    clock.now += REWAKE_SECONDS / 2
    watcher.check_once()
    assert woken == ["gone", "gone"]  # it did not rerun (it was busy, or the wake was lost): woken again
    watcher.forget("gone")  # its page ran and no longer waits
    clock.now = 1009.9
    watcher.check_once()
    assert woken == ["gone", "gone"]
    clock.now = 1010.0  # the login's expiry: the page must show "expired", though nothing changed in the store
    watcher.check_once()
    assert woken == ["gone", "gone", "expires"]


def test_a_session_that_is_gone_is_dropped_and_a_page_that_asked_again_is_not_woken(store):
    clock = Clock(1000.0)
    watcher, woken = make(store, clock, alive=lambda session_id: session_id != "closed")
    store.put("auth_request", "r1", {"n": 0})
    watcher.watch("closed", Watch("auth_request", "r1", 1))
    store.put("auth_request", "r1", {"n": 1})
    watcher.check_once()
    assert woken == ["closed"] and watcher.watching("closed") is None
    watcher.watch("open", Watch("auth_request", "r1", 1))
    due = watcher.due()
    assert [session_id for session_id, _ in due] == ["open"]
    watcher.watch("open", Watch("auth_request", "r1", 2))  # the page ran meanwhile and shows version 2
    assert watcher.check_once() == 0 and woken == ["closed"]
    watcher.forget("open")
    assert watcher.due() == []


def test_outside_a_served_app_nothing_is_woken():
    from ui.shell.wakeup import rerun_session

    assert rerun_session("no-such-session") is False
