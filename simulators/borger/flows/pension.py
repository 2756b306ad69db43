"""Flow "pension" (Ansøg om folkepension) and the pension-age rules.

Sourced (DOMAIN.md §3.3, borger.dk "Før du går på folkepension"): the pension age by birth date (table below);
folkepension is not automatic, you apply yourself, at the earliest ½ year before; it is paid from the 1st of
the month after reaching pension age; conditions: Danish citizenship, residence in Denmark, at least 3 years'
residence between 15 and pension age. Udbetaling Danmark decides. Amounts: 2026 rates from Ældre Sagen
(secondary, TAX_AND_BENEFITS.md §3), shown as an estimate before tax without income reduction (simplified).
"""
from __future__ import annotations

import calendar
import datetime as dt

from simulators.borger.framework import Field, Flow, Option, Outcome, Step, parse_int, register
from simulators.population.pension_age import pension_age_months  # the one age table (DOMAIN.md §3.3)

APPLY_MONTHS_BEFORE = 6
MIN_RESIDENCE_YEARS = 3
# 2026, DKK per month before tax (Ældre Sagen, edited 14.01.2026; secondary)
RATES_YEAR = 2026
GRUNDBELOEB = 7_544
PENSIONSTILLAEG_SINGLE = 8_729
PENSIONSTILLAEG_COUPLE = 4_467


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def pension_dates(birth_date: dt.date) -> dict:
    """The day pension age is reached, the first pension month (1st of the month after) and the earliest
    application date (½ year before reaching pension age)."""
    months = pension_age_months(birth_date)
    reached = add_months(birth_date, months)
    start = add_months(reached.replace(day=1), 1)
    return {"age_months": months, "reached": reached, "start": start,
            "apply_from": add_months(reached, -APPLY_MONTHS_BEFORE)}


def last_banking_day(year: int, month: int) -> dt.date:
    """Last weekday of a month (simplified: public holidays are ignored)."""
    day = dt.date(year, month, calendar.monthrange(year, month)[1])
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def lives_with_partner(persona: dict) -> bool:
    return any(m.get("relation") == "partner" for m in persona.get("household") or [])


def monthly_estimate(persona: dict) -> dict:
    tillaeg = PENSIONSTILLAEG_COUPLE if lives_with_partner(persona) else PENSIONSTILLAEG_SINGLE
    return {"grundbeloeb_dkk": GRUNDBELOEB, "tillaeg_dkk": tillaeg, "total_dkk": GRUNDBELOEB + tillaeg}


def age_params(persona: dict) -> dict:
    dates = pension_dates(persona["birth_date"])
    return {"years": dates["age_months"] // 12, "months": dates["age_months"] % 12,
            "reached_date": dates["reached"].isoformat(), "start_date": dates["start"].isoformat(),
            "apply_date": dates["apply_from"].isoformat()}


def eligible(persona, today):
    dates = pension_dates(persona["birth_date"])
    if today < dates["apply_from"]:
        return False, "flows_a.pension.not_yet", age_params(persona)
    if today >= dates["start"]:
        return False, "flows_a.pension.already", age_params(persona)
    return True, None, {}


def age_notes(persona, answers, today):
    params = age_params(persona)
    key = "flows_a.pension.age_half" if params["months"] else "flows_a.pension.age_whole"
    return [{"kind": "rows", "key": "flows_a.pension.your_dates", "rows": [
                {"label_key": "flows_a.pension.birth_date", "value": {"date": persona["birth_date"].isoformat()}},
                {"label_key": "flows_a.pension.pension_age", "value": {"key": key, "params": params}},
                {"label_key": "flows_a.pension.reached", "value": {"date": params["reached_date"]}},
                {"label_key": "flows_a.pension.apply_from", "value": {"date": params["apply_date"]}},
                {"label_key": "flows_a.pension.first_month", "value": {"date": params["start_date"]}}]},
            {"kind": "info", "key": "flows_a.pension.not_automatic"},
            {"kind": "source", "key": "flows_a.pension.source_borger"}]


def household_notes(persona, answers, today):
    estimate = monthly_estimate(persona)
    return [{"kind": "rows", "key": "flows_a.pension.estimate_title", "rows": [
                {"label_key": "flows_a.pension.grundbeloeb", "value": {"dkk": estimate["grundbeloeb_dkk"]}},
                {"label_key": "flows_a.pension.tillaeg_couple" if lives_with_partner(persona)
                 else "flows_a.pension.tillaeg_single", "value": {"dkk": estimate["tillaeg_dkk"]}},
                {"label_key": "flows_a.pension.total", "value": {"dkk": estimate["total_dkk"]}}]},
            {"kind": "assumption", "key": "flows_a.pension.estimate_simplified"},
            {"kind": "source", "key": "flows_a.pension.source_rates", "params": {"year": RATES_YEAR}}]


