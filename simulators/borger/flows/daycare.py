"""Flow "daycare": sign a child of the household up for daycare (Digital Pladsanvisning), as pure rules.

Sourced (DOMAIN.md §3.3, TAX_AND_BENEFITS.md §7): sign-up is digital with MitID; waiting list, offers, økonomisk
friplads (soroe.dk); pasningsgaranti at 26 weeks if applied in time (randers.dk); Copenhagen: vuggestue/dagpleje
from 6 months to 2 years 10 months, place earliest at 6 months, guarantee list → a place within 2 months (kk.dk);
the offer arrives in Digital Post at least 2 months before the start and must be accepted within 8 days
(guldborgsund.dk); parents pay at most 25 % of the gross operating cost (uvm.dk); 2025 prices of Copenhagen and
Aarhus (data/daycare_prices.csv). Assumptions: the age limit 2 y 10 m is used for every municipality; daycare
ends at age 6; the offer arrives at once and names a fictitious institution; the price in Mit Overblik is the
full-time rate without the optional lunch scheme.
"""
from __future__ import annotations

import datetime as dt

from simulators.borger import daycare_prices
from simulators.core import figures
from simulators.core.dates import add_months, months_old
from simulators.borger.framework import Field, Flow, Option, Outcome, Step, parse_date, register

# the sourced figures live in data/figures.toml (the texts show them from there)
GUARANTEE_WEEKS = figures.value("dk_daycare_guarantee_weeks")  # randers.dk: pasningsgaranti from 26 weeks
# kk.dk: vuggestue/dagpleje up to 2 years 10 months
NURSERY_MAX_MONTHS = figures.value("kk_nursery_to_years") * 12 + figures.value("kk_nursery_to_months")
OFFER_MONTHS_AHEAD = figures.value("dk_daycare_offer_months_ahead")  # guldborgsund.dk: offer ≥ 2 months ahead
ACCEPT_DAYS = figures.value("dk_daycare_accept_days")  # guldborgsund.dk: accept within 8 days
SCHOOL_AGE = 6                # assumption: daycare 0–5 years ("dagtilbud 0-6 år"), then school
PARENT_SHARE_CAP_PCT = figures.value("dk_daycare_parent_share_cap")  # uvm.dk: at most 25 % of the gross cost
CARE_KEYS = {"vuggestue": "flow.daycare.care.vuggestue", "dagpleje": "flow.daycare.care.dagpleje",
             "boernehave": "flow.daycare.care.boernehave"}
CARE_DANISH = {"vuggestue": "vuggestue", "dagpleje": "dagpleje", "boernehave": "børnehave"}
INSTITUTIONS = {"vuggestue": "Vuggestuen Mælkebøtten", "dagpleje": "Den kommunale dagpleje, distrikt Nord",
                "boernehave": "Børnehuset Kastanjen"}   # fictitious names


# ---- dates ---------------------------------------------------------------------------------------------
def guarantee_date(birth: dt.date) -> dt.date:
    return birth + dt.timedelta(weeks=GUARANTEE_WEEKS)


def earliest_offer_start(today: dt.date) -> dt.date:
    return add_months(today, OFFER_MONTHS_AHEAD)


def offered_start(birth: dt.date, desired: dt.date, today: dt.date) -> dt.date:
    """The start the offer names: the wish, but not before the offer can come 2 months ahead, nor before the
    child is 26 weeks old."""
    return max(desired, earliest_offer_start(today), guarantee_date(birth))


def young_children(persona: dict, today: dt.date) -> list[dict]:
    """Children of the household aged 0–5 today, youngest first."""
    found = [m for m in persona.get("household") or [] if m.get("relation") == "child"
             and parse_date(m.get("birth_date")) and months_old(parse_date(m["birth_date"]), today) < SCHOOL_AGE * 12]
    return sorted(found, key=lambda m: parse_date(m["birth_date"]), reverse=True)


def child_of(persona: dict, answers: dict, today: dt.date) -> dict | None:
    return next((c for c in young_children(persona, today) if c["person_id"] == answers.get("child")), None)


