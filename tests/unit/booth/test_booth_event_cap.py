"""Booth counters cannot be inflated by one visit (issue #17, finding 9): a scripted session that repeats an event
10,000 times counts on the dashboard as what one visit can legitimately produce, and the store does not grow
with the repeats; a real visit's events all count."""
import pandas as pd
import pytest

from simulators.booth import stats as booth_stats
from simulators.core import visits
from simulators.core.store import Store

# What one visit can legitimately produce: it starts once, and even a visitor who completes all eight flows and
# opens every letter of the mailbox does each other kind of event far fewer than 30 times.
LEGIT_PER_KIND = 30
T0 = 1_790_000_000.0


def ev(i, tag, event, detail=""):
    return {"seq": i, "ts": T0 + i, "visit_tag": tag, "event": event, "detail": detail, "lang": "de",
            "mode": "kiosk"}


def flood(tag: str, n: int = 10_000) -> list[dict]:
    """One visit tag, n events: a start, then the repeatable events round robin (another start among them)."""
    kinds = [("login", "own_phone"), ("flow_completed", "library"), ("letter_opened", "letter"),
             ("compare_viewed", ""), ("visit_start", ""), ("visit_end", "reset")]
    return [ev(0, tag, "visit_start")] + [ev(i, tag, *kinds[i % len(kinds)]) for i in range(1, n)]


def test_ten_thousand_events_of_one_visit_tag_count_as_one_visit():
    """Seen failing before the fix: 1,666 logins counted for one visit tag (its starts already counted once)."""
    summary = booth_stats.summarise(flood("f" * 16))
    assert summary.visits == 1
    assert sum(summary.logins_by_method.values()) <= LEGIT_PER_KIND
    assert sum(summary.flows_completed.values()) <= LEGIT_PER_KIND
    assert summary.letters_opened <= LEGIT_PER_KIND
    assert sum(summary.end_reasons.values()) == 1
    assert summary.modes["kiosk"] == 1 and summary.languages["de"] == 1


def test_a_flood_does_not_change_another_visits_figures():
    real = [ev(20_000, "a" * 16, "visit_start"), ev(20_001, "a" * 16, "login", "onscreen_phone"),
            ev(20_002, "a" * 16, "letter_opened", "letter"), ev(20_003, "a" * 16, "letter_opened", "letter")]
    summary = booth_stats.summarise(flood("f" * 16) + real)
    assert summary.visits == 2
    assert summary.logins_by_method["onscreen_phone"] == 1
    assert summary.visits_with_letter_opened == 2


def test_a_real_visit_counts_in_full():
    """Every event of a visit within the caps counts (the cap never trims an ordinary walk)."""
    tag = "b" * 16
    events = [ev(0, tag, "visit_start")]
    events += [ev(1 + i, tag, "flow_completed", flow) for i, flow in enumerate(
        ("daycare", "divorce", "library", "moving", "passport", "pension", "police", "tax"))]
    events += [ev(20 + i, tag, "letter_opened", "letter") for i in range(20)]
    events += [ev(50 + i, tag, "login", "own_phone") for i in range(3)]
    summary = booth_stats.summarise(events)
    assert summary.visits == 1 and sum(summary.flows_completed.values()) == 8
    assert summary.letters_opened == 20 and summary.logins_by_method["own_phone"] == 3


def test_the_cap_keeps_the_first_events_in_store_order():
    frame = booth_stats.to_frame(flood("f" * 16, 600))
    capped = booth_stats.cap_per_visit(frame)
    assert list(capped.seq) == sorted(capped.seq)
    assert capped.groupby("event").size().max() <= LEGIT_PER_KIND
    assert booth_stats.cap_per_visit(frame.iloc[0:0]).empty


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path}/cap.db")


def test_track_writes_no_more_than_one_visit_can_produce(store):
    """Seen failing before the fix: 10,001 rows written for one visit."""
    visit = visits.create(store, "de", "kiosk")
    for i in range(10_000):
        visits.track(store, visit, ("letter_opened", "login", "flow_completed")[i % 3], "library")
    rows = pd.DataFrame(store.events())
    mine = rows[rows.visit_tag == visit.tag]
    assert len(mine) <= 1 + 3 * LEGIT_PER_KIND
    assert mine.groupby("event").size().max() <= LEGIT_PER_KIND
    summary = booth_stats.summarise(store.events())
    assert summary.visits == 1 and summary.letters_opened <= LEGIT_PER_KIND


def test_the_caps_are_within_what_one_visit_can_produce():
    assert visits.event_cap("visit_start") == 1 and visits.event_cap("visit_end") == 1
    assert 20 <= visits.event_cap("letter_opened") <= LEGIT_PER_KIND  # 20: the real visit above
