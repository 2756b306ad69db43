"""The app's calendar clock: today's date and the local time, which the env var ``DDS_TODAY`` can fix.

``DDS_TODAY=2026-11-28`` makes ``today()`` that day and ``now()`` that day at the real time of day (so "not in
the future" checks and letter times keep moving); without it both are the real ones. tests/conftest.py sets it
for the whole test session, so app tests (and the app server the browser tests start, which inherits the
environment) see one fixed date; a booth may set it for a demo.

Only calendar dates go through here: durations and stored timestamps (visit start, idle watchdog, purge, the
anonymous event counters and the dashboard's "today" over them) stay on the real ``time.time()``.
The synthetic population has its own fixed date, ``simulators.population.citizens.TODAY`` (ages and life events
are relative to it), which the test session's ``DDS_TODAY`` equals.
"""
from __future__ import annotations

import datetime as dt
import os

ENV = "DDS_TODAY"


def fixed_day() -> dt.date | None:
    """The day ``DDS_TODAY`` names, or None when it is unset or empty."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{ENV} must be a date YYYY-MM-DD, not {value!r}") from None


def today() -> dt.date:
    return fixed_day() or dt.date.today()


def now() -> dt.datetime:
    """Local time (naive); with ``DDS_TODAY`` the date is that day and the time of day is the real one."""
    real = dt.datetime.now()
    day = fixed_day()
    return real if day is None else dt.datetime.combine(day, real.time())
