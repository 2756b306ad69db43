"""Flow "passport" (Bestil tid til pas): book an appointment at Borgerservice, with the price for the age.

Sourced (DOMAIN.md §3.3, TAX_AND_BENEFITS.md §5): a passport always needs a personal visit to Borgerservice with
a booked time; prices 2023 (Frederiksberg Kommune, official): 0–11 years DKK 150, 12–17 DKK 179, 18 to pension
age DKK 891, pension age DKK 379; the price doubles if the old passport cannot be shown; delivery up to 14 days
(gladsaxe.dk); a child's passport needs parental consent (givsamtykke.dk, egedalkommune.dk). Prices for 2025 and
2026 were not found: the simulation shows the 2023 prices and says so.
Assumptions: the free time slots (generated, always the same for the same persona and day).
"""
from __future__ import annotations

import datetime as dt
import hashlib

from simulators.borger.framework import Field, Flow, Option, Outcome, Step, register
from simulators.core import figures
from simulators.core.dates import age_on
from simulators.population.pension_age import has_reached_pension_age

# the prices, age groups and delivery time live in data/figures.toml (Frederiksberg 2023, gladsaxe.dk)
PRICE_CHILD, PRICE_YOUTH, PRICE_ADULT, PRICE_PENSIONER = (
    figures.value(f"dk_passport_fee_{group}_2023") for group in ("child", "youth", "adult", "pensioner"))
PRICE_YEAR = figures.get("dk_passport_fee_adult_2023").year
YOUTH_FROM_AGE = figures.value("dk_passport_youth_from_age")
ADULT_FROM_AGE = figures.value("dk_passport_adult_from_age")
DELIVERY_DAYS = figures.value("dk_passport_delivery_days")
SLOT_TIMES = ("08:30", "09:15", "10:00", "10:45", "11:30", "13:00", "13:45", "14:30")


def price_group(birth_date: dt.date, day: dt.date) -> str:
    if has_reached_pension_age(birth_date, day):
        return "pensioner"
    age = age_on(birth_date, day)
    return "child" if age < YOUTH_FROM_AGE else "youth" if age < ADULT_FROM_AGE else "adult"


PRICES = {"child": PRICE_CHILD, "youth": PRICE_YOUTH, "adult": PRICE_ADULT, "pensioner": PRICE_PENSIONER}
GROUP_KEYS = {"child": "flow.passport.group_child", "youth": "flow.passport.group_youth",
              "adult": "flow.passport.group_adult", "pensioner": "flow.passport.group_pensioner"}


def price(birth_date: dt.date, day: dt.date, old_passport: str) -> dict:
    group = price_group(birth_date, day)
    base = PRICES[group]
    return {"group": group, "base": base, "doubled": old_passport == "lost",
            "total": base * (2 if old_passport == "lost" else 1)}


def applicant(persona: dict, answers: dict) -> dict:
    """The person the passport is for: the persona or a child of the household."""
    who = answers.get("who", "self")
    for member in persona.get("household") or []:
        if str(member["person_id"]) == str(who) and member.get("relation") == "child":
            return member
    return persona


def free_slots(persona: dict, today: dt.date, count: int = 6) -> list[str]:
    """Free appointment times on the next working days (generated: an assumption of the simulation)."""
    digest = hashlib.sha256(f"{persona.get('person_id')}-{today.isoformat()}".encode()).digest()
    slots, day, i = [], today, 0
    while len(slots) < count:
        day += dt.timedelta(days=1 + digest[i % len(digest)] % 2)
        if day.weekday() < 5:
            slots.append(f"{day.isoformat()}T{SLOT_TIMES[digest[(i + 7) % len(digest)] % len(SLOT_TIMES)]}")
        i += 1
    return slots


def who_options(persona, answers, today):
    options = [Option("self", label_key="flow.passport.for_me", params={"name": persona["full_name"]})]
    options += [Option(str(m["person_id"]), label_key="flow.passport.for_child", params={"name": m["full_name"],
                                                                                           "age": m["age"]})
                for m in persona.get("household") or [] if m.get("relation") == "child" and m["age"] < 18]
    return options


def old_passport_options(persona, answers, today):
    return [Option("bring", label_key="flow.passport.old_bring"), Option("first", label_key="flow.passport.old_first"),
            Option("lost", label_key="flow.passport.old_lost")]


def slot_options(persona, answers, today):
    return [Option(slot, label_key="flow.passport.slot", params={"slot_datetime": slot})
            for slot in free_slots(persona, today)]


def appointment_day(answers: dict, today: dt.date) -> dt.date:
    slot = answers.get("slot")
    return dt.date.fromisoformat(slot[:10]) if slot else today


