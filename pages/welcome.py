"""Welcome: the attract screen, the Start button and the persona card."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import html
import secrets

import streamlit as st

from simulators.core import i18n
from ui.booth import attract, briefing
from ui.shell import navigation
from ui.booth import persona_picker, presenter_persona, tour_panel
from ui.shell import session
from ui.shell.i18n import t
from ui.shell.persona_card import render as persona_card
from ui.shell.resources import population

TAGLINE_KEY = "welcome.tagline"


def start(persona_id: int | None = None) -> None:
    from simulators.population.persona import pick_persona

    how = "chosen" if persona_id is not None else "random"
    if persona_id is None:
        persona_id = pick_persona(population(), seed=secrets.randbelow(2**31))
    session.begin_visit(persona_id, "new_persona", how)


def start_clicked() -> None:
    """Start's callback: the visit exists before the page runs, so the run after the tap shows the persona at
    once (issue #18: as a button's result it took a second run)."""
    start(presenter_persona.chosen_id() if session.mode() == "presenter" else None)


STEPS = (  # the journey, in its order: icon, title, text
    ("🔐", "welcome.step.mitid.title", "welcome.step.mitid.text"),
    ("🏛️", "welcome.step.borger.title", "welcome.step.borger.text"),
    ("📬", "welcome.step.post.title", "welcome.step.post.text"),
    ("⚖️", "welcome.step.compare.title", "welcome.step.compare.text"),
)


def steps_html() -> str:
    cards = "".join(
        f'<li class="dds-step"><span class="dds-step-icon" aria-hidden="true">{icon}</span>'
        f'<b>{number}. {html.escape(t(title))}</b><span>{html.escape(t(text))}</span></li>'
        for number, (icon, title, text) in enumerate(STEPS, start=1))
    return (f'<section class="dds-steps-box"><h2 class="dds-steps-title">{html.escape(t("welcome.steps.title"))}'
            f'</h2><ol class="dds-steps">{cards}</ol></section>')


if st.session_state.get("welcome_next"):  # Next was tapped: straight on to the login, without drawing this page
    st.switch_page("pages/mitid_login.py")  # first (issue #18: the burst of a class logging in at once)
current = session.visit()
presenter = session.mode() == "presenter"
if current is None and session.mode() == "kiosk":
    attract.render(start)
    st.stop()
st.title(t("welcome.title"))
if current is None:
    st.html(f'<p class="dds-lead">{html.escape(t("welcome.lead"))}</p>')
    st.button(t("welcome.start"), type="primary", key="welcome_start", width="stretch",
              on_click=start_clicked)  # the presenter's persona, else a random one
    st.caption(t("welcome.what_happens"))
    st.html(steps_html())
    for code in i18n.LANGS:  # for whoever reads another of the three languages
        st.caption(f"**{i18n.LANGUAGE_NAMES[code]}** — {i18n.translate(code, TAGLINE_KEY)}")
else:
    persona = session.persona()
    st.markdown(t("welcome.you_are"))
    if persona:
        persona_card(persona)
    cols = st.columns(2)
    if navigation.registered("pages/mitid_login.py"):
        cols[0].button(t("welcome.next_login"), type="primary", key="welcome_next", width="stretch")  # tap: top
    if not presenter:
        cols[1].button(t("welcome.other_persona"), key="welcome_other", width="stretch", on_click=start)
if presenter and tour_panel.shows_chooser():  # collapsed on a single screen; the audience window never shows it
    with st.expander(t("booth.picker.title"), expanded=False):
        st.caption(t("booth.picker.lead"))
        persona_picker.picker()
briefing.offer()  # presenter mode: the leave-behind PDF for a delegation
