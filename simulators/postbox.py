"""Digital Post for one visit: letters are stored items (kind "letter") scoped to the visit.

A stored letter keeps its template id and parameters, not rendered text, so it is shown in whatever language
the visitor picks. Letters the visitor writes keep their own subject and text (``subject_text``/``body_text``).
"""
from __future__ import annotations

import datetime as dt
import uuid

from simulators.store import Store

KIND = "letter"


def deliver(store: Store, visit_id: str, requests: list[dict], origin: str = "action",
            now: dt.datetime | None = None) -> list[dict]:
    """Store new letters for a visit. A request: {"template", "params", optional "sender", "date", "thread_id"}."""
    from simulators import letters

    now = now or dt.datetime.now().replace(microsecond=0)
    delivered = []
    for request in requests:
        meta = letters.templates()[request["template"]]
        letter = {
            "letter_id": uuid.uuid4().hex,
            "template": request["template"],
            "params": request.get("params", {}),
            "sender": request.get("sender") or meta.get("sender", ""),
            "date": str(request.get("date") or now.isoformat()),
            "folder": "inbox",
            "read": False,
            "replyable": bool(meta.get("replyable", False)),
            "attachment": bool(meta.get("attachment", False)),
            "origin": origin,
            "thread_id": request.get("thread_id"),
        }
        store.put(KIND, letter["letter_id"], letter, visit_id=visit_id)
        delivered.append(letter)
    return delivered


def list_letters(store: Store, visit_id: str, folder: str | None = None) -> list[dict]:
    found = [item.data for item in store.find(KIND, visit_id=visit_id)]
    if folder is not None:
        found = [letter for letter in found if letter["folder"] == folder]
    return sorted(found, key=lambda letter: letter["date"], reverse=True)