# ---- rules ---------------------------------------------------------------------------------------------
def eligible(persona, today):
    if not young_children(persona, today):
        return False, "flow.daycare.not_eligible_no_child", {"age": SCHOOL_AGE}
    return True, None, {}


def validate(step_id, answers, persona, today):
    errors = {}
    child = child_of(persona, answers, today)
    start = parse_date(answers.get("desired_start"))
    if step_id == "start" and child and start:
        birth = parse_date(child["birth_date"])
        if start < today:
            errors["desired_start"] = ("flow.daycare.err.start_past", {})
        elif start < guarantee_date(birth):
            errors["desired_start"] = ("flow.daycare.err.start_too_young",
                                       {"weeks": GUARANTEE_WEEKS, "earliest_date": guarantee_date(birth).isoformat()})
        elif months_old(birth, offered_start(birth, start, today)) >= SCHOOL_AGE * 12:
            errors["desired_start"] = ("flow.daycare.err.start_school_age", {"age": SCHOOL_AGE})
    elif step_id == "care" and child and start and answers.get("care_type") in CARE_KEYS:
        birth = parse_date(child["birth_date"])
        age_months = months_old(birth, offered_start(birth, start, today))
        if answers["care_type"] == "boernehave" and age_months < NURSERY_MAX_MONTHS:
            errors["care_type"] = ("flow.daycare.err.too_young_for_boernehave", {})
        elif answers["care_type"] != "boernehave" and age_months >= NURSERY_MAX_MONTHS:
            errors["care_type"] = ("flow.daycare.err.too_old_for_nursery", {})
    return errors


def outcome(persona, answers, today):
    child = child_of(persona, answers, today)
    birth = parse_date(child["birth_date"])
    care = answers["care_type"]
    desired = parse_date(answers["desired_start"])
    start = offered_start(birth, desired, today)
    accept_by = today + dt.timedelta(days=ACCEPT_DAYS)
    common = {"child_name": child["full_name"], "care_type": CARE_DANISH[care],
              "desired_start_date": desired.isoformat(), "start_date": start.isoformat(),
              "institution": INSTITUTIONS[care], "accept_by_date": accept_by.isoformat(),
              "accept_days": ACCEPT_DAYS, "cap_pct": PARENT_SHARE_CAP_PCT}
    letters = [{"template": "daycare_signup_receipt", "params": common},
               {"template": "daycare_offer", "params": common}]
    deadlines = [{"label_key": "flow.daycare.deadline_accept", "date": accept_by.isoformat(),
                  "params": {"child": child["first_name"]}, "source_key": "flow.daycare.src_guldborgsund_text"},
                 {"label_key": "flow.daycare.deadline_start", "date": start.isoformat(),
                  "params": {"child": child["first_name"]}, "source_key": "flow.daycare.assumption_start_date"}]
    payments = []
    price = daycare_prices.monthly_price(persona["municipality"], care, birth, start)
    if price:
        payments.append({"label_key": "flow.daycare.payment_label", "params": {"child": child["first_name"]},
                         "amount_dkk": price["price_dkk_month"], "period_key": "borger.period.month",
                         "next_date": start.isoformat(), "authority": "kommune", "direction": "out",
                         "source_key": daycare_prices.SOURCE_KEYS[price["municipality"]],
                         "assumption_key": "flow.daycare.assumption_price"})
    changes = {"cases": [{"flow": "daycare", "title_key": "flow.daycare.case_title",
                          "status_key": "borger.case.in_progress", "authority": "kommune",
                          "params": {"child": child["first_name"]}, "date": today.isoformat()}],
               "deadlines": deadlines, "payments": payments}
    receipt = [{"kind": "success", "key": "flow.daycare.receipt_done",
                "params": {"child": child["first_name"], "start_date": start.isoformat()}},
               {"kind": "info", "key": "flow.daycare.receipt_offer",
                "params": {"accept_by_date": accept_by.isoformat(), "days": ACCEPT_DAYS}},
               {"kind": "source", "key": "flow.daycare.src_guldborgsund_text"}]
    if start != desired:
        receipt.append({"kind": "info", "key": "flow.daycare.receipt_later_start",
                        "params": {"start_date": start.isoformat(), "months": OFFER_MONTHS_AHEAD}})
    receipt += price_notes(persona["municipality"], child, price)
    receipt += [{"kind": "info", "key": "flow.daycare.friplads"},
                {"kind": "source", "key": "flow.daycare.src_soroe_text"},
                {"kind": "assumption", "key": "flow.daycare.assumption_offer"}]
    return Outcome(summary=[], letters=letters, changes=changes, receipt=receipt)


