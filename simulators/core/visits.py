"""A visit: one visitor's demo, from Start to reset. Kept in the store (as JSON) so that a reload finds it again.

Readers get a ``Visit`` (frozen; its login a ``Login``; its persona a ``Persona`` record, with the visit's own
changes laid over it by ``apply_persona_changes``). It changes only through the named changes below —
``set_language``, ``record_login``, ``log_out``, ``record_activity``, ``save_draft``, ``complete_flow`` — each a
read, one change and a write, so no page, ui or domain code writes arbitrary fields. ``create`` and ``end`` start
and delete it.
A random ``tag`` links the visit's anonymous booth events to each other and to nothing else.

The visit's demo MitID user ID is its own (``demo_user_id``): the persona's user ID and a short suffix that the visit
claims in the store when it starts (unique among the live visits), so any number of visits can use one persona at
once — two presenters, a class with one chosen persona — without their logins meeting in the one-pending rule.
A change never brings an ended visit back: it writes only over the stored visit it read (``Store.update``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Callable, TypedDict

from simulators.core import ids
from simulators.core.store import Store

KIND = "visit"
SUFFIX_KIND = "mitid_suffix"  # id = a suffix taken by a live visit (scoped to it, so it is free again after the end)
SUFFIX_ALPHABET = "23456789abcdefghjkmnpqrstvwxyz"  # lower case, no 0/1/i/l/o/u: easy to read off and type
SUFFIX_LENGTH = 4  # 30**4 = 810,000 suffixes; a taken one is drawn again
MODES = ("explore", "kiosk", "presenter")
_change_counter = itertools.count(1)  # next() on it is atomic under the GIL: safe from any session's thread
_last_change: dict[str, int] = {}
_floor = {"value": 0}  # what last_change() says for a visit not in _last_change
_MAX_REMEMBERED = 50_000
# A stored visit's upper bound (issue #17: one visit reached 13 MB). Drafts are where text lands, and each draft
# value is bounded by its field (simulators.borger.framework: Flow.clip), so all eight flows' drafts at their
# limits stay far below this; the cap only catches what a future field forgets.
MAX_VISIT_BYTES = 64 * 1024

# Booth events one visit can legitimately produce, per kind (finding 9 of issue #17: a scripted session could
# otherwise inflate the dashboard without limit). A visit starts and ends once; every other kind (a login, a
# completed flow, an opened letter, a tour step …) at most EVENT_CAP_DEFAULT times — well above a real walk
# through all eight flows and every letter of a mailbox. ``track`` stops writing past the cap (per process) and
# simulators.booth.stats counts no more than the cap per visit (whatever reached the table).
EVENT_CAP = {"visit_start": 1, "visit_end": 1}
EVENT_CAP_DEFAULT = 30
_tracked: dict[tuple[str, str], int] = {}  # (visit tag, event) -> events written by this process


def event_cap(event: str) -> int:
    """How many ``event`` events of one visit count on the booth dashboard."""
    return EVENT_CAP.get(event, EVENT_CAP_DEFAULT)


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
    mitid_suffix: str = ""  # "" for a visit stored before suffixes: its demo user ID is the persona's own

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
                   borger_seen_at=data.get("borger_seen_at"), mitid_suffix=data.get("mitid_suffix") or "")


def apply_persona_changes(persona: Persona | None, changes: dict | None) -> Persona | None:
    """The persona record with a visit's changes laid over it (``Visit.persona_changes``: a new address after a
    move, …)."""
    if persona is None or not changes:
        return persona
    return {**persona, **changes}


def demo_user_id(visit: Visit, persona_user_id: str | None) -> str | None:
    """The visit's demo MitID user ID for its persona (None: the persona has no MitID, e.g. a child)."""
    if not persona_user_id:
        return None
    return f"{persona_user_id}-{visit.mitid_suffix}" if visit.mitid_suffix else persona_user_id


def visit_persona(record: Persona | None, visit: Visit) -> Persona | None:
    """The persona as this visit shows it: the visit's changes laid over the record (``apply_persona_changes``)
    and the visit's own demo MitID user ID (the persona card, the MitID box). The record is left alone."""
    persona = apply_persona_changes(record, visit.persona_changes)
    if persona is None:
        return None
    return {**persona, "mitid_user_id": demo_user_id(visit, persona.get("mitid_user_id"))}


