"""The synthetic population: ``generate_population(n, seed, country)`` -> a pandas DataFrame, one row per person.

Built with vectorised numpy (no Python loop over people) and deterministic for a seed. Realism comes from the
sourced tables in data/demographics (see data/SOURCES.md, section "Population"):
- age x sex: exact quotas of Statistics Denmark's FOLK1A 2025Q4 (DE: Destatis 12411-0006);
- civil status by age and sex: exact quotas of FOLK1A's marital-status table;
- households, couples and children by the model in ``simulators.population.households``;
- municipality weighted by population (FOLK1AM 1 Jan 2024), allocated so that the persons (not only the
  households) follow the weights; a postcode and town that lie in that municipality (PostNord file);
- first names and surnames weighted by frequency; fictitious CPR numbers (day + 60), MitID user ID for 13+;
- Digital Post exemption for exactly 5.0 % of the citizens aged 15+ (digst.dk, April 2025).
Rows are ordered by household (head, partner, children); ``person_id`` is the row number + 1.

CLI: ``python -m simulators.population.citizens --country DK --n 1000000 --seed 7 --out people.parquet`` (or .csv).
"""
from __future__ import annotations

import argparse
import datetime as dt
from functools import lru_cache
from typing import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from simulators.core import figures
from simulators.population import citizen_ages
from simulators.population import demographics
from simulators.population import households
from simulators.population import occupations
from simulators.population import citizen_fields as fields

TODAY = dt.date(2026, 11, 28)  # the simulation's "today": ages and life events are relative to it
MITID_MIN_AGE = figures.value("mitid_min_age")  # mitid.dk: the age limit to get MitID; from it people have a MitID,
#                                                   e-mail and phone here (data/figures.toml)
DIGITAL_POST_AGE = figures.value("dk_post_age")  # Digital Post is mandatory from 15 (DOMAIN.md §4.1); only then exempt
FLOORS = np.array(["st", "1", "2", "3", "4", "5"], dtype=object)
FLOOR_CDF = np.cumsum([0.22, 0.22, 0.2, 0.16, 0.12, 0.08])  # assumption
DOORS = np.array(["tv", "th", "mf"], dtype=object)
DOOR_CDF = np.cumsum([0.45, 0.45, 0.10])  # assumption
MARRIED_SHARE_SURNAME = 0.5  # assumption: half of married women carry the husband's surname
STAGES = ("ages", "households", "addresses", "names", "identifiers", "frame")
COLUMNS = ("person_id", "cpr", "first_name", "last_name", "sex", "birth_date", "age", "street", "house_number",
           "floor", "door", "postcode", "town", "municipality", "municipality_code", "region", "household_id",
           "partner_id", "parent1_id", "parent2_id", "civil_status", "occupation", "income", "email", "phone",
           "mitid_user_id", "digital_post_exempt", "country")


@lru_cache(maxsize=None)
def _categories(country: str):
    """Unique category values of the name columns and the maps from vocabulary rows to categories."""
    female, male, surnames = demographics.names(country)
    first = pd.Index(np.concatenate([female.values, male.values])).unique()
    last = pd.Index(surnames.values).unique()
    folded_first = [demographics.ascii_fold(v) or "x" for v in first]
    folded_last = [demographics.ascii_fold(v) or "x" for v in last]
    return (first, first.get_indexer(female.values), first.get_indexer(male.values), last,
            last.get_indexer(surnames.values), fields.strings(folded_first), fields.strings(folded_last),
            fields.strings(v[:4] for v in folded_first), fields.strings(v[:4] for v in folded_last))


def _cat(codes: np.ndarray, categories) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories))


def _ids(index: np.ndarray) -> pd.arrays.IntegerArray:
    """Row indices (-1 = none) as nullable person ids."""
    return pd.arrays.IntegerArray(np.where(index >= 0, index + 1, 0).astype(np.int64), index < 0)


