"""Regular payments and deadlines Mit Overblik shows before any self-service: child benefit, folkepension,
salary and withheld tax — each with its source or labelled as an assumption / simplified.

Child benefit (TAX_AND_BENEFITS.md §4): paid automatically; per quarter for children under 15 (20 Jan/Apr/Jul/Oct),
per month for 15–17 (the 20th) (babyliv.dk, secondary); split half/half between parents with joint custody
living together (borger.dk, official). Rates 2024–2026: beierholm.dk / babyboble.dk / babyliv.dk (secondary).
Simplified: joint custody is assumed when the persona lives with a partner; the income reduction is ignored.
Folkepension: shown for a persona past the first pension month, assuming the application was made (assumption);
amounts 2026 per month before tax (Ældre Sagen, secondary), paid on the last banking day (seniorhaandbogen.dk).
Salary: the synthetic yearly income / 12 on the last banking day (assumption); withheld tax = taxcalc 2025 / 12.
"""
from __future__ import annotations

import datetime as dt

from simulators.borger import taxcalc
from simulators.borger.flows import pension

# year -> (0–2, 3–6, 7–14 per quarter, 15–17 per month), DKK
CHILD_BENEFIT = {2024: (5_124, 4_056, 3_192, 1_064), 2025: (5_292, 4_191, 3_297, 1_099),
                 2026: (5_370, 4_248, 3_342, 1_114)}
QUARTER_MONTHS = (1, 4, 7, 10)
PAY_DAY = 20


def rates_year(today: dt.date) -> int:
    return max(y for y in CHILD_BENEFIT if y <= today.year) if today.year >= min(CHILD_BENEFIT) else min(CHILD_BENEFIT)


def next_pay_day(today: dt.date, months: tuple[int, ...]) -> dt.date:
    for year in (today.year, today.year + 1):
        for month in months:
            day = dt.date(year, month, PAY_DAY)
            if day >= today:
                return day
    raise AssertionError("unreachable")


def child_benefit(persona: dict, today: dt.date) -> list[dict]:
    year = rates_year(today)
    rates = CHILD_BENEFIT[year]
    has_partner = any(m.get("relation") == "partner" for m in persona.get("household") or [])
    share = 0.5 if has_partner else 1.0
    result = []
    for child in persona.get("household") or []:
        age = child.get("age", 99)
        if child.get("relation") != "child" or age >= 18:
            continue
        band = 0 if age <= 2 else 1 if age <= 6 else 2 if age <= 14 else 3
        monthly = band == 3
        result.append({
            "label_key": "borger.pay.child_benefit", "params": {"name": child.get("first_name", ""), "year": str(year)},
            "amount_dkk": round(rates[band] * share), "direction": "in", "authority": "udbetaling_danmark",
            "period_key": "borger.period.month" if monthly else "borger.period.quarter",
            "next_date": next_pay_day(today, tuple(range(1, 13)) if monthly else QUARTER_MONTHS).isoformat(),
            "source_key": "borger.pay.child_benefit_source",
            "assumption_key": "borger.pay.child_benefit_half" if has_partner else None})
    return result


def last_banking_day_from(today: dt.date) -> dt.date:
    day = pension.last_banking_day(today.year, today.month)
    if day < today:
        nxt = pension.add_months(today.replace(day=1), 1)
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
        tax = taxcalc.calculate(income, persona.get("municipality", ""), is_earned)["total_tax"]
        if is_earned:
            payments.append({"label_key": "borger.pay.salary", "params": {}, "amount_dkk": round(income / 12),
                             "direction": "in", "authority": None, "period_key": "borger.period.month",
                             "next_date": pay_day, "source_key": None, "assumption_key": "borger.pay.salary_assumption"})
        payments.append({"label_key": "borger.pay.withheld_tax", "params": {"year": str(taxcalc.INCOME_YEAR)},
                         "amount_dkk": round(tax / 12), "direction": "out", "authority": "skattestyrelsen",
                         "period_key": "borger.period.month", "next_date": pay_day,
                         "source_key": "borger.pay.withheld_tax_source", "assumption_key": "borger.pay.withheld_tax_simplified"})
    return payments


def regular_deadlines(persona: dict, today: dt.date) -> list[dict]:
    """Deadlines the registers imply: the first day one may apply for folkepension, when it is near."""
    dates = pension.pension_dates(persona["birth_date"])
    if today < dates["apply_from"] <= today + dt.timedelta(days=366):
        return [{"label_key": "borger.deadline.pension_apply", "params": {}, "date": dates["apply_from"].isoformat(),
                 "source_key": "flows_a.pension.source_borger"}]
    return []
