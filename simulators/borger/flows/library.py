"""Flow "library": reserve titles from the simulation's small catalogue for pickup at the persona's municipality
library (bibliotek.dk style), as pure rules.

Sourced (DOMAIN.md §3.3): order materials for pickup at your local library, where you must be a user;
from age 13 you can register online with MitID and the health card works as library card (naesbib.dk); typical
loan period 28–30 days (bronderslevbib.dk, dcbib.dk). The catalogue (data/library_catalogue.csv) is a simulation:
public-domain classics with invented copy and queue counts. How many titles one may reserve, how soon a title on
the shelf is ready and how long it waits for pickup are assumptions (the constants below), shown as such.
"""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache

from simulators.borger.framework import Field, Flow, Option, Outcome, Step, register
from simulators.core.paths import DATA_DIR

CATALOGUE_CSV = DATA_DIR / "library_catalogue.csv"
MIN_AGE = 13                # naesbib.dk: from 13 you can register online with MitID
LOAN_DAYS = (28, 30)        # bronderslevbib.dk, dcbib.dk: typical loan period
MAX_TITLES = 5              # assumption
READY_AFTER_DAYS = 2        # assumption: a title with a free copy is on the reservation shelf after 2 days
PICKUP_WITHIN_DAYS = 7      # assumption: it waits there 7 days
OPTION_KEYS = {"book": "flows_b.library.option_book", "audiobook": "flows_b.library.option_audiobook",
               "large_print": "flows_b.library.option_large_print"}  # "{label} · <type>" per language


@lru_cache(maxsize=1)
def catalogue() -> tuple[dict, ...]:
    with CATALOGUE_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for name in ("year", "copies", "reservations"):
            row[name] = int(row[name])
    return tuple(rows)


def by_id() -> dict[str, dict]:
    return {row["item_id"]: row for row in catalogue()}


def search(query: str = "") -> list[dict]:
    """Titles whose title or author contain every word of ``query`` (case-insensitive)."""
    words = query.casefold().split()
    return [row for row in catalogue() if all(w in f"{row['title']} {row['author']}".casefold() for w in words)]


def label(row: dict) -> str:
    return f"{row['title']} – {row['author']} ({row['year']})"


def reservation(row: dict, today: dt.date) -> dict:
    """Queue position and, when a copy is free, the day it is ready and the last day to pick it up."""
    on_shelf = row["copies"] > row["reservations"]
    ready = today + dt.timedelta(days=READY_AFTER_DAYS) if on_shelf else None
    return {"item_id": row["item_id"], "label": label(row), "queue_position": row["reservations"] + 1,
            "ready_date": ready.isoformat() if ready else None,
            "pickup_by": (ready + dt.timedelta(days=PICKUP_WITHIN_DAYS)).isoformat() if ready else None}


def reservations(answers: dict, today: dt.date) -> list[dict]:
    known = by_id()
    return [reservation(known[i], today) for i in answers.get("titles") or [] if i in known]


def eligible(persona, today):
    if persona.get("age", 0) < MIN_AGE:
        return False, "flows_b.library.not_eligible_age", {"age": MIN_AGE}
    return True, None, {}


def validate(step_id, answers, persona, today):
    errors = {}
    if step_id == "search" and not search(str(answers.get("query") or "")):
        errors["query"] = ("flows_b.library.err.no_match", {"query": str(answers.get("query") or "").strip()})
    elif step_id == "titles":
        chosen = list(answers.get("titles") or [])
        if len(chosen) > MAX_TITLES:
            errors["titles"] = ("flows_b.library.err.too_many", {"max": MAX_TITLES, "count": len(chosen)})
    return errors


def lines(entries: list[dict], with_queue: bool = False) -> str:
    return "\n".join(f"- {e['label']}" + (f" (#{e['queue_position']})" if with_queue else "") for e in entries) or "–"


