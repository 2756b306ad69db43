"""Who exists: age, sex, birth date and civil status of n synthetic people, in linear time.

Age x sex and civil status are exact largest-remainder quotas of the sourced tables, so the generated shares
match the sources up to rounding. Within each (sex, age) cell the birth dates are stratified over the year of
life (evenly spread, randomly jittered), which also gives every person a rank among the people of the same
sex born on the same day — the CPR serial is built from it without sorting millions of keys.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from simulators.core.dates import add_years
from simulators.population import cpr
from simulators.population import demographics
from simulators.population.pension_age import reached_array

DAYS = 366  # calendar table width: day offsets within a year of life


@dataclass(frozen=True)
class Calendar:
    """Per (age, day offset) entry ``age * DAYS + offset``: a birth date and what follows from it."""

    span: np.ndarray  # days in each year of life (365/366), per age
    days: np.ndarray  # birth date as days since 1970
    year: np.ndarray
    pension: np.ndarray  # has reached Danish pension age on today
    cpr_prefix: np.ndarray  # "DDMMYY" with the day + 60, as S6 bytes


@lru_cache(maxsize=None)
def calendar(today: dt.date) -> Calendar:
    anchor = np.array([np.datetime64(add_years(today, -a)) for a in range(demographics.MAX_AGE + 2)])
    span = (anchor[:-1] - anchor[1:]).astype(np.int64)
    dates = (anchor[:-1, None] - np.arange(DAYS).astype("timedelta64[D]")[None, :]).ravel()
    months = dates.astype("datetime64[M]")
    year = dates.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (dates - months).astype(np.int64) + 1 + cpr.FICTITIOUS_DAY_OFFSET
    digits = np.stack([day // 10, day % 10, month // 10, month % 10, year % 100 // 10, year % 10], axis=1)
    prefix = (digits + 48).astype(np.uint8).view("S6").ravel()
    return Calendar(span, dates.astype(np.int64), year, reached_array(dates, today), prefix)


def quotas(weights: np.ndarray, n: int) -> np.ndarray:
    """Largest-remainder allocation of n to the weights (so sampled shares match the source exactly)."""
    exact = weights / weights.sum() * n
    base = np.floor(exact).astype(np.int64)
    base[np.argsort(-(exact - base), kind="stable")[: n - base.sum()]] += 1
    return base


def _marital_quotas(cell_counts: np.ndarray) -> np.ndarray:
    """Civil status codes for persons sorted by (sex, age) cell: exact shares of the marital table per cell."""
    cdf = demographics.marital_cdf().reshape(-1, len(demographics.MARITAL))
    exact = np.diff(cdf, axis=1, prepend=0.0) * cell_counts[:, None]
    base = np.floor(exact).astype(np.int64)
    rest = cell_counts - base.sum(axis=1)
    ranks = np.argsort(np.argsort(-(exact - base), axis=1, kind="stable"), axis=1)
    base += ranks < rest[:, None]
    return np.repeat(np.tile(np.arange(len(demographics.MARITAL), dtype=np.int8), len(cell_counts)), base.ravel())


@dataclass
class People:
    age: np.ndarray
    male: np.ndarray
    marital: np.ndarray  # index into demographics.MARITAL
    when: np.ndarray  # index into the Calendar arrays
    same_day_rank: np.ndarray  # rank among people of the same sex born the same day
    same_day_key: np.ndarray  # a random number shared by exactly those people


def draw(rng: np.random.Generator, n: int, country: str, today: dt.date) -> People:
    counts = demographics.age_sex_counts(country)
    ages = counts.shape[1]
    cell_counts = quotas(counts.ravel(), n)
    cell = np.repeat(np.arange(counts.size, dtype=np.int32), cell_counts)
    marital = _marital_quotas(cell_counts)
    age = cell % ages
    span = calendar(today).span
    position = np.arange(n) - (np.cumsum(cell_counts) - cell_counts)[cell]
    offset = ((position + rng.random(n)) * span[age] / cell_counts[cell]).astype(np.int64)
    when = age * DAYS + offset
    new_day = np.r_[True, when[1:] != when[:-1]]  # cells are contiguous, and offsets rise within a cell
    run_start = np.maximum.accumulate(np.where(new_day, np.arange(n), 0))
    rank = np.arange(n) - run_start
    key = rng.integers(0, 1 << 30, int(new_day.sum()))[np.cumsum(new_day) - 1]
    shuffle = rng.permutation(n)
    return People(age[shuffle].astype(np.int64), cell[shuffle] >= ages, marital[shuffle], when[shuffle],
                  rank[shuffle], key[shuffle])
