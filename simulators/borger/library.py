"""Library reservation (bibliotek.dk style) from the simulation's small catalogue, for pickup at the persona's
municipality library, as pure rules.

Sourced (docs/DOMAIN.md §3.3): order materials for pickup at your local library, where you must be a user;
from age 13 you can register online with MitID; the health card works as library card (naesbib.dk); typical loan
period 28–30 days (bronderslevbib.dk, dcbib.dk). The catalogue (data/library_catalogue.csv) is a simulation:
public-domain classics with invented copy and queue counts. How many reservations one may place, how soon a
reserved item is ready and how long it waits on the shelf are assumptions (named constants below).
"""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from pathlib import Path

from simulators.borger import rules_b

FLOW_ID = "library"
CATALOGUE_PATH = Path(__file__).resolve().parents[2] / "data" / "library_catalogue.csv"
MIN_AGE = 13                 # naesbib.dk: from 13 with MitID you can register online
LOAN_DAYS_RANGE = (28, 30)   # bronderslevbib.dk, dcbib.dk: typical loan period
MAX_TITLES = 5               # assumption of the simulation
READY_AFTER_DAYS = 2         # assumption: an item on the shelf is ready for pickup after 2 days
PICKUP_WITHIN_DAYS = 7       # assumption: a ready item waits 7 days on the reservation shelf
TYPE_KEYS = {"book": "flows_b.library.type.book", "audiobook": "flows_b.library.type.audiobook",
             "large_print": "flows_b.library.type.large_print"}


@lru_cache(maxsize=1)
def catalogue() -> tuple[dict, ...]:
    with CATALOGUE_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for name in ("year", "copies", "reservations"):
            row[name] = int(row[name])
    return tuple(rows)


def by_id() -> dict[str, dict]:
    return {row["item_id"]: row for row in catalogue()}


def search(query: str = "", language: str | None = None) -> list[dict]:
    """Titles whose title or author contains every word of ``query`` (case-insensitive), optionally one language."""
    words = query.casefold().split()
    found = []
    for row in catalogue():
        text = f"{row['title']} {row['author']}".casefold()
        if all(word in text for word in words) and (language in (None, "", row["language"])):
            found.append(row)
    return found


def label(row: dict) -> str:
    return f"{row['title']} – {row['author']} ({row['year']})"


def pickup_library(persona: dict) -> str:
    """The pickup place is the persona's municipality library (sender id "bibliotek" in data/authorities.csv)."""
    return persona["municipality"]


def eligibility(persona: dict, today: dt.date) -> rules_b.Eligibility:
    if persona.get("age", 0) < MIN_AGE:
        return rules_b.Eligibility(False, "flows_b.library.ineligible.under_13", {"min_age": MIN_AGE})
    return rules_b.Eligibility(True)


def validate(answers: dict, persona: dict, today: dt.date) -> dict:
    errors: dict[str, tuple[str, dict]] = {}
    chosen = list(answers.get("titles") or [])
    known = by_id()
    if not chosen:
        errors["titles"] = ("flows_b.library.err.no_title", {})
    elif any(item_id not in known for item_id in chosen):
        errors["titles"] = ("flows_b.library.err.unknown_title", {})
    elif len(chosen) > MAX_TITLES:
        errors["titles"] = ("flows_b.library.err.too_many", {"max": MAX_TITLES})
    return errors


def reservation(row: dict, today: dt.date) -> dict:
    """Queue position and, for an item with a free copy, when it is ready and until when it can be picked up."""
    position = row["reservations"] + 1
    on_shelf = row["copies"] > row["reservations"]
    ready = today + dt.timedelta(days=READY_AFTER_DAYS) if on_shelf else None
    return {"item_id": row["item_id"], "label": label(row), "queue_position": position, "ready": on_shelf,
            "ready_date": ready.isoformat() if ready else None,
            "pickup_by": (ready + dt.timedelta(days=PICKUP_WITHIN_DAYS)).isoformat() if ready else None}


def outcome(persona: dict, answers: dict, now: dt.datetime, receipt: str) -> dict:
    today = now.date()
    rows = [by_id()[item_id] for item_id in answers.get("titles") or []]
    reservations = [reservation(row, today) for row in rows]
    ready = [r for r in reservations if r["ready"]]
    queued = [r for r in reservations if not r["ready"]]
    library = pickup_library(persona)
    submission = {"service": FLOW_ID, "receipt": receipt, "sent_at": now.isoformat(timespec="seconds"),
                  "library": library, "reservations": reservations}
    letters = [{"template": "library_reservation_receipt", "sender": "bibliotek", "params": {
        "full_name": persona["full_name"], "receipt": receipt, "library": library,
        "ready_titles": "\n".join(f"• {r['label']}" for r in ready) or "–",
        "queued_titles": "\n".join(f"• {r['label']} (#{r['queue_position']})" for r in queued) or "–",
    }}]
    deadlines = []
    if ready:
        pickup_by = min(r["pickup_by"] for r in ready)
        letters.append({"template": "library_ready_for_pickup", "sender": "bibliotek", "params": {
            "full_name": persona["full_name"], "library": library, "ready_date": ready[0]["ready_date"],
            "pickup_by_date": pickup_by, "titles": "\n".join(f"• {r['label']}" for r in ready),
        }})
        deadlines.append({"service": FLOW_ID, "date": pickup_by, "label_key": "flows_b.library.deadline_pickup",
                          "params": {"library": library}, "assumption": True})
    case = {"service": FLOW_ID, "receipt": receipt, "authority": "bibliotek", "opened": today.isoformat(),
            "title_key": "flows_b.library.case_title", "status_key": "flows_b.library.case_status"}
    return {"submission": submission, "letters": letters, "cases": [case], "deadlines": deadlines,
            "payments": [], "persona_changes": {}}
