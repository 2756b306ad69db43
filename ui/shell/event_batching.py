"""One hand-over to the event loop per burst of a script run's messages, instead of one per message (issue #18).

Streamlit hands every message a script run produces (each element, each widget) from the script thread to the
server's event loop with its own ``call_soon_threadsafe``: a write to the loop's wake-up socket each time. A page
of 40–160 elements makes as many system calls, and with a class of sessions running at once each of them gives the
GIL away and waits to get it back (``BaseSelectorEventLoop._write_to_self`` was 22 % of the script threads' samples
at 200 classroom sessions on two replicas). Here a session's callbacks go into one queue; the first one of a burst
schedules a single drain on the loop, the rest ride along. The order of a session's callbacks is kept (one FIFO),
and nothing waits for a batch to fill: the drain runs as soon as the loop gets to it.

Uses ``AppSession._call_soon_on_event_loop`` and ``AppSession._event_loop`` (Streamlit internals, pinned by
requirements.txt); if they are missing, ``install()`` changes nothing. ``DDS_BATCH_SCRIPT_EVENTS=0`` turns it off
(bench/bench_load.py ``--configs unbatched`` measures both).
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable

from ui.shell.streamlit_internals import replace_once

_installed: dict[str, object] = {}


class _SessionQueue:
    """The callbacks one session has handed over and the loop has not run yet."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.callbacks: list[Callable[[], None]] = []
        self.scheduled = False

    def drain(self, loop) -> None:
        with self.lock:
            callbacks, self.callbacks, self.scheduled = self.callbacks, [], False
        for callback in callbacks:
            try:
                callback()
            except Exception as exc:  # as the loop does for a failing callback: report it, run the others
                loop.call_exception_handler({"message": "Exception in a batched session callback",
                                             "exception": exc})


def enabled() -> bool:
    return os.environ.get("DDS_BATCH_SCRIPT_EVENTS", "1").strip().lower() not in ("0", "false", "no", "off")


def install() -> bool:
    """Route every session's script-thread callbacks through its queue (once per process). True if active."""
    return enabled() and replace_once(_installed, "streamlit.runtime.app_session", "AppSession",
                                      "_call_soon_on_event_loop", _batched_call_soon, "not batching")


def _batched_call_soon(session, callback: Callable[[], None]) -> None:
    loop = getattr(session, "_event_loop", None)
    if loop is None:
        return _installed["original"](session, callback)
    queue = session.__dict__.get("_dds_callbacks")
    if queue is None:
        queue = session.__dict__.setdefault("_dds_callbacks", _SessionQueue())
    with queue.lock:
        queue.callbacks.append(callback)
        if queue.scheduled:
            return
        queue.scheduled = True
    try:
        loop.call_soon_threadsafe(queue.drain, loop)
    except RuntimeError:  # the loop is closed (shutdown): drop, as Streamlit does
        with queue.lock:
            queue.callbacks.clear()
            queue.scheduled = False
        if not loop.is_closed():
            raise
