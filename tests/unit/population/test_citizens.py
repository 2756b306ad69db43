"""The synthetic population (200,000 people) against its sources and its rules."""
import re

import numpy as np
import pandas as pd
import pytest

from simulators.population import cpr
from simulators.population import demographics
from simulators.population.citizens import COLUMNS, TODAY, generate_population
from tests.helpers.population import SEED, SIZE, population

DATA = demographics.DATA


@pytest.fixture(scope="module")
def people() -> pd.DataFrame:
    return population()


def tvd(observed: pd.Series, expected: pd.Series) -> float:
    """Total variation distance between two distributions given as counts over the same labels."""
    observed, expected = observed.align(expected, fill_value=0)
    return 0.5 * float((observed / observed.sum() - expected / expected.sum()).abs().sum())


def test_size_columns_and_ids(people):
    assert len(people) == SIZE and tuple(people.columns) == COLUMNS
    assert (people.person_id.to_numpy() == np.arange(1, SIZE + 1)).all()


def test_age_by_sex_matches_statistics_denmark(people):
    source = pd.read_csv(DATA / "dk_age_sex.csv").set_index(["age", "sex"])["population"]
    observed = people.groupby(["age", "sex"], observed=True).size()
    observed.index = observed.index.set_levels(observed.index.levels[1].astype(str), level=1)
    assert tvd(observed, source) < 0.02
    assert tvd(observed, source) < 0.001  # exact quotas: only rounding differs


def test_municipalities_match_population_weights(people):
    source = pd.read_csv(DATA / "dk_municipality_population.csv", dtype={"municipality_code": str})
    expected = source.set_index("municipality_code")["pop_2024_01_01"]
    observed = people.municipality_code.astype(str).value_counts()
    assert tvd(observed, expected) < 0.02
    assert set(observed.index) <= set(expected.index)


def test_every_postcode_lies_in_its_municipality(people):
    table = pd.read_csv(DATA / "dk_postcodes.csv", dtype=str)
    pairs = set(zip(table.postcode, table.municipality_code))
    used = people[["postcode", "municipality_code", "town"]].astype(str).drop_duplicates()
    seen = set(zip(used.postcode, used.municipality_code))
    assert seen <= pairs
    towns = set(zip(table.postcode, table.town))
    assert set(zip(used.postcode, used.town)) <= towns
    assert not {p for p, _ in seen} & demographics.DK_SPECIAL_POSTCODES


def test_children_are_18_to_45_years_younger_than_their_parents(people):
    birth = people.set_index("person_id").birth_date
    household = people.set_index("person_id").household_id
    checked = 0
    for column in ("parent1_id", "parent2_id"):
        kids = people[people[column].notna()]
        parents = kids[column].astype("int64").to_numpy()
        parent_birth, kid_birth = birth.loc[parents].dt, kids.birth_date.dt
        later_in_year = (kid_birth.month.to_numpy() * 100 + kid_birth.day.to_numpy()
                         < parent_birth.month.to_numpy() * 100 + parent_birth.day.to_numpy())
        parent_age_at_birth = kid_birth.year.to_numpy() - parent_birth.year.to_numpy() - later_in_year
        assert parent_age_at_birth.min() >= 18 and parent_age_at_birth.max() <= 45
        assert (household.loc[parents].to_numpy() == kids.household_id.to_numpy()).all()
        checked += len(kids)
    assert checked > SIZE * 0.2
    under_18 = people[people.age < 18]
    assert under_18.parent1_id.notna().all(), "every child lives with a parent"


def test_partners_are_mutual_adults_in_one_household(people):
    couples = people[people.partner_id.notna()]
    by_id = people.set_index("person_id")
    partners = by_id.loc[couples.partner_id.astype("int64")]
    assert (partners.partner_id.astype("int64").to_numpy() == couples.person_id.to_numpy()).all()
    assert (partners.household_id.to_numpy() == couples.household_id.to_numpy()).all()
    assert (couples.age >= 18).all()
    gap = np.abs(partners.age.to_numpy().astype(int) - couples.age.to_numpy().astype(int))
    assert np.percentile(gap, 95) <= 15


def test_household_sizes_are_plausible(people):
    sizes = people.groupby("household_id").size()
    shares = sizes.clip(upper=3).value_counts(normalize=True)
    assert 0.35 <= shares[1] <= 0.45  # DST 2022: 40 % one-person households
    assert 0.28 <= shares[2] <= 0.40  # 33 %
    assert sizes.max() <= 12


def test_cpr_numbers_are_unique_fictitious_and_agree_with_birth_date_and_sex(people):
    assert people.cpr.is_unique
    digits = people.cpr.str.replace("-", "", regex=False)
    assert digits.str.fullmatch(r"\d{10}").all()
    day, month, yy = (digits.str[i:i + 2].astype(int).to_numpy() for i in (0, 2, 4))
    birth = people.birth_date.dt
    assert (day > 60).all(), "all fictitious (day + 60)"
    assert ((day - 60 == birth.day) & (month == birth.month) & (yy == birth.year % 100)).all()
    combos = pd.DataFrame({"digit7": digits.str[6].astype(int), "yy": yy, "year": birth.year}).drop_duplicates()
    for digit7, two_digits, year in combos.itertuples(index=False):
        assert cpr.century(digit7, two_digits) + two_digits == year  # the 7th digit encodes the century
    assert ((digits.str[-1].astype(int) % 2 == 1) == (people.sex == "male")).all()
    for number, born, sex in zip(people.cpr[::10], people.birth_date[::10], people.sex.astype(str)[::10]):
        info = cpr.parse(number)  # and the module itself reads them back
        assert info.fictitious and info.birth_date == born.date() and info.sex == sex, number


