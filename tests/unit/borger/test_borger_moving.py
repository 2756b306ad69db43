"""Flow "moving": validation messages, the legal window, postcode check, doctor choice, letters and changes."""
import datetime as dt
import random

import pytest

from simulators.borger import addresses
from simulators.borger.flows.moving import FLOW, valid_cpr, window
from tests.helpers.personas import TODAY, make_persona

GOOD = {"street": "Nørregade", "house_number": "5", "postcode": "2100", "town": "København Ø",
        "moving_date": "2026-12-01"}


def answers(**changes):
    persona = make_persona()
    result = {**FLOW.prefilled(persona, TODAY), **GOOD}
    result["doctor"] = addresses.doctors_near("2100")[1]["id"]
    result.update(changes)
    return result


def errors(step, **changes):
    return FLOW.check_step(step, answers(**changes), make_persona(), TODAY)


def test_happy_path_is_valid():
    assert FLOW.check_all(answers(), make_persona(), TODAY) == {}


def test_household_is_prefilled_from_cpr_once_only():
    persona = make_persona()
    assert FLOW.prefilled(persona, TODAY)["persons"] == [43, 44]
    field = FLOW.step("persons").fields[0]
    assert field.once_only and field.prefill_source_key


@pytest.mark.parametrize("changes, field, key", [
    ({"other_cprs": "12345"}, "other_cprs", "flow.moving.err.cpr_format"),
    ({"other_cprs": "1313851234"}, "other_cprs", "flow.moving.err.cpr_format"),  # month 13
    ({"other_cprs": "6101851234, 6202851234, 6303851234, 6404851234"}, "other_cprs", "flow.moving.err.max_persons"),
])
def test_persons_messages(changes, field, key):
    assert errors("persons", **changes)[field][0] == key


def test_five_persons_are_allowed_six_are_not():
    assert errors("persons", other_cprs="6101851234 6202851234 6303851234") == {}  # 2 + 3 = 5
    assert errors("persons", other_cprs="6101851234 6202851234 6303851234 6404851234")


def test_fictitious_cpr_with_day_plus_60_is_valid():
    assert valid_cpr("7203851234") and valid_cpr("120385-1234") and not valid_cpr("9203851234")


@pytest.mark.parametrize("changes, field, key", [
    ({"postcode": "21000"}, "postcode", "flow.moving.err.postcode_format"),
    ({"postcode": "0001", "town": "X"}, "postcode", "flow.moving.err.postcode_unknown"),
    ({"postcode": "0960", "town": "Udland"}, "postcode", "flow.moving.err.postcode_unknown"),  # not residential
    ({"town": "Aarhus C"}, "town", "flow.moving.err.town_mismatch"),
    ({"house_number": "5-7"}, "house_number", "flow.moving.err.house_number_format"),
    ({"street": "Vestergade", "house_number": "12", "floor": "2", "door": "th", "postcode": "8000", "town": "Aarhus C"},
     "street", "flow.moving.err.same_address"),
    ({"street": ""}, "street", "borger.err.required"),
])
def test_address_messages(changes, field, key):
    assert errors("address", **changes)[field][0] == key


def test_town_check_ignores_case_and_hyphens():
    assert errors("address", town="københavn ø") == {}
    assert errors("address", postcode="8000", town="aarhus-c") == {}


def test_town_mismatch_names_the_right_town():
    assert errors("address", town="Odense")["town"][1] == {"postcode": "2100", "town": "København Ø"}


def test_window_boundaries():
    earliest, latest = window(TODAY)
    assert (earliest, latest) == (TODAY - dt.timedelta(days=5), TODAY + dt.timedelta(days=28))
    assert errors("special", moving_date=earliest.isoformat()) == {}
    assert errors("special", moving_date=latest.isoformat()) == {}
    late = errors("special", moving_date=(earliest - dt.timedelta(days=1)).isoformat())["moving_date"]
    early = errors("special", moving_date=(latest + dt.timedelta(days=1)).isoformat())["moving_date"]
    assert late == ("flow.moving.err.date_too_late", {"days": 5, "earliest_date": earliest.isoformat()})
    assert early == ("flow.moving.err.date_too_early", {"days": 28, "latest_date": latest.isoformat()})


