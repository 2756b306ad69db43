"""A simplified Danish income-tax calculation for one person and income year 2025 (TAX_AND_BENEFITS.md §1).

Rates and thresholds 2025, with sources (also in data/SOURCES.md):
- AM-bidrag 8 % of earned income (skatteinform.dk, blicher.dk; secondary; 2023 official skat.dk)
- bundskat 12.01 %, topskat 15 % above 611,800 (after AM-bidrag), personfradrag 51,600, skatteloft 52.07 %
  (skm.dk personskatteloven, official)
- beskæftigelsesfradrag 12.30 %, max 55,600; jobfradrag 4.5 % above 224,500, max 2,900 (blicher.dk, BDO; secondary)
- befordringsfradrag: first 24 km per day free, 25–120 km DKK 2.23/km, above 120 km DKK 1.12/km (beierholm.dk;
  secondary); it is NOT transferred automatically (Deloitte 2024; secondary)
- kommuneskat of the municipality (data/tax/dk_kommuneskat_2025.csv: DST PSKAT, or a secondary code file)
Simplified: only earned income (or a pension) — no capital or share income, no kirkeskat (church membership is
not in the synthetic registers), no other deductions; personfradrag is applied to the kommuneskat and bundskat
bases; the skatteloft lowers the topskat rate.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from simulators.core.paths import DATA_DIR

INCOME_YEAR = 2025
AM_RATE = 8.0
BUNDSKAT = 12.01
TOPSKAT = 15.0
TOPSKAT_THRESHOLD = 611_800
PERSONFRADRAG = 51_600
SKATTELOFT = 52.07
BESKAEFTIGELSE_RATE, BESKAEFTIGELSE_MAX = 12.30, 55_600
JOBFRADRAG_RATE, JOBFRADRAG_FLOOR, JOBFRADRAG_MAX = 4.5, 224_500, 2_900
COMMUTE_FREE_KM, COMMUTE_BAND_KM = 24, 120
COMMUTE_RATE, COMMUTE_RATE_LONG = 2.23, 1.12
AVERAGE_KOMMUNESKAT = 25.068  # weighted average 2025 (skm.dk, official) when a municipality is unknown
KOMMUNESKAT_CSV = DATA_DIR / "tax" / "dk_kommuneskat_2025.csv"


@lru_cache(maxsize=1)
def kommuneskat_table() -> dict[str, dict]:
    with KOMMUNESKAT_CSV.open(encoding="utf-8") as handle:
        return {row["municipality"]: row for row in csv.DictReader(handle)}


def kommuneskat(municipality: str) -> tuple[float, bool]:
    """(rate in %, verified in the official table) — the average when the municipality is not in the table."""
    row = kommuneskat_table().get(municipality)
    if row is None:
        return AVERAGE_KOMMUNESKAT, False
    return float(row["kommuneskat_pct_2025"]), row["verified_in_official_table"] == "yes"


def commuting_deduction(km_one_way: int, days: int) -> int:
    """Befordringsfradrag for a year: per working day, the round trip above 24 km at the band rates."""
    round_trip = 2 * max(0, km_one_way)
    band = max(0, min(round_trip, COMMUTE_BAND_KM) - COMMUTE_FREE_KM)
    long = max(0, round_trip - COMMUTE_BAND_KM)
    return round(max(0, days) * (band * COMMUTE_RATE + long * COMMUTE_RATE_LONG))


def calculate(income: int, municipality: str, earned: bool = True, commuting: int = 0) -> dict:
    """Tax for the year, rounded to whole kroner. ``earned`` False: a pension (no AM-bidrag, no employment
    deductions). ``commuting``: befordringsfradrag already computed."""
    income = max(0, int(income))
    am = round(income * AM_RATE / 100) if earned else 0
    personal = income - am
    employment = min(round(income * BESKAEFTIGELSE_RATE / 100), BESKAEFTIGELSE_MAX) if earned else 0
    job = min(round(max(0, income - JOBFRADRAG_FLOOR) * JOBFRADRAG_RATE / 100), JOBFRADRAG_MAX) if earned else 0
    deductions = employment + job + max(0, commuting)
    taxable = max(0, personal - deductions)
    kommune_rate, verified = kommuneskat(municipality)
    kommune = round(max(0, taxable - PERSONFRADRAG) * kommune_rate / 100)
    bund = round(max(0, personal - PERSONFRADRAG) * BUNDSKAT / 100)
    top_rate = max(0.0, min(TOPSKAT, SKATTELOFT - kommune_rate - BUNDSKAT))
    top = round(max(0, personal - TOPSKAT_THRESHOLD) * top_rate / 100)
    total = am + kommune + bund + top
    return {"income": income, "am_bidrag": am, "personal_income": personal, "beskaeftigelsesfradrag": employment,
            "jobfradrag": job, "befordringsfradrag": max(0, commuting), "taxable_income": taxable,
            "kommuneskat_pct": kommune_rate, "kommuneskat_verified": verified, "kommuneskat": kommune,
            "bundskat": bund, "topskat": top, "total_tax": total}
