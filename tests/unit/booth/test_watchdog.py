"""The idle watchdog with a fake clock: active → warning (countdown) → reset; stale visits are purged."""
import types

import pytest

from simulators.core import visits
from simulators.booth import watchdog
from simulators.core.store import Store
from simulators.booth.watchdog import ACTIVE, RESET, WARNING, IdleSettings, idle_state


class FakeClock:
    def __init__(self, start: float = 1_700_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


@pytest.fixture
def clock(monkeypatch):
    """A fake clock that also drives the store's timestamps (updated_at, event ts)."""
    fake = FakeClock()
    monkeypatch.setattr("simulators.core.store.time", types.SimpleNamespace(time=fake))
    monkeypatch.setattr("simulators.core.visits.time", types.SimpleNamespace(time=fake))
    return fake


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path}/watchdog.db")


SETTINGS = IdleSettings(idle_seconds=90, countdown_seconds=15)


def test_phases_follow_the_clock():
    clock = FakeClock()
    last = clock()
    assert idle_state(last, clock(), SETTINGS).phase == ACTIVE
    assert idle_state(last, clock.advance(89.9), SETTINGS).phase == ACTIVE
    state = idle_state(last, clock.advance(0.1), SETTINGS)  # exactly 90 s idle
    assert (state.phase, state.seconds_left) == (WARNING, 15)
    state = idle_state(last, clock.advance(10.5), SETTINGS)
    assert (state.phase, state.seconds_left) == (WARNING, 5)
    state = idle_state(last, clock.advance(4.5), SETTINGS)  # 105 s: countdown over
    assert (state.phase, state.seconds_left) == (RESET, 0)
    assert idle_state(last, clock.advance(1000), SETTINGS).phase == RESET


def test_countdown_never_increases_and_ends_at_zero():
    clock = FakeClock()
    last = clock()
    clock.advance(90)
    seen = []
    while (state := idle_state(last, clock(), SETTINGS)).phase == WARNING:
        seen.append(state.seconds_left)
        clock.advance(0.25)
    assert seen[0] == 15 and seen[-1] == 1
    assert all(a >= b for a, b in zip(seen, seen[1:]))
    assert state.phase == RESET and state.seconds_left == 0


def test_an_interaction_restarts_the_idle_time():
    clock = FakeClock()
    last = clock()
    clock.advance(95)
    assert idle_state(last, clock(), SETTINGS).phase == WARNING
    last = clock()  # "I'm still here"
    assert idle_state(last, clock(), SETTINGS).phase == ACTIVE
    assert idle_state(last, clock.advance(89), SETTINGS).phase == ACTIVE


def test_clock_going_backwards_counts_as_active():
    assert idle_state(1000.0, 900.0, SETTINGS).phase == ACTIVE


def test_settings_from_env_and_bad_values():
    s = watchdog.settings_from_env({"DDS_KIOSK_IDLE_SECONDS": "3", "DDS_KIOSK_COUNTDOWN_SECONDS": "2"})
    assert (s.idle_seconds, s.countdown_seconds) == (3.0, 2.0)
    default = watchdog.settings_from_env({})
    assert (default.idle_seconds, default.countdown_seconds, default.stale_seconds) == (90.0, 15.0, 1800.0)
    bad = watchdog.settings_from_env({"DDS_KIOSK_IDLE_SECONDS": "-5", "DDS_KIOSK_COUNTDOWN_SECONDS": "soon",
                                      "DDS_STALE_VISIT_SECONDS": "nan"})
    assert bad == default


def test_short_settings_reset_quickly():
    short = IdleSettings(idle_seconds=3, countdown_seconds=2)
    assert idle_state(0, 2.9, short).phase == ACTIVE
    assert idle_state(0, 3.0, short).phase == WARNING
    assert idle_state(0, 5.0, short).phase == RESET


@pytest.mark.parametrize("has_visit,at_home,home_lang,expected", [
    (False, True, True, False), (True, True, True, True), (False, False, True, True), (True, False, True, True),
    (False, True, False, True)])
def test_only_a_kiosk_showing_something_needs_watching(has_visit, at_home, home_lang, expected):
    assert watchdog.needs_watching(has_visit, at_home, home_lang) is expected


def test_purge_timer_runs_once_per_interval():
    timer = watchdog.PurgeTimer(60)
    assert timer.due(0.0)
    assert not timer.due(30.0)
    assert not timer.due(59.9)
    assert timer.due(60.0)
    assert not timer.due(61.0)


def test_purge_removes_only_stale_visits_and_keeps_their_counters(store, clock):
    old = visits.create(store, "de", "kiosk", persona_id=1)
    store.put("letter", "l-old", {"subject_text": "x"}, visit_id=old.visit_id)
    clock.advance(20 * 60)
    fresh = visits.create(store, "en", "explore", persona_id=2)
    store.put("submission", "s-fresh", {"flow": "moving"}, visit_id=fresh.visit_id)
    clock.advance(11 * 60)  # old: 31 min untouched, fresh: 11 min

    assert watchdog.purge_stale_visits(store, 30 * 60, now=clock()) == 1
    assert visits.get(store, old.visit_id) is None
    assert store.count(visit_id=old.visit_id) == 0
    assert visits.get(store, fresh.visit_id) is not None
    assert store.count(visit_id=fresh.visit_id) == 3  # the visit, its MitID demo suffix, the submission
    ends = [e for e in store.events() if e["event"] == "visit_end"]
    assert [(e["visit_tag"], e["detail"]) for e in ends] == [(old.tag, "stale")]


def test_touching_a_visit_keeps_it_from_the_purge(store, clock):
    visit = visits.create(store, "da", "explore", persona_id=3)
    clock.advance(25 * 60)
    visits.touch(store, visit.visit_id)
    clock.advance(25 * 60)  # 50 min since start, 25 since the last touch
    assert watchdog.purge_stale_visits(store, 30 * 60, now=clock()) == 0
    clock.advance(6 * 60)
    assert watchdog.purge_stale_visits(store, 30 * 60, now=clock()) == 1
    assert visits.get(store, visit.visit_id) is None
