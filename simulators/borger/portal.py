"""Session rules of the simulated borger.dk. borger.dk's real inactivity timeout is unverified (DOMAIN.md §1.5);
15 minutes without activity ending the login is the simulation's own choice, and the pages say so."""
from __future__ import annotations

IDLE_MINUTES = 15
ACTIVITY_RESOLUTION_SECONDS = 20  # write "last seen" at most this often (one store write, not one per rerun)


def idle_expired(last_seen: float | None, now: float, minutes: int = IDLE_MINUTES) -> bool:
    """True when there was activity before and none for ``minutes``; a first visit is never expired."""
    return last_seen is not None and now - float(last_seen) > minutes * 60


def should_record_activity(last_seen: float | None, now: float) -> bool:
    return last_seen is None or now - float(last_seen) >= ACTIVITY_RESOLUTION_SECONDS
