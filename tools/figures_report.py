"""Staleness report of the figures the app shows (issue #19): ``make figures`` or
``python -m tools.figures_report [--all] [--reference ../shared/data]``.

Lists each displayed figure with its reference date and flags those older than the newest year present in the
reference material for the same measure:

1. data/figures.toml (every figure a text shows) and the tagged amounts of data/journeys.toml and the rows of
   data/pension_age.csv, divorce_fees.csv and daycare_prices.csv (``simulators.core.figure_homes``): the newest
   year of a measure is the newest year any of these files (data/, the one home of such figures) holds for it. A
   figure a text names directly (a ``{placeholder}`` in a catalog or a data text, ``figure = "<id>"`` in
   journeys.toml, or its id in the code) and an older year than its measure's newest is flagged ``OLDER``; older
   years that only serve their own year (the 2025 rates of the 2025 tax statement) say so in their note.
2. The indicators of the comparison (data/indicators/values.csv): per indicator and country (DK, DE, EU27) the
   newest period the app holds, against the newest period of the research folder (``--reference``, default
   ``../shared/data`` when it exists, else data/ itself): ``OLDER`` when the research folder has a newer one.

The app never imports this module; it reads data/ and, for the report only, the research folder.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulators.core import figure_homes, figures  # noqa: E402
from simulators.core.paths import DATA_DIR  # noqa: E402

SHOWN_COUNTRIES = ("DK", "DE", "EU27")
TEXT_FILES = ("locales/en/LC_MESSAGES/*.po", "data/journeys.toml", "data/learn.toml")
CODE_DIRS = ("simulators", "ui", "pages")


def year(period: str) -> int:
    return int(str(period)[:4])


def references() -> dict[str, str]:
    """Figure id -> where a text or the code names it first (a placeholder, a figure reference or a literal id)."""
    ids = set(figures.load())
    found: dict[str, str] = {}
    pattern = re.compile(r"\{([a-z][a-z0-9_]*?)(?:__year|__period)?\}|figure(?:_max)? = \"([a-z0-9_]+)\"|"
                         r"\"([a-z][a-z0-9_]+)\"")
    files = [p for glob in TEXT_FILES for p in sorted(ROOT.glob(glob))]
    files += [p for folder in CODE_DIRS for p in sorted((ROOT / folder).rglob("*.py"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for match in pattern.finditer(text):
            name = next(g for g in match.groups() if g)
            if name in ids and name not in found:
                found[name] = str(path.relative_to(ROOT))
    return found


def figure_rows(show_all: bool) -> tuple[list[list[str]], int]:
    found, _ = figure_homes.homes(DATA_DIR)
    homes = [h for h in found if h.file != "indicators/values.csv"]
    newest: dict[tuple[str, str], int] = {}
    for home in homes:
        key = (home.measure, home.country)
        newest[key] = max(newest.get(key, 0), year(home.period))
    used = references()
    by_measure = {(f.measure, f.country, f.period): f for f in figures.load().values()}
    rows, flagged = [], 0
    for home in sorted(homes, key=lambda h: (h.file, h.measure, h.period)):
        top = newest[(home.measure, home.country)]
        figure = by_measure.get((home.measure, home.country, home.period)) if home.file == "figures.toml" else None
        where = used.get(figure.id, "") if figure else home.file
        older = year(home.period) < top and (figure is None or figure.id in used)
        flagged += older
        if older or show_all:
            note = figure.note if figure else ""
            rows.append(["OLDER" if older else "", home.file, figure.id if figure else home.where, home.country,
                         str(home.period), str(top), str(home.value), where, note])
    return rows, flagged


def _newest_periods(rows) -> dict[tuple[str, str], str]:
    newest: dict[tuple[str, str], str] = {}
    for row in rows:
        key = (row["indicator"], row["country"])
        if row["country"] in SHOWN_COUNTRIES and row["year"] > newest.get(key, ""):
            newest[key] = row["year"]
    return newest


def indicator_rows(reference: Path, show_all: bool) -> tuple[list[list[str]], int]:
    with (DATA_DIR / "indicators" / "values.csv").open(encoding="utf-8", newline="") as handle:
        app = _newest_periods(csv.DictReader(handle))
    research_rows = []
    folder = reference / "indicators"
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        with path.open(encoding="utf-8", newline="") as handle:
            research_rows += [r for r in csv.DictReader(handle) if "indicator" in r and "year" in r]
    research = _newest_periods(research_rows) if research_rows else app
    rows, flagged = [], 0
    for (indicator, country), period in sorted(app.items()):
        top = research.get((indicator, country), period)
        older = top[:4] > period[:4] or (top > period and len(top) == len(period))
        flagged += older
        if older or show_all:
            rows.append(["OLDER" if older else "", indicator, country, period, top])
    return rows, flagged


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    widths = [min(w, 60) for w in widths]
    line = lambda cells: "  ".join(c[:60].ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every figure, not only the flagged ones")
    default = (ROOT.parent / "shared" / "data")
    parser.add_argument("--reference", type=Path, default=default if default.is_dir() else DATA_DIR,
                        help="the research folder's data/ (default ../shared/data when present, else data/)")
    args = parser.parse_args(argv)
    fig_rows, fig_flagged = figure_rows(args.all)
    ind_rows, ind_flagged = indicator_rows(args.reference, args.all)
    print(f"Figures of data/ ({'all' if args.all else 'flagged only; --all lists every one'}):")
    print(table(["flag", "file", "figure", "country", "period", "newest", "value", "named in", "note"], fig_rows))
    print(f"\n{fig_flagged} figure(s) a text names are older than the newest year of their measure in data/.")
    print(f"\nIndicators of the comparison (DK, DE, EU27) against {args.reference}:")
    print(table(["flag", "indicator", "country", "app period", "newest in reference"], ind_rows))
    print(f"\n{ind_flagged} indicator series are older in the app than in the reference material.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
