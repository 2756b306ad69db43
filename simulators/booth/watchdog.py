"""The kiosk's idle watchdog and the purge of stale visits, as pure logic (the clock is always passed in).

A kiosk visit goes ``active`` → ``warning`` (a countdown the visitor can cancel) → ``reset`` (the visit is
deleted and the attract screen returns). Separately, visits in any mode that nobody has touched for a long time
are purged on the server, so a browser closed in the middle of a visit does not leave its data behind.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Mapping

from simulators.core import visits
from simulators.core.store import Store

ACTIVE, WARNING, RESET = "active", "warning", "reset"
DEFAULT_IDLE_SECONDS = 90.0
DEFAULT_COUNTDOWN_SECONDS = 15.0
DEFAULT_STALE_SECONDS = 30 * 60.0
DEFAULT_PURGE_INTERVAL_SECONDS = 60.0


@dataclass(frozen=True)
class IdleSettings:
    idle_seconds: float = DEFAULT_IDLE_SECONDS            # no interaction for this long → the countdown starts
    countdown_seconds: float = DEFAULT_COUNTDOWN_SECONDS  # then this long until the reset
    stale_seconds: float = DEFAULT_STALE_SECONDS          # any mode: a visit untouched this long is purged
    purge_interval_seconds: float = DEFAULT_PURGE_INTERVAL_SECONDS


def _positive(env: Mapping[str, str], name: str, default: float) -> float:
    try:
        value = float(env.get(name, default))
    except (TypeError, ValueError):
        return default
    return value if value > 0 and math.isfinite(value) else default


def settings_from_env(env: Mapping[str, str] | None = None) -> IdleSettings:
    """Read DDS_KIOSK_IDLE_SECONDS, DDS_KIOSK_COUNTDOWN_SECONDS, DDS_STALE_VISIT_SECONDS (bad values → defaults)."""
    env = os.environ if env is None else env
    return IdleSettings(
        idle_seconds=_positive(env, "DDS_KIOSK_IDLE_SECONDS", DEFAULT_IDLE_SECONDS),
        countdown_seconds=_positive(env, "DDS_KIOSK_COUNTDOWN_SECONDS", DEFAULT_COUNTDOWN_SECONDS),
        stale_seconds=_positive(env, "DDS_STALE_VISIT_SECONDS", DEFAULT_STALE_SECONDS),
        purge_interval_seconds=_positive(env, "DDS_PURGE_INTERVAL_SECONDS", DEFAULT_PURGE_INTERVAL_SECONDS),
    )


@dataclass(frozen=True)
class IdleState:
    phase: str            # ACTIVE, WARNING or RESET
    idle_for: float       # seconds since the last interaction
    seconds_left: int     # whole seconds until the reset (shown in the countdown), 0 once it is due


def idle_state(last_interaction: float, now: float, settings: IdleSettings) -> IdleState:
    """Where a session stands, given when the visitor last interacted."""
    idle_for = max(0.0, now - last_interaction)
    until_reset = settings.idle_seconds + settings.countdown_seconds - idle_for
    if idle_for < settings.idle_seconds:
        phase = ACTIVE
    elif until_reset > 0:
        phase = WARNING
    else:
        phase = RESET
    return IdleState(phase, idle_for, max(0, math.ceil(until_reset)))


def needs_watching(has_visit: bool, at_home: bool, home_lang: bool = True) -> bool:
    """Only a kiosk that shows something of a visitor (a visit, any page but the attract screen, another language
    than the kiosk's own) needs the countdown and reset."""
    return has_visit or not at_home or not home_lang


class PurgeTimer:
    """Decides when the next stale-visit purge is due (one per interval per process, not one per rerun)."""

    def __init__(self, interval_seconds: float):
        self.interval = interval_seconds
        self.last: float | None = None

    def due(self, now: float) -> bool:
        if self.last is not None and now - self.last < self.interval:
            return False
        self.last = now
        return True


def purge_stale_visits(store: Store, stale_seconds: float = DEFAULT_STALE_SECONDS, now: float | None = None) -> int:
    """End every visit untouched for ``stale_seconds``: its data is deleted, a "visit_end"/"stale" event remains.

    Returns the number of visits purged.
    """
    expired = store.expired_visits(stale_seconds, now=now)
    for visit_id in expired:
        visits.end(store, visit_id, "stale")
    return len(expired)
