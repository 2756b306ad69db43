"""Flow "divorce": an amicable application for divorce or separation to Familieretshuset, as pure rules.

Sourced (TAX_AND_BENEFITS.md §6, DOMAIN.md §3.3): the application fee is DKK 825 from 1 Jan 2024 plus DKK 2,150
when a vilkårsforhandling (negotiation of the terms) is needed (familieretshuset.dk, official); DKK 775 / 1,825
from 2 June 2023 (familieadvokaten.dk, secondary); the fee is not refunded if the conditions are not met
(familieretshuset.dk); direct divorce without separation if both agree, otherwise 6 months of separation first
(horsholm.dk); more than 90 % are granted administratively (bevilling), about one week from the negotiation to the
grant (familieadvokaten.dk). Fees for 2025/2026 were not found: a later date shows the 2024 fee, saying so.
Assumptions: the decision arrives at once; the date offered for a negotiation (3 weeks ahead).
"""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache

from simulators.borger.framework import Field, Flow, Option, Outcome, Step, register
from simulators.core import figures
from simulators.core.paths import DATA_DIR

FEES_CSV = DATA_DIR / "divorce_fees.csv"
LAST_VERIFIED_YEAR = 2024     # newest year a fee was found for (TAX_AND_BENEFITS.md §8)
SEPARATION_MONTHS = figures.value("dk_divorce_separation_months")  # horsholm.dk (data/figures.toml)
NEGOTIATION_AFTER_DAYS = 21   # assumption: when Familieretshuset offers the meeting
KIND_KEYS = {"divorce": "flow.divorce.kind.divorce", "separation": "flow.divorce.kind.separation"}
GRANTED_KEYS = {"divorce": "flow.divorce.receipt_granted_divorce",
                "separation": "flow.divorce.receipt_granted_separation"}
TERMS_KEYS = {"yes": "flow.divorce.terms.yes", "no": "flow.divorce.terms.no"}


@lru_cache(maxsize=1)
def fee_table() -> tuple[dict, ...]:
    with FEES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = [{**row, "valid_from": dt.date.fromisoformat(row["valid_from"]),
                 "application_fee_dkk": int(row["application_fee_dkk"]),
                 "negotiation_fee_dkk": int(row["negotiation_fee_dkk"])} for row in csv.DictReader(handle)]
    return tuple(sorted(rows, key=lambda row: row["valid_from"]))


def fee_on(day: dt.date) -> dict | None:
    """The fees in force on ``day`` with their date and source; None before the first known date.
    ``later_unverified`` is True when ``day`` lies after the last year a fee was found for."""
    current = [row for row in fee_table() if row["valid_from"] <= day]
    if not current:
        return None
    return {**current[-1], "later_unverified": day.year > LAST_VERIFIED_YEAR}


def fees_due(day: dt.date, negotiation: bool) -> dict:
    fee = fee_on(day)
    extra = fee["negotiation_fee_dkk"] if negotiation else 0
    return {"application_dkk": fee["application_fee_dkk"], "negotiation_dkk": extra,
            "total_dkk": fee["application_fee_dkk"] + extra, "valid_from": fee["valid_from"].isoformat(),
            "later_unverified": fee["later_unverified"], "source": fee["source"], "quality": fee["quality"]}


def spouse_of(persona: dict) -> dict | None:
    partner_id = persona.get("partner_id")
    return next((m for m in persona.get("household") or []
                 if m.get("relation") == "partner" and (partner_id is None or m["person_id"] == partner_id)), None)


def needs_negotiation(answers: dict) -> bool:
    return answers.get("terms_agreed") == "no"


def eligible(persona, today):
    if persona.get("civil_status") != "married":
        return False, "flow.divorce.not_eligible_not_married", {}
    if spouse_of(persona) is None:
        return False, "flow.divorce.not_eligible_no_spouse", {}
    if fee_on(today) is None:
        return False, "flow.divorce.not_eligible_no_fee", {}
    return True, None, {}


