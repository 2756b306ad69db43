"""Flow "pension" (Ansøg om folkepension) and the pension-age rules.

Sourced (DOMAIN.md §3.3, borger.dk "Før du går på folkepension"): the pension age by birth date (table below);
folkepension is not automatic, you apply yourself, at the earliest ½ year before; it is paid from the 1st of
the month after reaching pension age; conditions: Danish citizenship, residence in Denmark, at least 3 years'
residence between 15 and pension age. Udbetaling Danmark decides. Amounts: 2026 rates from Ældre Sagen
(secondary, TAX_AND_BENEFITS.md §3), shown as an estimate before tax without income reduction (simplified).
"""
from __future__ import annotations

import datetime as dt

from simulators.borger.framework import Field, Flow, Option, Outcome, Step, parse_int, register
from simulators.core import figures
from simulators.core.dates import add_months, last_day_of_month
# the one pension-age table and start date (DOMAIN.md §3.3, data/pension_age.csv)
from simulators.population.pension_age import AGE_TABLE, pension_age_date, pension_age_months, pension_start

# the figures live in data/figures.toml (their sources there)
APPLY_MONTHS_BEFORE = figures.value("dk_pension_apply_months_before")
MIN_RESIDENCE_YEARS = figures.value("dk_pension_min_residence_years")
RESIDENCE_FROM_AGE = figures.value("dk_pension_residence_from_age")
# DKK per month before tax (Ældre Sagen, edited 14.01.2026; secondary)
GRUNDBELOEB = figures.value("dk_folkepension_grundbeloeb_2026")
PENSIONSTILLAEG_SINGLE = figures.value("dk_folkepension_tillaeg_single_2026")
PENSIONSTILLAEG_COUPLE = figures.value("dk_folkepension_tillaeg_couple_2026")
RATES_YEAR = figures.get("dk_folkepension_grundbeloeb_2026").year


def pension_dates(birth_date: dt.date) -> dict:
    """The day pension age is reached, the first pension month (1st of the month after) and the earliest
    application date (½ year before reaching pension age)."""
    reached = pension_age_date(birth_date)
    return {"age_months": pension_age_months(birth_date), "reached": reached, "start": pension_start(birth_date),
            "apply_from": add_months(reached, -APPLY_MONTHS_BEFORE)}


def last_banking_day(year: int, month: int) -> dt.date:
    """Last weekday of a month (simplified: public holidays are ignored)."""
    day = last_day_of_month(year, month)
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
        params = age_params(persona)
        return False, NOT_YET_KEYS[bool(params["months"])], params
    if today >= dates["start"]:
        return False, "flow.pension.already", age_params(persona)
    return True, None, {}


def age_notes(persona, answers, today):
    params = age_params(persona)
    key = "flow.pension.age_half" if params["months"] else "flow.pension.age_whole"
    return [{"kind": "rows", "key": "flow.pension.your_dates", "rows": [
                {"label_key": "flow.pension.birth_date", "value": {"date": persona["birth_date"].isoformat()}},
                {"label_key": "flow.pension.pension_age", "value": {"key": key, "params": params}},
                {"label_key": "flow.pension.reached", "value": {"date": params["reached_date"]}},
                {"label_key": "flow.pension.apply_from", "value": {"date": params["apply_date"]}},
                {"label_key": "flow.pension.first_month", "value": {"date": params["start_date"]}}]},
            {"kind": "info", "key": "flow.pension.not_automatic"},
            {"kind": "source", "key": "flow.pension.source_borger"}]


def household_notes(persona, answers, today):
    estimate = monthly_estimate(persona)
    return [{"kind": "rows", "key": "flow.pension.estimate_title", "rows": [
                {"label_key": "flow.pension.grundbeloeb", "value": {"dkk": estimate["grundbeloeb_dkk"]}},
                {"label_key": "flow.pension.tillaeg_couple" if lives_with_partner(persona)
                 else "flow.pension.tillaeg_single", "value": {"dkk": estimate["tillaeg_dkk"]}},
                {"label_key": "flow.pension.total", "value": {"dkk": estimate["total_dkk"]}}]},
            {"kind": "assumption", "key": "flow.pension.estimate_simplified"},
            {"kind": "source", "key": "flow.pension.source_rates", "params": {"year": RATES_YEAR}}]


def yes_no(persona, answers, today):
    return [Option("yes", label_key="borger.value.yes"), Option("no", label_key="borger.value.no")]


def citizenship_options(persona, answers, today):
    return [Option("dk", label_key="flow.pension.citizen_dk"), Option("other", label_key="flow.pension.citizen_other")]