def _addresses(rng: np.random.Generator, household: np.ndarray, count: int, n: int, country: str) -> dict:
    """Per household: area weighted so that *persons* follow the population weights (households in random
    order fill the cumulative quotas), a postcode inside the area, street, house number, floor and door."""
    places = demographics.places(country)
    size = np.bincount(household, minlength=count)
    shuffled = rng.permutation(count)
    middle = np.cumsum(size[shuffled]) - size[shuffled] / 2
    area = np.empty(count, dtype=np.int64)
    area[shuffled] = np.minimum(np.searchsorted(np.cumsum(places.area_weight) * n, middle), len(places.area_code) - 1)
    post = np.searchsorted(places.post_cdf + places.post_area, area + rng.random(count), side="right")
    post = np.minimum(post, len(places.post_code) - 1)
    street_names = demographics.streets(country)
    flat = rng.random(count) < places.post_apartment_share[post]
    floor = np.where(flat, np.searchsorted(FLOOR_CDF, rng.random(count) * FLOOR_CDF[-1]), -1)
    door = np.where(flat, np.searchsorted(DOOR_CDF, rng.random(count) * DOOR_CDF[-1]), -1)
    house = fields.house_numbers(rng, count)
    post_codes, towns = pd.Index(places.post_code).unique(), pd.Index(places.post_town).unique()
    regions, names = pd.Index(places.area_region).unique(), pd.Index(places.area_name).unique()
    street = rng.integers(0, len(street_names), count)
    post, area = post[household], area[household]
    return {
        "street": _cat(street[household], street_names),
        "house_number": fields.to_str(pc.take(house, household)),
        "floor": _cat(floor[household], FLOORS),
        "door": _cat(door[household], DOORS),
        "postcode": _cat(post_codes.get_indexer(places.post_code)[post], post_codes),
        "town": _cat(towns.get_indexer(places.post_town)[post], towns),
        "municipality": _cat(names.get_indexer(places.area_name)[area], names),  # German names repeat
        "municipality_code": _cat(area, places.area_code),
        "region": _cat(regions.get_indexer(places.area_region)[area], regions),
    }


def _names(rng, country, male, marital, role, household, partner, parent1, parent2):
    """First-name and surname category codes. Siblings have different first names; children carry a parent's
    surname (the second parent's when there is one); half of married women carry the husband's (assumption)."""
    _, female_map, male_map, _, surname_map, *_ = _categories(country)
    female_vocab, male_vocab, surname_vocab = demographics.names(country)
    n = len(male)
    first = np.empty(n, dtype=np.int32)
    first[male] = male_map[male_vocab.draw(rng, int(male.sum()))]
    first[~male] = female_map[female_vocab.draw(rng, int((~male).sum()))]
    child = role == households.CHILD
    for _ in range(5):  # siblings get different first names: redraw the few repeats
        kids = np.flatnonzero(child)
        again = kids[pd.Series(household[kids] * (1 << 16) + first[kids]).duplicated().to_numpy()]
        if len(again) == 0:
            break
        for sex_mask, vocab, mapping in ((male[again], male_vocab, male_map), (~male[again], female_vocab, female_map)):
            first[again[sex_mask]] = mapping[vocab.draw(rng, int(sex_mask.sum()))]
    last = surname_map[surname_vocab.draw(rng, n)].astype(np.int32)
    takes_name = (~male) & (partner >= 0) & (marital == households.MARRIED_CODE)
    takes_name &= rng.random(n) < MARRIED_SHARE_SURNAME
    last[takes_name] = last[partner[takes_name]]
    last[child] = last[np.where(parent2[child] >= 0, parent2[child], parent1[child])]
    return first, last


