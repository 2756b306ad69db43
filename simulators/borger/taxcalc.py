"""A simplified Danish income-tax calculation for one person and one income year (TAX_AND_BENEFITS.md §1).

The rates and thresholds of each year live in data/figures.toml with their sources (``rates(year)``):
- 2025 (the årsopgørelse flow, simulators.borger.flows.tax): AM-bidrag 8 % (skatteinform.dk; secondary), bundskat
  12.01 %, topskat 15 % above 611,800 (after AM-bidrag), personfradrag 51,600, skatteloft 52.07 % (skm.dk,
  official); beskæftigelsesfradrag 12.30 %, max 55,600; jobfradrag 4.5 % above 224,500, max 2,900 (blicher.dk,
  BDO; secondary)
- 2026 (Mit Overblik's withheld tax this year): bundskat 12.01 %; the new mellemskat 7.5 % above 641,200, topskat
  7.5 % above 777,900 and toptopskat 5 % above 2,592,700; personfradrag 54,100 (skm.dk, official); skatteloft
  44.57 / 52.07 / 57.07 % for the three bands (martinsen.dk; secondary); beskæftigelsesfradrag 12.75 %, max 63,300;
  jobfradrag 4.5 % above 235,200, max 3,100 (themis.dk, BDO; secondary)
- befordringsfradrag: first 24 km per day free, up to 120 km DKK 2.23 (2026: 2.28)/km, above DKK 1.12 (1.14)/km
  (beierholm.dk; secondary); it is NOT transferred automatically (Deloitte 2024; secondary)
- kommuneskat of the municipality (data/tax/dk_kommuneskat_2025.csv: DST PSKAT, or a secondary code file); 2026
  rates per municipality were not found, so 2026 uses the 2025 rate of the municipality (assumption, labelled)
Simplified: only earned income (or a pension) — no capital or share income, no kirkeskat (church membership is
not in the synthetic registers), no other deductions (no senior deduction); personfradrag is applied to the
kommuneskat and bundskat bases; the skatteloft lowers the rate of each surtax band so that kommuneskat, bundskat
and the surtaxes up to that band stay under the band's ceiling.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from simulators.core import figures
from simulators.core.paths import DATA_DIR

INCOME_YEAR = 2025  # the årsopgørelse the tax flow shows
YEARS = (2025, 2026)
KOMMUNESKAT_CSV = DATA_DIR / "tax" / "dk_kommuneskat_2025.csv"
KOMMUNESKAT_YEAR = 2025  # the newest per-municipality table found


@dataclass(frozen=True)
class Band:
    """A surtax on personal income above ``threshold``; the skatteloft caps the combined rate in the band."""
    name: str
    rate: float
    threshold: int
    ceiling: float


@dataclass(frozen=True)
class Rates:
    year: int
    am: float
    bundskat: float
    personfradrag: int
    bands: tuple[Band, ...]
    beskaeftigelse_rate: float
    beskaeftigelse_max: int
    job_rate: float
    job_floor: int
    job_max: int
    commute_free_km: int
    commute_band_km: int
    commute_rate: float
    commute_rate_long: float
    average_kommuneskat: float
    restskat_limit: int


@lru_cache(maxsize=None)
def rates(year: int) -> Rates:
    """The year's rates from data/figures.toml; a year without rates takes the nearest year that has them."""
    year = min(max(year, YEARS[0]), YEARS[-1])
    v = lambda name: figures.value(f"{name}_{year}")  # noqa: E731
    if year >= 2026:
        bands = (Band("mellemskat", v("dk_mellemskat"), v("dk_mellemskat_threshold"), v("dk_skatteloft")),
                 Band("topskat", v("dk_topskat"), v("dk_topskat_threshold"), v("dk_skatteloft_topskat")),
                 Band("toptopskat", v("dk_toptopskat"), v("dk_toptopskat_threshold"), v("dk_skatteloft_toptopskat")))
    else:
        bands = (Band("topskat", v("dk_topskat"), v("dk_topskat_threshold"), v("dk_skatteloft")),)
    return Rates(year, v("dk_am_rate"), v("dk_bundskat"), v("dk_personfradrag"), bands, v("dk_beskaeftigelse_rate"),
                 v("dk_beskaeftigelse_max"), v("dk_jobfradrag_rate"), v("dk_jobfradrag_floor"), v("dk_jobfradrag_max"),
                 figures.value("dk_commute_free_km"), figures.value("dk_commute_band_km"), v("dk_commute_rate"),
                 v("dk_commute_rate_long"), v("dk_kommuneskat_average"), v("dk_restskat_limit"))


