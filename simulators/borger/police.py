"""Police report of a theft (politi.dk "Anmeld tyveri af genstande"), as pure rules.

Sourced (docs/DOMAIN.md §3.3): have ready the items, a phone's IMEI (15 digits), insurer, prices, time and
address; call 112 if the perpetrator is present or just fled, 114 otherwise; "it can take a few days before the
report is registered"; after sending, a receipt with the entered data is shown and the report goes to the police
district of the crime scene; report within 72 hours for state victim compensation (anklagemyndigheden.dk).
The IMEI check digit is a Luhn check digit (3GPP TS 23.003), which is why a mistyped IMEI is caught here.
"""
from __future__ import annotations

import datetime as dt
import re

from simulators.borger import rules_b

FLOW_ID = "police"
ITEM_KINDS = ("phone", "wallet", "bag", "laptop", "jewellery", "keys", "other")
ITEM_KEYS = {
    "phone": "flows_b.police.item.phone", "wallet": "flows_b.police.item.wallet",
    "bag": "flows_b.police.item.bag", "laptop": "flows_b.police.item.laptop",
    "jewellery": "flows_b.police.item.jewellery", "keys": "flows_b.police.item.keys",
    "other": "flows_b.police.item.other",
}
COMPENSATION_HOURS = 72  # anklagemyndigheden.dk: report within 72 h for state victim compensation
DESCRIPTION_MAX = 500
MITID_MIN_AGE = 13


def imei_digits(value: str | None) -> str:
    """The IMEI as typed, without spaces, dashes and slashes (phones show it grouped)."""
    return re.sub(r"[\s\-/]", "", value or "")


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            value = value - 9 if value > 9 else value
        total += value
    return total % 10 == 0


def imei_error(value: str | None) -> str | None:
    """None if ``value`` is a valid IMEI, else the message key (missing, not 15 digits, wrong check digit)."""
    digits = imei_digits(value)
    if not digits:
        return "flows_b.police.err.imei_required"
    if not re.fullmatch(r"\d{15}", digits):
        return "flows_b.police.err.imei_format"
    if not luhn_valid(digits):
        return "flows_b.police.err.imei_checksum"
    return None


def incident_at(answers: dict) -> dt.datetime | None:
    day = rules_b.as_date(answers.get("incident_date"))
    clock = rules_b.as_time(answers.get("incident_time"))
    if day is None or clock is None:
        return None
    return dt.datetime.combine(day, clock)


def eligibility(persona: dict, today: dt.date) -> rules_b.Eligibility:
    """A digital report needs a personal MitID; MitID is issued from age 13 (mitid.dk, DOMAIN.md §1.1)."""
    if persona.get("age", 0) < MITID_MIN_AGE:
        return rules_b.Eligibility(False, "flows_b.police.ineligible.minor", {"age": persona.get("age", 0)})
    return rules_b.Eligibility(True)


def validate(answers: dict, persona: dict, now: dt.datetime, postcodes: set[str] | None = None) -> dict:
    """Message key (and params) per field that is wrong; empty when the report can be sent."""
    errors: dict[str, tuple[str, dict]] = {}
    items = [kind for kind in answers.get("items") or [] if kind in ITEM_KINDS]
    if not items:
        errors["items"] = ("flows_b.police.err.items_required", {})
    description = (answers.get("description") or "").strip()
    if not description:
        errors["description"] = ("flows_b.police.err.description_required", {})
    elif len(description) > DESCRIPTION_MAX:
        errors["description"] = ("flows_b.police.err.description_too_long", {"max": DESCRIPTION_MAX})
    if "phone" in items:
        key = imei_error(answers.get("imei"))
        if key:
            errors["imei"] = (key, {})
    when = incident_at(answers)
    if when is None:
        errors["incident_date"] = ("flows_b.police.err.when_required", {})
    elif when > now:
        errors["incident_date"] = ("flows_b.police.err.when_future", {})
    if not (answers.get("street") or "").strip():
        errors["street"] = ("flows_b.police.err.street_required", {})
    town = (answers.get("town") or "").strip()
    postcode = (answers.get("postcode") or "").strip()
    if postcode and (not re.fullmatch(r"\d{4}", postcode) or (postcodes is not None and postcode not in postcodes)):
        errors["postcode"] = ("flows_b.police.err.postcode_unknown", {"postcode": postcode})
    elif not town and not postcode:
        errors["town"] = ("flows_b.police.err.town_or_postcode_required", {})
    return errors


def hours_since(answers: dict, now: dt.datetime) -> float | None:
    when = incident_at(answers)
    return None if when is None else (now - when).total_seconds() / 3600


def within_compensation_window(answers: dict, now: dt.datetime) -> bool:
    hours = hours_since(answers, now)
    return hours is not None and hours <= COMPENSATION_HOURS


def outcome(persona: dict, answers: dict, now: dt.datetime, receipt: str) -> dict:
    """The report as sent: the submission, the receipt letter and the new case in Mit Overblik."""
    when = incident_at(answers)
    items = [kind for kind in answers.get("items") or [] if kind in ITEM_KINDS]
    place = ", ".join(part for part in (
        (answers.get("street") or "").strip(),
        " ".join(p for p in ((answers.get("postcode") or "").strip(), (answers.get("town") or "").strip()) if p),
    ) if part)
    imei = imei_digits(answers.get("imei")) if "phone" in items else ""
    submission = {
        "service": FLOW_ID, "receipt": receipt, "sent_at": now.isoformat(timespec="seconds"),
        "items": items, "description": (answers.get("description") or "").strip(),
        "value_dkk": int(answers.get("value_dkk") or 0), "imei": imei,
        "incident_at": when.isoformat(timespec="minutes"), "place": place,
        "insurer": (answers.get("insurer") or "").strip(),
        "within_72h": within_compensation_window(answers, now),
    }
    letter = {"template": "police_report_receipt", "sender": "politi", "params": {
        "full_name": persona["full_name"], "receipt": receipt, "incident_date": when.date().isoformat(),
        "incident_time": when.strftime("%H:%M"), "place": place, "description": submission["description"],
        "imei": imei or "–", "insurer": submission["insurer"] or "–",
    }}
    case = {"service": FLOW_ID, "receipt": receipt, "authority": "politi", "opened": now.date().isoformat(),
            "title_key": "flows_b.police.case_title", "status_key": "flows_b.police.case_status"}
    return {"submission": submission, "letters": [letter], "cases": [case], "deadlines": [], "payments": [],
            "persona_changes": {}}
