"""A persona's life history: the past events public authorities wrote to them about, as a deterministic list.

``life_events(person, population, today)`` -> [{"date": date, "kind": str, "params": {str: str|int}}], sorted by
date. Kinds and their params (simulators.post.life_letters turns them into Digital Post letters):

- digital_post_welcome {} — at 15, never before 1 Nov 2014 (Digital Post mandatory, DOMAIN.md §4.1); not for
  exempt persons.
- mitid_switch {} — October 2021 (DOMAIN.md §4.4), for persons 13+ then (MitID's age limit).
- tax_statement {income_year, income} — årsopgørelse for the last 5 income years while adult (18+ at the end
  of the year) with income, on the sourced opening days (TAX_AND_BENEFITS.md §1.5); past incomes are today's
  income deflated by PAST_INCOME_GROWTH a year (assumption).
- moved {from_address, to_address, municipality} — 0-2 moves of the household in the last 10 years
  (assumption: MOVES_CDF); the latest leads to the current address; only when the person was 15+ (younger
  children's moves are reported by their parents). health_card {} — 14 days after each move (DOMAIN.md §3.3).
- child_born {child_name, child_birth_date} — the persona's children at home born in the last 10 years.
- child_benefit {child_name, quarter, amount} — the last 4 quarterly payments (20 Jan/Apr/Jul/Oct) for each child
  under 18, rates of TAX_AND_BENEFITS.md §4; for 15-17-year-olds (paid monthly) the quarter's three months;
  halved when both parents live with the child (split 50/50 since 2022); the income-dependent reduction is
  ignored (assumption).
- daycare_offer {child_name, start_date} — children now 0-6: start on the 1st of the month after 9 months of age,
  offer 2 months before (DOMAIN.md §3.3: offers arrive at least 2 months ahead; the age is an assumption).
- hospital_appointment {department, appointment} — 0-2 in the last year for persons 15+ (assumption).
- pension_granted {start_date} — for persons past pension age (DOMAIN.md §3.3), 2 months before the start.
The German twin has none of these Danish services: its persons get an empty list.
"""
from __future__ import annotations

import datetime as dt
import random

import pandas as pd

from simulators.population import demographics
from simulators.population.citizens import TODAY
from simulators.population.pension_age import pension_age_date, pension_start
from simulators.population.persona import age_on, parents_of, persona_record

DIGITAL_POST_START = dt.date(2014, 11, 1)
MITID_SWITCH_MONTH = (2021, 10)
TAX_STATEMENT_DAYS = {2022: dt.date(2022, 3, 14), 2023: dt.date(2023, 3, 13), 2024: dt.date(2024, 3, 11),
                      2025: dt.date(2025, 3, 24), 2026: dt.date(2026, 3, 23)}
PAST_INCOME_GROWTH = 0.03  # assumption: nominal income growth per year
MOVES_CDF = (0.45, 0.80, 1.0)  # P(0, <=1, <=2 moves in 10 years) — assumption
SAME_MUNICIPALITY_MOVE = 0.6  # assumption
HEALTH_CARD_DAYS = 14
HOSPITAL_CDF = (0.5, 0.85, 1.0)  # P(0, <=1, <=2 appointment letters in the last year) — assumption
# DKK per quarter by age band 0-2 / 3-6 / 7-14, and per month for 15-17
CHILD_BENEFIT = {2024: (5124, 4056, 3192, 1064), 2025: (5292, 4191, 3297, 1099), 2026: (5370, 4248, 3342, 1114)}
DEPARTMENTS = ("Ortopædkirurgisk Ambulatorium", "Øjenambulatoriet", "Hudklinikken", "Kardiologisk Ambulatorium",
               "Øre-næse-halskirurgisk Ambulatorium", "Medicinsk Ambulatorium", "Røntgen og Skanning",
               "Fysio- og Ergoterapi")  # assumption: typical outpatient departments
DEPARTMENTS_WOMEN = ("Gynækologisk Ambulatorium",)


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _months_later(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + year, month + 1, 1)


def tax_statement_day(published_year: int) -> dt.date:
    """The sourced opening day; other years: the second Monday of March (assumption)."""
    if published_year in TAX_STATEMENT_DAYS:
        return TAX_STATEMENT_DAYS[published_year]
    first = dt.date(published_year, 3, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7)


def _benefit(child_age: int, year: int) -> int:
    rates = CHILD_BENEFIT[min(max(year, min(CHILD_BENEFIT)), max(CHILD_BENEFIT))]
    if child_age <= 2:
        return rates[0]
    if child_age <= 6:
        return rates[1]
    if child_age <= 14:
        return rates[2]
    return 3 * rates[3]


def _other_address(rng: random.Random, country: str, municipality: str | None) -> tuple[str, str]:
    """A plausible earlier address (street, number, postcode, town) and its municipality."""
    places = demographics.places(country)
    areas = list(places.area_name)
    if municipality in areas and rng.random() < SAME_MUNICIPALITY_MOVE:
        area = areas.index(municipality)
    else:
        area = rng.choices(range(len(areas)), weights=places.area_weight)[0]
    first, count = int(places.area_first_post[area]), int(places.area_post_count[area])
    post = first + rng.randrange(count)
    street = rng.choice(list(demographics.streets(country)))
    line = f"{street} {rng.randint(1, 80)}, {places.post_code[post]} {places.post_town[post]}"
    return line, str(places.area_name[area])


