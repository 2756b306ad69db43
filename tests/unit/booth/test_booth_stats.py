"""The dashboard's aggregates against a known set of booth events; the counters hold codes only."""
import datetime as dt
import io

import pandas as pd
import pytest

from simulators.booth import stats as booth_stats
from simulators.core import visits
from simulators.core.store import Store
from tests.helpers.privacy import is_code, offending_events

UTC = dt.timezone.utc
DAY = dt.datetime(2025, 9, 30, tzinfo=UTC).timestamp()  # midnight, the day under test
H = 3600.0


def ev(ts, tag, event, detail="", lang="de", mode="kiosk"):
    return {"seq": 0, "ts": ts, "visit_tag": tag, "event": event, "detail": detail, "lang": lang, "mode": mode}


# Five visits today, one yesterday. A: the whole funnel (own phone). B: logged in by code display, one flow,
# no letter. C: German only, reset by the watchdog. D: English, on-screen phone, letters but no comparison.
# E: presenter mode, a tour. Y: yesterday, complete (counts only without a day filter).
A, B, C, D, E, Y = (f"{c}" * 16 for c in "abcdef")
EVENTS = [
    ev(DAY - 5 * H, Y, "visit_start", lang="da"), ev(DAY - 5 * H + 60, Y, "login", "chip", lang="da"),
    ev(DAY - 5 * H + 100, Y, "visit_end", "reset", lang="da"),
    ev(DAY + 9 * H, A, "visit_start"), ev(DAY + 9 * H + 30, A, "login", "own_phone"),
    ev(DAY + 9 * H + 90, A, "flow_completed", "moving"), ev(DAY + 9 * H + 120, A, "letter_opened", "letter"),
    ev(DAY + 9 * H + 125, A, "letter_opened", "letter"), ev(DAY + 9 * H + 200, A, "compare_viewed"),
    ev(DAY + 9 * H + 240, A, "visit_end", "idle"),
    ev(DAY + 10 * H, B, "visit_start"), ev(DAY + 10 * H + 40, B, "login", "code_display"),
    ev(DAY + 10 * H + 100, B, "flow_completed", "library"), ev(DAY + 10 * H + 180, B, "visit_end", "reset"),
    ev(DAY + 10 * H + 600, C, "visit_start"), ev(DAY + 10 * H + 700, C, "visit_end", "idle"),
    ev(DAY + 14 * H, D, "visit_start", lang="en", mode="explore"),
    ev(DAY + 14 * H + 20, D, "login", "onscreen_phone", lang="en", mode="explore"),
    ev(DAY + 14 * H + 50, D, "flow_completed", "moving", lang="en", mode="explore"),
    ev(DAY + 14 * H + 70, D, "letter_opened", "letter", lang="en", mode="explore"),
    ev(DAY + 15 * H, E, "visit_start", lang="en", mode="presenter"),
    ev(DAY + 15 * H + 5, E, "tour_step", "digital_post", lang="en", mode="presenter"),
    ev(DAY + 15 * H + 3000, E, "visit_end", "stale", lang="en", mode="presenter"),
]


@pytest.fixture
def today():
    return booth_stats.summarise(EVENTS, since=DAY, until=DAY + 24 * H, tz=UTC)


def test_visits_today_languages_and_modes(today):
    assert today.visits == 5
    assert today.languages == {"de": 3, "en": 2, "da": 0}
    assert today.modes == {"explore": 1, "kiosk": 3, "presenter": 1}
    assert today.visits_by_hour == {9: 1, 10: 2, 14: 1, 15: 1}


def test_logins_by_method_list_every_method(today):
    assert today.logins_by_method == {"own_phone": 1, "onscreen_phone": 1, "four_digit_code": 0,
                                      "code_display": 1, "audio_code_reader": 0, "chip": 0}


def test_flows_letters_and_end_reasons(today):
    assert today.flows_completed == {"moving": 2, "library": 1}
    assert (today.letters_opened, today.visits_with_letter_opened) == (3, 2)
    assert today.end_reasons == {"idle": 2, "reset": 1, "stale": 1}


