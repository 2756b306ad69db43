"""Flow "pension": pension age by birth date (every boundary of the table), dates, eligibility, validation, outcome."""
import datetime as dt
import random

import pytest

from simulators.population import pension_age
from simulators.borger import benefits
from simulators.borger.flows.pension import (FLOW, last_banking_day, monthly_estimate, pension_age_months, pension_dates)
from tests.helpers.personas import TODAY, make_persona


@pytest.mark.parametrize("birth, months", [
    (dt.date(1950, 1, 1), 780), (dt.date(1953, 12, 31), 780),
    (dt.date(1954, 1, 1), 786), (dt.date(1954, 6, 30), 786),
    (dt.date(1954, 7, 1), 792), (dt.date(1954, 12, 31), 792),
    (dt.date(1955, 1, 1), 798), (dt.date(1955, 6, 30), 798),
    (dt.date(1955, 7, 1), 804), (dt.date(1962, 12, 31), 804),
    (dt.date(1963, 1, 1), 816), (dt.date(1966, 12, 31), 816),
    (dt.date(1967, 1, 1), 828), (dt.date(1970, 12, 31), 828),
    (dt.date(1971, 1, 1), 840), (dt.date(2000, 5, 5), 840),  # 70 from 1.1.1971 (Folketing, 22 May 2025; issue #19)
])
def test_pension_age_table_boundaries(birth, months):
    assert pension_age_months(birth) == months
    assert pension_age.pension_age_months(birth) == months  # the flow uses the population's table


def test_dates_first_of_following_month_and_half_year_before():
    dates = pension_dates(dt.date(1959, 3, 10))
    assert dates["reached"] == dt.date(2026, 3, 10)
    assert dates["start"] == dt.date(2026, 4, 1)
    assert dates["apply_from"] == dt.date(2025, 9, 10)
    assert pension_dates(dt.date(1959, 8, 31))["apply_from"] == dt.date(2026, 2, 28)  # month end clamps
    assert pension_dates(dt.date(1954, 3, 1))["reached"] == dt.date(2019, 9, 1)  # 65½


def test_eligibility_window():
    born = dt.date(1960, 3, 15)  # pension age 67 on 15.3.2027, apply from 15.9.2026, start 1.4.2027
    assert FLOW.eligible(make_persona(birth_date=born), TODAY) == (True, None, {})
    ok, key, params = FLOW.eligible(make_persona(birth_date=dt.date(1985, 3, 12)), TODAY)
    assert (ok, key) == (False, "flow.pension.not_yet")
    assert params["apply_date"] == "2054-09-12" and params["reached_date"] == "2055-03-12"  # 70 (born 1985)
    assert FLOW.eligible(make_persona(birth_date=born), dt.date(2026, 9, 14))[1] == "flow.pension.not_yet"
    assert FLOW.eligible(make_persona(birth_date=born), dt.date(2026, 9, 15))[0]
    assert FLOW.eligible(make_persona(birth_date=born), dt.date(2027, 4, 1))[1] == "flow.pension.already"
    assert FLOW.alternative_filters == {"min_age": 66, "max_age": 67}


def answers(persona, **changes):
    return {**FLOW.prefilled(persona, TODAY), "confirm": True, **changes}


@pytest.mark.parametrize("changes, field, key", [
    ({"citizenship": "other"}, "citizenship", "flow.pension.err.citizenship"),
    ({"lives_in_dk": "no"}, "lives_in_dk", "flow.pension.err.residence"),
    ({"residence_years": 2}, "residence_years", "flow.pension.err.too_few_years"),
    ({"residence_years": 60}, "residence_years", "flow.pension.err.too_many_years"),
    ({"residence_years": None}, "residence_years", "borger.err.required"),
])
def test_condition_messages(changes, field, key):
    persona = make_persona(birth_date=dt.date(1960, 3, 15))
    assert FLOW.check_step("conditions", answers(persona, **changes), persona, TODAY)[field][0] == key


def test_prefill_assumes_a_life_in_denmark():
    persona = make_persona(birth_date=dt.date(1960, 3, 15))
    assert FLOW.prefilled(persona, TODAY) == {"citizenship": "dk", "lives_in_dk": "yes", "residence_years": 51}
    assert FLOW.check_all(answers(persona), persona, TODAY) == {}


def test_estimate_single_and_couple_2026():
    single = make_persona(birth_date=dt.date(1960, 3, 15), household=[])
    couple = make_persona(birth_date=dt.date(1960, 3, 15))
    assert monthly_estimate(single)["total_dkk"] == 7_544 + 8_729
    assert monthly_estimate(couple)["total_dkk"] == 7_544 + 4_467


def test_outcome_letter_case_payment_and_deadline():
    persona = make_persona(birth_date=dt.date(1960, 3, 15), household=[])
    outcome = FLOW.finish(persona, answers(persona), TODAY, random.Random(1))
    letter = outcome.letters[0]
    assert letter["template"] == "pension_application"
    assert letter["params"]["start_date"] == "2027-04-01"
    assert letter["params"]["first_payment_date"] == "2027-04-30"  # last banking day of April 2027 (a Friday)
    assert outcome.changes["payments"][0]["amount_dkk"] == 16_273
    assert outcome.changes["cases"][0]["authority"] == "udbetaling_danmark"
    assert outcome.changes["deadlines"][0]["date"] == "2027-04-01"


def test_last_banking_day_skips_weekends():
    assert last_banking_day(2026, 5) == dt.date(2026, 5, 29)  # 31 May 2026 is a Sunday
    assert last_banking_day(2026, 11) == dt.date(2026, 11, 30)


def test_overview_shows_pension_for_a_pensioner_and_apply_deadline_when_near():
    pensioner = make_persona(birth_date=dt.date(1950, 5, 5), household=[], occupation="pensioner", income=200_000)
    labels = [p["label_key"] for p in benefits.regular_payments(pensioner, TODAY)]
    assert "borger.pay.folkepension" in labels and "borger.pay.salary" not in labels
    near = make_persona(birth_date=dt.date(1960, 11, 1))  # apply from 1.5.2027
    assert benefits.regular_deadlines(near, TODAY)[0]["date"] == "2027-05-01"
    assert benefits.regular_deadlines(make_persona(), TODAY) == []
