"""Rules of the flows police, library, divorce and daycare: validation keys, fees by date, eligibility, the letters
and Mit Overblik changes of each outcome, the IMEI check, and every letter template in da/de/en."""
import datetime as dt
import random

import pytest
from hypothesis import given, settings, strategies as st

from simulators.post import letters
from simulators.borger import FLOWS, daycare_prices
from simulators.borger.flows import daycare
from simulators.borger.flows import divorce
from simulators.borger.flows import library
from simulators.borger.flows import police
from simulators.core.dates import add_months, months_old

TODAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 12, 0)
VALID_IMEI = "490154203237518"  # the worked example of the Luhn check digit for IMEIs


def person(**changes) -> dict:
    base = {"person_id": 1, "cpr": "531085-1234", "first_name": "Mette", "last_name": "Jensen",
            "full_name": "Mette Jensen", "sex": "female", "birth_date": dt.date(1985, 10, 23), "age": 40,
            "municipality": "Odense", "region": "Region Syddanmark", "civil_status": "never_married",
            "partner_id": None, "household": []}
    return {**base, **changes}


def member(person_id, relation, birth_date, first="Ida"):
    return {"person_id": person_id, "first_name": first, "last_name": "Jensen", "full_name": f"{first} Jensen",
            "relation": relation, "birth_date": birth_date, "age": months_old(birth_date, TODAY) // 12,
            "cpr": "010101-0000", "sex": "female"}


SPOUSE = member(2, "partner", dt.date(1983, 5, 1), "Lars")
MARRIED = person(civil_status="married", partner_id=2, household=[SPOUSE])
TODDLER = member(3, "child", dt.date(2025, 1, 15), "Ida")     # 13 months on TODAY
FIVE = member(4, "child", dt.date(2020, 9, 1), "Emil")        # 5 years on TODAY
PARENT = person(household=[SPOUSE, TODDLER, FIVE], partner_id=2)


def finished(flow_id, persona, answers, today=TODAY):
    return FLOWS[flow_id].finish(persona, answers, today, random.Random(1))


# ---- police ----------------------------------------------------------------------------------------------
def test_imei_check_digit_is_luhn():
    assert police.imei_error(VALID_IMEI) is None
    assert police.imei_error("49-015420-323751-8") is None  # grouped as on the box
    assert police.imei_error(VALID_IMEI[:-1] + "9") == "flow.police.err.imei_checksum"
    assert police.imei_error(VALID_IMEI[:-1]) == "flow.police.err.imei_format"
    assert police.imei_error("49015420323751X") == "flow.police.err.imei_format"


@settings(deadline=None)
@given(st.text(alphabet="0123456789", min_size=14, max_size=14))
def test_exactly_one_check_digit_completes_an_imei(body):
    assert sum(police.luhn_valid(body + str(d)) for d in range(10)) == 1


POLICE_OK = {"items": ["phone", "wallet"], "description": "Black phone, brown wallet", "value_dkk": 4500,
             "imei": VALID_IMEI, "incident_date": "2026-03-09", "incident_time": "18:30", "street": "Vestergade 5",
             "postcode": "5000", "town": "", "insurer": "Eksempel Forsikring"}


@pytest.mark.parametrize("step, changes, field, key", [
    ("what", {"description": "x" * 501}, "description", "borger.err.too_long"),  # the field's limit (issue #17)
    ("phone", {"imei": "12345"}, "imei", "flow.police.err.imei_format"),
    ("phone", {"imei": "490154203237519"}, "imei", "flow.police.err.imei_checksum"),
    ("when", {"incident_time": "25:00"}, "incident_time", "flow.police.err.time_format"),
    ("when", {"incident_date": "2026-03-10", "incident_time": "12:01"}, "incident_date", "flow.police.err.when_future"),
    ("when", {"incident_date": "2026-03-11", "incident_time": "08:00"}, "incident_date", "flow.police.err.when_future"),
    ("where", {"postcode": "0000"}, "postcode", "flow.police.err.postcode_unknown"),
    ("where", {"postcode": "50a0"}, "postcode", "flow.police.err.postcode_format"),
    ("where", {"postcode": "5000", "town": "Aarhus C"}, "town", "flow.police.err.town_mismatch"),  # as moving (#15)
    ("where", {"postcode": "", "town": ""}, "town", "flow.police.err.town_or_postcode"),
    ("what", {"items": []}, "items", "borger.err.choose_some"),  # an unanswered choice says so (#15)
])
def test_police_validation_keys(step, changes, field, key):
    errors = FLOWS["police"].check_step(step, {**POLICE_OK, **changes}, person(), NOW)
    assert errors[field][0] == key


