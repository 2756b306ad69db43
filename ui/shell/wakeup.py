"""One watcher per process that reruns a browser session when a store item it waits for changes (issue #18).

A page that waits for something another browser does (the kiosk's MitID box for the phone's approval, the phone
for the kiosk's cancel) used to run a fragment timer every second: with a class of 100 waiting at once that was
~100 script runs a second that found nothing new. Now such a page calls ``watch(kind, id, version, until)``;
one thread per process reads the versions of every watched item in one query per kind, twice a second, and
reruns only the sessions whose item changed (or whose ``until`` passed, e.g. a login's expiry), as the browser's
own rerun would. Every full run of the app forgets the session's watch first (``forget_this_session`` in
app.py), so a watch lives exactly as long as the page that asked for it is on screen.

Streamlit has no public call to rerun another session; this uses the one its own "run on save" uses
(``AppSession.request_rerun`` with the session's last client state), on Streamlit's event loop, and only while
the session runs no script (so a click that is being handled is never replaced). The pages keep a slow timer
as a safety net (``SAFETY_NET_SECONDS``): should a Streamlit upgrade break this, they follow late, not never.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from simulators.core.store import Store
from ui.shell.resources import store

POLL_SECONDS = 0.5
SAFETY_NET_SECONDS = 15.0
REWAKE_SECONDS = 2.0  # a woken session that has not rerun by then (it was busy) is woken again
_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Watch:
    kind: str
    id: str
    version: int  # the version the page showed
    until: float | None = None  # wake at this time even if nothing changed (a login's expiry)
    woken_at: float | None = None


class Watcher:
    """The registry (session id → Watch) and the check. ``wake(session_id)`` returns False for a session that
    is gone, whose watch is then dropped."""

    def __init__(self, store_: Store, wake: Callable[[str], bool], clock: Callable[[], float] = time.time):
        self.store, self.wake, self.clock = store_, wake, clock
        self._watches: dict[str, Watch] = {}
        self._lock = threading.Lock()
        self._wanted = threading.Event()
        self._thread: threading.Thread | None = None
        self.checks = self.wakes = 0  # for the load benchmark and the tests

    def watch(self, session_id: str, watch: Watch) -> None:
        with self._lock:
            self._watches[session_id] = watch
        self._wanted.set()

    def forget(self, session_id: str) -> None:
        with self._lock:
            self._watches.pop(session_id, None)

    def watching(self, session_id: str) -> Watch | None:
        with self._lock:
            return self._watches.get(session_id)

    def due(self) -> list[tuple[str, Watch]]:
        """The sessions to wake now, with the watch that made them due: their item's version differs from what
        they showed (or the item is gone), or their ``until`` has passed. One query per kind of item, however many
        sessions wait."""
        with self._lock:
            watches = dict(self._watches)
        if not watches:
            return []
        now = self.clock()
        by_kind: dict[str, set[str]] = {}
        for w in watches.values():
            by_kind.setdefault(w.kind, set()).add(w.id)
        versions = {kind: self.store.versions(kind, item_ids) for kind, item_ids in by_kind.items()}
        self.checks += 1
        return [(session_id, w) for session_id, w in watches.items()
                if (w.woken_at is None or now - w.woken_at >= REWAKE_SECONDS)
                and (versions[w.kind].get(w.id) != w.version or (w.until is not None and now >= w.until))]

    def check_once(self) -> int:
        """Wake every session that is due; returns how many were woken."""
        woken = 0
        for session_id, seen in self.due():
            with self._lock:
                if self._watches.get(session_id) is not seen:
                    continue  # the page ran meanwhile and asked anew (or left): it already shows the news
            alive = self.wake(session_id)
            with self._lock:
                current = self._watches.get(session_id)
                if current is not seen:
                    continue
                if not alive:
                    del self._watches[session_id]
                    continue
                self._watches[session_id] = Watch(current.kind, current.id, current.version, current.until,
                                                  woken_at=self.clock())
            woken += 1
        self.wakes += woken
        return woken

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._thread = threading.Thread(target=self._run, daemon=True, name="dds-wakeup")
        self._thread.start()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            try:
                self.check_once()
            except Exception:  # a database hiccup must not end the watching; the pages' safety net covers it
                _LOG.exception("wake-up check failed")
            with self._lock:
                if not self._watches:
                    self._wanted.clear()
            time.sleep(POLL_SECONDS)


def rerun_session(session_id: str) -> bool:
    """Rerun a browser session as if its page had been reloaded with the same widget values: on Streamlit's
    event loop, and only if no script runs in it right now (then the run under way shows the news itself, or
    the next check wakes it). False when no such session is connected."""
    from streamlit.proto.ClientState_pb2 import ClientState
    from streamlit.runtime import Runtime
    from streamlit.runtime.app_session import AppSessionState

    if not Runtime.exists():
        return False
    info = Runtime.instance()._session_mgr.get_active_session_info(session_id)
    if info is None:
        return False
    session = info.session

    def rerun() -> None:
        if session._state != AppSessionState.APP_NOT_RUNNING or session._scriptrunner is not None:
            return
        state = ClientState()
        state.CopyFrom(session._client_state)
        state.fragment_id = ""  # the whole page, even if its last run was a fragment's timer
        state.is_auto_rerun = False
        session.request_rerun(state)

    session._event_loop.call_soon_threadsafe(rerun)
    return True


@st.cache_resource(show_spinner=False)
def watcher() -> Watcher:
    shared = Watcher(store(), rerun_session)
    shared.start()
    return shared


def _session_id() -> str | None:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def watch(kind: str, item_id: str, version: int, until: float | None = None) -> None:
    """Rerun this page when the item ``kind``/``item_id`` is no longer at ``version`` (or at ``until``)."""
    session_id = _session_id()
    if session_id:
        watcher().watch(session_id, Watch(kind, item_id, version, until))


def forget_this_session() -> None:
    """At the start of every full run (app.py): the page that runs now asks again if it still waits."""
    session_id = _session_id()
    if session_id:
        watcher().forget(session_id)
