"""Danish state pension (folkepension) age by birth date, from docs/DOMAIN.md §3.3 (borger.dk).

Born until 31.12.1953: 65; 1.1-30.6.1954: 65½; 1.7-31.12.1954: 66; 1.1-30.6.1955: 66½; 1.7.1955-31.12.1962: 67;
1.1.1963-31.12.1966: 68; from 1.1.1967: 69. Pension is paid from the 1st of the month after reaching the age.
"""
from __future__ import annotations

import datetime as dt

import numpy as np

from simulators.core.dates import add_months, first_of_next_month, months_old_array

# (born on or before, pension age in months); the last row covers everyone born later
_TABLE = (
    (dt.date(1953, 12, 31), 65 * 12),
    (dt.date(1954, 6, 30), 65 * 12 + 6),
    (dt.date(1954, 12, 31), 66 * 12),
    (dt.date(1955, 6, 30), 66 * 12 + 6),
    (dt.date(1962, 12, 31), 67 * 12),
    (dt.date(1966, 12, 31), 68 * 12),
    (dt.date.max, 69 * 12),
)
_LIMITS = np.array([np.datetime64(d) if d != dt.date.max else np.datetime64("9999-12-31") for d, _ in _TABLE])
_MONTHS = np.array([m for _, m in _TABLE])


def pension_age_months(birth_date: dt.date) -> int:
    return next(months for limit, months in _TABLE if birth_date <= limit)


def pension_age_date(birth_date: dt.date) -> dt.date:
    """The day the person reaches pension age."""
    return add_months(birth_date, pension_age_months(birth_date))


def pension_start(birth_date: dt.date) -> dt.date:
    """First day of the month after the person reaches pension age (when folkepension starts)."""
    return first_of_next_month(pension_age_date(birth_date))


def has_reached_pension_age(birth_date: dt.date, today: dt.date) -> bool:
    return pension_age_date(birth_date) <= today


def pension_age_months_array(birth_dates: np.ndarray) -> np.ndarray:
    """Vectorised ``pension_age_months`` for datetime64 birth dates."""
    return _MONTHS[np.searchsorted(_LIMITS, birth_dates.astype("datetime64[D]"), side="left")]


def reached_array(birth_dates: np.ndarray, today: dt.date) -> np.ndarray:
    """Vectorised ``has_reached_pension_age``: age in whole months on ``today`` >= pension age."""
    return months_old_array(birth_dates, today) >= pension_age_months_array(birth_dates)
