"""Life histories: deterministic, sorted, the specified kinds and params, nothing before birth or age limits."""
import datetime as dt
import re

import pytest

from simulators.population import life
from simulators.population.citizens import TODAY
from simulators.population.persona import age_on, filter_personas, parents_of, persona_record, pick_persona
from tests.helpers.population import population

PARAMS = {
    "digital_post_welcome": set(), "mitid_switch": set(), "tax_statement": {"income_year", "income"},
    "moved": {"from_address", "to_address", "municipality"}, "health_card": set(),
    "child_born": {"child_name", "child_birth_date"}, "child_benefit": {"child_name", "quarter", "amount"},
    "daycare_offer": {"child_name", "start_date"}, "hospital_appointment": {"department", "appointment"},
    "pension_granted": {"start_date"},
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def people():
    return population()


@pytest.fixture(scope="module")
def sample(people):
    """300 people of every age, with their records and events."""
    ids = people.person_id.sample(300, random_state=3).tolist()
    ids += [pick_persona(people, seed=s, has_children=True) for s in range(40)]
    ids += [pick_persona(people, seed=s, pension_age=True, max_age=100) for s in range(20)]
    records = [persona_record(people, int(pid)) for pid in ids]
    return [(record, life.life_events(record, people)) for record in records]


def test_events_are_deterministic(people, sample):
    for record, events in sample[:50]:
        assert life.life_events(record, people) == events
        assert life.life_events({"person_id": record["person_id"]}, people) == events


def test_kinds_and_params_as_specified(sample):
    seen = set()
    for record, events in sample:
        for event in events:
            assert set(event) == {"date", "kind", "params"}
            assert type(event["date"]) is dt.date
            assert set(event["params"]) == PARAMS[event["kind"]], event
            assert all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in event["params"].values())
            seen.add(event["kind"])
    assert seen == set(PARAMS), f"kinds never produced: {set(PARAMS) - seen}"


def test_sorted_and_between_birth_and_today(sample):
    for record, events in sample:
        dates = [e["date"] for e in events]
        assert dates == sorted(dates)
        assert all(record["birth_date"] <= d <= TODAY for d in dates)


def test_age_limits(sample):
    for record, events in sample:
        born = record["birth_date"]
        for event in events:
            age = age_on(born, event["date"])
            kind = event["kind"]
            if kind == "tax_statement":
                assert age_on(born, dt.date(event["params"]["income_year"], 12, 31)) >= 18
                assert event["params"]["income"] > 0
                assert event["date"] == life.tax_statement_day(event["params"]["income_year"] + 1)
            elif kind == "digital_post_welcome":
                assert age >= 15 and event["date"] >= dt.date(2014, 11, 1) and not record["digital_post_exempt"]
            elif kind == "mitid_switch":
                assert age >= 13 and (event["date"].year, event["date"].month) == (2021, 10)
            elif kind in ("moved", "hospital_appointment"):
                assert age >= 15
            elif kind == "pension_granted":
                assert age >= 60


def test_tax_statements_are_the_last_five_years_for_adults(sample):
    for record, events in sample:
        years = [e["params"]["income_year"] for e in events if e["kind"] == "tax_statement"]
        expected = [y for y in range(2021, 2026) if age_on(record["birth_date"], dt.date(y, 12, 31)) >= 18]
        assert years == (expected if record["income"] > 0 else [])
    dates = {e["date"] for _, events in sample for e in events if e["kind"] == "tax_statement"}
    assert dates == {dt.date(2022, 3, 14), dt.date(2023, 3, 13), dt.date(2024, 3, 11), dt.date(2025, 3, 24),
                     dt.date(2026, 3, 23)}


def test_moves_end_at_the_current_address(sample):
    for record, events in sample:
        moves = [e for e in events if e["kind"] == "moved"]
        assert len(moves) <= 2
        if moves:
            current = f"{record['address_line1']}, {record['address_line2']}"
            assert moves[-1]["params"]["to_address"] == current
            assert moves[-1]["params"]["municipality"] == record["municipality"]
            if len(moves) == 2:
                assert moves[0]["params"]["to_address"] == moves[1]["params"]["from_address"]
            cards = [e["date"] for e in events if e["kind"] == "health_card"]
            due = [m["date"] + dt.timedelta(days=14) for m in moves]
            assert cards == [day for day in due if day <= TODAY]


def test_child_events_only_for_parents_of_children_at_home(sample):
    for record, events in sample:
        children = {m["full_name"]: m for m in record["household"] if m["relation"] == "child"}
        for event in events:
            if event["kind"].startswith(("child_", "daycare")):
                child = children[event["params"]["child_name"]]
                if event["kind"] == "child_born":
                    assert event["params"]["child_birth_date"] == child["birth_date"].isoformat() == str(event["date"])
                if event["kind"] == "child_benefit":
                    assert re.fullmatch(r"20\d\d-Q[1-4]", event["params"]["quarter"])
                    assert age_on(child["birth_date"], event["date"]) < 18 and event["params"]["amount"] > 0
                if event["kind"] == "daycare_offer":
                    assert ISO_DATE.match(event["params"]["start_date"]) and child["age"] <= 6


def test_child_benefit_rates_and_split(people):
    parent = filter_personas(people, has_partner=True, has_children=True, min_age=25, max_age=45).iloc[0]
    record = persona_record(people, int(parent.person_id))
    benefits = [e for e in life.life_events(record, people) if e["kind"] == "child_benefit"]
    assert benefits
    for event in benefits:
        child = next(m for m in record["household"] if m["full_name"] == event["params"]["child_name"])
        full = life._benefit(age_on(child["birth_date"], event["date"]), event["date"].year)
        both = all(parents_of(people, child["person_id"]))
        assert event["params"]["amount"] == (full // 2 if both else full)  # split half and half since 2022
    single = filter_personas(people, has_partner=False, has_children=True, min_age=25, max_age=45).iloc[0]
    record = persona_record(people, int(single.person_id))
    amounts = [e["params"]["amount"] for e in life.life_events(record, people) if e["kind"] == "child_benefit"]
    full_rates = {rate for rates in life.CHILD_BENEFIT.values() for rate in rates[:3]}
    full_rates |= {3 * rates[3] for rates in life.CHILD_BENEFIT.values()}  # 15-17: three monthly payments
    assert amounts and set(amounts) <= full_rates  # a single parent gets the full amount
    assert life._benefit(1, 2026) == 5370 and life._benefit(16, 2025) == 3 * 1099


def test_pension_is_granted_only_past_pension_age(sample):
    for record, events in sample:
        granted = [e for e in events if e["kind"] == "pension_granted"]
        from simulators.population.pension_age import has_reached_pension_age, pension_start

        assert len(granted) == int(has_reached_pension_age(record["birth_date"], TODAY))
        for event in granted:
            assert event["params"]["start_date"] == pension_start(record["birth_date"]).isoformat()


def test_hospital_appointments_in_the_last_year(sample):
    for _, events in sample:
        visits = [e for e in events if e["kind"] == "hospital_appointment"]
        assert len(visits) <= 2
        for event in visits:
            assert event["date"] > TODAY - dt.timedelta(days=366)
            appointment = dt.datetime.strptime(event["params"]["appointment"], "%Y-%m-%d %H:%M")
            assert appointment.date() > event["date"]


def test_german_twin_has_no_danish_letters():
    de = population(20_000, 5, "DE")
    record = persona_record(de, pick_persona(de, seed=1))
    assert life.life_events(record, de) == []
