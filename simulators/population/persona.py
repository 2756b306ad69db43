"""Personas: pick an interesting person of the synthetic population, filter them, and turn one into a plain record.

An index per population (built once, kept for the few populations a process holds) makes ``persona_record``
and the filters cheap: the record is a dict of plain Python values with exactly RECORD_KEYS, and a household
list of the people living with the persona, each with a relation (partner, child, parent, other).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from simulators.core.visits import Member, Persona
from simulators.population.citizens import TODAY
from simulators.population.pension_age import reached_array

RECORD_KEYS = tuple(Persona.__annotations__)  # the record's keys, in its order (the record's type: core.visits)
MEMBER_KEYS = tuple(Member.__annotations__)
DEFAULT_FILTERS = {"min_age": 25, "max_age": 70, "digital_post_exempt": False}  # plus: lives with someone
_TEXT = ("cpr", "first_name", "last_name", "sex", "street", "house_number", "floor", "door", "postcode", "town",
         "municipality", "municipality_code", "region", "civil_status", "occupation", "email", "phone",
         "mitid_user_id", "country")
_CACHE_SIZE = 4


@dataclass
class _Index:
    population: pd.DataFrame  # held so that id(population) stays unique while the index lives
    text: dict[str, np.ndarray]  # object arrays, None for missing
    person_id: np.ndarray
    household_id: np.ndarray
    age: np.ndarray
    income: np.ndarray
    exempt: np.ndarray
    birth: np.ndarray  # datetime64[D]
    partner: np.ndarray  # person ids, 0 = none
    parent1: np.ndarray
    parent2: np.ndarray
    household_rows: np.ndarray  # row numbers sorted by household
    household_start: np.ndarray  # per row: slice of household_rows with the row's household
    household_end: np.ndarray
    has_children: np.ndarray
    pension: np.ndarray
    row_of_id: dict[int, int] | None = None
    by_mitid: dict[str, int] | None = field(default=None)


_indexes: dict[int, _Index] = {}
_index_lock = threading.Lock()


def _ids(series: pd.Series) -> np.ndarray:
    return series.fillna(0).to_numpy(dtype=np.int64)


def warm_index(population: pd.DataFrame) -> None:
    """Build the population's index now (the app does it when it makes the population)."""
    _index(population)


def _index(population: pd.DataFrame) -> _Index:
    found = _indexes.get(id(population))
    if found is not None and found.population is population:
        return found
    with _index_lock:  # one build per population, however many sessions ask at once
        found = _indexes.get(id(population))
        if found is not None and found.population is population:
            return found
        return _build_index(population)


def _build_index(population: pd.DataFrame) -> _Index:
    text = {}
    for column in _TEXT:
        values = population[column].astype(object).to_numpy()
        text[column] = np.where(pd.isna(values), None, values)
    household = population["household_id"].to_numpy(dtype=np.int64)
    rows = np.argsort(household, kind="stable")
    sorted_household = household[rows]
    start = np.searchsorted(sorted_household, household, side="left")
    end = np.searchsorted(sorted_household, household, side="right")
    person_id = population["person_id"].to_numpy(dtype=np.int64)
    parent1, parent2 = _ids(population["parent1_id"]), _ids(population["parent2_id"])
    birth = population["birth_date"].to_numpy().astype("datetime64[D]")
    index = _Index(population, text, person_id, household, population["age"].to_numpy(dtype=np.int64),
                   population["income"].to_numpy(dtype=np.int64), population["digital_post_exempt"].to_numpy(bool),
                   birth, _ids(population["partner_id"]), parent1, parent2, rows, start, end,
                   np.isin(person_id, np.concatenate([parent1[parent1 > 0], parent2[parent2 > 0]])),
                   reached_array(birth, TODAY))
    if not np.array_equal(person_id, np.arange(1, len(person_id) + 1)):
        index.row_of_id = {int(pid): row for row, pid in enumerate(person_id)}
    while len(_indexes) >= _CACHE_SIZE:
        _indexes.pop(next(iter(_indexes)))
    _indexes[id(population)] = index
    return index


def _row(index: _Index, person_id: int) -> int:
    if index.row_of_id is not None:
        row = index.row_of_id.get(int(person_id))
    else:
        row = int(person_id) - 1 if 1 <= int(person_id) <= len(index.person_id) else None
    if row is None:
        raise KeyError(f"no person {person_id}")
    return row


def _mask(index: _Index, min_age=None, max_age=None, sex=None, municipality=None, has_partner=None,
          has_children=None, pension_age=None, digital_post_exempt=None) -> np.ndarray:
    mask = np.ones(len(index.person_id), dtype=bool)
    if min_age is not None:
        mask &= index.age >= int(min_age)
    if max_age is not None:
        mask &= index.age <= int(max_age)
    if sex is not None:
        mask &= index.text["sex"] == sex
    if municipality is not None:
        mask &= (index.text["municipality"] == municipality) | (index.text["municipality_code"] == municipality)
    if has_partner is not None:
        mask &= (index.partner > 0) == bool(has_partner)
    if has_children is not None:
        mask &= index.has_children == bool(has_children)
    if pension_age is not None:
        mask &= index.pension == bool(pension_age)
    if digital_post_exempt is not None:
        mask &= index.exempt == bool(digital_post_exempt)
    return mask


