"""The reference tables behind the synthetic population, read once from data/demographics/ (see data/SOURCES.md).

Everything here is turned into plain numpy arrays of weights, so the generator can sample millions of values
with ``searchsorted`` on cumulative weights. Weighting rules that go beyond the sources are documented in the
"Population" section of data/SOURCES.md and labelled assumptions there.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from simulators.core.paths import DATA_DIR

DATA = DATA_DIR / "demographics"
COUNTRIES = ("DK", "DE")
MAX_AGE = 125
MARITAL = ("never_married", "married", "divorced", "widowed")
# PostNord special codes (DOMAIN.md / SOURCES §1): businesses, parcel centres, abroad; no one lives there.
DK_SPECIAL_POSTCODES = {"0783", "0784", "0785", "0800", "0900", "0913", "0914", "0917", "0960", "0999"}
DK_CITY_PREFIXES = ("København", "Frederiksberg")  # assumption: mostly flats (floor/door)
DK_APARTMENT_SHARE = {"capital": 0.65, "town": 0.35, "other": 0.08}  # assumption, see SOURCES "Population"


@dataclass(frozen=True)
class Vocabulary:
    """Values and their cumulative sampling weights (last element 1.0)."""

    values: np.ndarray  # object array of str
    cdf: np.ndarray

    def draw(self, rng: np.random.Generator, count: int) -> np.ndarray:
        """``count`` independent draws (multinomial counts, then shuffled: O(count), no per-item search)."""
        weights = np.diff(self.cdf, prepend=0.0)
        return rng.permutation(np.repeat(np.arange(len(self.values)), rng.multinomial(count, weights)))


@dataclass(frozen=True)
class Places:
    """Areas (municipalities / Gemeinden) and the postcodes inside each, as flat arrays."""

    area_code: np.ndarray
    area_name: np.ndarray
    area_region: np.ndarray
    area_weight: np.ndarray  # population share, sums to 1
    post_code: np.ndarray  # one row per (postcode, area) pair, grouped by area
    post_town: np.ndarray
    post_area: np.ndarray  # index into area_*
    post_cdf: np.ndarray  # within-area cumulative weight, ends at 1.0 for each area
    area_first_post: np.ndarray  # start of each area's block in post_*
    area_post_count: np.ndarray
    post_apartment_share: np.ndarray


def _cdf(weights) -> np.ndarray:
    weights = np.asarray(weights, dtype=float)
    cdf = np.cumsum(weights / weights.sum())
    cdf[-1] = 1.0
    return cdf


def ascii_fold(text: str) -> str:
    """Lower-case ASCII for e-mail addresses and user IDs: æ->ae, ø->oe, å->aa, ß->ss, other accents dropped."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("ß", "ss")
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in text if c.isalnum())


def _read(name: str) -> pd.DataFrame:
    # plain Python strings: these tables are small, and object columns need no Arrow kernels to warm up
    return pd.read_csv(DATA / name, dtype=object, keep_default_na=False)


@lru_cache(maxsize=None)
def age_sex_counts(country: str) -> np.ndarray:
    """Population by [sex (0 female, 1 male), age 0..MAX_AGE] from the sourced table of the country."""
    table = np.zeros((2, MAX_AGE + 1))
    if country == "DK":
        frame = _read("dk_age_sex.csv")
        for age, sex, pop in zip(frame.age.astype(int), frame.sex, frame.population.astype(float)):
            table[int(sex == "male"), age] = pop
        return table
    frame = _read("de_age_sex.csv")
    dk = age_sex_counts("DK")
    for age, sex, pop in zip(frame.age, frame.sex, frame.population.astype(float)):
        row = int(sex == "male")
        if age == "85+":  # assumption: spread 85+ over single years in the Danish proportions
            tail = dk[row, 85:] / dk[row, 85:].sum()
            table[row, 85:] = pop * tail
        else:
            table[row, int(age)] = pop
    return table


