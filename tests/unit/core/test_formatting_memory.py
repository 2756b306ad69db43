"""Formatting remembers its results (issue #18: Babel costs 20-50 µs a call, a page makes dozens a run): the
remembered text is always the text Babel makes for that value, including values that compare equal but show
differently."""
import datetime as dt
from decimal import Decimal

import numpy as np
from babel.dates import format_date
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies

from simulators.core import i18n

LANGS = strategies.sampled_from(sorted(i18n.LANGS))
NUMBERS = strategies.one_of(strategies.integers(-10**9, 10**9),
                            strategies.floats(-1e9, 1e9, allow_nan=False),
                            strategies.decimals(-10**6, 10**6, places=3, allow_nan=False, allow_infinity=False))


@settings(max_examples=300, deadline=None)
@given(value=NUMBERS, lang=LANGS, decimals=strategies.one_of(strategies.none(), strategies.integers(0, 3)))
def test_a_remembered_number_is_the_number_babel_makes(value, lang, decimals):
    first, again = i18n.fmt_number(value, lang, decimals), i18n.fmt_number(value, lang, decimals)
    assert first == again == i18n.fmt_number.__wrapped__(value, lang, decimals)


@settings(max_examples=200, deadline=None)
@given(value=NUMBERS, lang=LANGS, currency=strategies.sampled_from(["DKK", "EUR"]), decimals=strategies.integers(0, 2))
def test_remembered_money_and_percentages_are_what_babel_makes(value, lang, currency, decimals):
    assert i18n.fmt_money(value, lang, currency, decimals) == i18n.fmt_money.__wrapped__(value, lang, currency, decimals)
    assert i18n.fmt_percent(value, lang, decimals) == i18n.fmt_percent.__wrapped__(value, lang, decimals)


@settings(max_examples=200, deadline=None)
@given(day=strategies.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), lang=LANGS,
       fmt=strategies.sampled_from(["short", "medium", "long", "MMMM y"]))
def test_a_remembered_date_is_the_date_babel_makes(day, lang, fmt):
    i18n.fmt_date(day, lang, fmt)
    assert i18n.fmt_date(day, lang, fmt) == format_date(day, format=fmt, locale=i18n.babel_locale(lang))


def test_values_that_compare_equal_but_show_differently_are_kept_apart():
    assert -0.0 == 0.0 and Decimal("1.50") == Decimal("1.5") == 1.5
    assert i18n.fmt_number(-0.0, "en") == format_decimal(-0.0, locale="en")
    assert i18n.fmt_number(0.0, "en") == format_decimal(0.0, locale="en")
    assert i18n.fmt_number(Decimal("1.50"), "en", 2) == "1.50"
    assert i18n.fmt_number(1.5, "en") == "1.5"
    # a keyword and a positional language are the same call
    assert i18n.fmt_money(1234, lang="de", currency="EUR") == i18n.fmt_money(1234, "de", "EUR")


def test_a_value_that_cannot_be_remembered_is_still_formatted():
    before = i18n.fmt_number.cache_info().currsize
    assert i18n.fmt_number(np.array(1234.5), "de", 1) == "1.234,5"
    assert i18n.fmt_number.cache_info().currsize == before


def test_a_second_call_is_remembered():
    i18n.fmt_percent(12.25, "da", 2)
    hits = i18n.fmt_percent.cache_info().hits
    assert i18n.fmt_percent(12.25, "da", 2) == "12,25\u00a0%"
    assert i18n.fmt_percent.cache_info().hits == hits + 1
