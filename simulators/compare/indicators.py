"""Sourced Denmark-vs-Germany indicators (DESI, eGovernment Benchmark, UN EGDI, Eurostat, eID, OZG).

``load()`` reads ``values.csv`` (one value a row), ``sources.csv`` and ``notes.csv`` and checks every row: a known
indicator name, an ISO 3166-1 alpha-2 country or one of AGGREGATES, a year ``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD``,
a numeric value that fits its unit, and a source id present in the sources table. A bad row raises ValueError naming
the row, so broken data stops the app at start instead of showing an unsourced number.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from babel import Locale

from simulators.core import i18n
from simulators.core.paths import DATA_DIR
from simulators.core.sources import Source

DATA_DIR = DATA_DIR / "indicators"
AGGREGATES = ("EU27", "EU28", "EU27PLUS", "EUROPE")
EU27 = ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")
# CLDR territories minus user-assigned / reserved codes (QM-QZ, XA-XZ except Kosovo, ZZ) and non-country codes
ISO_ALPHA2 = frozenset(
    code for code in Locale.parse("en").territories
    if re.fullmatch(r"[A-Z]{2}", code) and not re.fullmatch(r"Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN", code)
)
VALUE_COLUMNS = ("indicator", "country", "year", "value", "unit", "source_id", "note_id")
_YEAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_INDICATOR = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Value:
    indicator: str
    country: str
    year: str  # as in the data: "2023", "2023-10" or "2025-08-11"
    value: float
    unit: str
    source: Source
    note: str


def parse_period(year: str) -> dt.date:
    """'2023' -> 1 Jan 2023, '2023-10' -> 1 Oct 2023, '2025-08-11' -> that day. Raises ValueError if malformed."""
    match = _YEAR.match(str(year).strip())
    if not match:
        raise ValueError(f"year {year!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    y, m, d = (int(part) if part else 1 for part in match.groups())
    return dt.date(y, m, d)


def period_number(year: str) -> float:
    """A period as a fractional year for a numeric time axis ('2023-10' -> 2023.75)."""
    day = parse_period(year)
    return day.year + (day.timetuple().tm_yday - 1) / 365.0 if "-" in str(year) else float(day.year)


def period_label(year: str, lang: str) -> str:
    """'2024' stays '2024'; '2023-10' -> 'Oct 2023' / 'Okt. 2023'; full dates in the locale's medium format."""
    text = str(year)
    if "-" not in text:
        return text
    day = parse_period(text)
    return i18n.fmt_date(day, lang, "MMM y" if text.count("-") == 1 else "medium")


