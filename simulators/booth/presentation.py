"""A presentation: the presenter's notes window drives the audience window through the store.

Like a slide deck's presenter view: the notes window (``?mode=presenter&view=notes``) publishes the tour's current
step, the visit and the page to show; the audience window (``?mode=presenter&p=<code>``, on the projector) reads
the cheap ``version`` number every second and, when it changed, switches to that visit and page. One small item
of kind ``presentation`` per presentation, keyed by its code (unguessable, like a visit id: whoever has the code
sees the presenter's synthetic visit), not scoped to a visit, because it outlives every reset. Both windows keep
the code in their URL, so either survives a reload.

``version`` counts what the notes window published (a jump, a reset, a language change; ``moved`` is the version
of the last jump or reset, the ones that take the audience window to another page); the audience window's own
page changes go into ``shown_step`` without counting, so the notes can show them without the audience window
following itself. Durations (the presenter's timer) stay on ``time.time()``.
"""
from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlencode, urlsplit

from simulators.core.store import LostRace, Store

KIND = "presentation"
CODE_BYTES = 9                 # secrets.token_urlsafe(9): 12 characters, 72 bits
CODE_RE = re.compile(r"^[A-Za-z0-9_-]{12}$")
WRITE_ATTEMPTS = 5             # a conditional write that lost a race is tried again with a fresh read


@dataclass(frozen=True)
class Presentation:
    code: str
    version: int = 0               # what the notes window published; the audience window follows its changes
    moved: int = 0                 # the version of the last jump or reset (a language change does not move)
    step_id: str | None = None
    visit_id: str | None = None
    page: str = "pages/welcome.py"
    query: dict = field(default_factory=dict)
    lang: str = ""
    shown_step: str | None = None  # the step whose page the audience window shows (it may click around)
    started_at: float = 0.0        # the presenter's timer: the tour's start (a reset restarts it) …
    step_at: float = 0.0           # … and the current step's
    published_at: float = 0.0      # when the notes window last published (the browser test times the follow)

    def to_dict(self) -> dict:
        return {"code": self.code, "version": self.version, "moved": self.moved, "step_id": self.step_id,
                "visit_id": self.visit_id,
                "page": self.page, "query": dict(self.query), "lang": self.lang, "shown_step": self.shown_step,
                "started_at": self.started_at, "step_at": self.step_at, "published_at": self.published_at}

    @classmethod
    def from_dict(cls, data: dict) -> Presentation:
        return cls(code=data["code"], version=int(data.get("version") or 0), moved=int(data.get("moved") or 0),
                   step_id=data.get("step_id"),
                   visit_id=data.get("visit_id"), page=data.get("page") or "pages/welcome.py",
                   query=dict(data.get("query") or {}), lang=data.get("lang") or "", shown_step=data.get("shown_step"),
                   started_at=float(data.get("started_at") or 0.0), step_at=float(data.get("step_at") or 0.0),
                   published_at=float(data.get("published_at") or 0.0))

    def elapsed(self, now: float) -> tuple[int, int]:
        """Whole seconds since the tour's start and since the current step's."""
        return max(0, int(now - self.started_at)), max(0, int(now - self.step_at))


def valid_code(code: str | None) -> bool:
    return bool(code) and CODE_RE.match(str(code)) is not None


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def create(store: Store, code: str | None = None, now: float | None = None) -> Presentation:
    """A new presentation (with ``code``: again under a code whose item was purged, so a waiting audience window
    picks it up)."""
    if code is not None and not valid_code(code):
        raise ValueError("not a presentation code")
    now = time.time() if now is None else now
    made = Presentation(code or new_code(), started_at=now, step_at=now)
    store.put(KIND, made.code, made.to_dict())
    return made


def get(store: Store, code: str | None) -> Presentation | None:
    if not valid_code(code):
        return None
    item = store.get(KIND, code)
    return Presentation.from_dict(item.data) if item else None