def test_police_valid_answers_and_the_phone_step_only_for_phones():
    flow = FLOWS["police"]
    assert flow.check_all(POLICE_OK, person(), NOW) == {}
    assert flow.validate("when", {**POLICE_OK, "incident_date": "2026-03-10", "incident_time": "11:59"}, person(), NOW) == {}
    no_phone = {**POLICE_OK, "items": ["bag"], "imei": ""}
    assert "phone" not in [s.id for s in flow.visible_steps(person(), no_phone, NOW)]
    assert flow.check_all(no_phone, person(), NOW) == {}


def test_police_eligibility_follows_the_mitid_age():
    assert police.eligible(person(age=12), TODAY)[:2] == (False, "flow.police.not_eligible_age")
    assert police.eligible(person(age=13), TODAY)[0]


def test_police_outcome_letter_case_and_72_hours():
    outcome = finished("police", person(), POLICE_OK, NOW)
    (letter,) = outcome.letters
    assert letter["template"] == "police_report_receipt"
    assert letter["params"]["imei"] == VALID_IMEI and letter["params"]["place"] == "Vestergade 5, 5000 Odense C"
    assert letter["params"]["incident_datetime"] == "2026-03-09T18:30"
    assert [c["authority"] for c in outcome.changes["cases"]] == ["politi"]
    assert outcome.changes["payments"] == [] and "persona" not in outcome.changes
    assert "flow.police.receipt_within_72h" in [n["key"] for n in outcome.receipt]
    late = finished("police", person(), {**POLICE_OK, "incident_date": "2026-03-07", "incident_time": "11:00"}, NOW)
    assert "flow.police.receipt_after_72h" in [n["key"] for n in late.receipt]
    assert police.within_compensation_window({**POLICE_OK, "incident_date": "2026-03-07", "incident_time": "12:00"}, NOW)


# ---- library ---------------------------------------------------------------------------------------------
def test_catalogue_is_about_thirty_titles_in_three_languages():
    rows = library.catalogue()
    assert 25 <= len(rows) <= 35 and len({r["item_id"] for r in rows}) == len(rows)
    assert {r["language"] for r in rows} == {"da", "de", "en"}
    assert {r["type"] for r in rows} <= set(library.OPTION_KEYS)


def test_library_search_and_validation():
    assert [r["item_id"] for r in library.search("ANDERSEN eventyr")] == ["lib01"]
    assert len(library.search("")) == len(library.catalogue())
    flow = FLOWS["library"]
    assert flow.check_step("search", {"query": "zzz"}, person(), TODAY)["query"][0] == "flow.library.err.no_match"
    six = [r["item_id"] for r in library.catalogue()[:6]]
    assert flow.check_step("titles", {"titles": six}, person(), TODAY)["titles"] == (
        "flow.library.err.too_many", {"max": 5, "count": 6})
    assert flow.check_step("titles", {"titles": []}, person(), TODAY)["titles"][0] == "borger.err.choose_some"


def test_library_eligibility_from_13():
    assert library.eligible(person(age=12), TODAY)[:2] == (False, "flow.library.not_eligible_age")
    assert library.eligible(person(age=13), TODAY)[0]


def test_library_outcome_ready_and_queued():
    answers = {"query": "", "titles": ["lib01", "lib08"], "pickup_library": "Odense"}  # lib08 has a queue
    outcome = finished("library", person(), answers)
    assert [letter["template"] for letter in outcome.letters] == ["library_reservation_receipt", "library_ready_for_pickup"]
    receipt, ready = (letter["params"] for letter in outcome.letters)
    assert "Eventyr" in receipt["ready_titles"] and "Lykke-Per" in receipt["queued_titles"] and "(#5)" in receipt["queued_titles"]
    assert ready["ready_date"] == "2026-03-12" and ready["pickup_by_date"] == "2026-03-19"
    assert outcome.changes["deadlines"][0]["date"] == "2026-03-19"
    assert outcome.changes["cases"][0]["authority"] == "bibliotek"
    queued_only = finished("library", person(), {**answers, "titles": ["lib08"]})
    assert len(queued_only.letters) == 1 and queued_only.changes["deadlines"] == []


