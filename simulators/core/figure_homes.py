"""Where each figure of data/ lives ("one home"): every value the app can show, as (measure, country, period) ->
value with the file it comes from, collected from all data files that hold figures.

Files and how a row becomes a home:
- ``indicators/values.csv``: (indicator, country, year);
- ``figures.toml``: (measure or id, country, period) of each entry that holds its own value (an entry pointing at an
  indicator is a reference, not a home);
- ``pension_age.csv``: (``dk_pension_age`` + birth range, DK, the date the rule was adopted);
- ``divorce_fees.csv``: (``dk_divorce_application_fee`` / ``dk_divorce_negotiation_fee``, DK, valid from);
- ``daycare_prices.csv``: (``dk_daycare_price_<municipality>_<setting>_<age band>_<variant>``, DK, year);
- ``tax/dk_kommuneskat_<year>.csv``: (``dk_kommuneskat_<code>`` / ``dk_kirkeskat_<code>``, DK, year);
- ``journeys.toml``: each ``[[journey.amount]]`` with its own ``amount`` must name its ``measure`` and ``period``
  (an amount with ``figure = "<id>"`` takes it from figures.toml: a reference); a step's ``days`` is a home when the
  step names a ``measure``.

``homes(data_dir)`` returns them with the problems found on the way (a figure without a measure and period cannot
be checked); tests/unit/core/test_figures.py fails on two different values for one (measure, country, period) and
on any problem; tools/figures_report.py lists them with their reference dates (``make figures``).
"""
from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from pathlib import Path

from simulators.core.paths import DATA_DIR


@dataclass(frozen=True)
class Home:
    measure: str
    country: str
    period: str
    value: object
    file: str
    where: str
    unit: str = ""
    sources: tuple[str, ...] = ()


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _toml(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _number(text) -> object:
    try:
        number = float(text)
    except (TypeError, ValueError):
        return text
    return int(number) if number.is_integer() else number


def _indicators(data_dir: Path, found: list[Home], problems: list[str]) -> None:
    path = data_dir / "indicators" / "values.csv"
    if path.exists():
        for n, row in enumerate(_csv(path), start=2):
            found.append(Home(row["indicator"], row["country"], row["year"], _number(row["value"]),
                              "indicators/values.csv", f"row {n}", row["unit"], (row["source_id"],)))


def _figures(data_dir: Path, found: list[Home], problems: list[str]) -> None:
    path = data_dir / "figures.toml"
    if not path.exists():
        return
    for entry in _toml(path).get("figure", []):
        if "indicator" in entry:
            continue  # a reference to values.csv
        source = entry.get("source", [])
        found.append(Home(entry.get("measure", entry.get("id", "")), entry.get("country", ""),
                          str(entry.get("period", "")), entry.get("value"), "figures.toml", entry.get("id", ""),
                          entry.get("unit", ""), tuple([source] if isinstance(source, str) else source)))


def _pension_age(data_dir: Path, found: list[Home], problems: list[str]) -> None:
    path = data_dir / "pension_age.csv"
    if path.exists():
        for n, row in enumerate(_csv(path), start=2):
            found.append(Home(f"dk_pension_age_born_{row['born_from'] or 'before'}_{row['born_to'] or 'later'}", "DK",
                              row["as_of"], int(row["age_months"]), "pension_age.csv", f"row {n}", "months",
                              tuple(row["source"].split())))


def _divorce(data_dir: Path, found: list[Home], problems: list[str]) -> None:
    path = data_dir / "divorce_fees.csv"
    if path.exists():
        for n, row in enumerate(_csv(path), start=2):
            for column, measure in (("application_fee_dkk", "dk_divorce_application_fee"),
                                    ("negotiation_fee_dkk", "dk_divorce_negotiation_fee")):
                found.append(Home(measure, "DK", row["valid_from"], int(row[column]), "divorce_fees.csv", f"row {n}",
                                  "DKK", (row["source"],)))


def _daycare(data_dir: Path, found: list[Home], problems: list[str]) -> None:
    path = data_dir / "daycare_prices.csv"
    if path.exists():
        for n, row in enumerate(_csv(path), start=2):
            measure = "_".join(("dk_daycare_price", row["municipality"], row["setting"], row["age_band"],
                                row["variant"]))
            found.append(Home(measure, "DK", row["year"], int(row["price_dkk_month"]), "daycare_prices.csv",
                              f"row {n}", "DKK", (row["source"],)))


def _kommuneskat(data_dir: Path, found: list[Home], problems: list[str]) -> None:
    for path in sorted((data_dir / "tax").glob("dk_kommuneskat_*.csv")):
        year = path.stem.rsplit("_", 1)[-1]
        for n, row in enumerate(_csv(path), start=2):
            for tax in ("kommuneskat", "kirkeskat"):
                found.append(Home(f"dk_{tax}_{row['municipality_code']}", "DK", year,
                                  _number(row[f"{tax}_pct_{year}"]), f"tax/{path.name}", f"row {n}", "%",
                                  (row[f"{tax}_source"],)))


def _journeys(data_dir: Path, found: list[Home], problems: list[str]) -> None:
    path = data_dir / "journeys.toml"
    if not path.exists():
        return
    for journey in _toml(path).get("journey", []):
        name = f"journey {journey.get('event')}/{journey.get('country')}"
        for i, amount in enumerate(journey.get("amount", []), start=1):
            if "figure" in amount or amount.get("amount") is None:
                continue  # a reference to figures.toml, or no figure (the text says why)
            where = f"{name} amount {i}"
            if not amount.get("measure") or not amount.get("period"):
                problems.append(f"journeys.toml {where}: the amount {amount['amount']} {amount.get('currency', '')} "
                                f"names no measure and period (give it `figure = <id>` or `measure` + `period`)")
                continue
            found.append(Home(amount["measure"], journey.get("country", ""), str(amount["period"]), amount["amount"],
                              "journeys.toml", where, amount.get("currency", ""), tuple(amount.get("source", ()))))
        for i, step in enumerate(journey.get("step", []), start=1):
            if step.get("measure") and step.get("days") is not None:
                found.append(Home(step["measure"], journey.get("country", ""), str(step.get("period", "")),
                                  step["days"], "journeys.toml", f"{name} step {i}", "days",
                                  tuple(step.get("source", ()))))


COLLECTORS = (_indicators, _figures, _pension_age, _divorce, _daycare, _kommuneskat, _journeys)


def homes(data_dir: Path = DATA_DIR) -> tuple[list[Home], list[str]]:
    """Every figure of data/ with its home, and the problems (figures that name no measure and period)."""
    found: list[Home] = []
    problems: list[str] = []
    for collect in COLLECTORS:
        collect(data_dir, found, problems)
    return found, problems


def conflicts(found: list[Home]) -> dict[tuple[str, str, str], list[Home]]:
    """(measure, country, period) -> its homes, where they disagree on the value."""
    by_key: dict[tuple[str, str, str], list[Home]] = {}
    for home in found:
        by_key.setdefault((home.measure, home.country, home.period), []).append(home)
    return {key: group for key, group in by_key.items() if len({repr(h.value) for h in group}) > 1}