def version(store: Store, code: str | None) -> int | None:
    """What the audience window polls every second: the published version (None: no such presentation)."""
    found = get(store, code)
    return found.version if found else None


def _write(store: Store, code: str, change: Callable[[Presentation], dict | None]) -> Presentation | None:
    """Read, change, write only if nobody wrote in between (else again). ``change`` returns the fields to change,
    or None to leave the item alone. None: no such presentation (or every attempt lost the race)."""
    if not valid_code(code):
        return None

    def edit(item) -> dict | None:
        current = Presentation.from_dict(item.data)
        fields = change(current)
        return {**current.to_dict(), **fields} if fields else None

    try:
        item, written = store.change(KIND, code, edit, attempts=WRITE_ATTEMPTS)
    except LostRace:
        return None
    if item is None:
        return None
    return Presentation.from_dict(written if written is not None else item.data)


def publish(store: Store, code: str, step_id: str | None, visit_id: str | None, page: str, query: dict | None,
            lang: str, restart_timer: bool = False, now: float | None = None) -> Presentation | None:
    """The notes window moved the tour: a new version the audience window follows. ``restart_timer``: a reset."""
    now = time.time() if now is None else now

    def change(current: Presentation) -> dict:
        fields = {"version": current.version + 1, "moved": current.version + 1, "step_id": step_id,
                  "visit_id": visit_id, "page": page,
                  "query": dict(query or {}), "lang": lang, "shown_step": step_id, "published_at": now}
        if restart_timer:
            fields["started_at"] = now
        if restart_timer or step_id != current.shown_step:
            fields["step_at"] = now
        return fields

    return _write(store, code, change)


def set_lang(store: Store, code: str, lang: str) -> Presentation | None:
    """The presenter chose another language: the audience window follows it and stays on its page."""
    return _write(store, code, lambda current: None if current.lang == lang else
                  {"version": current.version + 1, "lang": lang})


def show_step(store: Store, code: str, step_id: str, now: float | None = None) -> Presentation | None:
    """The audience window shows another step's page (the presenter clicked there): the notes follow; the
    version stays, so the audience window does not follow itself."""
    now = time.time() if now is None else now
    return _write(store, code, lambda current: None if current.shown_step == step_id else
                  {"shown_step": step_id, "step_at": now})


def touch(store: Store, code: str) -> None:
    """Mark the presentation as in use (the stale purge spares it). Over the version read only: a write that came
    in between is not undone (and it marked the presentation as in use anyway)."""
    item = store.get(KIND, code) if valid_code(code) else None
    if item is not None:
        store.update(KIND, code, item.data, expected_version=item.version)


def purge_stale(store: Store, stale_seconds: float, now: float | None = None) -> int:
    """Delete presentations nobody touched for ``stale_seconds`` (they hold no personal data, only ids)."""
    limit = (time.time() if now is None else now) - stale_seconds
    stale = [item.id for item in store.find(KIND) if item.updated_at < limit]
    for code in stale:
        store.delete(KIND, code)
    return len(stale)


# ---- addresses and the timer's text -------------------------------------------------------------------------
def audience_query(code: str, lang: str) -> str:
    """The audience window's query string (``?mode=presenter&lang=…&p=<code>``)."""
    return urlencode({"mode": "presenter", "lang": lang, "p": code})


def notes_query(lang: str, visit_id: str | None = None) -> str:
    """The notes window's query string; with the visit a single screen already has, the notes continue it."""
    return urlencode({"mode": "presenter", "view": "notes", "lang": lang, **({"v": visit_id} if visit_id else {})})


def base_url(page_url: str | None) -> str | None:
    """The app's address from a page's (``http://host:8501/presenter_notes`` → ``http://host:8501``)."""
    parts = urlsplit(page_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/', 1)[0]}"


def clock_text(seconds: int) -> str:
    """A stopwatch's face: ``4:05``, ``12:40``, ``1:02:03``."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
