"""Month arithmetic for children's ages (daycare rules and rates are stated in weeks and months of age)."""
from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clipped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_old(birth: dt.date, day: dt.date) -> int:
    """Completed months of age on ``day``."""
    months = (day.year - birth.year) * 12 + day.month - birth.month
    return months - 1 if add_months(birth, months) > day else months