def yes_no(persona, answers, today):
    return [Option("yes", label_key="borger.value.yes"), Option("no", label_key="borger.value.no")]


def citizenship_options(persona, answers, today):
    return [Option("dk", label_key="flows_a.pension.citizen_dk"), Option("other", label_key="flows_a.pension.citizen_other")]


def max_residence_years(persona) -> int:
    return max(0, min(persona["age"], pension_age_months(persona["birth_date"]) // 12) - 15)


STEPS = (
    Step("age", "flows_a.pension.step_age", intro_key="flows_a.pension.intro", notes=age_notes),
    Step("conditions", "flows_a.pension.step_conditions", intro_key="flows_a.pension.conditions_intro", fields=(
        Field("citizenship", "choice", "flows_a.pension.citizenship", options=citizenship_options,
              prefill=lambda persona, today: "dk", prefill_source_key="flows_a.pension.source_cpr_assumed"),
        Field("lives_in_dk", "choice", "flows_a.pension.lives_in_dk", options=yes_no,
              prefill=lambda persona, today: "yes", prefill_source_key="flows_a.pension.source_cpr"),
        Field("residence_years", "int", "flows_a.pension.residence_years", hint_key="flows_a.pension.residence_hint",
              prefill=lambda persona, today: max_residence_years(persona),
              prefill_source_key="flows_a.pension.source_cpr_assumed"),
    )),
    Step("household", "flows_a.pension.step_household", notes=household_notes, fields=(
        Field("confirm", "checkbox", "flows_a.pension.confirm"),
    )),
)


def validate(step_id, answers, persona, today):
    errors = {}
    if step_id == "conditions":
        if answers.get("citizenship") == "other":
            errors["citizenship"] = ("flows_a.pension.err.citizenship", {})
        if answers.get("lives_in_dk") == "no":
            errors["lives_in_dk"] = ("flows_a.pension.err.residence", {})
        years = parse_int(answers.get("residence_years"))
        if years is not None and years < MIN_RESIDENCE_YEARS:
            errors["residence_years"] = ("flows_a.pension.err.too_few_years", {"min": MIN_RESIDENCE_YEARS})
        elif years is not None and years > max_residence_years(persona):
            errors["residence_years"] = ("flows_a.pension.err.too_many_years", {"max": max_residence_years(persona)})
    return errors


def outcome(persona, answers, today):
    dates = pension_dates(persona["birth_date"])
    estimate = monthly_estimate(persona)
    first_payment = last_banking_day(dates["start"].year, dates["start"].month)
    params = {"start_date": dates["start"].isoformat(), "first_payment_date": first_payment.isoformat(),
              "amount_dkk": estimate["total_dkk"], "rates_year": str(RATES_YEAR)}
    changes = {
        "cases": [{"flow": "pension", "title_key": "flows_a.pension.case_title", "status_key": "borger.case.received",
                   "authority": "udbetaling_danmark", "params": {}, "date": today.isoformat()}],
        "payments": [{"label_key": "flows_a.pension.payment_label", "params": {}, "amount_dkk": estimate["total_dkk"],
                      "period_key": "borger.period.month", "next_date": first_payment.isoformat(),
                      "authority": "udbetaling_danmark", "direction": "in",
                      "source_key": "flows_a.pension.source_rates_short",
                      "assumption_key": "flows_a.pension.estimate_simplified"}],
        "deadlines": [{"label_key": "flows_a.pension.deadline_start", "params": {}, "date": dates["start"].isoformat(),
                       "source_key": "flows_a.pension.source_borger"}],
    }
    receipt = [{"kind": "success", "key": "flows_a.pension.receipt_done", "params": params},
               {"kind": "info", "key": "flows_a.pension.receipt_payment", "params": params},
               {"kind": "assumption", "key": "flows_a.pension.estimate_simplified"},
               {"kind": "source", "key": "flows_a.pension.source_payment"}]
    return Outcome(summary=[], letters=[{"template": "pension_application", "params": params}],
                   changes=changes, receipt=receipt)


FLOW = register(Flow(
    id="pension", title_key="flows_a.pension.title", topic="pension-og-efterloen", article_key="flows_a.pension.article",
    authority="udbetaling_danmark", steps=STEPS, eligible=eligible, validate=validate, outcome=outcome,
    alternative_filters={"min_age": 66, "max_age": 67}, journey_event=None, keywords_key="flows_a.pension.keywords",
    sources=(("flows_a.pension.src_borger",
              "https://www.borger.dk/oekonomi-skat-su/Pension-og-efterloen/foer-du-gaar-paa-folkepension"),
             ("flows_a.pension.src_senior", "https://seniorhaandbogen.dk/pension/folkepension/"),
             ("flows_a.pension.src_rates", "https://www.aeldresagen.dk/viden-og-raadgivning/vaerd-at-vide/f/"
              "folkepension-og-foertidspension/folkepension/beregning-af-folkepension")),
))
