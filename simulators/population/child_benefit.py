"""Danish child benefit (børne- og ungeydelse) by the child's age, TAX_AND_BENEFITS.md §4: the one table for the
life history (simulators.population.life) and Mit Overblik's regular payments (simulators.borger.benefits).

Paid automatically on the 20th: per quarter (January, April, July, October) for children under 15, per month for
15–17-year-olds (babyliv.dk, secondary); split half and half between two parents with the child (borger.dk,
official, since 2022). Rates 2024–2026: beierholm.dk / babyboble.dk / babyliv.dk (secondary); a year outside the
table takes its nearest year. The income-dependent reduction is ignored (assumption).
"""
from __future__ import annotations

# year -> DKK per payment: (0–2, 3–6, 7–14 years: per quarter; 15–17 years: per month)
RATES = {2024: (5_124, 4_056, 3_192, 1_064), 2025: (5_292, 4_191, 3_297, 1_099),
         2026: (5_370, 4_248, 3_342, 1_114)}
MAX_AGE = 17
QUARTER_MONTHS = (1, 4, 7, 10)
PAY_DAY = 20


def rates_year(year: int) -> int:
    """The table's year for ``year``: itself, or the nearest year the table has."""
    return min(max(year, min(RATES)), max(RATES))


def band(age: int) -> int:
    """Index into a year's rates: 0–2, 3–6, 7–14, 15–17 years."""
    return 0 if age <= 2 else 1 if age <= 6 else 2 if age <= 14 else 3


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
