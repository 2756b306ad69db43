"""Persona picking, filters and the persona record."""
import datetime as dt

import numpy as np
import pytest

from simulators.population import cpr
from simulators.population.citizens import TODAY
from simulators.population.pension_age import has_reached_pension_age
from simulators.population.persona import (MEMBER_KEYS, RECORD_KEYS, filter_personas, persona_record,
                                person_id_for_mitid_user_id, pick_persona)
from tests.helpers.population import population

PLAIN = (int, str, bool, dt.date, type(None), list)


@pytest.fixture(scope="module")
def people():
    return population()


def test_default_persona_is_an_adult_with_a_household_who_uses_digital_post(people):
    for seed in range(30):
        record = persona_record(people, pick_persona(people, seed=seed))
        assert 25 <= record["age"] <= 70 and record["household"] and not record["digital_post_exempt"]


def test_same_seed_same_persona_and_seeds_vary(people):
    assert pick_persona(people, seed=4) == pick_persona(people, seed=4)
    assert len({pick_persona(people, seed=s) for s in range(20)}) > 15


@pytest.mark.parametrize("filters, check", [
    ({"min_age": 80, "max_age": 110}, lambda r: r["age"] >= 80),
    ({"max_age": 30, "min_age": 18}, lambda r: 18 <= r["age"] <= 30),
    ({"sex": "female"}, lambda r: r["sex"] == "female"),
    ({"municipality": "Aarhus"}, lambda r: r["municipality"] == "Aarhus"),
    ({"municipality": "0101"}, lambda r: r["municipality_code"] == "0101"),
    ({"has_partner": True}, lambda r: r["partner_id"] is not None),
    ({"has_partner": False}, lambda r: r["partner_id"] is None),
    ({"has_children": True}, lambda r: any(m["relation"] == "child" for m in r["household"])),
    ({"has_children": False}, lambda r: not any(m["relation"] == "child" for m in r["household"])),
    ({"pension_age": True, "max_age": 100}, lambda r: has_reached_pension_age(r["birth_date"], TODAY)),
    ({"pension_age": False}, lambda r: not has_reached_pension_age(r["birth_date"], TODAY)),
    ({"digital_post_exempt": True}, lambda r: r["digital_post_exempt"]),
])
def test_filters_are_honoured(people, filters, check):
    for seed in range(15):
        assert check(persona_record(people, pick_persona(people, seed=seed, **filters))), filters
    rows = filter_personas(people, **filters)
    assert 0 < len(rows) < len(people)
    assert all(check(persona_record(people, int(pid))) for pid in rows.person_id.sample(40, random_state=1))


def test_impossible_filters_raise(people):
    with pytest.raises(LookupError):
        pick_persona(people, seed=1, min_age=60, max_age=20)


def test_record_has_exactly_the_keys_and_plain_values(people):
    for seed in range(40):
        record = persona_record(people, pick_persona(people, seed=seed, min_age=0, max_age=110))
        assert tuple(record) == RECORD_KEYS
        assert all(isinstance(value, PLAIN) for value in record.values()), record
        assert type(record["birth_date"]) is dt.date and cpr.parse(record["cpr"]).birth_date == record["birth_date"]
        assert record["full_name"] == f"{record['first_name']} {record['last_name']}"
        assert record["address_line2"] == f"{record['postcode']} {record['town']}"
        assert record["address_line1"].startswith(f"{record['street']} {record['house_number']}")
        assert record["sex"] in ("male", "female") and record["country"] == "DK"
        for member in record["household"]:
            assert tuple(member) == MEMBER_KEYS
            assert member["relation"] in ("partner", "child", "parent", "other")
            assert all(isinstance(value, PLAIN) for value in member.values())


def test_address_line_with_floor_and_door(people):
    flat = people[people.floor.notna()].iloc[0]
    record = persona_record(people, int(flat.person_id))
    floor = "st." if flat.floor == "st" else f"{flat.floor}."
    assert record["address_line1"] == f"{flat.street} {flat.house_number}, {floor} {flat.door}"


def test_household_relations_are_consistent(people):
    couple = people[people.partner_id.notna() & (people.age < 60)].iloc[0]
    record = persona_record(people, int(couple.person_id))
    relations = {m["person_id"]: m["relation"] for m in record["household"]}
    assert relations[int(couple.partner_id)] == "partner"
    child = people[people.parent1_id.notna()].iloc[0]
    child_record = persona_record(people, int(child.person_id))
    assert {m["person_id"]: m["relation"] for m in child_record["household"]}[int(child.parent1_id)] == "parent"
    parent_record = persona_record(people, int(child.parent1_id))
    assert {m["person_id"]: m["relation"] for m in parent_record["household"]}[int(child.person_id)] == "child"
    sizes = people.groupby("household_id").size()
    assert len(record["household"]) == sizes[couple.household_id] - 1


def test_mitid_user_id_finds_its_person(people):
    record = persona_record(people, pick_persona(people, seed=9))
    assert person_id_for_mitid_user_id(people, record["mitid_user_id"]) == record["person_id"]
    assert person_id_for_mitid_user_id(people, f"  {record['mitid_user_id'].upper()} ") == record["person_id"]
    assert person_id_for_mitid_user_id(people, "nobody00000") is None
    assert person_id_for_mitid_user_id(people, "") is None


def test_unknown_person_raises(people):
    with pytest.raises(KeyError):
        persona_record(people, len(people) + 1)


def test_works_on_a_filtered_copy_with_other_ids(people):
    subset = people.iloc[1000:1100].copy()
    pid = int(subset.person_id.iloc[5])
    assert persona_record(subset, pid)["person_id"] == pid
    assert pick_persona(subset, seed=1, min_age=0, max_age=120, digital_post_exempt=None) in set(subset.person_id)
    assert np.isin(filter_personas(subset, min_age=30).person_id, subset.person_id).all()
