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

from simulators.borger.framework import Field, Flow, Option, Outcome, Step, at_least_age, register
from simulators.borger.search import MAX_QUERY_CHARS
from simulators.core import figures
from simulators.core.paths import DATA_DIR

CATALOGUE_CSV = DATA_DIR / "library_catalogue.csv"
MIN_AGE = figures.value("dk_library_min_age")  # naesbib.dk: from 13 you can register online with MitID
LOAN_DAYS = (28, 30)        # bronderslevbib.dk, dcbib.dk: typical loan period
MAX_TITLES = 5              # assumption
READY_AFTER_DAYS = 2        # assumption: a title with a free copy is on the reservation shelf after 2 days
PICKUP_WITHIN_DAYS = 7      # assumption: it waits there 7 days
OPTION_KEYS = {"book": "flow.library.option_book", "audiobook": "flow.library.option_audiobook",
               "large_print": "flow.library.option_large_print"}  # "{label} · <type>" per language


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
    """Titles whose title or author contain every word of ``query`` (case-insensitive; its first
    ``MAX_QUERY_CHARS`` characters)."""
    words = str(query)[:MAX_QUERY_CHARS].casefold().split()
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


eligible = at_least_age(MIN_AGE, "flow.library.not_eligible_age")


def validate(step_id, answers, persona, today):
    errors = {}
    if step_id == "search" and not search(str(answers.get("query") or "")):
        errors["query"] = ("flow.library.err.no_match", {"query": str(answers.get("query") or "").strip()})
    elif step_id == "titles":
        chosen = list(answers.get("titles") or [])
        if len(chosen) > MAX_TITLES:
            errors["titles"] = ("flow.library.err.too_many", {"max": MAX_TITLES, "count": len(chosen)})
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
        deadlines.append({"label_key": "flow.library.deadline_pickup", "date": pickup_by,
                          "params": {"municipality": library}, "source_key": "flow.library.assumption_pickup"})
    changes = {"cases": [{"flow": "library", "title_key": "flow.library.case_title",
                          "status_key": "borger.case.registered", "authority": "bibliotek",
                          "params": {"count": len(found), "municipality": library}, "date": today.isoformat()}],
               "deadlines": deadlines, "payments": []}
    receipt = [{"kind": "success", "key": "flow.library.receipt_done",
                "params": {"count": len(found), "municipality": library}}]
    if ready:
        receipt.append({"kind": "info", "key": "flow.library.receipt_ready",
                        "params": {"count": len(ready), "ready_date": ready[0]["ready_date"],
                                   "pickup_by_date": min(r["pickup_by"] for r in ready)}})
    if queued:
        receipt.append({"kind": "info", "key": "flow.library.receipt_queued", "params": {"count": len(queued)}})
    receipt += [{"kind": "info", "key": "flow.library.loan_period", "params": {"low": LOAN_DAYS[0],
                                                                                  "high": LOAN_DAYS[1]}},
                {"kind": "source", "key": "flow.library.src_loan_text"},
                {"kind": "assumption", "key": "flow.library.assumption_timing",
                 "params": {"ready": READY_AFTER_DAYS, "pickup": PICKUP_WITHIN_DAYS}}]
    return Outcome(summary=[], letters=letters, changes=changes, receipt=receipt)


def examples(persona, answers, today, rng, lang):
    """Example answers: an author's name as the search, and a title of theirs that is on the shelf (so a pickup
    letter follows); with a search from an earlier step, one of its hits."""
    query = answers.get("query")
    if query is None:
        row = rng.choice([r for r in catalogue() if r["copies"] > r["reservations"]] or list(catalogue()))
        query = row["author"].split()[-1]
    hits = search(str(query)) or list(catalogue())
    free = [r for r in hits if r["copies"] > r["reservations"]] or hits
    return {"query": query, "titles": [rng.choice(free)["item_id"]], "pickup_library": persona["municipality"]}


# ---- the flow's steps ----------------------------------------------------------------------------------
def title_options(persona, answers, today):
    """The search hits, plus titles chosen before the search changed (so a choice is never lost silently)."""
    hits = search(str(answers.get("query") or ""))
    chosen = [by_id()[i] for i in answers.get("titles") or [] if i in by_id() and by_id()[i] not in hits]
    return [Option(row["item_id"], label_key=OPTION_KEYS[row["type"]], params={"label": label(row)})
            for row in chosen + hits]


def search_notes(persona, answers, today):
    return [{"kind": "assumption", "key": "flow.library.catalogue_simulated", "params": {"count": len(catalogue())}}]


def titles_notes(persona, answers, today):
    hits = len(search(str(answers.get("query") or "")))
    return [{"kind": "info", "key": "flow.library.hits", "params": {"count": hits}},
            {"kind": "assumption", "key": "flow.library.max_titles", "params": {"max": MAX_TITLES}}]


def pickup_notes(persona, answers, today):
    rows = [{"label_key": "flow.library.status_ready", "params": {"ready_date": entry["ready_date"]},
             "value": {"text": entry["label"]}} if entry["ready_date"] else
            {"label_key": "flow.library.status_queue", "params": {"position": entry["queue_position"]},
             "value": {"text": entry["label"]}} for entry in reservations(answers, today)]
    notes = [{"kind": "info", "key": "flow.library.health_card"},
             {"kind": "source", "key": "flow.library.src_naesbib_text"}]
    if rows:
        notes.insert(0, {"kind": "rows", "rows": rows, "key": "flow.library.availability_caption"})
        notes.append({"kind": "assumption", "key": "flow.library.assumption_timing",
                      "params": {"ready": READY_AFTER_DAYS, "pickup": PICKUP_WITHIN_DAYS}})
    return notes


def library_options(persona, answers, today):
    return [Option(persona["municipality"], label_key="flow.library.library_name",
                   params={"municipality": persona["municipality"]})]


STEPS = (
    Step("search", "flow.library.step_search", intro_key="flow.library.intro", notes=search_notes, fields=(
        Field("query", "text", "flow.library.query", hint_key="flow.library.query_hint", required=False,
              max_length=MAX_QUERY_CHARS),
    )),
    Step("titles", "flow.library.step_titles", notes=titles_notes, fields=(
        Field("titles", "multi", "flow.library.titles", options=title_options),
    )),
    Step("pickup", "flow.library.step_pickup", notes=pickup_notes, fields=(
        Field("pickup_library", "select", "flow.library.pickup_library", options=library_options,
              prefill=lambda persona, today: persona["municipality"],
              prefill_source_key="flow.library.source_cpr_municipality"),
    )),
)

FLOW = register(Flow(
    id="library", title_key="flow.library.title", topic="kultur-og-fritid", article_key="flow.library.article",
    authority="bibliotek", steps=STEPS, eligible=eligible, validate=validate, outcome=outcome,
    alternative_filters={"min_age": 18}, keywords_key="flow.library.keywords", examples=examples,
    sources=(("flow.library.src_bibliotek_dk", "https://alfa.bibliotek.dk/hjaelp/om-bibliotek-dk/24"),
             ("flow.library.src_naesbib", "https://www.naesbib.dk/om-naestved-bibliotek-og-borgerservice/bliv-bruger"),
             ("flow.library.src_bronderslev", "https://www.bronderslevbib.dk/english/loans-and-reservations"),
             ("flow.library.src_dcbib", "https://www.dcbib.dk/e-materialer/bibliotekdk"),
             ("flow.library.src_catalogue", "data/library_catalogue.csv (simulation)")),
))