# ---- divorce ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("day, expected", [  # (application fee, negotiation fee, later fees unverified) or None
    (dt.date(2023, 6, 1), None),
    (dt.date(2023, 6, 2), (775, 1825, False)),
    (dt.date(2023, 12, 31), (775, 1825, False)),
    (dt.date(2024, 1, 1), (825, 2150, False)),
    (dt.date(2025, 1, 1), (825, 2150, True)),
    (TODAY, (825, 2150, True)),
])
def test_divorce_fee_by_date(day, expected):
    found = divorce.fee_on(day)
    fees = None if found is None else (found["application_fee_dkk"], found["negotiation_fee_dkk"],
                                       found["later_unverified"])
    assert fees == expected
    assert found is None or type(found["later_unverified"]) is bool


def test_divorce_eligibility():
    assert divorce.eligible(person(), TODAY)[1] == "flow.divorce.not_eligible_not_married"
    assert divorce.eligible(person(civil_status="married"), TODAY)[1] == "flow.divorce.not_eligible_no_spouse"
    assert divorce.eligible(MARRIED, dt.date(2023, 1, 1))[1] == "flow.divorce.not_eligible_no_fee"
    assert divorce.eligible(MARRIED, TODAY) == (True, None, {})


@pytest.mark.parametrize("kind, agree, key", [("divorce", False, "flow.divorce.err.direct_needs_agreement"),
                                              ("separation", False, "flow.divorce.err.amicable_only"),
                                              ("divorce", True, None)])
def test_divorce_needs_both_to_agree(kind, agree, key):
    errors = FLOWS["divorce"].check_step("kind", {"kind": kind, "both_agree": agree}, MARRIED, TODAY)
    assert errors.get("both_agree", (None,))[0] == key


DIVORCE_OK = {"spouse": 2, "kind": "divorce", "both_agree": True, "terms_agreed": "yes", "fee_accepted": True}


def test_divorce_granted_changes_civil_status_and_charges_the_fee():
    outcome = finished("divorce", MARRIED, DIVORCE_OK)
    assert [x["template"] for x in outcome.letters] == ["divorce_application_receipt", "divorce_decision"]
    assert outcome.changes["persona"] == {"civil_status": "divorced", "partner_id": None}
    assert [(p["amount_dkk"], p["direction"]) for p in outcome.changes["payments"]] == [(825, "out")]
    assert outcome.changes["cases"][0]["status_key"] == "borger.case.decided"
    assert outcome.letters[0]["params"]["fee_valid_from_date"] == "2024-01-01"
    assert "flow.divorce.fee_later_unverified" in [n["key"] for n in outcome.receipt]


def test_divorce_with_negotiation_and_separation():
    outcome = finished("divorce", MARRIED, {**DIVORCE_OK, "terms_agreed": "no"})
    assert [x["template"] for x in outcome.letters] == ["divorce_application_receipt", "divorce_negotiation_invitation"]
    assert sum(p["amount_dkk"] for p in outcome.changes["payments"]) == 825 + 2150
    assert outcome.changes["deadlines"][0]["date"] == "2026-03-31" and "persona" not in outcome.changes
    separation = finished("divorce", MARRIED, {**DIVORCE_OK, "kind": "separation"})
    assert [x["template"] for x in separation.letters] == ["separation_application_receipt", "separation_decision"]
    assert "persona" not in separation.changes
    in_2024 = divorce.fee_notes(dt.date(2024, 5, 1), False)
    assert "flow.divorce.fee_later_unverified" not in [n.get("key") for n in in_2024]


# ---- daycare ---------------------------------------------------------------------------------------------
def test_month_arithmetic():
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert months_old(dt.date(2025, 1, 15), dt.date(2025, 7, 14)) == 5
    assert months_old(dt.date(2025, 1, 15), dt.date(2025, 7, 15)) == 6


def test_daycare_eligibility_needs_a_child_under_six():
    assert daycare.eligible(person(), TODAY)[1] == "flow.daycare.not_eligible_no_child"
    six = member(5, "child", dt.date(2020, 3, 1))
    assert not daycare.eligible(person(household=[six]), TODAY)[0]
    assert daycare.eligible(PARENT, TODAY)[0]
    assert [c["person_id"] for c in daycare.young_children(PARENT, TODAY)] == [3, 4]  # youngest first


@pytest.mark.parametrize("step, answers, key", [
    ("start", {"child": 3, "desired_start": "2026-03-01"}, "flow.daycare.err.start_past"),
    ("start", {"child": 6, "desired_start": "2026-04-01"}, "flow.daycare.err.start_too_young"),
    ("start", {"child": 4, "desired_start": "2026-10-01"}, "flow.daycare.err.start_school_age"),
    ("care", {"child": 3, "desired_start": "2026-06-01", "care_type": "boernehave"},
     "flow.daycare.err.too_young_for_boernehave"),
    ("care", {"child": 4, "desired_start": "2026-06-01", "care_type": "vuggestue"},
     "flow.daycare.err.too_old_for_nursery"),
])
def test_daycare_validation_keys(step, answers, key):
    baby = member(6, "child", dt.date(2026, 2, 1), "Asta")
    persona = person(household=[TODDLER, FIVE, baby])
    field = "desired_start" if step == "start" else "care_type"
    assert FLOWS["daycare"].check_step(step, answers, persona, TODAY)[field][0] == key