def _check_row(number: int, row: dict, sources: set[str], notes: set[str]) -> None:
    where = f"values.csv row {number} ({row.get('indicator')!r}, {row.get('country')!r}, {row.get('year')!r})"
    if not (row.get("source_id") or "").strip():
        raise ValueError(f"{where}: no source")
    if row["source_id"] not in sources:
        raise ValueError(f"{where}: unknown source id {row['source_id']!r}")
    if row.get("note_id") and row["note_id"] not in notes:
        raise ValueError(f"{where}: unknown note id {row['note_id']!r}")
    if not _INDICATOR.match(row.get("indicator") or ""):
        raise ValueError(f"{where}: bad indicator name")
    country = row.get("country") or ""
    if country not in AGGREGATES and country not in ISO_ALPHA2:
        raise ValueError(f"{where}: unknown country code {country!r} (ISO 3166-1 alpha-2 or {', '.join(AGGREGATES)})")
    try:
        year = parse_period(row.get("year") or "")
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from None
    if not 1990 <= year.year <= 2035:
        raise ValueError(f"{where}: implausible year")
    unit = (row.get("unit") or "").strip()
    if not unit:
        raise ValueError(f"{where}: no unit")
    try:
        value = float(row.get("value") or "")
    except ValueError:
        raise ValueError(f"{where}: value {row.get('value')!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{where}: value is not finite")
    if unit.startswith("%") and not 0 <= value <= 100:
        raise ValueError(f"{where}: percentage {value} outside 0-100")
    if unit.startswith("rank") and (value < 1 or value != int(value)):
        raise ValueError(f"{where}: rank {value} is not a positive whole number")


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class IndicatorData:
    """The checked values with their sources. Read-only; share one instance (see ``load``)."""

    def __init__(self, values: list[dict], sources: list[dict], notes: list[dict]):
        self.sources = {s["source_id"]: Source(s["source_id"], s["title"], s["url"], short=s["short"],
                                               secondary=(s.get("quality") or "").strip() == "secondary")
                        for s in sources}
        for source in self.sources.values():
            if not source.title.strip() or not source.short.strip():
                raise ValueError(f"sources.csv: source {source.source_id} has no title")
        for s in sources:  # every source is judged official (primary) or not (secondary: tagged on screen)
            if s.get("quality", "primary") not in ("primary", "secondary"):
                raise ValueError(f"sources.csv: source {s['source_id']} is neither primary nor secondary")
        self.notes = {n["note_id"]: n["note"] for n in notes}
        for number, row in enumerate(values, start=2):  # row 1 is the header
            _check_row(number, row, set(self.sources), set(self.notes))
        frame = pd.DataFrame(values, columns=list(VALUE_COLUMNS)).fillna("")
        frame["value"] = frame["value"].astype(float)
        frame["x"] = frame["year"].map(period_number)
        self.frame = frame.sort_values(["indicator", "country", "x"]).reset_index(drop=True)

    def _to_value(self, row) -> Value:
        return Value(row.indicator, row.country, row.year, float(row.value), row.unit,
                     self.sources[row.source_id], self.notes.get(row.note_id, ""))

    def value(self, indicator: str, country: str, year: str | None = None) -> Value | None:
        """One value; ``year=None`` gives the latest period."""
        rows = self.frame[(self.frame.indicator == indicator) & (self.frame.country == country)]
        if year is not None:
            rows = rows[rows.year == str(year)]
        return None if rows.empty else self._to_value(rows.iloc[-1])

    def latest_common_year(self, indicator: str, countries: tuple[str, ...]) -> str | None:
        """The latest period for which every one of ``countries`` has a value."""
        rows = self.frame[self.frame.indicator == indicator]
        years = [set(rows[rows.country == c].year) for c in countries]
        common = set.intersection(*years) if years else set()
        return max(common, key=period_number) if common else None

    def series(self, indicator: str, countries: tuple[str, ...]) -> pd.DataFrame:
        """Rows of one indicator for some countries, sorted by time, with source columns."""
        rows = self.frame[(self.frame.indicator == indicator) & self.frame.country.isin(countries)]
        return self._with_sources(rows)

    def cross_section(self, indicator: str, year: str, countries: tuple[str, ...] = EU27) -> pd.DataFrame:
        rows = self.frame[(self.frame.indicator == indicator) & (self.frame.year == str(year))
                          & self.frame.country.isin(countries)]
        return self._with_sources(rows)

    def _with_sources(self, rows: pd.DataFrame) -> pd.DataFrame:
        out = rows.copy()
        out["source"] = [self.sources[s].title for s in out.source_id]
        out["source_short"] = [self.sources[s].short for s in out.source_id]
        out["source_url"] = [self.sources[s].url for s in out.source_id]
        out["source_secondary"] = [self.sources[s].secondary for s in out.source_id]
        out["note"] = [self.notes.get(n, "") for n in out.note_id]
        return out.reset_index(drop=True)


def load_from(values: list[dict], sources: list[dict], notes: list[dict]) -> IndicatorData:
    return IndicatorData(values, sources, notes)


@lru_cache(maxsize=4)
def load(data_dir: Path = DATA_DIR) -> IndicatorData:
    return IndicatorData(_read(data_dir / "values.csv"), _read(data_dir / "sources.csv"), _read(data_dir / "notes.csv"))


def country_name(code: str, lang: str) -> str:
    """Country names from Babel (CLDR) in the visitor's language; aggregates from the compare catalog."""
    aggregate_keys = {"EU27": "compare.country.eu27", "EU28": "compare.country.eu28",
                      "EU27PLUS": "compare.country.eu27plus", "EUROPE": "compare.country.europe"}
    if code in aggregate_keys:
        return i18n.translate(lang, aggregate_keys[code])
    return i18n.babel_locale(lang).territories.get(code, code)