_2025 = rates(INCOME_YEAR)
AM_RATE, BUNDSKAT, PERSONFRADRAG = _2025.am, _2025.bundskat, _2025.personfradrag
TOPSKAT, TOPSKAT_THRESHOLD, SKATTELOFT = _2025.bands[0].rate, _2025.bands[0].threshold, _2025.bands[0].ceiling
BESKAEFTIGELSE_RATE, BESKAEFTIGELSE_MAX = _2025.beskaeftigelse_rate, _2025.beskaeftigelse_max
JOBFRADRAG_RATE, JOBFRADRAG_FLOOR, JOBFRADRAG_MAX = _2025.job_rate, _2025.job_floor, _2025.job_max
COMMUTE_FREE_KM, COMMUTE_BAND_KM = _2025.commute_free_km, _2025.commute_band_km
COMMUTE_RATE, COMMUTE_RATE_LONG = _2025.commute_rate, _2025.commute_rate_long
AVERAGE_KOMMUNESKAT = _2025.average_kommuneskat  # weighted average 2025 (skm.dk, official) for an unknown municipality


@lru_cache(maxsize=1)
def kommuneskat_table() -> dict[str, dict]:
    with KOMMUNESKAT_CSV.open(encoding="utf-8") as handle:
        return {row["municipality"]: row for row in csv.DictReader(handle)}


def kommuneskat(municipality: str, year: int = INCOME_YEAR) -> tuple[float, bool]:
    """(rate in %, verified in the official table) — the year's weighted average when the municipality is not in
    the table. The table is of 2025; a later year takes the municipality's 2025 rate (assumption: 2026 rates per
    municipality were not found)."""
    row = kommuneskat_table().get(municipality)
    if row is None:
        return rates(year).average_kommuneskat, False
    return float(row[f"kommuneskat_pct_{KOMMUNESKAT_YEAR}"]), row["verified_in_official_table"] == "yes"


def commuting_deduction(km_one_way: int, days: int, year: int = INCOME_YEAR) -> int:
    """Befordringsfradrag for a year: per working day, the round trip above 24 km at the band rates."""
    r = rates(year)
    round_trip = 2 * max(0, km_one_way)
    band = max(0, min(round_trip, r.commute_band_km) - r.commute_free_km)
    long = max(0, round_trip - r.commute_band_km)
    return round(max(0, days) * (band * r.commute_rate + long * r.commute_rate_long))


def calculate(income: int, municipality: str, earned: bool = True, commuting: int = 0,
              year: int = INCOME_YEAR) -> dict:
    """Tax for the income ``year`` (its rates: ``rates(year)``), rounded to whole kroner. ``earned`` False: a
    pension (no AM-bidrag, no employment deductions). ``commuting``: befordringsfradrag already computed."""
    r = rates(year)
    income = max(0, int(income))
    am = round(income * r.am / 100) if earned else 0
    personal = income - am
    employment = min(round(income * r.beskaeftigelse_rate / 100), r.beskaeftigelse_max) if earned else 0
    job = min(round(max(0, income - r.job_floor) * r.job_rate / 100), r.job_max) if earned else 0
    deductions = employment + job + max(0, commuting)
    taxable = max(0, personal - deductions)
    kommune_rate, verified = kommuneskat(municipality, r.year)
    kommune = round(max(0, taxable - r.personfradrag) * kommune_rate / 100)
    bund = round(max(0, personal - r.personfradrag) * r.bundskat / 100)
    surtaxes, below = {}, kommune_rate + r.bundskat
    for band in r.bands:  # the skatteloft caps the combined marginal rate of each band
        rate = max(0.0, min(band.rate, band.ceiling - below))
        surtaxes[band.name] = round(max(0, personal - band.threshold) * rate / 100)
        below += rate
    total = am + kommune + bund + sum(surtaxes.values())
    return {"year": r.year, "income": income, "am_bidrag": am, "personal_income": personal,
            "beskaeftigelsesfradrag": employment, "jobfradrag": job, "befordringsfradrag": max(0, commuting),
            "taxable_income": taxable, "kommuneskat_pct": kommune_rate, "kommuneskat_verified": verified,
            "kommuneskat": kommune, "bundskat": bund, "mellemskat": surtaxes.get("mellemskat", 0),
            "topskat": surtaxes.get("topskat", 0), "toptopskat": surtaxes.get("toptopskat", 0), "total_tax": total}
