"""The one date arithmetic (simulators.core.dates) gives what the copies it replaced gave, on every boundary:
month ends, 29 February, negative months, year changes; and the vectorised twins agree with the scalar rules."""
import calendar
import datetime as dt

import numpy as np
import pytest

from simulators.core import dates
from simulators.population import pension_age

DAYS = [dt.date(2023, 1, 1) + dt.timedelta(days=i) for i in range(3 * 365 + 1)]  # 2023-2025, with 29.2.2024
MONTHS = range(-30, 31)


def old_add_months_pension_age(day, months):  # simulators/pension_age.py before the merge
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    following = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, min(day.day, (following - dt.timedelta(days=1)).day))


def old_add_months_calendar(day, months):  # borger/child_age.py and borger/pension.py before the merge
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def old_age_on(birth_date, day):  # persona.py and borger/passport.py before the merge
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def old_months_old(birth, day):  # borger/child_age.py before the merge
    months = (day.year - birth.year) * 12 + day.month - birth.month
    return months - 1 if old_add_months_calendar(birth, months) > day else months


def test_add_months_is_every_old_copy():
    for day in DAYS:
        for months in MONTHS:
            expected = old_add_months_calendar(day, months)
            assert dates.add_months(day, months) == expected == old_add_months_pension_age(day, months), (day, months)


@pytest.mark.parametrize("day, months, expected", [
    (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)), (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
    (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)), (dt.date(2026, 8, 31), -6, dt.date(2026, 2, 28)),
    (dt.date(2025, 12, 15), 1, dt.date(2026, 1, 15)), (dt.date(2026, 1, 15), -1, dt.date(2025, 12, 15)),
    (dt.date(2025, 3, 31), -1, dt.date(2025, 2, 28)), (dt.date(1959, 3, 10), 804, dt.date(2026, 3, 10)),
])
def test_add_months_clamps_to_the_month_end(day, months, expected):
    assert dates.add_months(day, months) == expected


def test_first_of_next_month_and_last_day_of_month():
    assert dates.first_of_next_month(dt.date(2025, 12, 31)) == dt.date(2026, 1, 1)
    assert dates.first_of_next_month(dt.date(2026, 3, 1)) == dt.date(2026, 4, 1)
    assert dates.last_day_of_month(2024, 2) == dt.date(2024, 2, 29)
    assert dates.last_day_of_month(2025, 2) == dt.date(2025, 2, 28)
    assert dates.last_day_of_month(2025, 12) == dt.date(2025, 12, 31)


def test_age_on_and_months_old_are_the_old_copies():
    births = [dt.date(2020, 2, 29), dt.date(2021, 1, 31), dt.date(2022, 8, 31), dt.date(2022, 12, 1),
              dt.date(2023, 3, 30), dt.date(2023, 6, 15)]
    for birth in births:
        for day in [d for d in DAYS if d >= birth]:
            assert dates.age_on(birth, day) == old_age_on(birth, day), (birth, day)
            assert dates.months_old(birth, day) == old_months_old(birth, day), (birth, day)


def test_age_on_boundaries():
    assert dates.age_on(dt.date(2000, 2, 29), dt.date(2025, 2, 28)) == 24
    assert dates.age_on(dt.date(2000, 2, 29), dt.date(2025, 3, 1)) == 25
    assert dates.age_on(dt.date(2000, 6, 1), dt.date(2025, 5, 31)) == 24
    assert dates.age_on(dt.date(2000, 6, 1), dt.date(2025, 6, 1)) == 25


def test_months_old_array_is_months_old_on_every_day():
    births = [dt.date(1950, 1, 1) + dt.timedelta(days=i) for i in range(0, 27_000, 7)]
    births += [dt.date(y, m, d) for y in (1959, 1960, 2024) for m in range(1, 13)
               for d in (28, 29, 30, 31) if d <= calendar.monthrange(y, m)[1]]
    array = np.array(births, dtype="datetime64[D]")
    for day in [dt.date(2026, 11, 28), dt.date(2026, 11, 30), dt.date(2026, 2, 28), dt.date(2024, 2, 29),
                dt.date(2026, 12, 31), dt.date(2027, 4, 30), dt.date(2026, 1, 1)]:
        expected = [dates.months_old(b, day) if b <= day else None for b in births]
        got = dates.months_old_array(array, day)
        assert [g if e is not None else None for g, e in zip(got.tolist(), expected)] == expected, day


def test_reached_array_is_has_reached_pension_age():
    births = [dt.date(1953, 1, 1) + dt.timedelta(days=i) for i in range(0, 5_000)]
    array = np.array(births, dtype="datetime64[D]")
    for day in [dt.date(2026, 11, 28), dt.date(2026, 11, 30), dt.date(2027, 2, 28), dt.date(2028, 2, 29),
                dt.date(2020, 6, 30), dt.date(2029, 12, 31)]:
        expected = [pension_age.has_reached_pension_age(b, day) for b in births]
        assert pension_age.reached_array(array, day).tolist() == expected, day


def test_pension_start_is_the_first_of_the_month_after_pension_age():
    for birth in [dt.date(1953, 12, 31), dt.date(1954, 6, 30), dt.date(1959, 8, 31), dt.date(1960, 2, 29),
                  dt.date(1959, 3, 10), dt.date(1967, 12, 31)]:
        reached = old_add_months_pension_age(birth, pension_age.pension_age_months(birth))
        assert pension_age.pension_age_date(birth) == reached
        assert pension_age.pension_start(birth) == old_add_months_pension_age(reached.replace(day=1), 1)
        assert pension_age.pension_start(birth).day == 1 and pension_age.pension_start(birth) > reached


def old_years_later(day, years):  # population/life.py _years_later before the merge
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def old_months_later(day, months):  # population/life.py _months_later before the merge (the 1st of the month)
    year, month = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + year, month + 1, 1)


def old_fifteenth_birthday(birth):  # post/life_letters.py digital_post_since before the merge
    try:
        return birth.replace(year=birth.year + 15)
    except ValueError:  # born on 29 February
        return dt.date(birth.year + 15, 3, 1)


def test_add_years_and_the_first_of_a_month_are_the_old_copies():
    for day in DAYS:
        for years in (-10, -1, 1, 4, 15):
            assert dates.add_years(day, years) == old_years_later(day, years), (day, years)
        for months in (-2, 10):
            assert dates.add_months(day, months).replace(day=1) == old_months_later(day, months), (day, months)


def test_birthday_is_the_day_age_on_reaches_the_age():
    for birth in DAYS:
        assert dates.birthday(birth, 15) == old_fifteenth_birthday(birth), birth
        for age in (1, 15, 18):
            day = dates.birthday(birth, age)
            assert dates.age_on(birth, day) == age and dates.age_on(birth, day - dt.timedelta(days=1)) == age - 1
    assert dates.birthday(dt.date(2008, 2, 29), 15) == dt.date(2023, 3, 1)  # the life history said 28 February
    assert dates.birthday(dt.date(2008, 2, 29), 16) == dt.date(2024, 2, 29)
