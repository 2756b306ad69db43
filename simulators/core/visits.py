"""A visit: one visitor's demo, from Start to reset. Kept in the store (as JSON) so that a reload finds it again.

Readers get a ``Visit`` (frozen; its login a ``Login``; its persona a ``Persona`` record, with the visit's own
changes laid over it by ``apply_persona_changes``). It changes only through the named changes below —
``set_language``, ``record_login``, ``log_out``, ``record_activity``, ``save_draft``, ``complete_flow`` — each a
read, one change and a write, so no page, ui or domain code writes arbitrary fields. ``create`` and ``end`` start
and delete it.
A random ``tag`` links the visit's anonymous booth events to each other and to nothing else.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import secrets
import time
from dataclasses import dataclass, field
from typing import Callable, TypedDict

from simulators.core.store import Store

KIND = "visit"
MODES = ("explore", "kiosk", "presenter")
_change_counter = itertools.count(1)  # next() on it is atomic under the GIL: safe from any session's thread
_last_change: dict[str, int] = {}
_floor = {"value": 0}  # what last_change() says for a visit not in _last_change
_MAX_REMEMBERED = 50_000


class Member(TypedDict):
    """Someone living with the persona (``Persona["household"]``)."""
    person_id: int
    first_name: str
    last_name: str
    full_name: str
    age: int
    sex: str
    birth_date: dt.date
    cpr: str
    relation: str  # partner, child, parent, other


class Persona(TypedDict):
    """The persona record (``simulators.population.persona.persona_record``): a plain dict (flows, letters and pages
    read it by key and a visit's changes are laid over it as a dict), typed for readers and checkers; here, beside
    the visit, so every area can name it without importing the population (pandas). Text fields may be None."""
    person_id: int
    cpr: str
    first_name: str
    last_name: str
    full_name: str
    sex: str
    birth_date: dt.date
    age: int
    street: str
    house_number: str
    floor: str | None
    door: str | None
    postcode: str
    town: str
    municipality: str
    municipality_code: str
    region: str
    address_line1: str
    address_line2: str
    household_id: int
    partner_id: int | None
    civil_status: str
    occupation: str | None
    income: int
    email: str | None
    phone: str | None
    mitid_user_id: str | None
    digital_post_exempt: bool
    country: str
    household: list[Member]


@dataclass(frozen=True)
class Login:
    """A visit's login: the MitID user ID, how it was approved (a method code: ``onscreen_phone``, ``own_phone``,
    ``code_display`` …; the tour, tests and benchmarks name their own) and when (epoch seconds). The one way a
    login is made (the MitID service, the presenter's tour, tests/helpers/visits.py); stored as its ``to_dict()``."""
    user_id: str | None
    method: str
    at: float | None

    def to_dict(self) -> dict:
        return {"user_id": self.user_id, "method": self.method, "at": self.at}

    @classmethod
    def from_dict(cls, data: dict | None) -> Login | None:
        if not data:
            return None
        return cls(data.get("user_id"), data.get("method") or "", data.get("at"))


@dataclass(frozen=True)
class Visit:
    """One visit as stored. ``persona_changes`` lays the visitor's own changes (a new address, …) over the persona
    record (``apply_persona_changes``); ``drafts`` holds an unfinished flow's answers
    and step by flow id; ``borger_seen_at`` is borger.dk's last activity (its idle logout)."""
    visit_id: str
    tag: str
    persona_id: int | None = None
    lang: str = ""
    mode: str = ""
    started_at: float = 0.0
    country: str = "DK"
    login: Login | None = None
    persona_changes: dict = field(default_factory=dict)
    drafts: dict = field(default_factory=dict)
    borger_seen_at: float | None = None

    @property
    def logged_in(self) -> bool:
        return self.login is not None

    def draft(self, flow_id: str) -> dict | None:
        """The unfinished flow's ``{"answers": {...}, "step": n}``, or None."""
        return self.drafts.get(flow_id)

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["login"] = self.login.to_dict() if self.login else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Visit:
        return cls(visit_id=data["visit_id"], tag=data["tag"], persona_id=data.get("persona_id"),
                   lang=data.get("lang", ""), mode=data.get("mode", ""), started_at=data.get("started_at", 0.0),
                   country=data.get("country", "DK"), login=Login.from_dict(data.get("login")),
                   persona_changes=dict(data.get("persona_changes") or {}), drafts=dict(data.get("drafts") or {}),
                   borger_seen_at=data.get("borger_seen_at"))


def apply_persona_changes(persona: Persona | None, changes: dict | None) -> Persona | None:
    """The persona record with a visit's changes laid over it (``Visit.persona_changes``: a new address after a
    move, …)."""
    if persona is None or not changes:
        return persona
    return {**persona, **changes}


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


def create(store: Store, lang: str, mode: str, persona_id: int | None = None, now: float | None = None) -> Visit:
    visit = Visit(visit_id=new_visit_id(), tag=secrets.token_hex(8), persona_id=persona_id, lang=lang, mode=mode,
                  started_at=now or time.time())
    store.put(KIND, visit.visit_id, visit.to_dict())
    store.add_event(visit.tag, "visit_start", lang=lang, mode=mode)
    return visit


def get(store: Store, visit_id: str | None) -> Visit | None:
    if not visit_id:
        return None
    item = store.get(KIND, visit_id)
    return Visit.from_dict(item.data) if item else None


def _change(store: Store, visit_id: str, fields: Callable[[Visit], dict]) -> Visit | None:
    """Read, change the fields ``fields(visit)`` names, write; no fields: no write. Private: callers use the named
    changes below. Returns the visit after the change (None: no such visit)."""
    item = store.get(KIND, visit_id) if visit_id else None
    if item is None:
        return None
    visit = Visit.from_dict(item.data)
    changes = fields(visit)
    if not changes:
        return visit
    visit = dataclasses.replace(visit, **changes)
    store.put(KIND, visit_id, {**item.data, **visit.to_dict()})  # keys this version does not know stay
    _changed(visit_id)
    return visit


def set_language(store: Store, visit_id: str, lang: str) -> Visit | None:
    return _change(store, visit_id, lambda visit: {"lang": lang})


def record_login(store: Store, visit_id: str, login: Login) -> Visit | None:
    return _change(store, visit_id, lambda visit: {"login": login})


def log_out(store: Store, visit_id: str, forget_activity: bool = False) -> Visit | None:
    """End the login; ``forget_activity`` also forgets borger.dk's last activity (its "Log af" and idle logout)."""
    forgotten = {"borger_seen_at": None} if forget_activity else {}
    return _change(store, visit_id, lambda visit: {"login": None, **forgotten})


def record_activity(store: Store, visit_id: str, at: float) -> Visit | None:
    """borger.dk's last activity, for its idle logout (simulators.borger.portal)."""
    return _change(store, visit_id, lambda visit: {"borger_seen_at": at})


def save_draft(store: Store, visit_id: str, flow_id: str, answers: dict, step: int) -> Visit | None:
    """Keep an unfinished flow's answers and step, so a reload (or a later return) continues there."""
    return _change(store, visit_id,
                   lambda visit: {"drafts": {**visit.drafts, flow_id: {"answers": answers, "step": step}}})


def complete_flow(store: Store, visit_id: str, flow_id: str, persona_changes: dict | None) -> Visit | None:
    """A flow was submitted: lay its persona changes over the visit's earlier ones and drop the flow's draft
    (written only when one of the two changes something)."""
    def fields(visit: Visit) -> dict:
        found = {}
        if persona_changes:
            found["persona_changes"] = {**visit.persona_changes, **persona_changes}
        if flow_id in visit.drafts:
            found["drafts"] = {key: value for key, value in visit.drafts.items() if key != flow_id}
        return found

    return _change(store, visit_id, fields)


def touch(store: Store, visit_id: str) -> None:
    """Mark the visit as seen now (the idle reset of stale visits uses it)."""
    item = store.get(KIND, visit_id)
    if item is not None:
        store.put(KIND, visit_id, item.data)


def end(store: Store, visit_id: str, reason: str = "reset") -> int:
    """Delete everything of the visit; only its anonymous booth events remain. Returns items removed."""
    visit = get(store, visit_id)
    if visit:
        store.add_event(visit.tag, "visit_end", detail=reason, lang=visit.lang, mode=visit.mode)
    removed = store.delete_visit(visit_id)
    _changed(visit_id)
    return removed


def track(store: Store, visit: Visit | None, event: str, detail: str = "") -> None:
    """Record an anonymous booth event. ``detail`` must be a code (flow id, method), never free text."""
    if visit:
        store.add_event(visit.tag, event, detail=detail, lang=visit.lang, mode=visit.mode)
