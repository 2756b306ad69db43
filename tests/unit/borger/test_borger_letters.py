"""Every letter template of the moving, passport, pension and tax flows renders in da/de/en with every placeholder
filled by the outcomes' params."""
import datetime as dt
import random

import pytest

from simulators.post import letters
from simulators.borger import addresses
from simulators.borger.flows.moving import FLOW as MOVING
from simulators.borger.flows.passport import FLOW as PASSPORT, free_slots
from simulators.borger.flows.pension import FLOW as PENSION
from simulators.borger.flows.tax import FLOW as TAX, statement
from tests.helpers.personas import TODAY, make_persona

TEMPLATES = ("moving_confirmation", "moving_health_card", "passport_appointment", "pension_application",
             "tax_statement_refund", "tax_statement_restskat")


def all_outcome_letters():
    persona = make_persona()
    rng = random.Random(4)
    found = []
    moving = {**MOVING.prefilled(persona, TODAY), "street": "Nørregade", "house_number": "5", "postcode": "2100",
              "town": "København Ø", "moving_date": "2026-12-01", "doctor": addresses.doctors_near("2100")[0]["id"]}
    found += MOVING.finish(persona, moving, TODAY, rng).letters
    passport = {**PASSPORT.prefilled(persona, TODAY), "old_passport": "bring", "slot": free_slots(persona, TODAY)[0],
                "confirm": True}
    found += PASSPORT.finish(persona, passport, TODAY, rng).letters
    elder = make_persona(birth_date=dt.date(1960, 3, 15))
    found += PENSION.finish(elder, {**PENSION.prefilled(elder, TODAY), "confirm": True}, TODAY, rng).letters
    for person_id in range(1, 300):
        payer = make_persona(person_id=person_id)
        if statement(payer, {"decision": "accept"})["difference"] < 0:
            break
    found += TAX.finish(payer, {"decision": "accept"}, TODAY, rng).letters
    found += TAX.finish(payer, {"decision": "correct", "km_one_way": 90, "days": 220, "confirm": True}, TODAY, rng).letters
    return found


def test_every_template_is_produced_by_an_outcome():
    assert sorted({letter["template"] for letter in all_outcome_letters()}) == sorted(TEMPLATES)


@pytest.mark.parametrize("lang", ("da", "de", "en"))
def test_every_letter_renders_with_all_placeholders(lang):
    for request in all_outcome_letters():
        rendered = letters.render(request["template"], lang, request["params"])  # strict: raises on a gap
        assert "{" not in rendered["subject"] + rendered["body"]
        assert "–" not in rendered["subject"]
        assert request["params"]["full_name"] in rendered["body"]
        assert rendered["sender"] in letters.authorities()


@pytest.mark.parametrize("template", TEMPLATES)
def test_templates_use_the_same_placeholders_in_each_language(template):
    import string

    spec = letters.templates()[template]
    names = {lang: {f for part in ("subject", "body") for _, f, _, _ in string.Formatter().parse(spec[lang][part]) if f}
             for lang in ("da", "de", "en")}
    assert names["da"] == names["de"] == names["en"]
