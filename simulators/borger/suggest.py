"""Offer another persona when the current one cannot use a flow (too young for pension, no child for daycare…)."""
from __future__ import annotations

import datetime as dt

from simulators.borger.framework import Flow

TRIES = 40


def suggest_persona(population, flow: Flow, today: dt.date, seed: int, exclude: int | None = None) -> int | None:
    """A person id, picked with the flow's ``alternative_filters``, for whom ``flow.eligible`` holds; None if
    none was found in a few tries."""
    from simulators.population.persona import persona_record, pick_persona

    for attempt in range(TRIES):
        try:
            person_id = pick_persona(population, seed + attempt, **flow.alternative_filters)
        except (ValueError, LookupError):
            return None
        if person_id is None or person_id == exclude:
            continue
        if flow.eligible(persona_record(population, int(person_id)), today)[0]:
            return int(person_id)
    return None
