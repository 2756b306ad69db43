"""Danish child benefit (børne- og ungeydelse) by the child's age, TAX_AND_BENEFITS.md §4: the one table for the
life history (simulators.population.life), Mit Overblik's regular payments (simulators.borger.benefits) and the
comparison's journey (data/journeys.toml refers to the same figures).

Paid automatically on the 20th: per quarter (January, April, July, October) for children under 15, per month for
15–17-year-olds (babyliv.dk, secondary); split half and half between two parents with the child (borger.dk,
official, since 2022). Rates and age bands live in data/figures.toml (measures ``dk_child_benefit_0_2`` …, 2023
official, 2024–2026 secondary); a year outside the table takes its nearest year. The income-dependent reduction
is ignored (assumption).
"""
from __future__ import annotations

from simulators.core import figures

BAND_MEASURES = ("dk_child_benefit_0_2", "dk_child_benefit_3_6", "dk_child_benefit_7_14", "dk_child_benefit_15_17")
# year -> DKK per payment: (0–2, 3–6, 7–14 years: per quarter; 15–17 years: per month)
RATES = {int(period): tuple(figures.series(m, "DK")[period].value for m in BAND_MEASURES)
         for period in figures.series(BAND_MEASURES[0], "DK")}
BAND_TO_AGE = tuple(figures.value(f"dk_child_benefit_{band}_to_age") for band in ("baby", "small", "child", "youth"))
MAX_AGE = BAND_TO_AGE[-1]
QUARTER_MONTHS = (1, 4, 7, 10)
PAY_DAY = figures.value("dk_child_benefit_pay_day")


def rates_year(year: int) -> int:
    """The table's year for ``year``: itself, or the nearest year the table has."""
    return min(max(year, min(RATES)), max(RATES))


def band(age: int) -> int:
    """Index into a year's rates: 0–2, 3–6, 7–14, 15–17 years."""
    return next((i for i, top in enumerate(BAND_TO_AGE[:3]) if age <= top), 3)


def paid_monthly(age: int) -> bool:
    return band(age) == 3


def per_payment(age: int, year: int) -> int:
    """DKK of one payment (a quarter's, or for 15–17 a month's) for a child of ``age`` in ``year``, undivided."""
    return RATES[rates_year(year)][band(age)]


def per_quarter(age: int, year: int) -> int:
    """DKK a quarter brings: one quarterly payment, or three monthly ones for 15–17."""
    return per_payment(age, year) * (3 if paid_monthly(age) else 1)


def share(amount: int, two_parents: bool) -> int:
    """What one parent receives: half (rounded down) when both parents live with the child."""
    return amount // 2 if two_parents else amount