def claim_suffix(store: Store, visit_id: str, suffix: str) -> bool:
    """Take ``suffix`` for the visit; False when a live visit has it (the store's primary key decides)."""
    return store.add(SUFFIX_KIND, suffix, {}, visit_id=visit_id) is not None


def _new_suffix(store: Store, visit_id: str) -> str:
    length = SUFFIX_LENGTH
    for attempt in range(40):
        if attempt and attempt % 8 == 0:
            length += 1  # unlikely: many taken in a row, so the short ones are crowded
        suffix = "".join(secrets.choice(SUFFIX_ALPHABET) for _ in range(length))
        if claim_suffix(store, visit_id, suffix):
            return suffix
    raise RuntimeError("no free MitID demo suffix")  # 40 taken in a row: the store is misbehaving


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
    visit_id = new_visit_id()
    visit = Visit(visit_id=visit_id, tag=secrets.token_hex(8), persona_id=persona_id, lang=lang, mode=mode,
                  started_at=now or time.time(), mitid_suffix=_new_suffix(store, visit_id))
    store.put(KIND, visit.visit_id, visit.to_dict())
    store.add_event(visit.tag, "visit_start", lang=lang, mode=mode)
    return visit


def get(store: Store, visit_id: str | None) -> Visit | None:
    """The stored visit, or None (no such visit, or an id in a format no visit has: ``ids.visit_id``)."""
    if not visit_id or not ids.visit_id(visit_id):
        return None
    item = store.get(KIND, visit_id)
    return Visit.from_dict(item.data) if item else None


class VisitTooLarge(ValueError):
    """A change would make the stored visit larger than ``MAX_VISIT_BYTES``; nothing was written."""


def stored_size(data: dict) -> int:
    """Bytes of a visit's JSON (UTF-8), as the store keeps it."""
    return len(json.dumps(data, ensure_ascii=False, default=str).encode())


def _change(store: Store, visit_id: str, fields: Callable[[Visit], dict]) -> Visit | None:
    """Read, change the fields ``fields(visit)`` names, write; no fields: no write. Private: callers use the named
    changes below. Returns the visit after the change (None: no such visit, or it ended meanwhile). A change that
    would make the stored visit larger than ``MAX_VISIT_BYTES`` raises ``VisitTooLarge`` and writes nothing.

    The write goes only over the version it read (``Store.update``): a visit ended meanwhile stays ended (a phone's
    login landing while the kiosk resets must not bring it back), and a change made meanwhile is read again."""
    if not visit_id:
        return None

    def edit(item) -> dict | None:
        visit = Visit.from_dict(item.data)
        changes = fields(visit)
        if not changes:
            return None
        data = {**item.data, **dataclasses.replace(visit, **changes).to_dict()}  # keys this version does not know stay
        if stored_size(data) > MAX_VISIT_BYTES:
            raise VisitTooLarge(f"visit {visit_id}: {stored_size(data)} bytes after this change")
        return data

    item, written = store.change(KIND, visit_id, edit)  # ten lost races in a row: LostRace
    if item is None:
        return None
    if written is not None:
        _changed(visit_id)
    return Visit.from_dict(written if written is not None else item.data)


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
        # over the version read only: a visit ended meanwhile is not brought back, a newer write is not undone
        # (and it marked the visit as seen anyway)
        store.update(KIND, visit_id, item.data, expected_version=item.version)


def end(store: Store, visit_id: str, reason: str = "reset") -> int:
    """Delete everything of the visit; only its anonymous booth events remain. Returns items removed."""
    visit = get(store, visit_id)
    if visit:
        store.add_event(visit.tag, "visit_end", detail=reason, lang=visit.lang, mode=visit.mode)
    removed = store.delete_visit(visit_id)
    _changed(visit_id)
    return removed


def track(store: Store, visit: Visit | None, event: str, detail: str = "") -> None:
    """Record an anonymous booth event. ``detail`` must be a code (flow id, method), never free text. Past
    ``event_cap(event)`` events of a kind in one visit nothing more is written (bounded memory: the counts are
    forgotten all at once at _MAX_REMEMBERED; the dashboard caps again when it counts)."""
    if not visit:
        return
    key = (visit.tag, event)
    written = _tracked.get(key, 0)
    if written >= event_cap(event):
        return
    if len(_tracked) >= _MAX_REMEMBERED:
        _tracked.clear()
    _tracked[key] = written + 1
    store.add_event(visit.tag, event, detail=detail, lang=visit.lang, mode=visit.mode)
