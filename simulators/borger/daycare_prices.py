"""Daycare prices of the sourced municipalities (Copenhagen and Aarhus, 2025; data/daycare_prices.csv).

Both sources give a lower rate from about age 3: Copenhagen from the month the child is 3 years 1 month,
Aarhus from the 1st of the month after the 3rd birthday. For other municipalities no price is in the data; the
pages then show only the legal cap (parents pay at most 25 % of the gross operating cost, uvm.dk).
Assumption: the rate shown in Mit Overblik is the full-time one without the optional lunch scheme.
"""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache

from simulators.core.dates import add_months, first_of_next_month, months_old
from simulators.core.paths import DATA_DIR

SETTING = {"vuggestue": "institution", "dagpleje": "dagpleje", "boernehave": "institution"}
PRICES_CSV = DATA_DIR / "daycare_prices.csv"
FULL_TIME_VARIANT = {"København": {"institution": "without_lunch", "dagpleje": "incl_lunch"},
                     "Aarhus": {"institution": "hours_51_5", "dagpleje": "hours_48"}}  # assumption
VARIANT_KEYS = {"without_lunch": "flow.daycare.variant.without_lunch",
                "with_lunch": "flow.daycare.variant.with_lunch",
                "incl_lunch": "flow.daycare.variant.incl_lunch", "hours_25": "flow.daycare.variant.hours_25",
                "hours_30": "flow.daycare.variant.hours_30", "hours_51_5": "flow.daycare.variant.hours_51_5",
                "hours_48": "flow.daycare.variant.hours_48"}
SOURCE_KEYS = {"København": "flow.daycare.src_price_kk_text", "Aarhus": "flow.daycare.src_price_aarhus_text"}


@lru_cache(maxsize=1)
def price_table() -> tuple[dict, ...]:
    with PRICES_CSV.open(encoding="utf-8", newline="") as handle:
        return tuple({**row, "year": int(row["year"]), "price_dkk_month": int(row["price_dkk_month"])}
                     for row in csv.DictReader(handle))


def age_band(municipality: str, birth: dt.date, day: dt.date) -> str:
    """Copenhagen: the lower rate from the month the child is 3 y 1 m; Aarhus: from the 1st of the month after
    the 3rd birthday (both 2025 rules of the sources)."""
    if municipality == "København":
        return "over_3" if months_old(dt.date(birth.year, birth.month, 1), day) >= 37 else "under_3"
    return "over_3" if day >= first_of_next_month(add_months(birth, 36)) else "under_3"


def price_examples(municipality: str, care: str, birth: dt.date, day: dt.date) -> list[dict]:
    """Sourced 2025 rates of the persona's municipality for this kind of care and the child's age; [] if none."""
    band = age_band(municipality, birth, day)
    return [row for row in price_table() if row["municipality"] == municipality
            and row["setting"] == SETTING[care] and row["age_band"] == band]


def monthly_price(municipality: str, care: str, birth: dt.date, day: dt.date) -> dict | None:
    wanted = FULL_TIME_VARIANT.get(municipality, {}).get(SETTING[care])
    return next((r for r in price_examples(municipality, care, birth, day) if r["variant"] == wanted), None)