def validate(step_id, answers, persona, today):
    errors = {}
    if step_id == "kind" and answers.get("kind") and answers.get("both_agree") is not True:
        key = "flow.divorce.err.direct_needs_agreement" if answers["kind"] == "divorce" \
            else "flow.divorce.err.amicable_only"
        errors["both_agree"] = (key, {"months": SEPARATION_MONTHS})
    return errors


def outcome(persona, answers, today):
    spouse = spouse_of(persona)
    negotiation = needs_negotiation(answers)
    fees = fees_due(today, negotiation)
    kind = answers["kind"]
    params = {"spouse_name": spouse["full_name"], "application_dkk": fees["application_dkk"],
              "negotiation_dkk": fees["negotiation_dkk"], "total_dkk": fees["total_dkk"],
              "fee_valid_from_date": fees["valid_from"]}
    letters = [{"template": f"{kind}_application_receipt", "params": params}]
    paid = {"params": {}, "period_key": "borger.period.once", "next_date": today.isoformat(),
            "authority": "familieretshuset", "direction": "out", "source_key": "flow.divorce.src_fee_text"}
    payments = [{**paid, "label_key": "flow.divorce.payment_application", "amount_dkk": fees["application_dkk"]}]
    deadlines, persona_change = [], {}
    if negotiation:
        meeting = today + dt.timedelta(days=NEGOTIATION_AFTER_DAYS)
        letters.append({"template": "divorce_negotiation_invitation", "params": {**params,
                                                                              "meeting_date": meeting.isoformat()}})
        payments.append({**paid, "label_key": "flow.divorce.payment_negotiation",
                         "amount_dkk": fees["negotiation_dkk"]})
        deadlines.append({"label_key": "flow.divorce.deadline_meeting", "date": meeting.isoformat(),
                          "params": {}, "source_key": "flow.divorce.assumption_meeting_date"})
        status = "borger.case.in_progress"
    else:
        letters.append({"template": f"{kind}_decision", "params": {**params, "decision_date": today.isoformat(),
                                                                   "months": SEPARATION_MONTHS}})
        status = "borger.case.decided"
        if kind == "divorce":
            persona_change = {"civil_status": "divorced", "partner_id": None}
    changes = {"cases": [{"flow": "divorce", "title_key": KIND_KEYS[kind], "status_key": status,
                          "authority": "familieretshuset", "params": {}, "date": today.isoformat()}],
               "deadlines": deadlines, "payments": payments}
    if persona_change:
        changes["persona"] = persona_change
    receipt = [{"kind": "success", "key": "flow.divorce.receipt_sent", "params": {"total_dkk": fees["total_dkk"]}}]
    receipt += fee_notes(today, negotiation)
    if negotiation:
        receipt.append({"kind": "info", "key": "flow.divorce.receipt_negotiation"})
        receipt.append({"kind": "assumption", "key": "flow.divorce.assumption_meeting",
                        "params": {"days": NEGOTIATION_AFTER_DAYS}})
    else:
        receipt.append({"kind": "info", "key": GRANTED_KEYS[kind],
                        "params": {"months": SEPARATION_MONTHS}})
        receipt.append({"kind": "source", "key": "flow.divorce.src_bevilling_text"})
        receipt.append({"kind": "assumption", "key": "flow.divorce.assumption_instant"})
    return Outcome(summary=[], letters=letters, changes=changes, receipt=receipt)


def examples(persona, answers, today, rng, lang):
    """Example answers: a direct divorce both spouses agree on, terms agreed (no negotiation), the fee accepted."""
    return {"kind": "divorce", "both_agree": True, "terms_agreed": "yes", "fee_accepted": True}