@lru_cache(maxsize=None)
def marital_cdf() -> np.ndarray:
    """Cumulative P(status | sex, age) over MARITAL, shape [2, MAX_AGE+1, 4] (Danish FOLK1A 2025Q4).

    The German twin uses the same table (assumption: no German marital table among the sources).
    """
    frame = _read("dk_marital_status_age_sex.csv")
    counts = np.zeros((2, MAX_AGE + 1, len(MARITAL)))
    status = frame.marital_status.replace({"married_or_separated": "married"})
    for age, sex, st, pop in zip(frame.age.astype(int), frame.sex, status, frame.population.astype(float)):
        counts[int(sex == "male"), age, MARITAL.index(st)] += pop
    empty = counts.sum(axis=2) == 0
    counts[empty] = counts[:, 100:][counts[:, 100:].sum(axis=2) > 0].sum(axis=0)  # oldest ages: pooled 100+
    cdf = np.cumsum(counts / counts.sum(axis=2, keepdims=True), axis=2)
    cdf[..., -1] = 1.0
    return cdf


def _dk_names() -> tuple[Vocabulary, Vocabulary, Vocabulary]:
    """First names (female, male) and surnames: 2005 KU lists scaled to the DST counts (SOURCES "Population")."""
    dst = _read("dk_first_names.csv")
    # counts of the last ten years only (the 2010 values describe an older population)
    dst = dst[(dst["count"] != "") & (dst.reference_date >= "2014")].assign(count=lambda f: f["count"].astype(float))
    latest = dst.sort_values("reference_date").groupby(["first_name", "sex"]).tail(1)
    ku = _read("dk_first_names_2005_ku.csv").assign(weight=lambda f: f.bearers_denmark_2005.astype(float))
    ku = ku[ku.first_name.str.len() > 1]  # the KU list also counts initials ("M", "K") used as first names
    vocab = []
    for sex in ("female", "male"):
        names = ku[ku.sex == sex].set_index("first_name")["weight"]
        known = latest[latest.sex == sex].set_index("first_name")["count"]
        top = latest[(latest.sex == sex) & (latest["rank"] != "")]
        known = known[known.index.isin(names.index)]
        weights = names * float(np.median(known / names[known.index]))
        weights = weights.clip(upper=top["count"].min())  # not in DST's top list: fewer than its last entry
        weights.update(known)
        vocab.append(Vocabulary(weights.index.to_numpy(object), _cdf(weights.to_numpy())))
    dst_sur = _read("dk_surnames.csv")
    dst_sur = dst_sur[dst_sur.reference_date == "2016-01-01"].set_index("surname")["count"].astype(float)
    ku_sur = _read("dk_surnames_2005_ku.csv").set_index("surname")["bearers_denmark_2005"].astype(float)
    ratio = float(np.median(dst_sur / ku_sur[dst_sur.index]))
    weights = (ku_sur * ratio).clip(upper=dst_sur.min())
    weights.update(dst_sur)
    vocab.append(Vocabulary(weights.index.to_numpy(object), _cdf(weights.to_numpy())))
    return vocab[0], vocab[1], vocab[2]


def _de_names() -> tuple[Vocabulary, Vocabulary, Vocabulary]:
    first = _read("de_first_names.csv").drop_duplicates(["first_name", "sex"])
    out = [Vocabulary(first[first.sex == s].first_name.to_numpy(object),
                      _cdf(first[first.sex == s].frequency.astype(float))) for s in ("female", "male")]
    sur = _read("de_surnames_wiktionary.csv")
    out.append(Vocabulary(sur.surname.to_numpy(object), _cdf(sur.frequency.astype(float))))
    return out[0], out[1], out[2]


@lru_cache(maxsize=None)
def names(country: str) -> tuple[Vocabulary, Vocabulary, Vocabulary]:
    """(female first names, male first names, surnames) for the country."""
    return _dk_names() if country == "DK" else _de_names()


@lru_cache(maxsize=None)
def streets(country: str) -> np.ndarray:
    frame = _read("street_names_assumption.csv")
    return frame[frame.country == country].street.to_numpy(object)