def test_funnel_counts_visits_that_reached_each_stage(today):
    assert today.funnel == [("visit_start", 5), ("login", 3), ("flow_completed", 3), ("letter_opened", 2),
                            ("compare_viewed", 1)]
    assert dict(today.funnel) == today.reached


def test_median_time_per_visit_skips_open_and_purged_visits(today):
    # A: 240 s, B: 180 s, C: 100 s; D has not ended, E was purged after 50 minutes
    assert today.timed_visits == 3
    assert today.median_visit_seconds == 180.0


def test_without_a_day_filter_yesterday_counts_too():
    everything = booth_stats.summarise(EVENTS, tz=UTC)
    assert everything.visits == 6
    assert everything.logins_by_method["chip"] == 1
    assert everything.median_visit_seconds == pytest.approx((100 + 180) / 2)  # 100, 100, 180, 240


def test_mode_filter():
    kiosk = booth_stats.summarise(EVENTS, since=DAY, modes=("kiosk",), tz=UTC)
    assert kiosk.visits == 3
    assert kiosk.funnel[1] == ("login", 2)
    assert kiosk.flows_completed == {"library": 1, "moving": 1}


def test_no_events_gives_zeros():
    empty = booth_stats.summarise([], since=DAY)
    assert empty.visits == 0 and empty.median_visit_seconds is None
    assert [n for _, n in empty.funnel] == [0] * len(booth_stats.FUNNEL)
    assert sum(empty.logins_by_method.values()) == 0


def test_csv_exports_round_trip(today):
    rows = pd.read_csv(io.StringIO(booth_stats.summary_csv(today)), dtype={"code": str})
    lookup = {(r.section, r.code): r.value for r in rows.itertuples()}
    assert lookup[("visits", "total")] == 5
    assert lookup[("logins", "code_display")] == 1
    assert lookup[("visits_reached", "compare_viewed")] == 1
    assert lookup[("median_visit_seconds", "all")] == 180.0
    assert lookup[("visits_by_hour", "09")] == 1
    raw = pd.read_csv(io.StringIO(booth_stats.events_csv(EVENTS)))
    assert len(raw) == len(EVENTS) and "time_utc" in raw.columns
    assert raw.time_utc.iloc[0] == "2025-09-29T19:00:00Z"


def test_day_start_is_local_midnight():
    now = dt.datetime(2025, 9, 30, 15, 42, 7)
    assert dt.datetime.fromtimestamp(booth_stats.day_start(now)) == dt.datetime(2025, 9, 30)


@pytest.mark.parametrize("text,ok", [
    ("own_phone", True), ("moving", True), ("visit_end", True), ("de", True), ("flow.library", True),
    ("Mette Hansen", False), ("mette", True), ("010190-1234", False), ("0101901234", False), ("x" * 65, False),
    ("<b>hi</b>", False), ("Hej med dig!", False), ("", False)])
def test_is_code(text, ok):
    assert is_code(text) is ok


def test_the_known_events_hold_only_codes_and_a_name_is_caught():
    assert offending_events(EVENTS) == []
    leaked = ev(DAY, A, "flow_completed", "Mette Hansen")
    cpr = ev(DAY, A, "login", "010190-1234")
    assert offending_events(EVENTS + [leaked, cpr]) == [leaked, cpr]


def test_events_written_through_visits_hold_only_codes(tmp_path):
    store = Store(f"sqlite:///{tmp_path}/stats.db")
    visit = visits.create(store, "da", "kiosk", persona_id=42)
    visits.track(store, visit, "login", "own_phone")
    visits.track(store, visit, "flow_completed", "moving")
    visits.end(store, visit.visit_id, "idle")
    stored = store.events()
    assert [e["event"] for e in stored] == ["visit_start", "login", "flow_completed", "visit_end"]
    assert offending_events(stored) == []
    summary = booth_stats.summarise(stored)
    assert summary.visits == 1 and summary.funnel[2] == ("flow_completed", 1)