# ---- the flow's steps ----------------------------------------------------------------------------------
def fee_notes(today: dt.date, negotiation: bool) -> list[dict]:
    fees = fees_due(today, negotiation)
    rows = [{"label_key": "flow.divorce.fee_application", "params": {}, "value": {"dkk": fees["application_dkk"]}}]
    if negotiation:
        rows.append({"label_key": "flow.divorce.fee_negotiation", "params": {},
                     "value": {"dkk": fees["negotiation_dkk"]}})
    rows.append({"label_key": "flow.divorce.fee_total", "params": {}, "value": {"dkk": fees["total_dkk"]}})
    notes = [{"kind": "rows", "rows": rows, "key": "flow.divorce.fee_caption",
              "params": {"valid_from_date": fees["valid_from"]}},
             {"kind": "source", "key": "flow.divorce.src_fee_text"}]
    if fees["later_unverified"]:
        notes.append({"kind": "assumption", "key": "flow.divorce.fee_later_unverified",
                      "params": {"valid_from_date": fees["valid_from"], "fee_year": today.year}})
    return notes


def spouse_options(persona, answers, today):
    spouse = spouse_of(persona)
    return [Option(spouse["person_id"], label=f"{spouse['full_name']} ({spouse['cpr']})")] if spouse else []


def kind_options(persona, answers, today):
    return [Option(value, label_key=key) for value, key in KIND_KEYS.items()]


def terms_options(persona, answers, today):
    return [Option(value, label_key=key) for value, key in TERMS_KEYS.items()]


def kind_notes(persona, answers, today):
    return [{"kind": "info", "key": "flow.divorce.direct_rule", "params": {"months": SEPARATION_MONTHS}},
            {"kind": "source", "key": "flow.divorce.src_horsholm_text"}]


def terms_notes(persona, answers, today):
    return [{"kind": "info", "key": "flow.divorce.terms_explained"}] + fee_notes(today, needs_negotiation(answers))


def fee_step_notes(persona, answers, today):
    return fee_notes(today, needs_negotiation(answers)) + [{"kind": "info", "key": "flow.divorce.fee_not_refunded"}]


STEPS = (
    Step("spouse", "flow.divorce.step_spouse", intro_key="flow.divorce.intro", fields=(
        Field("spouse", "select", "flow.divorce.spouse", options=spouse_options,
              prefill=lambda persona, today: (spouse_of(persona) or {}).get("person_id"),
              prefill_source_key="flow.divorce.source_cpr"),
    )),
    Step("kind", "flow.divorce.step_kind", notes=kind_notes, fields=(
        Field("kind", "choice", "flow.divorce.kind", options=kind_options),
        Field("both_agree", "checkbox", "flow.divorce.both_agree", hint_key="flow.divorce.both_agree_hint",
              required=False),
    )),
    Step("terms", "flow.divorce.step_terms", notes=terms_notes, fields=(
        Field("terms_agreed", "choice", "flow.divorce.terms_agreed", options=terms_options),
    )),
    Step("fee", "flow.divorce.step_fee", notes=fee_step_notes, fields=(
        Field("fee_accepted", "checkbox", "flow.divorce.fee_accepted"),
    )),
)

FLOW = register(Flow(
    id="divorce", title_key="flow.divorce.title", topic="familie-og-boern", article_key="flow.divorce.article",
    authority="familieretshuset", steps=STEPS, eligible=eligible, validate=validate, outcome=outcome,
    alternative_filters={"has_partner": True, "min_age": 25}, journey_event="divorce",
    keywords_key="flow.divorce.keywords",
    examples=examples,
    sources=(("flow.divorce.src_familieretshuset",
              "https://familieretshuset.dk/brud-i-familien/brud-i-familien/vilkaarsforhandling"),
             ("flow.divorce.src_refund", "https://familieretshuset.dk/om-familieretshuset/betaling-af-gebyr"),
             ("flow.divorce.src_familieadvokaten", "https://familieadvokaten.dk/emner/554.html"),
             ("flow.divorce.src_horsholm",
              "https://www.horsholm.dk/borger/dagtilbud-skole-og-familieliv/familieliv/separation-og-skilsmisse")),
))
