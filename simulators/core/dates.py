"""Date arithmetic, the one home for it: calendar months, whole years and whole months of age.

Months are calendar months clamped to the month's end (31 Jan + 1 month = 28/29 Feb), as ``dateutil`` does.
The ``*_array`` twins give the same answers for numpy ``datetime64`` birth dates (the population is vectorised).
"""
from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
from dateutil.relativedelta import relativedelta


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clamped to the month's last day (29 Feb, 31st)."""
    return day + relativedelta(months=months)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (or earlier); 29 February becomes 28 February in a common year."""
    return day + relativedelta(years=years)


def birthday(birth: dt.date, age: int) -> dt.date:
    """The day one turns ``age`` (``age_on`` reaches it): for 29 February, 1 March in a common year."""
    day = add_years(birth, age)
    return day if day.day == birth.day else day + dt.timedelta(days=1)


def first_of_next_month(day: dt.date) -> dt.date:
    return add_months(day.replace(day=1), 1)


def last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Whole years of age on ``day`` (someone born on 29 February turns a year older on 1 March)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def months_old(birth: dt.date, day: dt.date) -> int:
    """Completed months of age on ``day``: the months ``m`` with ``add_months(birth, m) <= day``."""
    months = (day.year - birth.year) * 12 + day.month - birth.month
    return months - 1 if add_months(birth, months) > day else months


def months_old_array(births: np.ndarray, day: dt.date) -> np.ndarray:
    """``months_old`` for datetime64 birth dates on one ``day`` (the same month-end clamping)."""
    births = births.astype("datetime64[D]")
    month_start = births.astype("datetime64[M]")
    months = (day.year * 12 + day.month - 1) - month_start.astype(np.int64) - 1970 * 12
    birth_day = (births - month_start).astype(np.int64) + 1
    clamped = np.minimum(birth_day, calendar.monthrange(day.year, day.month)[1])
    return months - (clamped > day.day)
