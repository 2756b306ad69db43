"""The one child benefit table (simulators.population.child_benefit) gives what its two former copies gave:
the life history's quarterly amounts (population/life.py) and Mit Overblik's payments (borger/benefits.py)."""
import datetime as dt

import pytest

from simulators.borger import benefits
from simulators.population import child_benefit
from tests.helpers.personas import make_persona, member

# the table before the merge, plus the official 2023 rates (borger.dk) that data/figures.toml holds since issue #19
OLD_TABLE = {2023: (4746, 3756, 2955, 985), 2024: (5124, 4056, 3192, 1064), 2025: (5292, 4191, 3297, 1099),
             2026: (5370, 4248, 3342, 1114)}


def old_life_benefit(child_age, year):  # population/life.py _benefit before the merge
    rates = OLD_TABLE[min(max(year, min(OLD_TABLE)), max(OLD_TABLE))]
    if child_age <= 2:
        return rates[0]
    if child_age <= 6:
        return rates[1]
    if child_age <= 14:
        return rates[2]
    return 3 * rates[3]


def old_overblik_amount(age, today, has_partner):  # borger/benefits.py child_benefit before the merge
    year = max(y for y in OLD_TABLE if y <= today.year) if today.year >= min(OLD_TABLE) else min(OLD_TABLE)
    band = 0 if age <= 2 else 1 if age <= 6 else 2 if age <= 14 else 3
    rate = OLD_TABLE[year][band]  # halved rounding down, as the merged table does (the 2023 rates are odd too)
    return rate // 2 if has_partner else rate


@pytest.mark.parametrize("year", range(2020, 2031))
def test_per_quarter_is_the_life_historys_amount(year):
    for age in range(0, 18):
        assert child_benefit.per_quarter(age, year) == old_life_benefit(age, year), (age, year)
        assert child_benefit.share(child_benefit.per_quarter(age, year), True) == old_life_benefit(age, year) // 2


@pytest.mark.parametrize("today", [dt.date(2023, 5, 1), dt.date(2024, 1, 1), dt.date(2026, 11, 28), dt.date(2030, 6, 1)])
def test_mit_overblik_shows_the_same_amounts(today):
    children = [member(50 + age, f"Kid{age}", age, "child") for age in range(0, 18)]
    for partner in (False, True):
        household = children + ([member(49, "Lars", 40, "partner", sex="male")] if partner else [])
        payments = benefits.child_benefit(make_persona(household=household, today=today), today)
        assert [p["amount_dkk"] for p in payments] == [old_overblik_amount(age, today, partner) for age in range(18)]
        assert [p["period_key"] for p in payments] == ["borger.period.quarter"] * 15 + ["borger.period.month"] * 3


def test_halving_an_odd_rate_rounds_down_as_the_life_history_did():
    assert child_benefit.per_payment(4, 2025) == 4191
    assert child_benefit.share(4191, True) == 2095 and child_benefit.share(4191, False) == 4191
    # Mit Overblik rounded half to even (2096) before the merge; only the 2025 rates are odd, so today's
    # (2026) amounts are unchanged: see test_mit_overblik_shows_the_same_amounts.


def test_pay_days_and_bands():
    assert child_benefit.QUARTER_MONTHS == (1, 4, 7, 10) and child_benefit.PAY_DAY == 20
    assert [child_benefit.band(a) for a in (0, 2, 3, 6, 7, 14, 15, 17)] == [0, 0, 1, 1, 2, 2, 3, 3]
    assert child_benefit.rates_year(2019) == 2023 and child_benefit.rates_year(2031) == 2026
