"""A settable clock for the MitID tests: a login's expiry and lockouts are checked against it, not the wall clock."""
from __future__ import annotations

T0 = 1_800_000_000.0


class Clock:
    def __init__(self, now: float = T0):
        self.now = now

    def __call__(self) -> float:
        return self.now
