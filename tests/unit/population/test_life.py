"""Life histories: deterministic, sorted, the specified kinds and params, nothing before birth or age limits."""
import datetime as dt
import re

import pytest

from simulators.core.dates import age_on
from simulators.population import child_benefit, life
from simulators.population.citizens import TODAY
from simulators.population.persona import filter_personas, parents_of, persona_record, pick_persona
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


def within_age_limits(record: dict, event: dict) -> bool:
    """The age (and date) rule of the event's kind; kinds without one pass."""
    born, day, params = record["birth_date"], event["date"], event["params"]
    age = age_on(born, day)
    rules = {
        "tax_statement": lambda: (age_on(born, dt.date(params["income_year"], 12, 31)) >= 18 and params["income"] > 0
                                  and day == life.tax_statement_day(params["income_year"] + 1)),
        "digital_post_welcome": lambda: (age >= 15 and day >= dt.date(2014, 11, 1)
                                         and not record["digital_post_exempt"]),
        "mitid_switch": lambda: age >= 13 and (day.year, day.month) == (2021, 10),
        "moved": lambda: age >= 15,
        "hospital_appointment": lambda: age >= 15,
        "pension_granted": lambda: age >= 60,
    }
    return rules.get(event["kind"], lambda: True)()


def test_age_limits(sample):
    checked = set()
    for record, events in sample:
        for event in events:
            assert within_age_limits(record, event), (record["person_id"], event)
            checked.add(event["kind"])
    assert {"tax_statement", "digital_post_welcome", "mitid_switch", "moved", "hospital_appointment",
            "pension_granted"} <= checked  # every rule above met at least one event


def test_tax_statements_are_the_last_five_years_for_adults(sample):
    for record, events in sample:
        years = [e["params"]["income_year"] for e in events if e["kind"] == "tax_statement"]
        expected = [y for y in range(2021, 2026) if age_on(record["birth_date"], dt.date(y, 12, 31)) >= 18]
        assert years == (expected if record["income"] > 0 else [])
    dates = {e["date"] for _, events in sample for e in events if e["kind"] == "tax_statement"}
    assert dates == {dt.date(2022, 3, 14), dt.date(2023, 3, 13), dt.date(2024, 3, 11), dt.date(2025, 3, 24),
                     dt.date(2026, 3, 23)}


def test_moves_end_at_the_current_address(sample):
    movers = [(record, events, [e for e in events if e["kind"] == "moved"]) for record, events in sample]
    movers = [(record, events, moves) for record, events, moves in movers if moves]
    assert any(len(moves) == 2 for _, _, moves in movers)  # movers, some of them twice, are in the sample
    for record, events, moves in movers:
        assert len(moves) <= 2
        current = f"{record['address_line1']}, {record['address_line2']}"
        assert moves[-1]["params"]["to_address"] == current
        assert moves[-1]["params"]["municipality"] == record["municipality"]
        assert all(earlier["params"]["to_address"] == later["params"]["from_address"]
                   for earlier, later in zip(moves, moves[1:]))
        cards = [e["date"] for e in events if e["kind"] == "health_card"]
        due = [m["date"] + dt.timedelta(days=14) for m in moves]
        assert cards == [day for day in due if day <= TODAY]


CHILD_KINDS = ("child_born", "child_benefit", "daycare_offer")


def child_events(sample, kind: str) -> list[tuple[dict, dict]]:
    """(event, the child it names) for every event of ``kind`` in the sample; the child lives with the persona
    (a KeyError otherwise), and the sample has such events."""
    found = []
    for record, events in sample:
        children = {m["full_name"]: m for m in record["household"] if m["relation"] == "child"}
        found += [(event, children[event["params"]["child_name"]]) for event in events if event["kind"] == kind]
    assert found, f"no {kind} event in the sample"
    return found


def test_child_events_only_for_parents_of_children_at_home(sample):
    kinds = {e["kind"] for _, events in sample for e in events if e["kind"].startswith(("child_", "daycare"))}
    assert kinds <= set(CHILD_KINDS)  # every child event is one of the kinds checked below
    for event, child in child_events(sample, "child_born"):
        assert event["params"]["child_birth_date"] == child["birth_date"].isoformat() == str(event["date"])
    for event, child in child_events(sample, "child_benefit"):
        assert re.fullmatch(r"20\d\d-Q[1-4]", event["params"]["quarter"])
        assert age_on(child["birth_date"], event["date"]) < 18 and event["params"]["amount"] > 0
    for event, child in child_events(sample, "daycare_offer"):
        assert ISO_DATE.match(event["params"]["start_date"]) and child["age"] <= 6


def test_child_benefit_rates_and_split(people):
    parent = filter_personas(people, has_partner=True, has_children=True, min_age=25, max_age=45).iloc[0]
    record = persona_record(people, int(parent.person_id))
    benefits = [e for e in life.life_events(record, people) if e["kind"] == "child_benefit"]
    assert benefits
    for event in benefits:
        child = next(m for m in record["household"] if m["full_name"] == event["params"]["child_name"])
        full = child_benefit.per_quarter(age_on(child["birth_date"], event["date"]), event["date"].year)
        both = all(parents_of(people, child["person_id"]))
        assert event["params"]["amount"] == (full // 2 if both else full)  # split half and half since 2022
    single = filter_personas(people, has_partner=False, has_children=True, min_age=25, max_age=45).iloc[0]
    record = persona_record(people, int(single.person_id))
    amounts = [e["params"]["amount"] for e in life.life_events(record, people) if e["kind"] == "child_benefit"]
    full_rates = {rate for rates in child_benefit.RATES.values() for rate in rates[:3]}
    full_rates |= {3 * rates[3] for rates in child_benefit.RATES.values()}  # 15-17: three monthly payments
    assert amounts and set(amounts) <= full_rates  # a single parent gets the full amount
    assert child_benefit.per_quarter(1, 2026) == 5370 and child_benefit.per_quarter(16, 2025) == 3 * 1099


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


def test_the_welcome_letter_comes_on_the_day_digital_post_begins(people):
    """One rule with the mailbox (life_letters keeps letters since digital_post_since): at 15 by age_on, so
    1 March for someone born on 29 February (the history once dated it 28 February, before the mailbox's start)."""
    record = persona_record(people, pick_persona(people, seed=2, min_age=30, max_age=50))
    for born, expected in ((dt.date(2008, 2, 29), dt.date(2023, 3, 1)), (dt.date(1990, 6, 1), life.DIGITAL_POST_START)):
        person = {**record, "birth_date": born, "digital_post_exempt": False}
        welcome = [e["date"] for e in life.life_events(person, people) if e["kind"] == "digital_post_welcome"]
        assert welcome == [expected] == [life.digital_post_since(person)]
