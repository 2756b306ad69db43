"""Small helpers shared by the police, library, divorce and daycare rules: eligibility and answer values.

Answers come from widgets (date/time objects) or from the store (ISO strings), so both are accepted.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Eligibility:
    ok: bool
    reason_key: str | None = None
    params: dict = field(default_factory=dict)


def as_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def as_time(value) -> dt.time | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.time):
        return value
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clipped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def age_on(birth_date: dt.date, day: dt.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def months_old(birth_date: dt.date, day: dt.date) -> int:
    """Completed months of age on ``day``."""
    months = (day.year - birth_date.year) * 12 + day.month - birth_date.month
    return months - 1 if add_months(birth_date, months) > day else months