def _moves(person: dict, today: dt.date) -> list[dict]:
    rng = random.Random(f"moves:{person['household_id']}")
    draw = rng.random()
    count = sum(draw >= p for p in MOVES_CDF[:-1])
    dates = sorted(today - dt.timedelta(days=rng.randint(30, 3650)) for _ in range(count))
    address = f"{person['address_line1']}, {person['address_line2']}"
    municipality = person["municipality"]
    events = []
    for day in reversed(dates):  # walk back from the current address
        previous, previous_municipality = _other_address(rng, person.get("country") or "DK", municipality)
        if age_on(person["birth_date"], day) >= 15:
            events.append({"date": day, "kind": "moved",
                           "params": {"from_address": previous, "to_address": address, "municipality": municipality}})
            events.append({"date": day + dt.timedelta(days=HEALTH_CARD_DAYS), "kind": "health_card", "params": {}})
        address, municipality = previous, previous_municipality
    return events


def _children(record: dict, population: pd.DataFrame, today: dt.date) -> list[dict]:
    events = []
    payments = [dt.date(y, m, 20) for y in (today.year - 1, today.year) for m in (1, 4, 7, 10)]
    payments = [d for d in payments if d <= today][-4:]
    for child in (m for m in record["household"] if m["relation"] == "child"):
        born, name = child["birth_date"], child["full_name"]
        if born >= _years_later(today, -10):
            events.append({"date": born, "kind": "child_born",
                           "params": {"child_name": name, "child_birth_date": born.isoformat()}})
        two_parents = all(parents_of(population, child["person_id"]))  # both live with the child
        for paid in payments:
            quarter_start = dt.date(paid.year, paid.month, 1)
            if born < quarter_start and age_on(born, paid) < 18:
                amount = _benefit(age_on(born, paid), paid.year)
                events.append({"date": paid, "kind": "child_benefit",
                               "params": {"child_name": name, "quarter": f"{paid.year}-Q{(paid.month + 2) // 3}",
                                          "amount": amount // 2 if two_parents else amount}})
        if age_on(born, today) <= 6:
            start = _months_later(born, 10)  # the 1st of the month after the child is 9 months old
            offered = _months_later(start, -2)
            if offered <= today:
                events.append({"date": max(offered, born), "kind": "daycare_offer",
                               "params": {"child_name": name, "start_date": start.isoformat()}})
    return events


def _hospital(person: dict, today: dt.date) -> list[dict]:
    rng = random.Random(f"hospital:{person['person_id']}")
    draw = rng.random()
    count = sum(draw >= p for p in HOSPITAL_CDF[:-1])
    departments = DEPARTMENTS + (DEPARTMENTS_WOMEN if person["sex"] == "female" else ())
    events = []
    for _ in range(count):
        letter = today - dt.timedelta(days=rng.randint(0, 364))
        when = dt.datetime.combine(letter + dt.timedelta(days=rng.randint(14, 42)), dt.time(8)) + \
            dt.timedelta(minutes=15 * rng.randint(0, 30))
        if age_on(person["birth_date"], letter) >= 15:
            events.append({"date": letter, "kind": "hospital_appointment",
                           "params": {"department": rng.choice(departments),
                                      "appointment": when.strftime("%Y-%m-%d %H:%M")}})
    return events


def life_events(person: dict, population: pd.DataFrame, today: dt.date = TODAY) -> list[dict]:
    """The persona's past events up to ``today``, deterministic, sorted by date (then kind)."""
    record = person if "household" in person else persona_record(population, int(person["person_id"]))
    if record.get("country", "DK") != "DK":
        return []
    born = record["birth_date"]
    events: list[dict] = []
    at15 = _years_later(born, 15)
    if not record["digital_post_exempt"] and at15 <= today:
        events.append({"date": max(at15, DIGITAL_POST_START), "kind": "digital_post_welcome", "params": {}})
    switch = dt.date(*MITID_SWITCH_MONTH, 1 + random.Random(f"mitid:{record['person_id']}").randrange(31))
    if switch <= today and age_on(born, switch) >= 13:
        events.append({"date": switch, "kind": "mitid_switch", "params": {}})
    for income_year in range(today.year - 5, today.year):
        published = tax_statement_day(income_year + 1)
        if published <= today and record["income"] > 0 and age_on(born, dt.date(income_year, 12, 31)) >= 18:
            income = round(record["income"] / (1 + PAST_INCOME_GROWTH) ** (today.year - 1 - income_year), -2)
            events.append({"date": published, "kind": "tax_statement",
                           "params": {"income_year": income_year, "income": int(income)}})
    events += _moves(record, today) + _children(record, population, today) + _hospital(record, today)
    if pension_age_date(born) <= today:
        start = pension_start(born)
        events.append({"date": _months_later(start, -2), "kind": "pension_granted",
                       "params": {"start_date": start.isoformat()}})
    events = [e for e in events if born <= e["date"] <= today]
    return sorted(events, key=lambda e: (e["date"], e["kind"], sorted(e["params"].items())))