def generate_population(n: int, seed: int, country: str = "DK",
                        progress: Callable[[str], None] | None = None) -> pd.DataFrame:
    if country not in demographics.COUNTRIES:
        raise ValueError(f"country must be one of {demographics.COUNTRIES}")
    if n < 1:
        raise ValueError("n must be positive")
    step = progress or (lambda stage: None)
    rng = np.random.default_rng([seed, demographics.COUNTRIES.index(country)])
    people = citizen_ages.draw(rng, n, country, TODAY)
    step("ages")

    hh = households.build(rng, people.age, people.male, people.marital)
    order = households.row_order(hh, people.age)
    inverse = np.empty(n, dtype=np.int64)
    inverse[order] = np.arange(n)

    def remap(index):
        index = index[order]
        return np.where(index >= 0, inverse[np.maximum(index, 0)], -1)

    partner, parent1, parent2 = remap(hh.partner), remap(hh.parent1), remap(hh.parent2)
    age, male, marital, role, household = (people.age[order], people.male[order], people.marital[order],
                                           hh.role[order], hh.household[order])
    when, rank, key = people.when[order], people.same_day_rank[order], people.same_day_key[order]
    count = hh.count
    del hh, people, inverse, order
    step("households")

    address = _addresses(rng, household, count, n, country)
    step("addresses")

    first, last = _names(rng, country, male, marital, role, household, partner, parent1, parent2)
    step("names")

    cal = citizen_ages.calendar(TODAY)
    first_cats, _, _, last_cats, _, folded_first, folded_last, first4, last4 = _categories(country)
    grown = age >= MITID_MIN_AGE
    if country == "DK":
        cprs = fields.to_str(fields.cpr_numbers(cal.cpr_prefix[when], cal.year[when], male, rank, key))
        mitid = fields.to_str(fields.mitid_user_ids(pc.take(first4, first), pc.take(last4, last), np.arange(n),
                                                    seed, grown))
        pensioner = cal.pension[when]
        over15 = np.flatnonzero(age >= DIGITAL_POST_AGE)
        exempt = np.zeros(n, dtype=bool)
        exempt[rng.permutation(over15)[: int(round(demographics.digital_post_exempt_share() * len(over15)))]] = True
    else:  # the German twin: no CPR, no MitID, no Digital Post (see SOURCES "Population")
        cprs = mitid = fields.to_str(pa.nulls(n, fields.STR))
        pensioner = age >= 67  # assumption: the German standard retirement age of the later cohorts
        exempt = np.zeros(n, dtype=bool)
    del rank, key
    occupation, income = occupations.assign(rng, age, pensioner, country)
    emails = fields.to_str(fields.emails(rng, pc.take(folded_first, first), pc.take(folded_last, last), grown))
    phones = fields.to_str(fields.phones(rng, grown, country))
    step("identifiers")

    frame = pd.DataFrame({
        "person_id": np.arange(1, n + 1),
        "cpr": cprs,
        "first_name": _cat(first, first_cats),
        "last_name": _cat(last, last_cats),
        "sex": _cat(male.astype(np.int8), ["female", "male"]),
        "birth_date": cal.days[when].astype("datetime64[D]").astype("datetime64[s]"),
        "age": age.astype(np.int16),
        **address,
        "household_id": household.astype(np.int64) + 1,
        "partner_id": _ids(partner),
        "parent1_id": _ids(parent1),
        "parent2_id": _ids(parent2),
        "civil_status": _cat(marital, demographics.MARITAL),
        "occupation": _cat(occupation, occupations.CODES),
        "income": income,
        "email": emails,
        "phone": phones,
        "mitid_user_id": mitid,
        "digital_post_exempt": exempt,
        "country": _cat(np.zeros(n, dtype=np.int8), [country]),
    }, copy=False)
    step("frame")
    return frame


WRITE_CHUNK = 500_000  # rows per parquet row group / csv block


def write(frame: pd.DataFrame, out: str, progress: Callable[[int], None] | None = None) -> None:
    """Write ``frame`` to .parquet or .csv in row chunks, reporting the rows written."""
    import pyarrow.parquet as pq

    step = progress or (lambda rows: None)
    if out.endswith(".csv"):
        for start in range(0, len(frame), WRITE_CHUNK):
            chunk = frame.iloc[start:start + WRITE_CHUNK]
            chunk.to_csv(out, index=False, mode="w" if start == 0 else "a", header=start == 0)
            step(len(chunk))
        return
    table = pa.Table.from_pandas(frame, preserve_index=False)
    with pq.ParquetWriter(out, table.schema) as writer:
        for start in range(0, len(frame), WRITE_CHUNK):
            writer.write_table(table.slice(start, WRITE_CHUNK))
            step(min(WRITE_CHUNK, len(frame) - start))


def main(argv: list[str] | None = None) -> None:
    from tqdm import tqdm

    parser = argparse.ArgumentParser(description="Generate a synthetic population (fictitious people).")
    parser.add_argument("--country", default="DK", choices=demographics.COUNTRIES)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True, help="output file, .parquet or .csv")
    args = parser.parse_args(argv)
    if not args.out.endswith((".parquet", ".csv")):
        parser.error("--out must end with .parquet or .csv")
    quiet = args.n < 200_000  # small runs take well under a second: no bar
    with tqdm(total=len(STAGES), disable=quiet, unit="stage", desc="generate") as bar:
        frame = generate_population(args.n, args.seed, args.country,
                                    progress=lambda stage: (bar.set_postfix_str(stage), bar.update()))
    with tqdm(total=len(frame), disable=quiet, unit="row", unit_scale=True, desc="write") as bar:
        write(frame, args.out, bar.update)
    print(f"{len(frame):,} people -> {args.out}")


if __name__ == "__main__":
    main()