def outcome(persona, answers, today):
    found = reservations(answers, today)
    ready = [r for r in found if r["ready_date"]]
    queued = [r for r in found if not r["ready_date"]]
    library = persona["municipality"]
    letters = [{"template": "library_reservation_receipt", "params": {
        "ready_titles": lines(ready), "queued_titles": lines(queued, with_queue=True),
        "ready_count": len(ready), "queued_count": len(queued)}}]
    deadlines = []
    if ready:
        pickup_by = min(r["pickup_by"] for r in ready)
        letters.append({"template": "library_ready_for_pickup", "params": {
            "titles": lines(ready), "ready_date": ready[0]["ready_date"], "pickup_by_date": pickup_by}})
        deadlines.append({"label_key": "flows_b.library.deadline_pickup", "date": pickup_by,
                          "params": {"municipality": library}, "source_key": "flows_b.library.assumption_pickup"})
    changes = {"cases": [{"flow": "library", "title_key": "flows_b.library.case_title",
                          "status_key": "borger.case.registered", "authority": "bibliotek",
                          "params": {"count": len(found), "municipality": library}, "date": today.isoformat()}],
               "deadlines": deadlines, "payments": []}
    receipt = [{"kind": "success", "key": "flows_b.library.receipt_done",
                "params": {"count": len(found), "municipality": library}}]
    if ready:
        receipt.append({"kind": "info", "key": "flows_b.library.receipt_ready",
                        "params": {"count": len(ready), "ready_date": ready[0]["ready_date"],
                                   "pickup_by_date": min(r["pickup_by"] for r in ready)}})
    if queued:
        receipt.append({"kind": "info", "key": "flows_b.library.receipt_queued", "params": {"count": len(queued)}})
    receipt += [{"kind": "info", "key": "flows_b.library.loan_period", "params": {"low": LOAN_DAYS[0],
                                                                                  "high": LOAN_DAYS[1]}},
                {"kind": "source", "key": "flows_b.library.src_loan_text"},
                {"kind": "assumption", "key": "flows_b.library.assumption_timing",
                 "params": {"ready": READY_AFTER_DAYS, "pickup": PICKUP_WITHIN_DAYS}}]
    return Outcome(summary=[], letters=letters, changes=changes, receipt=receipt)


# ---- the flow's steps ----------------------------------------------------------------------------------
def title_options(persona, answers, today):
    """The search hits, plus titles chosen before the search changed (so a choice is never lost silently)."""
    hits = search(str(answers.get("query") or ""))
    chosen = [by_id()[i] for i in answers.get("titles") or [] if i in by_id() and by_id()[i] not in hits]
    return [Option(row["item_id"], label_key=OPTION_KEYS[row["type"]], params={"label": label(row)})
            for row in chosen + hits]


def search_notes(persona, answers, today):
    return [{"kind": "assumption", "key": "flows_b.library.catalogue_simulated", "params": {"count": len(catalogue())}}]


def titles_notes(persona, answers, today):
    hits = len(search(str(answers.get("query") or "")))
    return [{"kind": "info", "key": "flows_b.library.hits", "params": {"count": hits}},
            {"kind": "assumption", "key": "flows_b.library.max_titles", "params": {"max": MAX_TITLES}}]


def pickup_notes(persona, answers, today):
    rows = [{"label_key": "flows_b.library.status_ready", "params": {"ready_date": entry["ready_date"]},
             "value": {"text": entry["label"]}} if entry["ready_date"] else
            {"label_key": "flows_b.library.status_queue", "params": {"position": entry["queue_position"]},
             "value": {"text": entry["label"]}} for entry in reservations(answers, today)]
    notes = [{"kind": "info", "key": "flows_b.library.health_card"},
             {"kind": "source", "key": "flows_b.library.src_naesbib_text"}]
    if rows:
        notes.insert(0, {"kind": "rows", "rows": rows, "key": "flows_b.library.availability_caption"})
        notes.append({"kind": "assumption", "key": "flows_b.library.assumption_timing",
                      "params": {"ready": READY_AFTER_DAYS, "pickup": PICKUP_WITHIN_DAYS}})
    return notes


def library_options(persona, answers, today):
    return [Option(persona["municipality"], label_key="flows_b.library.library_name",
                   params={"municipality": persona["municipality"]})]


STEPS = (
    Step("search", "flows_b.library.step_search", intro_key="flows_b.library.intro", notes=search_notes, fields=(
        Field("query", "text", "flows_b.library.query", hint_key="flows_b.library.query_hint", required=False),
    )),
    Step("titles", "flows_b.library.step_titles", notes=titles_notes, fields=(
        Field("titles", "multi", "flows_b.library.titles", options=title_options),
    )),
    Step("pickup", "flows_b.library.step_pickup", notes=pickup_notes, fields=(
        Field("pickup_library", "select", "flows_b.library.pickup_library", options=library_options,
              prefill=lambda persona, today: persona["municipality"],
              prefill_source_key="flows_b.library.source_cpr_municipality"),
    )),
)

FLOW = register(Flow(
    id="library", title_key="flows_b.library.title", topic="kultur-og-fritid", article_key="flows_b.library.article",
    authority="bibliotek", steps=STEPS, eligible=eligible, validate=validate, outcome=outcome,
    alternative_filters={"min_age": 18}, keywords_key="flows_b.library.keywords",
    sources=(("flows_b.library.src_bibliotek_dk", "https://alfa.bibliotek.dk/hjaelp/om-bibliotek-dk/24"),
             ("flows_b.library.src_naesbib", "https://www.naesbib.dk/om-naestved-bibliotek-og-borgerservice/bliv-bruger"),
             ("flows_b.library.src_bronderslev", "https://www.bronderslevbib.dk/english/loans-and-reservations"),
             ("flows_b.library.src_dcbib", "https://www.dcbib.dk/e-materialer/bibliotekdk"),
             ("flows_b.library.src_catalogue", "data/library_catalogue.csv (simulation)")),
))
