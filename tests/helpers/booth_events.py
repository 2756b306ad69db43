"""A known set of anonymous booth events with every dashboard figure computed by hand, for the dashboard's
consistency tests (tests/unit/booth/test_dashboard_consistency.py, tests/app/test_dashboard.py).

Six visits start on 30 Sep 2025 (UTC). Their events include stages out of order (a comparison before the login, a
letter before the login), duplicates from one visit (two letter openings, two comparison views, the same login
twice, the same flow twice, a repeated visit_start) and an orphan login of a visit that never started here.
"""
from __future__ import annotations

import datetime as dt

from simulators.core.store import Store

DAY = dt.datetime(2025, 9, 30, tzinfo=dt.timezone.utc).timestamp()
H = 3600.0
A, B, C, D, E, F, Z = (c * 16 for c in "abcdef0")


def ev(ts: float, tag: str, event: str, detail: str = "", lang: str = "de", mode: str = "kiosk") -> dict:
    return {"seq": 0, "ts": ts, "visit_tag": tag, "event": event, "detail": detail, "lang": lang, "mode": mode}


def _visit(tag: str, start: float, lang: str, mode: str, steps: list[tuple[float, str, str]]) -> list[dict]:
    return [ev(start, tag, "visit_start", lang=lang, mode=mode)] + [
        ev(start + offset, tag, event, detail, lang=lang, mode=mode) for offset, event, detail in steps]


EVENTS = (
    # A: every stage, a letter opened twice and both comparison pages; ended after 185 s.
    _visit(A, DAY + 9 * H, "de", "kiosk", [
        (30, "login", "own_phone"), (90, "flow_completed", "moving"), (120, "letter_opened", "letter"),
        (125, "letter_opened", "letter"), (150, "compare_viewed", "indicators"), (160, "compare_viewed", "journey"),
        (185, "visit_end", "idle")])
    # B: the comparison first, then login and a flow, no letter; reset after 73 s.
    + _visit(B, DAY + 10 * H, "de", "kiosk", [
        (5, "compare_viewed", "journey"), (40, "login", "code_display"), (60, "flow_completed", "library"),
        (73, "visit_end", "reset")])
    # C: a letter before the login, the same login twice, the same flow twice, the comparison; never ended.
    + _visit(C, DAY + 11 * H, "en", "explore", [
        (10, "letter_opened", "own_message"), (20, "login", "onscreen_phone"), (25, "login", "onscreen_phone"),
        (50, "flow_completed", "moving"), (55, "flow_completed", "moving"), (80, "compare_viewed", "indicators")])
    # D: only the start (recorded twice); left alone, ended by the kiosk after 101 s.
    + _visit(D, DAY + 12 * H, "da", "kiosk", [(0, "visit_start", ""), (101, "visit_end", "idle")])
    # E: a presenter's tour straight to the comparison; purged by the server (untimed).
    + _visit(E, DAY + 13 * H, "en", "presenter", [
        (5, "tour_step", "indicators"), (10, "compare_viewed", "indicators"), (3000, "visit_end", "stale")])
    # F: login by chip and a letter, no flow, no comparison; reset after 305 s.
    + _visit(F, DAY + 14 * H, "de", "kiosk", [
        (20, "login", "chip"), (200, "letter_opened", "letter"), (305, "visit_end", "reset")])
    # Z: a login of a visit whose start is not among these events: counts nowhere.
    + [ev(DAY + 15 * H, Z, "login", "four_digit_code")]
)

# Counted by hand from the list above.
VISITS = 6
# login: A B C F; flow: A B C; letter: A C F; comparison: A B C E
REACHED = {"visit_start": 6, "login": 4, "flow_completed": 3, "letter_opened": 3, "compare_viewed": 4}
REACHED_PERCENT = {"visit_start": 100.0, "login": 66.7, "flow_completed": 50.0, "letter_opened": 50.0,
                   "compare_viewed": 66.7}
LOGINS_BY_METHOD = {"own_phone": 1, "onscreen_phone": 2, "four_digit_code": 0, "code_display": 1,
                    "audio_code_reader": 0, "chip": 1}
LOGIN_EVENTS = 5
FLOWS_COMPLETED = {"moving": 3, "library": 1}
LETTERS_OPENED = 4
LANGUAGES = {"de": 3, "en": 2, "da": 1}
MODES = {"explore": 1, "kiosk": 4, "presenter": 1}
MEDIAN_SECONDS = 143.0  # A 185, B 73, D 101, F 305 (C still open, E purged): (101 + 185) / 2
TIMED_VISITS = 4
END_REASONS = {"reset": 2, "idle": 2, "stale": 1}


def store_with_events(url: str) -> Store:
    """A fresh store holding exactly ``EVENTS``."""
    store = Store(url)
    for row in EVENTS:
        store.add_event(row["visit_tag"], row["event"], detail=row["detail"], lang=row["lang"], mode=row["mode"],
                        ts=row["ts"])
    return store
