"""Persisting self-service outcomes and building Mit Overblik from them.

``submit(store, visit_id, flow_id, outcome)`` stores the submission (kind "submission", scoped to the visit),
delivers its letters to Digital Post, applies ``changes["persona"]`` to the visit's ``persona_changes`` (which
``simulators.core.visits.apply_persona_changes`` lays over the population record), removes the flow's draft
and records the booth event (``simulators.core.visits.complete_flow``).

``Outcome.changes`` (all keys optional)::

    {"persona":   {field: value, ...},          # overrides of the persona record (new address, civil status …)
     "doctor":    {"name", "address", "since", "fictitious": True},
     "cases":     [{"flow", "title_key", "status_key", "authority", "params", "date"}],
     "payments":  [{"label_key", "params", "amount_dkk", "period_key", "next_date", "authority",
                    "direction": "in"|"out", "source_key", "assumption_key"}],
     "deadlines": [{"label_key", "params", "date", "source_key"}]}

Status keys a flow may use: ``borger.case.received``, ``borger.case.registered``, ``borger.case.booked``,
``borger.case.decided``, ``borger.case.in_progress``. Period keys: ``borger.period.month``,
``borger.period.quarter``, ``borger.period.year``, ``borger.period.once``.
"""
from __future__ import annotations

import datetime as dt
import uuid

from simulators.post import postbox
from simulators.core import clock, visits
from simulators.borger import addresses, benefits
from simulators.borger.framework import Outcome
from simulators.core.store import Store

KIND = "submission"


def submit(store: Store, visit_id: str, flow_id: str, outcome: Outcome | dict,
           now: dt.datetime | None = None) -> dict:
    """Persist a finished flow. Returns the stored submission (with ``submission_id``). ``now``: when it was sent
    (default ``clock.now()``; the presenter's tour passes a fixed time, so a prepared application is the same
    every time)."""
    data = outcome.to_dict() if isinstance(outcome, Outcome) else dict(outcome)
    now = (now or clock.now()).replace(microsecond=0)
    submission = {"submission_id": uuid.uuid4().hex, "flow_id": flow_id, **data, "stored_at": now.isoformat()}
    store.put(KIND, submission["submission_id"], submission, visit_id=visit_id, key=data.get("receipt_no"))
    postbox.deliver(store, visit_id, data.get("letters", []), origin="action", now=now)
    visit = visits.complete_flow(store, visit_id, flow_id, (data.get("changes") or {}).get("persona"))
    visits.track(store, visit, "flow_completed", flow_id)
    return submission


def submissions(store: Store, visit_id: str, flow_id: str | None = None) -> list[dict]:
    found = [item.data for item in store.find(KIND, visit_id=visit_id)]
    return [s for s in found if flow_id is None or s["flow_id"] == flow_id]


def sent(store: Store, visit_id: str) -> list[dict]:
    """The visit's submissions, each with ``sent_at``: when the store took it (epoch seconds, like the visit's
    ``started_at``; the payoff's "time online" is the difference)."""
    return [{**item.data, "sent_at": item.created_at} for item in store.find(KIND, visit_id=visit_id)]


def submission(store: Store, visit_id: str, submission_id: str) -> dict | None:
    item = store.get(KIND, submission_id)
    return item.data if item and item.visit_id == visit_id else None


def receipt_letter(store: Store, visit_id: str, sent: dict) -> dict | None:
    """The first letter a submission delivered to Digital Post (its receipt number is in the letter's params),
    while it is still in the visit's postbox; None otherwise."""
    templates = [letter["template"] for letter in sent.get("letters", [])]
    found = [letter for letter in postbox.list_letters(store, visit_id) if letter.get("origin") == "action"
             and letter.get("template") in templates
             and (letter.get("params") or {}).get("receipt_no") == sent.get("receipt_no")]
    return min(found, key=lambda letter: templates.index(letter["template"]), default=None)


def submission_of_letter(store: Store, visit_id: str, letter: dict | None) -> dict | None:
    """The visit's submission a letter of Digital Post answers (by the receipt number in its params), or None for
    a letter no self-service of this visit caused (the persona's life letters, own messages)."""
    receipt_no = ((letter or {}).get("params") or {}).get("receipt_no")
    if not receipt_no or (letter or {}).get("origin") != "action":
        return None
    return next((s for s in submissions(store, visit_id) if s.get("receipt_no") == receipt_no), None)


def overview(store: Store, visit_id: str, persona: dict, today: dt.date) -> dict:
    """Mit Overblik: the persona's register data (with the visit's changes), household, doctor, cases,
    payments and deadlines. ``persona`` is the record with the visit's changes already applied."""
    done = submissions(store, visit_id)
    doctor = {**addresses.assumed_doctor(persona), "assumed": True}
    cases, payments, deadlines = [], benefits.regular_payments(persona, today), benefits.regular_deadlines(persona, today)
    for sub in done:
        changes = sub.get("changes") or {}
        if changes.get("doctor"):
            doctor = {**changes["doctor"], "assumed": False}
        for case in changes.get("cases") or []:
            cases.append({**case, "receipt_no": sub.get("receipt_no"), "submission_id": sub["submission_id"]})
        payments.extend(changes.get("payments") or [])
        deadlines.extend(changes.get("deadlines") or [])
    deadlines = [d for d in deadlines if not d.get("date") or d["date"] >= today.isoformat()]
    deadlines.sort(key=lambda d: d.get("date") or "9999")
    cases.sort(key=lambda c: c.get("date") or "", reverse=True)
    return {"persona": persona, "household": persona.get("household") or [], "doctor": doctor,
            "cases": cases, "payments": payments, "deadlines": deadlines, "submissions": len(done)}
