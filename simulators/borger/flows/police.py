"""Flow "police": report a theft of items (politi.dk "Anmeld tyveri af genstande"), as pure rules.

Sourced (DOMAIN.md §3.3): report digitally with a personal MitID; have ready the items, a phone's IMEI (15
digits), insurer, prices, time and address; call 112 if the perpetrator is present or just fled, 114 otherwise;
bike theft has its own form; "it can take a few days before the report is registered"; after sending, a receipt
with the entered data is shown and the report goes to the police district of the crime scene; report within
72 hours for state victim compensation (anklagemyndigheden.dk). MitID is issued from age 13 (mitid.dk).
The IMEI's 15th digit is a Luhn check digit (3GPP TS 23.003), so a mistyped IMEI is caught here.
Assumption: that a copy of the receipt also arrives in Digital Post (the letter template says so).
"""
from __future__ import annotations

import datetime as dt
import re

from simulators.borger import addresses
from simulators.population.citizens import MITID_MIN_AGE  # mitid.dk: the age limit to get MitID
from simulators.core import clock, figures
from simulators.borger.framework import (Field, Flow, Option, Outcome, Step, at_least_age, parse_date, parse_int,
                                         register)

ITEM_KINDS = ("phone", "wallet", "bag", "laptop", "jewellery", "keys", "other")
ITEM_KEYS = {"phone": "flow.police.item.phone", "wallet": "flow.police.item.wallet",
             "bag": "flow.police.item.bag", "laptop": "flow.police.item.laptop",
             "jewellery": "flow.police.item.jewellery", "keys": "flow.police.item.keys",
             "other": "flow.police.item.other"}
COMPENSATION_HOURS = figures.value("dk_police_compensation_hours")  # anklagemyndigheden.dk: within 72 h
IMEI_LENGTH = 15          # politi.dk: "IMEI-nummer (15 cifre)"
DESCRIPTION_MAX = figures.value("sim_police_description_max")  # assumption: a short free text, like a form field
TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


# ---- pure rules ----------------------------------------------------------------------------------------
def imei_digits(value) -> str:
    """The IMEI as typed, without the spaces, dashes and slashes phones and boxes group it with."""
    return re.sub(r"[\s\-/]", "", str(value or ""))


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def imei_error(value) -> str | None:
    """None for a valid IMEI, else the message key: not 15 digits, or a wrong Luhn check digit."""
    digits = imei_digits(value)
    if not re.fullmatch(rf"\d{{{IMEI_LENGTH}}}", digits):
        return "flow.police.err.imei_format"
    if not luhn_valid(digits):
        return "flow.police.err.imei_checksum"
    return None


def parse_clock(value) -> dt.time | None:
    match = TIME_RE.match(str(value or "").strip())
    return dt.time(int(match[1]), int(match[2])) if match else None


def incident_at(answers: dict) -> dt.datetime | None:
    day, clock = parse_date(answers.get("incident_date")), parse_clock(answers.get("incident_time"))
    return dt.datetime.combine(day, clock) if day and clock else None


def current_time(today: dt.date) -> dt.datetime:
    """The framework passes the day; the clock time matters for "not in the future". Tests pass a datetime."""
    if isinstance(today, dt.datetime):
        return today
    now = clock.now().replace(second=0, microsecond=0)
    return now if now.date() == today else dt.datetime.combine(today, dt.time(23, 59))


def hours_since(answers: dict, today: dt.date) -> float | None:
    when = incident_at(answers)
    return None if when is None else (current_time(today) - when).total_seconds() / 3600


def within_compensation_window(answers: dict, today: dt.date) -> bool:
    hours = hours_since(answers, today)
    return hours is not None and 0 <= hours <= COMPENSATION_HOURS


eligible = at_least_age(MITID_MIN_AGE, "flow.police.not_eligible_age")


