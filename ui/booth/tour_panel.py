"""The presenter's tour panel in the sidebar (presenter mode only; called once from app.py).

Steps of the story with speaker notes, previous / next, a jump to any step with its state prepared by
``simulators.booth.tour`` (a fresh visit with the chosen persona, logged in, mailbox seeded …), and a one-click reset.
"""
from __future__ import annotations

import html

import streamlit as st

from simulators.booth import tour
from ui.shell import navigation
from ui.booth import presenter_persona
from ui.shell import session, theme
from ui.shell.i18n import lang, t
from ui.shell.resources import population, store

STEP_KEY = session.KEEP_PREFIX + "tour_step"


def available(step: tour.TourStep) -> bool:
    return any(p.path == step.page for p in navigation.PAGES)


def current_step(page) -> str | None:
    """The step whose page is on screen (a presenter may also click around), else the last one jumped to."""
    url_paths = {("" if spec.default else spec.url_path): spec.path for spec in navigation.PAGES}
    shown = url_paths.get(getattr(page, "url_path", None))
    for step in tour.STEPS:
        if step.page == shown or (step.id == "borger" and shown in ("pages/borger.py", "pages/overblik.py")):
            return step.id
    return st.session_state.get(STEP_KEY)


def jump(step_id: str) -> None:
    """End the current visit, prepare the step's state for the chosen persona and open its page."""
    persona = presenter_persona.chosen()
    prepared = session.begin_visit(persona["person_id"], "tour_jump",
                                   make=lambda: tour.prepare(store(), step_id, persona, lang(), population()))
    st.session_state[STEP_KEY] = step_id
    st.switch_page(prepared.page, query_params=prepared.query)


def render(page) -> None:
    if session.mode() != "presenter":
        return
    current = current_step(page)
    with st.sidebar:
        theme.inject("booth-tour")
        st.subheader(t("booth.tour.title"))
        _persona_summary()
        with st.container(key="tour_steps", gap="xsmall"):
            for number, step in enumerate(tour.STEPS, start=1):
                label = t("booth.tour.step_label", number=number, icon=step.icon, title=t(step.title_key))
                if st.button(label, key=f"tour_jump_{step.id}", width="stretch", disabled=not available(step),
                             type="primary" if step.id == current else "secondary"):
                    jump(step.id)
        back, forward = st.columns(2)
        if back.button(t("booth.tour.previous"), key="tour_previous", width="stretch",
                       disabled=current in (None, tour.STEP_IDS[0])):
            jump(tour.previous_id(current))
        if forward.button(t("booth.tour.next"), key="tour_next", width="stretch", type="primary",
                          disabled=current == tour.STEP_IDS[-1] or not available(tour.step(tour.next_id(current)))):
            jump(tour.next_id(current))
        if st.button(t("booth.tour.reset"), key="tour_reset", width="stretch", help=t("booth.tour.reset_help")):
            jump(tour.STEP_IDS[0])
        if current:
            with st.container(key="tour_notes"):
                st.markdown(f"**{t('booth.tour.notes_title', title=t(tour.step(current).title_key))}**")
                st.markdown(t(tour.step(current).notes_key))


def _persona_summary() -> None:
    persona = presenter_persona.chosen()
    st.html('<div class="tour-persona">'
            f'{html.escape(t("booth.tour.persona"))}<br><b>{html.escape(persona["full_name"])}</b>, '
            f'{html.escape(t("booth.tour.persona_line", age=persona["age"], municipality=persona["municipality"]))}'
            '</div>')
    st.page_link("pages/welcome.py", label=t("booth.tour.change_persona"), icon="🎭")
