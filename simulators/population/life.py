"""A persona's life history: the past events public authorities wrote to them about, as a deterministic list.

``life_events(person, population, today)`` -> [{"date": date, "kind": str, "params": {str: str|int}}], sorted by
date. Kinds and their params (simulators.post.life_letters turns them into Digital Post letters):

- digital_post_welcome {} — at 15, never before 1 Nov 2014 (Digital Post mandatory, DOMAIN.md §4.1); not for
  exempt persons.
- mitid_switch {} — October 2021 (DOMAIN.md §4.4), for persons 13+ then (MitID's age limit).
- tax_statement {income_year, income} — årsopgørelse for the last 5 income years while adult (18+ at the end
  of the year) with income, on the sourced opening days (TAX_AND_BENEFITS.md §1.5: published 2023-2026); a year
  the reference has no day for (published 2022) opens on the second Monday of March (assumption); past incomes are
  today's income deflated by PAST_INCOME_GROWTH a year (assumption).
- moved {from_address, to_address, municipality} — 0-2 moves of the household in the last 10 years
  (assumption: MOVES_CDF); the latest leads to the current address; only when the person was 15+ (younger
  children's moves are reported by their parents). health_card {} — 14 days after each move (DOMAIN.md §3.3).
- child_born {child_name, child_birth_date} — the persona's children at home born in the last 10 years.
- child_benefit {child_name, quarter, amount} — the last 4 quarterly payments (20 Jan/Apr/Jul/Oct) for each child
  under 18 (rates, pay days and the split: simulators.population.child_benefit); for 15-17-year-olds (paid
  monthly) the quarter's three months; halved when both parents live with the child.
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

from simulators.core import figures
from simulators.core.dates import add_months, add_years, age_on, birthday
from simulators.population import child_benefit, demographics
from simulators.population.citizens import DIGITAL_POST_AGE, MITID_MIN_AGE, TODAY
from simulators.population.pension_age import has_reached_pension_age, pension_start
from simulators.population.persona import parents_of, persona_record

DIGITAL_POST_START = dt.date(2014, 11, 1)  # mandatory for everyone over 15 from this date (DOMAIN.md §4.1)
MITID_SWITCH_MONTH = (2021, 10)
# the sourced opening days of the årsopgørelse by the year it is published (data/figures.toml, 2023-2026; the
# reference starts with the statement for 2022, published 2023 — earlier years follow the rule below, an assumption)
TAX_STATEMENT_DAYS = {int(period): dt.date.fromisoformat(f.value)
                      for period, f in figures.series("dk_aarsopgoerelse_opens", "DK").items()}
PAST_INCOME_GROWTH = 0.03  # assumption: nominal income growth per year
MOVES_CDF = (0.45, 0.80, 1.0)  # P(0, <=1, <=2 moves in 10 years) — assumption
SAME_MUNICIPALITY_MOVE = 0.6  # assumption
HEALTH_CARD_DAYS = 14
HOSPITAL_CDF = (0.5, 0.85, 1.0)  # P(0, <=1, <=2 appointment letters in the last year) — assumption
DEPARTMENTS = ("Ortopædkirurgisk Ambulatorium", "Øjenambulatoriet", "Hudklinikken", "Kardiologisk Ambulatorium",
               "Øre-næse-halskirurgisk Ambulatorium", "Medicinsk Ambulatorium", "Røntgen og Skanning",
               "Fysio- og Ergoterapi")  # assumption: typical outpatient departments
DEPARTMENTS_WOMEN = ("Gynækologisk Ambulatorium",)


def digital_post_since(person: dict) -> dt.date:
    """When the person's Digital Post began: at 15, or on 1 November 2014 for those older."""
    return max(birthday(person["birth_date"], DIGITAL_POST_AGE), DIGITAL_POST_START)


def tax_statement_day(published_year: int) -> dt.date:
    """The sourced opening day; other years: the second Monday of March (assumption)."""
    if published_year in TAX_STATEMENT_DAYS:
        return TAX_STATEMENT_DAYS[published_year]
    first = dt.date(published_year, 3, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7)


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


def _draw_count(rng: random.Random, cdf: tuple[float, ...]) -> int:
    """0, 1, 2, … drawn from a cumulative distribution (P(count <= i) = cdf[i])."""
    draw = rng.random()
    return sum(draw >= p for p in cdf[:-1])


def _moves(person: dict, today: dt.date) -> list[dict]:
    rng = random.Random(f"moves:{person['household_id']}")
    count = _draw_count(rng, MOVES_CDF)
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
    payments = [dt.date(y, m, child_benefit.PAY_DAY) for y in (today.year - 1, today.year)
                for m in child_benefit.QUARTER_MONTHS]
    payments = [d for d in payments if d <= today][-4:]
    for child in (m for m in record["household"] if m["relation"] == "child"):
        born, name = child["birth_date"], child["full_name"]
        if born >= add_years(today, -10):
            events.append({"date": born, "kind": "child_born",
                           "params": {"child_name": name, "child_birth_date": born.isoformat()}})
        two_parents = all(parents_of(population, child["person_id"]))  # both live with the child
        for paid in payments:
            quarter_start = dt.date(paid.year, paid.month, 1)
            if born < quarter_start and age_on(born, paid) <= child_benefit.MAX_AGE:
                amount = child_benefit.per_quarter(age_on(born, paid), paid.year)
                events.append({"date": paid, "kind": "child_benefit",
                               "params": {"child_name": name, "quarter": f"{paid.year}-Q{(paid.month + 2) // 3}",
                                          "amount": child_benefit.share(amount, two_parents)}})
        if age_on(born, today) <= 6:
            start = add_months(born, 10).replace(day=1)  # the 1st of the month after the child is 9 months old
            offered = add_months(start, -2)
            if offered <= today:
                events.append({"date": max(offered, born), "kind": "daycare_offer",
                               "params": {"child_name": name, "start_date": start.isoformat()}})
    return events


def _hospital(person: dict, today: dt.date) -> list[dict]:
    rng = random.Random(f"hospital:{person['person_id']}")
    count = _draw_count(rng, HOSPITAL_CDF)
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
    if not record["digital_post_exempt"] and birthday(born, DIGITAL_POST_AGE) <= today:
        events.append({"date": digital_post_since(record), "kind": "digital_post_welcome", "params": {}})
    switch = dt.date(*MITID_SWITCH_MONTH, 1 + random.Random(f"mitid:{record['person_id']}").randrange(31))
    if switch <= today and age_on(born, switch) >= MITID_MIN_AGE:
        events.append({"date": switch, "kind": "mitid_switch", "params": {}})
    for income_year in range(today.year - 5, today.year):
        published = tax_statement_day(income_year + 1)
        if published <= today and record["income"] > 0 and age_on(born, dt.date(income_year, 12, 31)) >= 18:
            income = round(record["income"] / (1 + PAST_INCOME_GROWTH) ** (today.year - 1 - income_year), -2)
            events.append({"date": published, "kind": "tax_statement",
                           "params": {"income_year": income_year, "income": int(income)}})
    events += _moves(record, today) + _children(record, population, today) + _hospital(record, today)
    if has_reached_pension_age(born, today):
        start = pension_start(born)
        events.append({"date": add_months(start, -2), "kind": "pension_granted",
                       "params": {"start_date": start.isoformat()}})
    events = [e for e in events if born <= e["date"] <= today]
    return sorted(events, key=lambda e: (e["date"], e["kind"], sorted(e["params"].items())))