def validate(step_id, answers, persona, today):
    errors = {}
    if step_id == "phone":
        key = imei_error(answers.get("imei"))
        if key:
            errors["imei"] = (key, {"digits": len(imei_digits(answers.get("imei")))})
    elif step_id == "when":
        day, clock, now = parse_date(answers.get("incident_date")), parse_clock(answers.get("incident_time")), \
            current_time(today)
        if answers.get("incident_time") and clock is None:
            errors["incident_time"] = ("flow.police.err.time_format", {})
        if day and (day > now.date() or (clock and dt.datetime.combine(day, clock) > now)):
            errors["incident_date"] = ("flow.police.err.when_future", {})
    elif step_id == "where":  # postcode and town checked as the moving flow checks them (issue #15)
        postcode, town = str(answers.get("postcode") or "").strip(), str(answers.get("town") or "").strip()
        if postcode and not re.fullmatch(r"\d{4}", postcode):
            errors["postcode"] = ("flow.police.err.postcode_format", {})
        elif postcode and not addresses.lookup(postcode):
            errors["postcode"] = ("flow.police.err.postcode_unknown", {"postcode": postcode})
        elif postcode and town and not addresses.town_matches(postcode, town):
            errors["town"] = ("flow.police.err.town_mismatch", {"postcode": postcode, "town": addresses.town_of(postcode)})
        elif not postcode and not town:
            errors["town"] = ("flow.police.err.town_or_postcode", {})
    return errors


def place_text(answers: dict) -> str:
    postcode = str(answers.get("postcode") or "").strip()
    town = str(answers.get("town") or "").strip() or (addresses.town_of(postcode) or "" if postcode else "")
    return ", ".join(p for p in (str(answers.get("street") or "").strip(), f"{postcode} {town}".strip()) if p)


def outcome(persona, answers, today):
    when = incident_at(answers)
    items = [kind for kind in answers.get("items") or [] if kind in ITEM_KINDS]
    imei = imei_digits(answers.get("imei")) if "phone" in items else ""
    in_time = within_compensation_window(answers, today)
    letters = [{"template": "police_report_receipt", "params": {
        "incident_datetime": when.isoformat(timespec="minutes"), "place": place_text(answers),
        "description": str(answers.get("description") or "").strip(), "imei": imei or "–",
        "value_dkk": parse_int(answers.get("value_dkk")), "insurer": str(answers.get("insurer") or "").strip() or "–",
    }}]
    changes = {
        "cases": [{"flow": "police", "title_key": "flow.police.case_title",
                   "status_key": "borger.case.received", "authority": "politi", "params": {},
                   "date": current_time(today).date().isoformat()}],
        "deadlines": [], "payments": [],
    }
    receipt = [{"kind": "success", "key": "flow.police.receipt_sent"},
               {"kind": "info", "key": "flow.police.receipt_district"},
               {"kind": "info", "key": "flow.police.receipt_registration_days"},
               {"kind": "source", "key": "flow.police.src_politi_text"},
               {"kind": "info" if in_time else "warning",
                "key": "flow.police.receipt_within_72h" if in_time else "flow.police.receipt_after_72h",
                "params": {"hours": COMPENSATION_HOURS}},
               {"kind": "source", "key": "flow.police.src_anklagemyndigheden_text"},
               {"kind": "assumption", "key": "flow.police.assumption_letter"}]
    return Outcome(summary=[], letters=letters, changes=changes, receipt=receipt)


def example_imei(rng) -> str:
    """15 digits whose last is the Luhn check digit of the first 14 (3GPP TS 23.003): a valid, invented IMEI."""
    body = "35" + "".join(str(rng.randrange(10)) for _ in range(IMEI_LENGTH - 3))
    return body + next(d for d in "0123456789" if luhn_valid(body + d))


