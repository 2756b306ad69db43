"""Flow "passport": prices by age (2023) with their boundaries, doubling, slots, validation, letter and changes."""
import datetime as dt
import random

import pytest

from simulators.borger.flows.passport import FLOW, free_slots, price, price_group
from tests.helpers.personas import TODAY, make_persona, member


@pytest.mark.parametrize("birth, day, group, base", [
    (dt.date(2015, 6, 1), dt.date(2027, 5, 31), "child", 150),   # 11 years, one day before 12
    (dt.date(2015, 6, 1), dt.date(2027, 6, 1), "youth", 179),    # 12th birthday
    (dt.date(2008, 6, 1), dt.date(2026, 5, 31), "youth", 179),   # 17
    (dt.date(2008, 6, 1), dt.date(2026, 6, 1), "adult", 891),    # 18th birthday
    (dt.date(1959, 3, 10), dt.date(2026, 3, 9), "adult", 891),   # day before pension age 67
    (dt.date(1959, 3, 10), dt.date(2026, 3, 10), "pensioner", 379),
    (dt.date(1954, 3, 1), dt.date(2019, 8, 31), "adult", 891),   # born H1 1954: pension age 65½
    (dt.date(1954, 3, 1), dt.date(2019, 9, 1), "pensioner", 379),
])
def test_price_by_age_group(birth, day, group, base):
    assert price_group(birth, day) == group
    assert price(birth, day, "bring") == {"group": group, "base": base, "doubled": False, "total": base}


def test_price_doubles_only_when_the_old_passport_cannot_be_shown():
    birth = dt.date(1985, 3, 12)
    assert price(birth, TODAY, "lost")["total"] == 1782
    assert price(birth, TODAY, "first")["total"] == 891


def test_slots_are_future_working_days_and_stable():
    slots = free_slots(make_persona(), TODAY)
    assert slots == free_slots(make_persona(), TODAY) and len(slots) == 6
    days = [dt.date.fromisoformat(s[:10]) for s in slots]
    assert all(d > TODAY and d.weekday() < 5 for d in days) and days == sorted(days)


def test_options_offer_the_children_of_the_household():
    persona = make_persona()
    values = [o.value for o in FLOW.step("who").fields[0].options(persona, {}, TODAY)]
    assert values == ["self", "44"]


def answers(persona, **changes):
    result = {**FLOW.prefilled(persona, TODAY), "old_passport": "bring", "slot": free_slots(persona, TODAY)[0],
              "confirm": True}
    result.update(changes)
    return result


def test_validation_messages():
    persona = make_persona()
    assert FLOW.check_all(answers(persona), persona, TODAY) == {}
    assert FLOW.check_step("who", answers(persona, old_passport=None), persona, TODAY)["old_passport"][0] == \
        "borger.err.choose_required"  # an unanswered choice (issue #15)
    assert FLOW.check_step("time", answers(persona, slot="2026-11-20T09:15"), persona, TODAY)["slot"][0] == \
        "flow.passport.err.slot_past"
    assert FLOW.check_step("time", answers(persona, slot="2026-12-31T23:59"), persona, TODAY)["slot"][0] == \
        "borger.err.choose_one"
    assert FLOW.check_step("price", answers(persona, confirm=False), persona, TODAY)["confirm"][0] == \
        "borger.err.must_confirm"


def test_outcome_for_a_child_with_lost_passport():
    household = [member(44, "Emma", 8, "child", birth_date=dt.date(2018, 1, 1))]
    persona = make_persona(household=household)
    outcome = FLOW.finish(persona, answers(persona, who="44", old_passport="lost"), TODAY, random.Random(2))
    letter = outcome.letters[0]
    assert letter["template"] == "passport_appointment"
    assert letter["params"]["price_dkk"] == 300 and letter["params"]["applicant"] == "Emma Hansen"
    assert outcome.changes["payments"][0]["amount_dkk"] == 300
    assert outcome.changes["deadlines"][0]["date"] == letter["params"]["slot_datetime"][:10]
    assert outcome.changes["cases"][0]["status_key"] == "borger.case.booked"
    assert "flow.passport.receipt_doubled" in [n["key"] for n in outcome.receipt]


def test_child_notes_mention_parental_consent():
    household = [member(44, "Emma", 8, "child")]
    persona = make_persona(household=household)
    keys = [n.get("key") for n in FLOW.step("price").notes(persona, answers(persona, who="44"), TODAY)]
    assert "flow.passport.consent_note" in keys and "flow.passport.prices_unverified" in keys
    keys = [n.get("key") for n in FLOW.step("price").notes(persona, answers(persona), TODAY)]
    assert "flow.passport.consent_note" not in keys
