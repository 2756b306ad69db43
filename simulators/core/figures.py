"""The one home of every figure a visitor reads in a text: ``data/figures.toml``, each with its value, unit,
reference period and sources (ids of ``data/journeys_sources.toml``, whose ``secondary = true`` marks a
non-authoritative source). Indicator values are not copied: a figure may point at a row of
``data/indicators/values.csv`` (``indicator`` + ``country`` + ``period``) and takes value, unit and source from there.

Texts never spell a figure out (tests/unit/core/test_catalog_figures.py): a catalog message or a data text names it
as a placeholder, ``{dk_moving_deadline_days}``, which ``simulators.core.i18n`` fills with the figure formatted for
the language (money, percent, dates and numbers by Babel). Two derived placeholders: ``{<id>__year}`` (the year of
the reference period) and ``{<id>__period}`` (the period as shown: "2023", "Oct 2023", "11 Aug 2025").

``load()`` checks every entry and raises ValueError naming it: a known unit, a period ``YYYY``/``YYYY-MM``/
``YYYY-MM-DD``, at least one known source, an id used once, and one value per (measure, country, period) — the
"one home" rule that tests/unit/core/test_figures.py also checks across all of data/ (``homes()``).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from simulators.core.paths import DATA_DIR
from simulators.core.sources import Source

FIGURES_FILE = "figures.toml"
SOURCES_FILE = "journeys_sources.toml"
MONEY_UNITS = ("DKK", "EUR")
# "date": an ISO date (YYYY-MM-DD); "day": a day of every year (MM-DD, e.g. "11-01" for 1 November)
UNITS = MONEY_UNITS + ("%", "date", "day", "days", "weeks", "months", "years", "hours", "minutes", "seconds", "km",
                       "count", "million", "persons", "points", "rank", "characters", "kbit/s", "hours/week", "steps",
                       "number")
_DAY = re.compile(r"^(\d{2})-(\d{2})$")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
DERIVED = ("__year", "__period")


@dataclass(frozen=True)
class Figure:
    id: str
    measure: str
    country: str
    period: str           # reference date: "2026", "2023-10" or "2025-05-22"
    value: float | int | str  # a number, or an ISO date for unit "date"
    unit: str
    sources: tuple[Source, ...]
    note: str = ""
    assumption: bool = False  # a choice of the simulation, labelled so where it shows
    decimals: int | None = None  # shown with this many decimals (None: as many as the value has, money 0 or 2)

    @property
    def year(self) -> int:
        return int(self.period[:4])

    @property
    def secondary(self) -> bool:
        """Every source of the figure is secondary (none official)."""
        return bool(self.sources) and all(s.secondary for s in self.sources)

    @property
    def kind(self) -> str:
        """How to show the value: "money", "percent", "date" or "number"."""
        if self.unit in MONEY_UNITS:
            return "money"
        if self.unit.startswith("%"):
            return "percent"
        return self.unit if self.unit in ("date", "day") else "number"


def parse_period(period: str) -> dt.date:
    match = _PERIOD.match(str(period).strip())
    if not match:
        raise ValueError(f"period {period!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    y, m, d = (int(part) if part else 1 for part in match.groups())
    return dt.date(y, m, d)


def _toml(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_sources(data_dir: Path = DATA_DIR) -> dict[str, Source]:
    """The sources of figures and journeys: id -> Source (``secondary`` from the entry's flag)."""
    return {key: Source(key, entry["title"], entry["url"], secondary=bool(entry.get("secondary", False)))
            for key, entry in _toml(data_dir / SOURCES_FILE).items()}


def _indicator_rows(data_dir: Path) -> tuple[dict, dict]:
    folder = data_dir / "indicators"
    if not (folder / "values.csv").exists():
        return {}, {}
    rows = {(r["indicator"], r["country"], r["year"]): r for r in _csv(folder / "values.csv")}
    sources = {r["source_id"]: Source(r["source_id"], r["title"], r["url"], short=r["short"],
                                      secondary=(r.get("quality") or "").strip() == "secondary")
               for r in _csv(folder / "sources.csv")}
    return rows, sources


def _number(value, where: str):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{where}: value {value!r} is not a number")
    return value


def parse(doc: dict, sources: dict[str, Source], indicator_rows: dict, indicator_sources: dict) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    homes: dict[tuple[str, str, str], str] = {}
    for number, entry in enumerate(doc.get("figure", []), start=1):
        fid = entry.get("id", "")
        where = f"figures.toml entry {number} ({fid!r})"
        if not _ID.match(fid) or any(fid.endswith(s) for s in DERIVED):
            raise ValueError(f"{where}: bad id")
        if fid in figures:
            raise ValueError(f"{where}: id used twice")
        country, period = entry.get("country", ""), str(entry.get("period", ""))
        try:
            parse_period(period)
        except ValueError as error:
            raise ValueError(f"{where}: {error}") from None
        if "indicator" in entry:  # the value lives in data/indicators/values.csv
            row = indicator_rows.get((entry["indicator"], country, period))
            if row is None:
                raise ValueError(f"{where}: no row {entry['indicator']}/{country}/{period} in values.csv")
            unit = "%" if row["unit"].startswith("%") else "number"
            value = float(row["value"])
            value = int(value) if value.is_integer() else value
            found = (indicator_sources[row["source_id"]],)
            measure = entry["indicator"]
        else:
            unit = entry.get("unit", "")
            if unit not in UNITS:
                raise ValueError(f"{where}: unit {unit!r} not one of {', '.join(UNITS)}")
            value = entry.get("value")
            if unit == "date":
                try:
                    dt.date.fromisoformat(str(value))
                except ValueError:
                    raise ValueError(f"{where}: date {value!r} is not YYYY-MM-DD") from None
                value = str(value)
            elif unit == "day":
                if not _DAY.match(str(value)):
                    raise ValueError(f"{where}: day {value!r} is not MM-DD")
                dt.date(2024, int(value[:2]), int(value[3:]))
            else:
                value = _number(value, where)
            ids = entry.get("source", [])
            ids = [ids] if isinstance(ids, str) else list(ids)
            unknown = [i for i in ids if i not in sources]
            if unknown or not (ids or (entry.get("assumption") and entry.get("note"))):
                raise ValueError(f"{where}: no source (an assumption needs a note) or unknown source id(s) {unknown}")
            found = tuple(sources[i] for i in ids)
            measure = entry.get("measure", fid)
        home = (measure, country, period)
        if home in homes:
            raise ValueError(f"{where}: {home} already has a value in entry {homes[home]!r} (one home per figure)")
        homes[home] = fid
        figures[fid] = Figure(fid, measure, country, period, value, unit, found, entry.get("note", ""),
                              bool(entry.get("assumption", False)), entry.get("decimals"))
    return figures


@lru_cache(maxsize=4)
def load(data_dir: Path = DATA_DIR) -> dict[str, Figure]:
    """Every figure by id (checked; cached)."""
    rows, indicator_sources = _indicator_rows(data_dir)
    return parse(_toml(data_dir / FIGURES_FILE), read_sources(data_dir), rows, indicator_sources)


def get(fid: str) -> Figure:
    try:
        return load()[fid]
    except KeyError:
        raise KeyError(f"no figure {fid!r} in data/{FIGURES_FILE}") from None


def value(fid: str):
    return get(fid).value


def series(measure: str, country: str | None = None) -> dict[str, Figure]:
    """The figures of one measure by period, oldest first."""
    found = [f for f in load().values() if f.measure == measure and (country is None or f.country == country)]
    return {f.period: f for f in sorted(found, key=lambda f: parse_period(f.period))}


def lookup(name: str) -> tuple[Figure, str] | None:
    """The figure a placeholder names and what of it to show ("value", "year" or "period"), or None."""
    figures = load()
    if name in figures:
        return figures[name], "value"
    for suffix in DERIVED:
        if name.endswith(suffix) and name[: -len(suffix)] in figures:
            return figures[name[: -len(suffix)]], suffix[2:]
    return None