def test_daycare_start_is_never_before_the_offer_can_come():
    birth = dt.date(2026, 2, 1)
    assert daycare.offered_start(birth, dt.date(2026, 3, 20), TODAY) == dt.date(2026, 8, 2)  # 26 weeks old
    assert daycare.offered_start(TODDLER["birth_date"], dt.date(2026, 3, 20), TODAY) == dt.date(2026, 5, 10)
    assert daycare.offered_start(TODDLER["birth_date"], dt.date(2026, 9, 1), TODAY) == dt.date(2026, 9, 1)


DAYCARE_OK = {"child": 3, "desired_start": "2026-08-01", "care_type": "vuggestue"}


def test_daycare_outcome_offer_deadline_and_price_where_sourced():
    copenhagen = {**PARENT, "municipality": "København"}
    outcome = finished("daycare", copenhagen, DAYCARE_OK)
    assert [x["template"] for x in outcome.letters] == ["daycare_signup_receipt", "daycare_offer"]
    offer = outcome.letters[1]["params"]
    assert offer["accept_by_date"] == "2026-03-18" and offer["start_date"] == "2026-08-01"
    assert [d["date"] for d in outcome.changes["deadlines"]] == ["2026-03-18", "2026-08-01"]
    (payment,) = outcome.changes["payments"]
    assert payment["amount_dkk"] == 3996 and payment["period_key"] == "borger.period.month"
    assert [n["key"] for n in outcome.receipt if n["kind"] == "rows"] == ["flow.daycare.price_caption"]
    odense = finished("daycare", PARENT, DAYCARE_OK)  # no sourced price: no payment, the cap and "no price" instead
    assert odense.changes["payments"] == []
    assert {"flow.daycare.no_price", "flow.daycare.price_cap"} <= {n["key"] for n in odense.receipt}


def test_daycare_price_bands():
    birth = dt.date(2023, 2, 20)
    assert daycare_prices.age_band("København", birth, dt.date(2026, 2, 28)) == "under_3"
    assert daycare_prices.age_band("København", birth, dt.date(2026, 3, 1)) == "over_3"   # month of 3 y 1 m
    assert daycare_prices.age_band("Aarhus", birth, dt.date(2026, 2, 28)) == "under_3"
    assert daycare_prices.age_band("Aarhus", birth, dt.date(2026, 3, 1)) == "over_3"      # 1st after 3rd birthday
    assert daycare_prices.monthly_price("Aarhus", "dagpleje", birth, dt.date(2025, 6, 1))["price_dkk_month"] == 3401
    assert daycare_prices.price_examples("Odense", "vuggestue", birth, TODAY) == []


# ---- letters: every template of these flows renders in every language with every placeholder filled ------
OUTCOMES = [("police", person(), POLICE_OK, NOW),
            ("library", person(), {"titles": ["lib01", "lib08"], "pickup_library": "Odense"}, TODAY),
            ("divorce", MARRIED, DIVORCE_OK, TODAY), ("divorce", MARRIED, {**DIVORCE_OK, "terms_agreed": "no"}, TODAY),
            ("divorce", MARRIED, {**DIVORCE_OK, "kind": "separation"}, TODAY), ("daycare", PARENT, DAYCARE_OK, TODAY)]
TEMPLATES = {"police_report_receipt", "library_reservation_receipt", "library_ready_for_pickup",
             "divorce_application_receipt", "separation_application_receipt", "divorce_decision", "separation_decision",
             "divorce_negotiation_invitation", "daycare_signup_receipt", "daycare_offer"}


@pytest.mark.parametrize("lang", ["da", "de", "en"])
def test_every_letter_renders_with_all_placeholders(lang):
    seen = set()
    for flow_id, persona, answers, today in OUTCOMES:
        for letter in finished(flow_id, persona, answers, today).letters:
            rendered = letters.render(letter["template"], lang, letter["params"])  # strict: raises on a gap
            assert "{" not in rendered["body"] and persona["full_name"] in rendered["body"]
            assert letters.sender_name(rendered["sender"], lang, letter["params"]) != rendered["sender"]
            seen.add(letter["template"])
    assert seen == TEMPLATES
