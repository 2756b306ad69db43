"""Danish state pension (folkepension) age by birth date: the table of data/pension_age.csv (docs/DOMAIN.md §3.3).

Born until 31.12.1953: 65; 1.1-30.6.1954: 65½; 1.7-31.12.1954: 66; 1.1-30.6.1955: 66½; 1.7.1955-31.12.1962: 67;
1.1.1963-31.12.1966: 68; 1.1.1967-31.12.1970: 69 (borger.dk); from 1.1.1971: 70 (adopted by the Folketing on
22 May 2025; aes.dk). Pension is paid from the first day of the month after reaching the age. Each row of the file
names its source ids (data/journeys_sources.toml) and its reference date.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass

import numpy as np

from simulators.core.dates import add_months, first_of_next_month, months_old_array
from simulators.core.paths import DATA_DIR

TABLE_CSV = DATA_DIR / "pension_age.csv"


@dataclass(frozen=True)
class AgeRow:
    born_from: dt.date | None  # None: everyone born earlier
    born_to: dt.date | None    # None: everyone born later
    months: int
    as_of: str                 # reference date of the row (the rule's adoption or the source's date)
    sources: tuple[str, ...]   # ids of data/journeys_sources.toml


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def read_table() -> tuple[AgeRow, ...]:
    """The rows of data/pension_age.csv, oldest birth dates first; checked to cover every birth date once."""
    with TABLE_CSV.open(encoding="utf-8", newline="") as handle:
        rows = tuple(AgeRow(_date(r["born_from"]), _date(r["born_to"]), int(r["age_months"]), r["as_of"],
                            tuple(r["source"].split())) for r in csv.DictReader(handle))
    if rows[0].born_from is not None or rows[-1].born_to is not None or not all(r.sources for r in rows):
        raise ValueError(f"{TABLE_CSV.name}: the first row must be open below, the last open above, all sourced")
    for before, after in zip(rows, rows[1:]):
        if before.born_to is None or after.born_from != before.born_to + dt.timedelta(days=1):
            raise ValueError(f"{TABLE_CSV.name}: a gap or an overlap after {before.born_to}")
    return rows


AGE_TABLE = read_table()
# (born on or before, pension age in months); the last row covers everyone born later
_TABLE = tuple((row.born_to or dt.date.max, row.months) for row in AGE_TABLE)
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
