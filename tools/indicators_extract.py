"""One-off tooling: copy the indicator rows the app shows from the research folder into data/indicators/.

Run once (the app never reads ../shared at run time):
    python -m tools.indicators_extract /work/shared/data/indicators data/indicators

Writes a compact form of the tidy research CSVs: ``values.csv`` (one value a row, with a source id and a note id),
``sources.csv`` (title, url and a short name for chart captions) and ``notes.csv`` (the research notes and quotes,
which carry the caveats, e.g. that DESI 2017-2021 is the Commission's back-calculation). Values are not changed.
"""
from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

# file -> indicators the app shows (None = every indicator of that file)
SELECTION: dict[str, set[str] | None] = {
    "desi.csv": {
        "desi_overall_score", "desi_human_capital_score", "desi_connectivity_score",
        "desi_integration_digital_tech_score", "desi_digital_public_services_score", "desi_overall_rank_eu27",
        "desi_overall_rank_as_published", "desi_overall_score_as_published",
        "desi_digital_public_services_score_as_published",
    },
    "desi_2022_indicators.csv": {"desi_1a1_at_least_basic_digital_skills"},
    "digital_decade.csv": {"dd_prefilled_forms"},
    "eurostat_egov.csv": None,
    "egdi.csv": {
        "egdi_score", "egdi_rank_world", "egdi_online_service_index", "egdi_human_capital_index",
        "egdi_telecom_infrastructure_index", "egdi_score_region_europe",
    },
    "egov_benchmark.csv": {
        "egovbench_overall_score", "egovbench_overall_rank_eu27", "egovbench_user_centricity",
        "egovbench_transparency", "egovbench_key_enablers", "egovbench_cross_border_services",
        "egovbench_key_enabler_eid", "egovbench_key_enabler_digital_post",
    },
    "eid.csv": None,
    "digital_post.csv": {"dk_digital_post_share_citizens", "dk_digital_post_users_citizens"},
    "germany_ozg_egov_use.csv": {
        "de_ozg_services_target", "de_online_services_applicable", "de_ozg_services_available_nationwide",
        "de_ozg_services_fully_digital", "de_ozg_services_partially_digital", "de_ozg_services_in_person_required",
        "de_ozg_federal_services_online",
    },
}

# Caption names for the large workbook sources (their full titles name the GitHub copy and sheet).
SHORT_NAMES = {
    "Annaspella/DESI_statistical_assessment": "European Commission, DESI 2022 dataset",
    "EGBR_2023": "European Commission, eGovernment Benchmark 2023",
    "egdi-2016.csv": "UN DESA, E-Government Survey 2016",
    "egdi-2018.csv": "UN DESA, E-Government Survey 2018",
    "EGOV_DATA_2022.csv": "UN DESA, E-Government Survey 2022",
    "EGOV_DATA_2024.csv": "UN DESA, E-Government Survey 2024",
}


def short_name(title: str, url: str) -> str:
    for marker, name in SHORT_NAMES.items():
        if marker in url:
            return name
    short = title.split(", '")[0].strip()
    return short.split(" (")[0].strip() if len(short) > 60 else short


def stable_id(prefix: str, text: str) -> str:
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def extract(source_dir: Path) -> tuple[list[dict], list[dict], list[dict]]:
    values, sources, notes = [], {}, {}
    for name, wanted in SELECTION.items():
        with (source_dir / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if wanted is not None and row["indicator"] not in wanted:
                    continue
                source_id = stable_id("S", row["source_title"] + "|" + row["source_url"])
                sources[source_id] = {"source_id": source_id,
                                      "short": short_name(row["source_title"], row["source_url"]),
                                      "title": row["source_title"], "url": row["source_url"]}
                note_id = stable_id("N", row["note"]) if row["note"] else ""
                if note_id:
                    notes[note_id] = {"note_id": note_id, "note": row["note"]}
                values.append({k: row[k] for k in ("indicator", "country", "year", "value", "unit")}
                              | {"source_id": source_id, "note_id": note_id, "file": name})
    return (values, sorted(sources.values(), key=lambda s: s["source_id"]),
            sorted(notes.values(), key=lambda n: n["note_id"]))


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> None:
    source_dir, target = Path(argv[0]), Path(argv[1])
    values, sources, notes = extract(source_dir)
    target.mkdir(parents=True, exist_ok=True)
    # keep the primary/secondary judgement made by hand (issue #19); a new source must be judged before it shows
    known = {}
    if (target / "sources.csv").exists():
        with (target / "sources.csv").open(encoding="utf-8", newline="") as handle:
            known = {row["source_id"]: row.get("quality", "") for row in csv.DictReader(handle)}
    sources = [{**row, "quality": known.get(row["source_id"]) or "unjudged"} for row in sources]
    write(target / "values.csv", values)
    write(target / "sources.csv", sources)
    write(target / "notes.csv", notes)
    print(f"{len(values)} values, {len(sources)} sources, {len(notes)} notes -> {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