def max_residence_years(persona) -> int:
    return max(0, min(persona["age"], pension_age_months(persona["birth_date"]) // 12) - RESIDENCE_FROM_AGE)


AGE_KEYS = {False: "flow.pension.age_whole", True: "flow.pension.age_half"}
NOT_YET_KEYS = {False: "flow.pension.not_yet", True: "flow.pension.not_yet_half"}  # the age in whole or ½ years
AGE_YOURS_KEYS = {False: "flow.pension.age_whole_yours", True: "flow.pension.age_half_yours"}


def age_table_notes(persona, today) -> list[dict]:
    """The pension age by date of birth (data/pension_age.csv) as a table under the article, the persona's row
    marked, with the sources and the date of the newest rule."""
    born = persona.get("birth_date")
    rows = []
    for row in AGE_TABLE:
        if row.born_from is None:
            label = {"label_key": "flow.pension.born_until", "params": {"to_date": row.born_to.isoformat()}}
        elif row.born_to is None:
            label = {"label_key": "flow.pension.born_from", "params": {"from_date": row.born_from.isoformat()}}
        else:
            label = {"label_key": "flow.pension.born_between",
                     "params": {"from_date": row.born_from.isoformat(), "to_date": row.born_to.isoformat()}}
        mine = born is not None and (row.born_from is None or row.born_from <= born) and (
            row.born_to is None or born <= row.born_to)
        keys = AGE_YOURS_KEYS if mine else AGE_KEYS
        rows.append({**label, "value": {"key": keys[bool(row.months % 12)], "params": {"years": row.months // 12}}})
    newest = AGE_TABLE[-1]
    return [{"kind": "rows", "key": "flow.pension.age_table", "rows": rows},
            {"kind": "source", "key": "flow.pension.age_table_source", "params": {"adopted_date": newest.as_of}}]


STEPS = (
    Step("age", "flow.pension.step_age", intro_key="flow.pension.intro", notes=age_notes),
    Step("conditions", "flow.pension.step_conditions", intro_key="flow.pension.conditions_intro", fields=(
        Field("citizenship", "choice", "flow.pension.citizenship", options=citizenship_options,
              prefill=lambda persona, today: "dk", prefill_source_key="flow.pension.source_cpr_assumed"),
        Field("lives_in_dk", "choice", "flow.pension.lives_in_dk", options=yes_no,
              prefill=lambda persona, today: "yes", prefill_source_key="flow.pension.source_cpr"),
        Field("residence_years", "int", "flow.pension.residence_years", hint_key="flow.pension.residence_hint",
              prefill=lambda persona, today: max_residence_years(persona),
              prefill_source_key="flow.pension.source_cpr_assumed"),
    )),
    Step("household", "flow.pension.step_household", notes=household_notes, fields=(
        Field("confirm", "checkbox", "flow.pension.confirm"),
    )),
)


def validate(step_id, answers, persona, today):
    errors = {}
    if step_id == "conditions":
        if answers.get("citizenship") == "other":
            errors["citizenship"] = ("flow.pension.err.citizenship", {})
        if answers.get("lives_in_dk") == "no":
            errors["lives_in_dk"] = ("flow.pension.err.residence", {})
        years = parse_int(answers.get("residence_years"))
        if years is not None and years < MIN_RESIDENCE_YEARS:
            errors["residence_years"] = ("flow.pension.err.too_few_years", {"min": MIN_RESIDENCE_YEARS})
        elif years is not None and years > max_residence_years(persona):
            errors["residence_years"] = ("flow.pension.err.too_many_years", {"max": max_residence_years(persona)})
    return errors


def examples(persona, answers, today, rng, lang):
    """Example answers: the conditions as the registers know them (prefilled), the estimate confirmed."""
    return {"confirm": True}


def outcome(persona, answers, today):
    dates = pension_dates(persona["birth_date"])
    estimate = monthly_estimate(persona)
    first_payment = last_banking_day(dates["start"].year, dates["start"].month)
    params = {"start_date": dates["start"].isoformat(), "first_payment_date": first_payment.isoformat(),
              "amount_dkk": estimate["total_dkk"], "rates_year": str(RATES_YEAR)}
    changes = {
        "cases": [{"flow": "pension", "title_key": "flow.pension.case_title", "status_key": "borger.case.received",
                   "authority": "udbetaling_danmark", "params": {}, "date": today.isoformat()}],
        "payments": [{"label_key": "flow.pension.payment_label", "params": {}, "amount_dkk": estimate["total_dkk"],
                      "period_key": "borger.period.month", "next_date": first_payment.isoformat(),
                      "authority": "udbetaling_danmark", "direction": "in",
                      "source_key": "flow.pension.source_rates_short",
                      "assumption_key": "flow.pension.estimate_simplified"}],
        "deadlines": [{"label_key": "flow.pension.deadline_start", "params": {}, "date": dates["start"].isoformat(),
                       "source_key": "flow.pension.source_borger"}],
    }
    receipt = [{"kind": "success", "key": "flow.pension.receipt_done", "params": params},
               {"kind": "info", "key": "flow.pension.receipt_payment", "params": params},
               {"kind": "assumption", "key": "flow.pension.estimate_simplified"},
               {"kind": "source", "key": "flow.pension.source_payment"}]
    return Outcome(summary=[], letters=[{"template": "pension_application", "params": params}],
                   changes=changes, receipt=receipt)


FLOW = register(Flow(
    id="pension", title_key="flow.pension.title", topic="pension-og-efterloen", article_key="flow.pension.article",
    authority="udbetaling_danmark", steps=STEPS, eligible=eligible, validate=validate, outcome=outcome,
    alternative_filters={"min_age": 66, "max_age": 67}, journey_event=None, keywords_key="flow.pension.keywords",
    examples=examples, article_notes=age_table_notes,
    sources=(("flow.pension.src_borger",
              "https://www.borger.dk/oekonomi-skat-su/Pension-og-efterloen/foer-du-gaar-paa-folkepension"),
             ("flow.pension.src_aes",
              "https://www.aes.dk/om-arbejdsmarkedets-erhvervssikring/temaer/forhoejet-pensionsalder"),
             ("flow.pension.src_senior", "https://seniorhaandbogen.dk/pension/folkepension/"),
             ("flow.pension.src_rates", "https://www.aeldresagen.dk/viden-og-raadgivning/vaerd-at-vide/f/"
              "folkepension-og-foertidspension/folkepension/beregning-af-folkepension")),
))
