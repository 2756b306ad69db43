"""Flow "tax" and taxcalc: 2025 rates, deductions, commuting, kommuneskat per municipality, refund/restskat."""
import datetime as dt
import random

import pytest

from simulators.borger import taxcalc
from simulators.borger.flows.tax import FLOW, earned, statement
from tests.helpers.personas import TODAY, make_persona


def test_calculation_for_a_salary_in_copenhagen():
    result = taxcalc.calculate(400_000, "København")
    assert result["am_bidrag"] == 32_000                      # 8 %
    assert result["beskaeftigelsesfradrag"] == 49_200         # 12.30 % of 400,000 (below the 55,600 cap)
    assert result["jobfradrag"] == 2_900                      # 4.5 % of 175,500 = 7,898, capped at 2,900
    assert result["kommuneskat_pct"] == 23.50 and result["kommuneskat_verified"]
    taxable = 368_000 - 49_200 - 2_900
    assert result["kommuneskat"] == round((taxable - 51_600) * 0.235)
    assert result["bundskat"] == round((368_000 - 51_600) * 0.1201)
    assert result["topskat"] == 0
    assert result["total_tax"] == 32_000 + result["kommuneskat"] + result["bundskat"]


def test_caps_and_thresholds():
    high = taxcalc.calculate(1_000_000, "København")
    assert high["beskaeftigelsesfradrag"] == 55_600 and high["jobfradrag"] == 2_900
    assert high["topskat"] == round((920_000 - 611_800) * 0.15)  # 23.5 + 12.01 + 15 < 52.07: no ceiling cut
    assert taxcalc.calculate(200_000, "København")["jobfradrag"] == 0  # below 224,500


def test_tax_ceiling_lowers_topskat_in_a_high_tax_municipality():
    rate, _ = taxcalc.kommuneskat("Læsø")
    assert rate == 26.3
    result = taxcalc.calculate(1_000_000, "Læsø")
    assert result["topskat"] == round((920_000 - 611_800) * (52.07 - 26.3 - 12.01) / 100)


def test_pension_income_has_no_am_bidrag_or_employment_deductions():
    result = taxcalc.calculate(200_000, "Aarhus", earned=False)
    assert result["am_bidrag"] == result["beskaeftigelsesfradrag"] == result["jobfradrag"] == 0


def test_unknown_municipality_uses_the_weighted_average():
    assert taxcalc.kommuneskat("Atlantis") == (25.068, False)
    assert len(taxcalc.kommuneskat_table()) == 98


@pytest.mark.parametrize("km, days, expected", [
    (12, 220, 0),                                  # 24 km round trip: nothing
    (13, 100, round(100 * 2 * 2.23)),              # 26 km: 2 km deductible
    (60, 200, round(200 * 96 * 2.23)),             # 120 km round trip: all in the band
    (70, 200, round(200 * (96 * 2.23 + 20 * 1.12))),
])
def test_commuting_deduction(km, days, expected):
    assert taxcalc.commuting_deduction(km, days) == expected


def test_earned_income_depends_on_occupation_and_pension_age():
    assert earned(make_persona(occupation="teacher"))
    assert not earned(make_persona(occupation="student"))
    assert not earned(make_persona(occupation="teacher", birth_date=dt.date(1955, 1, 1)))


def test_statement_prepaid_is_stable_and_close_to_the_tax():
    persona = make_persona()
    first, again = statement(persona, {"decision": "accept"}), statement(persona, {"decision": "accept"})
    assert first == again
    assert abs(first["difference"]) <= 0.05 * first["total_tax"]
    corrected = statement(persona, {"decision": "correct", "km_one_way": 40, "days": 200})
    assert corrected["befordringsfradrag"] == taxcalc.commuting_deduction(40, 200) > 0
    assert corrected["total_tax"] < first["total_tax"] and corrected["prepaid"] == first["prepaid"]


def test_accept_with_one_click_has_one_step_correct_has_three():
    persona = make_persona()
    assert [s.id for s in FLOW.visible_steps(persona, {"decision": "accept"}, TODAY)] == ["statement"]
    assert len(FLOW.visible_steps(persona, {"decision": "correct"}, TODAY)) == 3


@pytest.mark.parametrize("changes, field, key", [
    ({"km_one_way": 0, "days": 200}, "km_one_way", "flow.tax.err.km_range"),
    ({"km_one_way": 1000, "days": 200}, "km_one_way", "flow.tax.err.km_range"),
    ({"km_one_way": 30, "days": 366}, "days", "flow.tax.err.days_range"),
    ({"km_one_way": 30, "days": None}, "days", "borger.err.required"),
])
def test_commuting_messages(changes, field, key):
    persona = make_persona()
    found = FLOW.check_step("commuting", {"decision": "correct", **changes}, persona, TODAY)
    assert found[field][0] == key


def test_outcomes_refund_and_restskat():
    persona = make_persona()
    for person_id in range(1, 200):
        persona = make_persona(person_id=person_id)
        if statement(persona, {"decision": "accept"})["difference"] < 0:
            break
    outcome = FLOW.finish(persona, {"decision": "accept"}, TODAY, random.Random(1))
    assert outcome.letters[0]["template"] == "tax_statement_restskat"
    assert outcome.changes["payments"][0]["direction"] == "out"
    assert outcome.changes["cases"][0]["title_key"] == "flow.tax.case_accepted"
    corrected = FLOW.finish(persona, {"decision": "correct", "km_one_way": 80, "days": 220, "confirm": True},
                            TODAY, random.Random(1))
    assert corrected.letters[0]["template"] == "tax_statement_refund"
    assert corrected.changes["payments"][0]["direction"] == "in"
    assert corrected.changes["cases"][0]["title_key"] == "flow.tax.case_corrected"
    assert corrected.letters[0]["params"]["commuting_dkk"] == taxcalc.commuting_deduction(80, 220)


def test_eligibility():
    assert FLOW.eligible(make_persona(), TODAY)[0]
    assert FLOW.eligible(make_persona(income=0), TODAY) == (False, "flow.tax.not_eligible", {})