def price_notes(persona, answers, today):
    person = applicant(persona, answers)
    day = appointment_day(answers, today)
    p = price(person["birth_date"], day, answers.get("old_passport", "bring"))
    rows = [{"label_key": GROUP_KEYS[p["group"]], "params": {}, "value": {"dkk": p["base"]}}]
    if p["doubled"]:
        rows.append({"label_key": "flow.passport.doubled", "params": {}, "value": {"dkk": p["base"]}})
    rows.append({"label_key": "flow.passport.total", "params": {}, "value": {"dkk": p["total"]}})
    notes = [{"kind": "rows", "key": "flow.passport.price_caption", "params": {"name": person["full_name"]},
              "rows": rows},
             {"kind": "source", "key": "flow.passport.source_prices", "params": {"year": str(PRICE_YEAR)}},
             {"kind": "warning", "key": "flow.passport.prices_unverified"},
             {"kind": "info", "key": "flow.passport.photo_note"}]
    if person is not persona:
        notes.append({"kind": "info", "key": "flow.passport.consent_note"})
    return notes


def place_notes(persona, answers, today):
    return [{"kind": "info", "key": "flow.passport.in_person", "params": {"municipality": persona["municipality"]}},
            {"kind": "assumption", "key": "flow.passport.slots_assumption"}]


STEPS = (
    Step("who", "flow.passport.step_who", intro_key="flow.passport.intro", fields=(
        Field("who", "choice", "flow.passport.who", options=who_options,
              prefill=lambda persona, today: "self", prefill_source_key="flow.passport.source_cpr"),
        Field("old_passport", "choice", "flow.passport.old_passport", options=old_passport_options),
    )),
    Step("time", "flow.passport.step_time", notes=place_notes, fields=(
        Field("slot", "choice", "flow.passport.slot_label", options=slot_options),
    )),
    Step("price", "flow.passport.step_price", notes=price_notes, fields=(
        Field("confirm", "checkbox", "flow.passport.confirm"),
    )),
)


def eligible(persona, today):
    return True, None, {}


def validate(step_id, answers, persona, today):
    errors = {}
    if step_id == "time" and answers.get("slot") and answers["slot"][:10] <= today.isoformat():
        errors["slot"] = ("flow.passport.err.slot_past", {})
    return errors


def examples(persona, answers, today, rng, lang):
    """Example answers: the old passport is brought along, one of the first free times, the price confirmed."""
    return {"old_passport": "bring", "slot": rng.choice(free_slots(persona, today)[:3]), "confirm": True}


def outcome(persona, answers, today):
    person = applicant(persona, answers)
    day = appointment_day(answers, today)
    p = price(person["birth_date"], day, answers["old_passport"])
    params = {"applicant": person["full_name"], "slot_datetime": answers["slot"], "price_dkk": p["total"],
              "price_year": str(PRICE_YEAR), "delivery_days": DELIVERY_DAYS}
    changes = {
        "cases": [{"flow": "passport", "title_key": "flow.passport.case_title", "status_key": "borger.case.booked",
                   "authority": "kommune", "params": {"name": person["full_name"], "municipality": persona["municipality"]},
                   "date": today.isoformat()}],
        "deadlines": [{"label_key": "flow.passport.deadline", "params": {"name": person["full_name"],
                                                                             "municipality": persona["municipality"]},
                       "date": day.isoformat(), "source_key": "flow.passport.source_in_person"}],
        "payments": [{"label_key": "flow.passport.payment",
                      "params": {"year": str(PRICE_YEAR), "municipality": persona["municipality"]},
                      "amount_dkk": p["total"], "period_key": "borger.period.once", "next_date": day.isoformat(),
                      "authority": "kommune", "direction": "out", "source_key": "flow.passport.source_prices_short",
                      "assumption_key": None}],
    }
    receipt = [{"kind": "success", "key": "flow.passport.receipt_done", "params": params},
               {"kind": "info", "key": "flow.passport.receipt_bring", "params": params},
               {"kind": "info", "key": "flow.passport.receipt_delivery", "params": params},
               {"kind": "source", "key": "flow.passport.source_prices", "params": {"year": str(PRICE_YEAR)}}]
    if p["doubled"]:
        receipt.insert(1, {"kind": "warning", "key": "flow.passport.receipt_doubled", "params": params})
    return Outcome(summary=[], letters=[{"template": "passport_appointment", "params": params}], changes=changes,
                   receipt=receipt)


FLOW = register(Flow(
    id="passport", title_key="flow.passport.title", topic="transport-trafik-rejser",
    article_key="flow.passport.article", authority="kommune", steps=STEPS, eligible=eligible, validate=validate,
    outcome=outcome, journey_event="passport", keywords_key="flow.passport.keywords", examples=examples,
    sources=(("flow.passport.src_frederiksberg", "https://www.frederiksberg.dk/borgerservice/personlige-forhold/pas"),
             ("flow.passport.src_gladsaxe", "http://www.gladsaxe.dk/kommunen/borger/pas_og_koerekort/pas/pas_til_boern"),
             ("flow.passport.src_egedal", "https://egedalkommune.dk/mit-liv/personlige-forhold/pas")),
))