def _places(areas: pd.DataFrame, posts: pd.DataFrame, apartment: np.ndarray) -> Places:
    """``areas``: code, name, region, population; ``posts``: postcode, town, code, weight (any order)."""
    areas = areas[areas.code.isin(posts.code)].reset_index(drop=True)
    index = pd.Series(np.arange(len(areas)), index=areas.code)
    posts = posts.assign(area=posts.code.map(index), apartment=apartment).dropna(subset=["area"])
    posts = posts.sort_values(["area", "postcode"], kind="stable").reset_index(drop=True)
    area = posts.area.astype(int).to_numpy()
    totals = np.bincount(area, weights=posts.weight.to_numpy(), minlength=len(areas))
    cdf = np.cumsum(posts.weight.to_numpy()) - np.concatenate([[0], np.cumsum(totals)[:-1]])[area]
    cdf = cdf / totals[area]
    counts = np.bincount(area, minlength=len(areas))
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    cdf[first + counts - 1] = 1.0
    pop = areas.population.astype(float).to_numpy()
    return Places(areas.code.to_numpy(object), areas.name.to_numpy(object), areas.region.to_numpy(object),
                  pop / pop.sum(), posts.postcode.to_numpy(object), posts.town.to_numpy(object), area, cdf,
                  first, counts, posts.apartment.to_numpy(float))


@lru_cache(maxsize=None)
def places(country: str) -> Places:
    if country == "DK":
        muni = _read("dk_municipality_population.csv").rename(
            columns={"municipality_code": "code", "municipality": "name", "pop_2024_01_01": "population"})
        post = _read("dk_postcodes.csv").rename(columns={"municipality_code": "code"})
        inner_city = post.postcode.between("1000", "1999") & ~post.municipality.isin(["København", "Frederiksberg"])
        # 1532/1533 "København V" in Tårnby: large-recipient codes, like the special codes
        post = post[~post.postcode.isin(DK_SPECIAL_POSTCODES) & ~inner_city]
        # assumption: each town name of a municipality counts once (København K has 240 street codes), and a
        # postcode shared by k municipalities counts 1/k in each
        per_town = post.groupby(["code", "town"]).postcode.transform("size")
        post = post.assign(weight=1.0 / per_town / post.n_municipalities_for_postcode.astype(float))
        towns = tuple(_read("dk_towns.csv").urban_area.iloc[1:])
        kind = np.where(post.town.str.startswith(DK_CITY_PREFIXES), "capital",
                        np.where(post.town.str.split().str[0].isin(towns), "town", "other"))
        return _places(muni[["code", "name", "region", "population"]], post,
                       np.array([DK_APARTMENT_SHARE[k] for k in kind]))
    gem = _read("de_municipality_population.csv")
    gem = gem.assign(code=gem.ars.str[:5] + gem.ars.str[9:], name=gem.municipality.str.split(",").str[0],
                     region=gem.bundesland)
    post = _read("de_postcodes.csv").rename(columns={"ags": "code"})
    per_code = post.groupby("postcode").code.transform("nunique")
    post = post.drop_duplicates(["postcode", "code"]).assign(weight=lambda f: 1.0 / per_code[f.index])
    return _places(gem[["code", "name", "region", "population"]], post, np.zeros(len(post)))


@lru_cache(maxsize=None)
def digital_post_exempt_share() -> float:
    """Share (0-1) of citizens 15+ exempt from Digital Post, April 2025 (digst.dk)."""
    frame = _read("dk_digital_post_exemption.csv")
    row = frame[(frame.indicator == "dk_digital_post_exempt_share") & (frame.year == "2025-04")]
    return float(row.value.iloc[0]) / 100


@lru_cache(maxsize=None)
def mean_income_15plus() -> float:
    """DST mean personal income before tax, persons 15+, 2020 (DKK/yr)."""
    frame = _read("dk_income.csv")
    return float(frame[frame.indicator == "mean_personal_income_before_tax"].value.iloc[0])
