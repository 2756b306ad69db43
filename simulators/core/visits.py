"""A visit: one visitor's demo, from Start to reset. Kept in the store so that a reload finds it again.

A visit's data: persona_id, country, lang, mode, started_at, login (set by the MitID flow) and a random
``tag`` that links the visit's anonymous booth events to each other and to nothing else.
"""
from __future__ import annotations

import itertools
import secrets
import time

from simulators.core.store import Store

KIND = "visit"
MODES = ("explore", "kiosk", "presenter")
_change_counter = itertools.count(1)  # next() on it is atomic under the GIL: safe from any session's thread
_last_change: dict[str, int] = {}
_floor = {"value": 0}  # what last_change() says for a visit not in _last_change
_MAX_REMEMBERED = 50_000


def _changed(visit_id: str) -> None:
    if len(_last_change) >= _MAX_REMEMBERED:  # bounded: forget all, and make every older number stale
        _floor["value"] = next(_change_counter)
        _last_change.clear()
    _last_change[visit_id] = next(_change_counter)


def last_change(visit_id: str | None) -> int:
    """A number that changes whenever this process writes or ends the visit (the UI's per-run cache compares
    it, so a page that changed the visit reads the new one in the same run)."""
    return _last_change.get(visit_id, _floor["value"]) if visit_id else 0


def normalise_mode(value: str | None) -> str:
    value = (value or "").strip().lower()
    return value if value in MODES else "explore"


def new_visit_id() -> str:
    return secrets.token_urlsafe(16)  # 128 bits: unguessable, so a URL cannot be used to reach another visit


def create(store: Store, lang: str, mode: str, persona_id: int | None = None, now: float | None = None) -> dict:
    visit_id = new_visit_id()
    data = {"visit_id": visit_id, "persona_id": persona_id, "country": "DK", "lang": lang, "mode": mode,
            "started_at": now or time.time(), "login": None, "tag": secrets.token_hex(8)}
    store.put(KIND, visit_id, data)
    store.add_event(data["tag"], "visit_start", lang=lang, mode=mode)
    return data


def get(store: Store, visit_id: str | None) -> dict | None:
    if not visit_id:
        return None
    item = store.get(KIND, visit_id)
    return item.data if item else None


def update(store: Store, visit_id: str, **changes) -> dict | None:
    item = store.get(KIND, visit_id)
    if item is None:
        return None
    data = {**item.data, **changes}
    store.put(KIND, visit_id, data)
    _changed(visit_id)
    return data


def touch(store: Store, visit_id: str) -> None:
    """Mark the visit as seen now (the idle reset of stale visits uses it)."""
    item = store.get(KIND, visit_id)
    if item is not None:
        store.put(KIND, visit_id, item.data)


def end(store: Store, visit_id: str, reason: str = "reset") -> int:
    """Delete everything of the visit; only its anonymous booth events remain. Returns items removed."""
    visit = get(store, visit_id)
    if visit:
        store.add_event(visit["tag"], "visit_end", detail=reason, lang=visit.get("lang", ""),
                        mode=visit.get("mode", ""))
    removed = store.delete_visit(visit_id)
    _changed(visit_id)
    return removed


def track(store: Store, visit: dict | None, event: str, detail: str = "") -> None:
    """Record an anonymous booth event. ``detail`` must be a code (flow id, method), never free text."""
    if visit:
        store.add_event(visit["tag"], event, detail=detail, lang=visit.get("lang", ""), mode=visit.get("mode", ""))