def examples(persona, answers, today, rng, lang):
    """Example answers: a bag with a phone (a valid IMEI) stolen yesterday evening, inside the 72 hours, in a
    street of the persona's own municipality (postcode and town from the PostNord table)."""
    from simulators.core.i18n import translate

    row = addresses.example_postcode(rng, persona.get("municipality"))
    day = current_time(today).date() - dt.timedelta(days=1)
    return {"items": ["phone", "bag"], "description": translate(lang, "flow.police.example_description"),
            "value_dkk": rng.choice((3500, 4500, 6000)), "imei": example_imei(rng),
            "incident_date": day.isoformat(), "incident_time": f"{rng.randint(16, 21)}:{rng.choice((0, 15, 30, 45)):02d}",
            "street": rng.choice(addresses.EXAMPLE_STREETS), "postcode": row["postcode"], "town": row["town"],
            "insurer": ""}


# ---- the flow's steps ----------------------------------------------------------------------------------
def item_options(persona, answers, today):
    return [Option(kind, label_key=ITEM_KEYS[kind]) for kind in ITEM_KINDS]


def what_notes(persona, answers, today):
    return [{"kind": "warning", "key": "flow.police.emergency"},
            {"kind": "info", "key": "flow.police.bike_separate"},
            {"kind": "source", "key": "flow.police.src_politi_text"}]


def phone_notes(persona, answers, today):
    return [{"kind": "info", "key": "flow.police.imei_explained", "params": {"digits": IMEI_LENGTH}}]


def when_notes(persona, answers, today):
    return [{"kind": "info", "key": "flow.police.within_72h_rule", "params": {"hours": COMPENSATION_HOURS}},
            {"kind": "source", "key": "flow.police.src_anklagemyndigheden_text"}]


def where_notes(persona, answers, today):
    return [{"kind": "info", "key": "flow.police.where_intro"}]


STEPS = (
    Step("what", "flow.police.step_what", notes=what_notes, fields=(
        Field("items", "multi", "flow.police.items", options=item_options),
        Field("description", "text", "flow.police.description", hint_key="flow.police.description_hint",
              max_length=DESCRIPTION_MAX),  # longer: the framework's borger.err.too_long
        Field("value_dkk", "int", "flow.police.value", hint_key="flow.police.value_hint", required=False),
    )),
    Step("phone", "flow.police.step_phone", notes=phone_notes,
         when=lambda persona, answers, today: "phone" in (answers.get("items") or []), fields=(
             Field("imei", "text", "flow.police.imei", hint_key="flow.police.imei_hint", max_length=40),
         )),
    Step("when", "flow.police.step_when", notes=when_notes, fields=(
        Field("incident_date", "date", "flow.police.incident_date", hint_key="flow.police.incident_date_hint",
              hint_params=lambda persona, answers, today: {
                  "example_date": (current_time(today).date() - dt.timedelta(days=1)).isoformat()}),
        Field("incident_time", "text", "flow.police.incident_time", hint_key="flow.police.incident_time_hint",
              max_length=10),
    )),
    Step("where", "flow.police.step_where", notes=where_notes, fields=(
        Field("street", "text", "flow.police.street", hint_key="flow.police.street_hint", max_length=100),
        Field("postcode", "text", "flow.police.postcode", required=False, max_length=10),
        Field("town", "text", "flow.police.town", required=False, max_length=60),
        Field("insurer", "text", "flow.police.insurer", hint_key="flow.police.insurer_hint", required=False,
              max_length=100),
    )),
)

FLOW = register(Flow(
    id="police", title_key="flow.police.title", topic="politi-retsvaesen-forsvar",
    article_key="flow.police.article", authority="politi", steps=STEPS, eligible=eligible, validate=validate,
    outcome=outcome, alternative_filters={"min_age": 18}, keywords_key="flow.police.keywords", examples=examples,
    sources=(("flow.police.src_politi", "https://politi.dk/tyveri-og-haervaerk/anmeld-tyveri-af-genstande"),
             ("flow.police.src_politi_site", "https://www.politi.dk/da/ompolitiet/omhjemmesiden/"),
             ("flow.police.src_anklagemyndigheden", "https://anklagemyndigheden.dk/da/anmeldelse-ofre"),
             ("flow.police.src_mitid_age", "https://www.mitid.dk/en-gb/about-mitid"),
             ("flow.police.src_imei", "3GPP TS 23.003 (IMEI check digit: Luhn)")),
))