def test_doctor_must_be_one_offered_near_the_new_postcode():
    assert errors("doctor", doctor=addresses.doctors_near("8000")[0]["id"])["doctor"][0] == "borger.err.choose_one"
    assert errors("doctor", doctor="keep") == {}


def test_eligibility_by_age():
    assert FLOW.eligible(make_persona(), TODAY)[0]
    young = make_persona(birth_date=dt.date(2013, 1, 1))
    assert FLOW.eligible(young, TODAY) == (False, "flow.moving.not_eligible_age", {"age": 15})


def test_outcome_changes_address_doctor_case_deadline_and_sends_two_letters():
    persona = make_persona()
    outcome = FLOW.finish(persona, answers(floor="3", door="tv"), TODAY, random.Random(3))
    address = outcome.changes["persona"]
    assert address["address_line1"] == "Nørregade 5, 3. tv" and address["address_line2"] == "2100 København Ø"
    assert (address["municipality"], address["municipality_code"], address["region"]) == \
        ("København", "0101", "Region Hovedstaden")
    assert outcome.changes["doctor"]["id"] == addresses.doctors_near("2100")[1]["id"]
    assert outcome.changes["cases"][0]["authority"] == "kommune"
    assert outcome.changes["deadlines"][0]["date"] == "2026-12-15"  # moving date + 14 days
    templates = [letter["template"] for letter in outcome.letters]
    assert templates == ["moving_confirmation", "moving_health_card"]
    params = outcome.letters[0]["params"]
    assert params["municipality"] == "København"  # the NEW municipality sends it
    assert params["persons"] == "Mette Hansen, Lars Hansen, Emma Hansen"
    keys = [note["key"] for note in outcome.receipt]
    assert "flow.moving.receipt_new_municipality" in keys and "flow.moving.receipt_host" not in keys


def test_outcome_with_host_kept_doctor_and_ambiguous_postcode():
    persona = make_persona()
    outcome = FLOW.finish(persona, answers(postcode="4000", town="Roskilde", doctor="keep", host_stays=True,
                                           persons=[44]), TODAY, random.Random(3))
    assert outcome.changes["persona"]["municipality"] == "Roskilde"  # the municipality named like the town
    assert outcome.changes["doctor"]["kept"] and outcome.changes["doctor"]["name"] == \
        addresses.assumed_doctor(persona)["name"]
    keys = [note["key"] for note in outcome.receipt]
    assert "flow.moving.receipt_host" in keys and "flow.moving.assumption_municipality" in keys
    assert outcome.letters[0]["params"]["persons"] == "Mette Hansen, Emma Hansen"


def test_municipality_for_prefers_the_current_one():
    assert addresses.municipality_for("4000", "Lejre")["municipality"] == "Lejre"
    assert addresses.municipality_for("2300")["municipality"] == "København"
    assert addresses.municipality_for("9999") is None


def test_doctors_are_stable_fictitious_and_local():
    first, again = addresses.doctors_near("8000"), addresses.doctors_near("8000")
    assert first == again and len(first) == 3 and all(d["fictitious"] and "8000 Aarhus C" in d["address"] for d in first)
    assert len({d["id"] for d in first}) == 3


@pytest.mark.parametrize("today", [dt.date(2026, 11, 28), dt.date(2026, 4, 1), dt.date(2027, 2, 27),
                                   dt.date(2028, 12, 31)])
def test_the_date_hints_example_lies_inside_the_window(today):
    """Issue #15: the hint said "e.g. 28.04.2026" while the window around 28 Nov 2026 excluded it (seen failing
    before the fix: the hint's only example was that fixed date)."""
    from simulators.borger.flows.moving import FLOW, window

    field = next(f for s in FLOW.steps for f in s.fields if f.id == "moving_date")
    example = dt.date.fromisoformat(field.hint_params(make_persona(), {}, today)["example_date"])
    earliest, latest = window(today)
    assert earliest <= example <= latest
    assert not FLOW.check_step("special", {"moving_date": example.isoformat()}, make_persona(), today)