def test_ages_follow_birth_dates(people):
    birth = people.birth_date.dt
    not_yet = (birth.month > TODAY.month) | ((birth.month == TODAY.month) & (birth.day > TODAY.day))
    age = TODAY.year - birth.year - not_yet
    assert (age.to_numpy() == people.age.to_numpy()).all()


def test_digital_post_exemption_share_matches_the_source(people):
    share = people[people.age >= 15].digital_post_exempt.mean() * 100
    assert abs(share - 5.0) <= 0.5
    assert not people[people.age < 15].digital_post_exempt.any()


def test_mitid_user_id_exactly_for_13_and_older(people):
    has = people.mitid_user_id.notna()
    assert (has == (people.age >= 13)).all()
    ids = people.mitid_user_id[has]
    assert ids.is_unique
    assert ids.str.match(r"^[a-z]{1,8}[0-9a-z]{5}$").all()
    assert not ids.str.contains(r"\d{6}").any(), "never resembles a CPR number"


def test_email_only_at_reserved_domains_and_phones_have_8_digits(people):
    emails = people.email.dropna()
    domains = emails.str.split("@").str[1]
    assert set(domains) <= {"example.com", "example.net", "example.org"}
    assert emails.str.match(r"^[a-z0-9]+\.[a-z0-9]+\d*@").all()
    phones = people.phone.dropna()
    assert phones.str.fullmatch(r"[2-9]\d{7}").all()
    assert len(phones) == (people.age >= 13).sum()


def test_civil_status_by_age_and_sex_follows_the_marital_table(people):
    table = pd.read_csv(DATA / "dk_marital_status_age_sex.csv")
    table["marital_status"] = table.marital_status.replace({"married_or_separated": "married"})
    expected = table.groupby("marital_status").population.sum()
    observed = people.civil_status.astype(str).value_counts()
    assert tvd(observed, expected) < 0.01
    assert (people[people.age < 16].civil_status == "never_married").all()


def test_income_mean_of_15_plus_is_the_sourced_mean(people):
    assert abs(people[people.age >= 15].income.mean() - demographics.mean_income_15plus()) < 1000
    assert (people[people.age < 15].income == 0).all()
    assert people.occupation.notna().all()


def test_same_seed_same_frame_other_seed_other_frame(people):
    pd.testing.assert_frame_equal(generate_population(SIZE, SEED), people, check_exact=True)
    other = generate_population(SIZE, SEED + 1)
    assert not other.cpr.equals(people.cpr) and not other.first_name.equals(people.first_name)


@pytest.mark.parametrize("n", [1, 2, 7, 50])
def test_tiny_populations_work(n):
    frame = generate_population(n, 3)
    assert len(frame) == n and frame.cpr.is_unique


def test_german_twin_uses_german_tables():
    de = population(50_000, 5, "DE")
    assert de.cpr.isna().all() and de.mitid_user_id.isna().all() and not de.digital_post_exempt.any()
    table = pd.read_csv(DATA / "de_postcodes.csv", dtype=str)
    assert set(zip(de.postcode.astype(str), de.municipality_code.astype(str))) <= set(zip(table.postcode, table.ags))
    source = pd.read_csv(DATA / "de_age_sex.csv")
    source["age"] = source.age.replace("85+", "85").astype(int)
    expected = source.groupby(["age", "sex"]).population.sum()
    observed = de.assign(age=de.age.clip(upper=85)).groupby(["age", "sex"], observed=True).size()
    observed.index = observed.index.set_levels(observed.index.levels[1].astype(str), level=1)
    assert tvd(observed, expected) < 0.02
    assert de.country.eq("DE").all() and de.region.isin(table.bundesland.unique()).all()


def test_unknown_country_is_rejected():
    with pytest.raises(ValueError):
        generate_population(10, 1, "SE")


def test_email_local_part_comes_from_the_name(people):
    sample = people.dropna(subset=["email"]).head(200)
    for first, email in zip(sample.first_name.astype(str), sample.email):
        assert email.startswith(demographics.ascii_fold(first) + "."), (first, email)
    assert re.match(r"^[a-z]", sample.email.iloc[0])


@pytest.mark.parametrize("suffix", ["parquet", "csv"])
def test_cli_writes_the_population(tmp_path, capsys, suffix):
    from simulators.population.citizens import main

    out = tmp_path / f"people.{suffix}"
    main(["--country", "DK", "--n", "1500", "--seed", "7", "--out", str(out)])
    assert "1,500 people" in capsys.readouterr().out
    written = pd.read_parquet(out) if suffix == "parquet" else pd.read_csv(out, dtype={"cpr": str, "phone": str})
    expected = generate_population(1500, 7)
    assert list(written.columns) == list(COLUMNS) and len(written) == 1500
    assert (written.cpr.astype(str).to_numpy() == expected.cpr.astype(str).to_numpy()).all()
    assert (written.household_id.to_numpy() == expected.household_id.to_numpy()).all()


def test_siblings_have_different_first_names(people):
    children = people[people.parent1_id.notna()]
    assert not children.duplicated(["household_id", "first_name"]).any()
