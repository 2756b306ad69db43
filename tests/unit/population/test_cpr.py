"""CPR numbers: century table, sex digit, day + 60 fictitious numbers, never rejecting on modulus 11."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulators.population import cpr
from simulators.core import i18n

TODAY = dt.date(2026, 11, 28)
births = st.dates(min_value=dt.date(1858, 1, 1), max_value=dt.date(2057, 12, 31))
sexes = st.sampled_from(["male", "female"])


@pytest.mark.parametrize("digit7, yy, year", [
    (0, 0, 1900), (3, 99, 1999), (4, 0, 2000), (4, 36, 2036), (4, 37, 1937), (9, 57, 1957), (9, 58, 1958),
    (5, 36, 2036), (5, 37, 2037), (8, 57, 2057), (6, 58, 1858), (7, 99, 1899),
])
def test_century_table_of_domain_md(digit7, yy, year):
    assert cpr.century(digit7, yy) + yy == year


@given(st.integers(0, 9), st.integers(0, 99))
def test_century_and_digits7_are_inverse(digit7, yy):
    year = cpr.century(digit7, yy) + yy
    assert 1858 <= year <= 2057
    assert digit7 in cpr.digits7_for_year(year)


@given(births, sexes, st.integers(0, 10**6))
def test_fictitious_numbers_round_trip_to_true_birth_date_and_sex(birth, sex, slot):
    serial = cpr.serial_for_slot(birth.year, sex, slot % cpr.serial_capacity(birth.year))
    number = cpr.format_cpr(birth, serial)  # fictitious (day + 60), as the population's numbers
    day = int(number[:2])
    assert 61 <= day <= 91, "day + 60 lies outside every real CPR number"
    info = cpr.parse(number)
    assert info.fictitious and info.birth_date == birth and info.sex == sex
    assert info.cpr == number


@given(births, st.integers(0, 999))
def test_real_style_numbers_round_trip(birth, rest):
    digit7 = cpr.digits7_for_year(birth.year)[rest % len(cpr.digits7_for_year(birth.year))]
    number = cpr.format_cpr(birth, digit7 * 1000 + rest, fictitious=False)
    info = cpr.parse(number.replace("-", ""))
    assert not info.fictitious and info.birth_date == birth
    assert info.sex == ("male" if rest % 2 else "female")


@given(births.filter(lambda d: d <= TODAY), st.integers(0, 9999))
def test_validation_never_rejects_on_modulus_11(birth, serial):
    digits7 = cpr.digits7_for_year(birth.year)
    serial = digits7[serial % len(digits7)] * 1000 + serial % 1000
    number = cpr.format_cpr(birth, serial, fictitious=False)
    assert cpr.validate(number, today=TODAY) == []


@given(st.integers(1858, 2057), sexes)
@settings(max_examples=30)
def test_every_slot_gives_a_different_serial(year, sex):
    serials = [cpr.serial_for_slot(year, sex, slot) for slot in range(cpr.serial_capacity(year))]
    assert len(set(serials)) == len(serials)
    assert all((s % 2 == 1) == (sex == "male") for s in serials)
    assert all(cpr.century(s // 1000, year % 100) + year % 100 == year for s in serials)


def test_known_example_and_modulus_flag():
    info = cpr.parse("211062-5629")
    assert info.birth_date == dt.date(1862, 10, 21) and info.sex == "male" and info.modulus11  # 7th digit 5
    assert not info.fictitious


@pytest.mark.parametrize("value, key", [
    ("", cpr.ERROR_FORMAT), ("12345", cpr.ERROR_FORMAT), ("010190-12345", cpr.ERROR_FORMAT),
    ("0101901234x", cpr.ERROR_FORMAT), ("01-0190-1234", cpr.ERROR_FORMAT), ("320190-1234", cpr.ERROR_DATE),
    ("450190-1234", cpr.ERROR_DATE), ("300290-1234", cpr.ERROR_DATE), ("920190-1234", cpr.ERROR_DATE),
])
def test_invalid_numbers_give_message_keys(value, key):
    assert cpr.validate(value, today=TODAY) == [key]
    with pytest.raises(cpr.InvalidCpr) as raised:
        cpr.parse(value)
    assert raised.value.key == key


def test_a_birth_date_after_today_is_refused_though_it_parses():
    assert cpr.validate("010130-5234", today=TODAY) == [cpr.ERROR_FUTURE]
    assert cpr.parse("010130-5234").birth_date == dt.date(2030, 1, 1)  # 7th digit 5, yy 30 -> 2030


def test_29_february_depends_on_the_century():
    assert cpr.parse("290200-4001").birth_date == dt.date(2000, 2, 29)  # 7th digit 4, yy 00 -> 2000
    assert cpr.validate("290200-0001", today=TODAY) == [cpr.ERROR_DATE]  # 1900 was no leap year


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_error_keys_are_translated(lang):
    for key in cpr.ERROR_KEYS:
        assert i18n.catalog(lang).get(key), (lang, key)