def price_notes(municipality: str, child: dict, price: dict | None) -> list[dict]:
    """The monthly price where a source gives one (Copenhagen, Aarhus), else the legal cap only."""
    if price is None:
        return [{"kind": "assumption", "key": "flow.daycare.no_price", "params": {"municipality": municipality}},
                {"kind": "info", "key": "flow.daycare.price_cap", "params": {"cap_pct": PARENT_SHARE_CAP_PCT}},
                {"kind": "source", "key": "flow.daycare.src_uvm_text"}]
    return [{"kind": "rows", "key": "flow.daycare.price_caption", "params": {"price_year": price["year"]},
             "rows": [{"label_key": "flow.daycare.payment_label", "params": {"child": child["first_name"]},
                       "value": {"dkk": price["price_dkk_month"]}}]},
            {"kind": "source", "key": daycare_prices.SOURCE_KEYS[municipality]},
            {"kind": "assumption", "key": "flow.daycare.assumption_price"}]


# ---- the flow's steps ----------------------------------------------------------------------------------
def child_options(persona, answers, today):
    return [Option(c["person_id"], label_key="flow.daycare.child_option",
                   params={"name": c["full_name"], "birth_date": str(parse_date(c["birth_date"]))})
            for c in young_children(persona, today)]


def youngest_child(persona, today):
    children = young_children(persona, today)
    return children[0]["person_id"] if children else None


def examples(persona, answers, today, rng, lang):
    """Example answers: the chosen (else the youngest) child, a start soon after the earliest date an offer can
    name, and the kind of care that fits the child's age then."""
    child = child_of(persona, answers, today) or (young_children(persona, today) or [None])[0]
    if child is None:
        return {}
    birth = parse_date(child["birth_date"])
    start = max(earliest_offer_start(today), guarantee_date(birth), today) + dt.timedelta(days=rng.randint(0, 20))
    nursery = months_old(birth, offered_start(birth, start, today)) < NURSERY_MAX_MONTHS
    return {"child": child["person_id"], "desired_start": start.isoformat(),
            "care_type": rng.choice(("vuggestue", "dagpleje")) if nursery else "boernehave"}


def start_notes(persona, answers, today):
    notes = [{"kind": "info", "key": "flow.daycare.guarantee_rule", "params": {"weeks": GUARANTEE_WEEKS}},
             {"kind": "source", "key": "flow.daycare.src_randers_kk_text"},
             {"kind": "info", "key": "flow.daycare.offer_rule",
              "params": {"months": OFFER_MONTHS_AHEAD, "days": ACCEPT_DAYS}},
             {"kind": "source", "key": "flow.daycare.src_guldborgsund_text"}]
    child = child_of(persona, answers, today)
    if child:
        birth = parse_date(child["birth_date"])
        earliest = max(guarantee_date(birth), earliest_offer_start(today))
        notes.insert(0, {"kind": "rows", "key": "flow.daycare.child_caption", "rows": [
            {"label_key": "flow.daycare.row_child", "params": {}, "value": {"text": child["full_name"]}},
            {"label_key": "flow.daycare.row_guarantee", "params": {"weeks": GUARANTEE_WEEKS},
             "value": {"date": guarantee_date(birth).isoformat()}},
            {"label_key": "flow.daycare.row_earliest", "params": {}, "value": {"date": earliest.isoformat()}}]})
        notes.append({"kind": "assumption", "key": "flow.daycare.assumption_earliest",
                      "params": {"months": OFFER_MONTHS_AHEAD}})
    return notes


