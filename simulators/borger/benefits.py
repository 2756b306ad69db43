"""Regular payments and deadlines Mit Overblik shows before any self-service: child benefit, folkepension,
salary and withheld tax — each with its source or labelled as an assumption / simplified.

Child benefit: rates, pay days and the split between parents from simulators.population.child_benefit
(TAX_AND_BENEFITS.md §4). Simplified: joint custody is assumed when the persona lives with a partner.
Folkepension: shown for a persona past the first pension month, assuming the application was made (assumption);
amounts 2026 per month before tax (Ældre Sagen, secondary), paid on the last banking day (seniorhaandbogen.dk).
Salary: the synthetic yearly income / 12 on the last banking day (assumption); withheld tax = the tax of the
current year with that year's rates (taxcalc, data/figures.toml: 2026 with the new mellemskat) / 12.
"""
from __future__ import annotations

import datetime as dt

from simulators.borger import taxcalc
from simulators.borger.flows import pension
from simulators.core.dates import first_of_next_month
from simulators.population import child_benefit as benefit  # the one rate table (TAX_AND_BENEFITS.md §4)


# the sources of each year's rates (the source line names the year itself)
WITHHELD_TAX_SOURCE_KEYS = {2025: "borger.pay.withheld_tax_source", 2026: "borger.pay.withheld_tax_source_2026"}


def next_pay_day(today: dt.date, months: tuple[int, ...]) -> dt.date:
    for year in (today.year, today.year + 1):
        for month in months:
            day = dt.date(year, month, benefit.PAY_DAY)
            if day >= today:
                return day
    raise AssertionError("unreachable")


def child_benefit(persona: dict, today: dt.date) -> list[dict]:
    year = benefit.rates_year(today.year)
    has_partner = pension.lives_with_partner(persona)
    result = []
    for child in persona.get("household") or []:
        age = child.get("age", 99)
        if child.get("relation") != "child" or age > benefit.MAX_AGE:
            continue
        monthly = benefit.paid_monthly(age)
        result.append({
            "label_key": "borger.pay.child_benefit", "params": {"name": child.get("first_name", ""), "year": str(year)},
            "amount_dkk": benefit.share(benefit.per_payment(age, year), has_partner), "direction": "in",
            "authority": "udbetaling_danmark", "period_key": "borger.period.month" if monthly else "borger.period.quarter",
            "next_date": next_pay_day(today, tuple(range(1, 13)) if monthly else benefit.QUARTER_MONTHS).isoformat(),
            "source_key": "borger.pay.child_benefit_source",
            "assumption_key": "borger.pay.child_benefit_half" if has_partner else None})
    return result


def last_banking_day_from(today: dt.date) -> dt.date:
    day = pension.last_banking_day(today.year, today.month)
    if day < today:
        nxt = first_of_next_month(today)
        day = pension.last_banking_day(nxt.year, nxt.month)
    return day


def regular_payments(persona: dict, today: dt.date) -> list[dict]:
    payments = child_benefit(persona, today)
    pay_day = last_banking_day_from(today).isoformat()
    if today >= pension.pension_dates(persona["birth_date"])["start"]:
        estimate = pension.monthly_estimate(persona)
        payments.append({"label_key": "borger.pay.folkepension", "params": {"year": str(pension.RATES_YEAR)},
                         "amount_dkk": estimate["total_dkk"], "direction": "in", "authority": "udbetaling_danmark",
                         "period_key": "borger.period.month", "next_date": pay_day,
                         "source_key": "borger.pay.folkepension_source", "assumption_key": "borger.pay.folkepension_assumed"})
    income = int(persona.get("income") or 0)
    if income > 0:
        from simulators.borger.flows.tax import earned

        is_earned = earned(persona)
        year = taxcalc.rates(today.year).year  # this year's rates (the nearest year that has them)
        tax = taxcalc.calculate(income, persona.get("municipality", ""), is_earned, year=year)["total_tax"]
        if is_earned:
            payments.append({"label_key": "borger.pay.salary", "params": {}, "amount_dkk": round(income / 12),
                             "direction": "in", "authority": None, "period_key": "borger.period.month",
                             "next_date": pay_day, "source_key": None, "assumption_key": "borger.pay.salary_assumption"})
        payments.append({"label_key": "borger.pay.withheld_tax", "params": {"year": str(year)},
                         "amount_dkk": round(tax / 12), "direction": "out", "authority": "skattestyrelsen",
                         "period_key": "borger.period.month", "next_date": pay_day,
                         "source_key": WITHHELD_TAX_SOURCE_KEYS[year],
                         "assumption_key": "borger.pay.withheld_tax_simplified"})
    return payments


def regular_deadlines(persona: dict, today: dt.date) -> list[dict]:
    """Deadlines the registers imply: the first day one may apply for folkepension, when it is near."""
    dates = pension.pension_dates(persona["birth_date"])
    if today < dates["apply_from"] <= today + dt.timedelta(days=366):
        return [{"label_key": "borger.deadline.pension_apply", "params": {}, "date": dates["apply_from"].isoformat(),
                 "source_key": "flow.pension.source_borger"}]
    return []
