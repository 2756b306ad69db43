"""The presenter's chosen persona, kept across resets (the tour panel and the welcome page read it; the picker,
ui.booth.persona_picker, sets it).

The choice lives in a ``keep_`` session key (``ui.shell.session.end_visit`` leaves those alone), so every reset and
every tour jump starts again with the same person until the presenter picks another.
"""
from __future__ import annotations

import streamlit as st

from simulators.booth.tour import TOUR_SEED  # the default persona of the tour, the same on every laptop
from simulators.population.persona import pick_persona, persona_record
from ui.shell import session
from ui.shell.resources import population

PERSONA_KEY = session.KEEP_PREFIX + "presenter_persona"


def chosen_id() -> int:
    person_id = st.session_state.get(PERSONA_KEY)
    return int(person_id) if person_id is not None else pick_persona(population(), seed=TOUR_SEED)


def chosen() -> dict:
    return persona_record(population(), chosen_id())