def care_notes(persona, answers, today):
    notes = [{"kind": "info", "key": "flow.daycare.age_rule"},
             {"kind": "source", "key": "flow.daycare.src_kk_age_text"},
             {"kind": "assumption", "key": "flow.daycare.assumption_age_rule"}]
    child, start = child_of(persona, answers, today), parse_date(answers.get("desired_start"))
    municipality = persona["municipality"]
    if child and start:
        day = offered_start(parse_date(child["birth_date"]), start, today)
        for care, caption in (("vuggestue", "flow.daycare.prices_institution"),
                              ("dagpleje", "flow.daycare.prices_dagpleje")):
            examples = daycare_prices.price_examples(municipality, care, parse_date(child["birth_date"]), day)
            rows = [{"label_key": daycare_prices.VARIANT_KEYS[r["variant"]], "params": {},
                     "value": {"dkk": r["price_dkk_month"]}} for r in examples]
            if rows:
                notes.append({"kind": "rows", "key": caption, "rows": rows,
                              "params": {"municipality": municipality, "price_year": examples[0]["year"]}})
        if municipality in daycare_prices.SOURCE_KEYS:
            notes.append({"kind": "source", "key": daycare_prices.SOURCE_KEYS[municipality]})
    if municipality not in daycare_prices.SOURCE_KEYS:
        notes.append({"kind": "assumption", "key": "flow.daycare.no_price",
                      "params": {"municipality": municipality}})
    notes += [{"kind": "info", "key": "flow.daycare.price_cap", "params": {"cap_pct": PARENT_SHARE_CAP_PCT}},
              {"kind": "source", "key": "flow.daycare.src_uvm_text"}]
    return notes


def care_options(persona, answers, today):
    return [Option(value, label_key=key) for value, key in CARE_KEYS.items()]


STEPS = (
    Step("child", "flow.daycare.step_child", intro_key="flow.daycare.intro", fields=(
        Field("child", "select", "flow.daycare.child", options=child_options, prefill=youngest_child,
              prefill_source_key="flow.daycare.source_cpr"),
    )),
    Step("start", "flow.daycare.step_start", notes=start_notes, fields=(
        Field("desired_start", "date", "flow.daycare.desired_start", hint_key="flow.daycare.desired_start_hint"),
    )),
    Step("care", "flow.daycare.step_care", notes=care_notes, fields=(
        Field("care_type", "choice", "flow.daycare.care_type", options=care_options),
    )),
)

FLOW = register(Flow(
    id="daycare", title_key="flow.daycare.title", topic="familie-og-boern", article_key="flow.daycare.article",
    authority="kommune", steps=STEPS, eligible=eligible, validate=validate, outcome=outcome,
    alternative_filters={"has_children": True, "min_age": 20, "max_age": 45}, keywords_key="flow.daycare.keywords",
    examples=examples,
    sources=(("flow.daycare.src_soroe", "https://soroe.dk/service-og-selvbetjening/dagtilbud-skole-og-uddannelse/"
                                          "dagtilbud-0-6-aar/skriv-dit-barn-op-til-dagtilbud"),
             ("flow.daycare.src_randers", "https://dagplejen.randers.dk/for-foraeldre/ind-og-udmeldelse-af-dagplejen/"),
             ("flow.daycare.src_kk", "https://www.kk.dk/borger/pasning-og-skole/pasning-0-6-aar/"
                                        "skriv-op-til-vuggestue-og-dagpleje"),
             ("flow.daycare.src_guldborgsund", "https://www.guldborgsund.dk/borger/boernepasning/"
                                                  "digital-pladsanvisning/tilbud-om-plads-i-dagtilbud"),
             ("flow.daycare.src_uvm", "https://www.uvm.dk/dagtilbud/tilskud-og-egenbetaling/"
                                         "om-tilskud-og-egenbetaling"),
             ("flow.daycare.src_price_kk", "https://international.kk.dk/live/childcare-and-school/childcare-services/"
                                              "if-you-have-been-in-denmark-more-than-3-months/cost-of-childcare-0-18-years"),
             ("flow.daycare.src_price_aarhus", "https://international.aarhus.dk/live/childcare-and-school/"
                                                  "childcare-0-6-years-of-age/rates-subsidy-and-payment-for-daycare/"
                                                  "rates-and-payment/rates-for-daycare-in-aarhus-from-january-2025")),
))
