"""Visits as tests set them up, through simulators.core.visits: a login as an approved MitID login records it,
and a visit switched to another persona (no page does that; a test writes the row as another process would)."""
from __future__ import annotations

import dataclasses
import time

from simulators.core import visits
from simulators.core.store import Store


def log_visit_in(store: Store, visit_id: str, user_id: str | None, method: str = "test",
                 at: float | None = None) -> visits.Visit | None:
    """The visit logged in as its own demo user for the persona user ID ``user_id`` (``visits.demo_user_id``, as
    the kiosk's MitID box offers it; ``method``: a login method code; ``at``: now unless given)."""
    visit = visits.get(store, visit_id)
    demo_user = visits.demo_user_id(visit, user_id) if visit else user_id
    login = visits.Login(demo_user, method, time.time() if at is None else at)
    return visits.record_login(store, visit_id, login)


def write_persona(store: Store, visit_id: str, persona_id: int) -> None:
    """Give an existing visit another persona, writing the stored row directly (as another replica would)."""
    visit = visits.get(store, visit_id)
    store.put(visits.KIND, visit_id, dataclasses.replace(visit, persona_id=persona_id).to_dict())
