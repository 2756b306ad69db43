"""The presenter's persona picker (welcome page, presenter mode): filters over the synthetic population, the
matching people, and "use this persona", which stores the choice (ui.booth.presenter_persona) and restarts the tour
with that person (ui.booth.tour_panel.jump)."""
from __future__ import annotations

import secrets

import streamlit as st

from simulators.population.persona import filter_personas
from ui.booth import tour_panel
from ui.booth.presenter_persona import PERSONA_KEY, chosen_id
from ui.shell import session
from ui.shell.i18n import number, t, tn
from ui.shell.resources import population

MIN_AGE = 13      # MitID from 13 (mitid.dk): younger personas could not log in during the tour
LISTED = 200      # candidates offered in the list (the filters narrow it down)
TRISTATE_KEYS = {"any": "booth.picker.any", "yes": "booth.picker.yes", "no": "booth.picker.no"}


def _tristate(label: str, key: str) -> bool | None:
    labels = {value: t(message) for value, message in TRISTATE_KEYS.items()}  # translated now, not at format time
    choice = st.segmented_control(label, list(labels), default="any", key=key, required=True, format_func=labels.get)
    return None if choice == "any" else choice == "yes"


def filters() -> dict:
    """The filter widgets; returns keyword arguments for simulators.population.persona.filter_personas."""
    people = population()
    ages = st.slider(t("booth.picker.age"), MIN_AGE, 100, (25, 70), key=_key("age"))
    columns = st.columns([2, 1, 1])
    with columns[0]:
        municipalities = sorted(people["municipality"].dropna().unique())
        municipality = st.selectbox(t("booth.picker.municipality"), municipalities, index=None, key=_key("municipality"),
                                    placeholder=t("booth.picker.any_municipality"))
    with columns[1]:
        children = _tristate(t("booth.picker.children"), _key("children"))
    with columns[2]:
        pension = _tristate(t("booth.picker.pension"), _key("pension"))
    wanted = {"min_age": ages[0], "max_age": ages[1], "municipality": municipality or None,
              "has_children": children, "pension_age": pension}
    return {k: v for k, v in wanted.items() if v is not None}


def _key(name: str) -> str:
    return f"{session.KEEP_PREFIX}picker_{name}"  # kept across resets, like the choice itself


def picker() -> None:
    """Filters, the matching people, and "use this persona" (which restarts the tour with that person)."""
    wanted = filters()
    matches = filter_personas(population(), **wanted)
    st.caption(tn("booth.picker.count", "booth.picker.count_plural", len(matches), count=number(len(matches))))
    if matches.empty:
        st.warning(t("booth.picker.none"))
        return
    listed = matches.head(LISTED)
    labels = {int(row.person_id): t("booth.picker.option", name=f"{row.first_name} {row.last_name}", age=row.age,
                                    municipality=row.municipality) for row in listed.itertuples()}
    current = chosen_id()
    options = list(labels)
    choice = st.selectbox(t("booth.picker.person"), options, index=options.index(current) if current in labels else 0,
                          format_func=labels.get, key=_key("person"))
    use, draw = st.columns(2)
    if use.button(t("booth.picker.use"), type="primary", key="picker_use", width="stretch"):
        _use(int(choice))
    if draw.button(t("booth.picker.draw"), key="picker_draw", width="stretch"):
        _use(int(matches["person_id"].iloc[secrets.randbelow(len(matches))]))


def _use(person_id: int) -> None:
    st.session_state[PERSONA_KEY] = person_id
    st.session_state.pop(_key("person"), None)
    tour_panel.jump("welcome")
