"""The Danish pension age table (simulators.population.pension_age, from data/pension_age.csv), pinned row by row
with both boundaries of every row (DOMAIN.md §3.3: 69 for 1.1.1967–31.12.1970, 70 from 1.1.1971, adopted by the
Folketing on 22 May 2025; official source aes.dk).

Seen failing before the fix of issue #19 (the table ended with "from 1.1.1967: 69"):
``test_the_whole_age_table`` failed for 1971-01-01, 1975-06-15 and 2000-01-01 (828 months = 69 years instead of 840
= 70), ``test_the_1970_1971_boundary`` with 828 != 840, ``test_pension_dates_of_someone_born_1975`` with a pension
age date of 2044-06-15 instead of 2045-06-15, and ``test_every_row_has_a_source_and_a_date`` because data/pension_age.csv did
not exist (the table was written in the code).
"""
from __future__ import annotations

import csv
import datetime as dt

import numpy as np
import pytest

from simulators.core.paths import DATA_DIR
from simulators.population import pension_age

D = dt.date
# (born, pension age in months): the first and the last birth date of every row of the table
TABLE = [
    (D(1930, 5, 1), 65 * 12), (D(1953, 12, 31), 65 * 12),
    (D(1954, 1, 1), 65 * 12 + 6), (D(1954, 6, 30), 65 * 12 + 6),
    (D(1954, 7, 1), 66 * 12), (D(1954, 12, 31), 66 * 12),
    (D(1955, 1, 1), 66 * 12 + 6), (D(1955, 6, 30), 66 * 12 + 6),
    (D(1955, 7, 1), 67 * 12), (D(1962, 12, 31), 67 * 12),
    (D(1963, 1, 1), 68 * 12), (D(1966, 12, 31), 68 * 12),
    (D(1967, 1, 1), 69 * 12), (D(1970, 12, 31), 69 * 12),
    (D(1971, 1, 1), 70 * 12), (D(1975, 6, 15), 70 * 12), (D(2000, 1, 1), 70 * 12),
]


@pytest.mark.parametrize("born, months", TABLE)
def test_the_whole_age_table(born, months):
    assert pension_age.pension_age_months(born) == months


def test_the_vectorised_table_agrees():
    born = np.array([np.datetime64(b) for b, _ in TABLE])
    assert list(pension_age.pension_age_months_array(born)) == [m for _, m in TABLE]


def test_the_1970_1971_boundary():
    assert pension_age.pension_age_months(D(1970, 12, 31)) == 828
    assert pension_age.pension_age_months(D(1971, 1, 1)) == 840


def test_pension_dates_of_someone_born_1975():
    born = D(1975, 6, 15)
    assert pension_age.pension_age_date(born) == D(2045, 6, 15)
    assert pension_age.pension_start(born) == D(2045, 7, 1)


def test_every_row_has_a_source_and_a_date():
    with (DATA_DIR / "pension_age.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 8
    for row in rows:
        assert row["source"] and row["as_of"][:4].isdigit(), row
    assert rows[-1]["born_from"] == "1971-01-01" and rows[-1]["age_months"] == "840"
    assert rows[-1]["as_of"] == "2025-05-22"