def filter_personas(population: pd.DataFrame, **filters) -> pd.DataFrame:
    """The rows matching every given filter: min_age, max_age, sex, municipality (name or code), has_partner,
    has_children (a child lives with them), pension_age (reached the Danish pension age), digital_post_exempt."""
    return population[_mask(_index(population), **filters)]


def pick_persona(population: pd.DataFrame, seed: int, **filters) -> int:
    """A person id for ``seed``: by default an adult of 25-70 who lives with someone and uses Digital Post;
    any filter given replaces its default. Raises LookupError when nobody matches."""
    index = _index(population)
    wanted = {**DEFAULT_FILTERS, **filters}
    mask = _mask(index, **wanted)
    if not {"has_partner", "has_children"} & set(filters):
        mask &= (index.household_end - index.household_start) >= 2
    candidates = np.flatnonzero(mask)
    if len(candidates) == 0:
        raise LookupError("no persona matches the filters")
    return int(index.person_id[candidates[np.random.default_rng(seed).integers(len(candidates))]])


def _address_line1(street, house_number, floor, door) -> str:
    line = f"{street} {house_number}"
    if floor:
        line += f", {'st' if floor == 'st' else floor}." + (f" {door}" if door else "")
    return line


def _relation(index: _Index, row: int, other: int) -> str:
    me, them = index.person_id[row], index.person_id[other]
    if index.partner[row] == them:
        return "partner"
    if me in (index.parent1[other], index.parent2[other]):
        return "child"
    if them in (index.parent1[row], index.parent2[row]):
        return "parent"
    return "other"


def _member(index: _Index, row: int, relation: str) -> Member:
    text = index.text
    return {"person_id": int(index.person_id[row]), "first_name": text["first_name"][row],
            "last_name": text["last_name"][row],
            "full_name": f"{text['first_name'][row]} {text['last_name'][row]}", "age": int(index.age[row]),
            "sex": text["sex"][row], "birth_date": index.birth[row].item(), "cpr": text["cpr"][row],
            "relation": relation}


_RELATION_ORDER = {"partner": 0, "child": 1, "parent": 2, "other": 3}


def persona_record(population: pd.DataFrame, person_id: int) -> Persona:
    """The person as a plain dict with exactly RECORD_KEYS (see BRIEF "Persona record")."""
    index = _index(population)
    row = _row(index, person_id)
    text = {column: values[row] for column, values in index.text.items()}
    members = [int(r) for r in index.household_rows[index.household_start[row]:index.household_end[row]] if r != row]
    household = [_member(index, other, _relation(index, row, other)) for other in members]
    household.sort(key=lambda m: (_RELATION_ORDER[m["relation"]], -m["age"], m["person_id"]))
    partner = int(index.partner[row])
    return {
        "person_id": int(index.person_id[row]), "cpr": text["cpr"], "first_name": text["first_name"],
        "last_name": text["last_name"], "full_name": f"{text['first_name']} {text['last_name']}",
        "sex": text["sex"], "birth_date": index.birth[row].item(), "age": int(index.age[row]),
        "street": text["street"], "house_number": text["house_number"], "floor": text["floor"],
        "door": text["door"], "postcode": text["postcode"], "town": text["town"],
        "municipality": text["municipality"], "municipality_code": text["municipality_code"],
        "region": text["region"],
        "address_line1": _address_line1(text["street"], text["house_number"], text["floor"], text["door"]),
        "address_line2": f"{text['postcode']} {text['town']}", "household_id": int(index.household_id[row]),
        "partner_id": partner or None, "civil_status": text["civil_status"], "occupation": text["occupation"],
        "income": int(index.income[row]), "email": text["email"], "phone": text["phone"],
        "mitid_user_id": text["mitid_user_id"], "digital_post_exempt": bool(index.exempt[row]),
        "country": text["country"], "household": household,
    }


def parents_of(population: pd.DataFrame, person_id: int) -> tuple[int | None, int | None]:
    """The person's parents living with them (person ids), or None."""
    index = _index(population)
    row = _row(index, person_id)
    return int(index.parent1[row]) or None, int(index.parent2[row]) or None


def person_id_for_mitid_user_id(population: pd.DataFrame, user_id: str) -> int | None:
    """The person whose MitID user ID this is (case-insensitive, surrounding spaces ignored), or None."""
    index = _index(population)
    if index.by_mitid is None:
        ids = index.text["mitid_user_id"]
        present = np.flatnonzero(ids != None)  # noqa: E711 (object array comparison)
        index.by_mitid = {ids[row]: int(index.person_id[row]) for row in present}
    return index.by_mitid.get((user_id or "").strip().lower())
