"""Welcome: the attract screen, the Start button and the persona card."""
from ui.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import secrets

import streamlit as st

from simulators import i18n
from ui import attract, navigation, presenter_persona, session
from ui.i18n import t
from ui.persona_card import render as persona_card
from ui.resources import population

TAGLINE_KEY = "welcome.tagline"


def start(persona_id: int | None = None) -> None:
    from simulators.persona import pick_persona

    how = "chosen" if persona_id is not None else "random"
    if persona_id is None:
        persona_id = pick_persona(population(), seed=secrets.randbelow(2**31))
    if session.visit():
        session.end_visit("new_persona")
    session.start_visit(persona_id)
    session.track("persona", how)


current = session.visit()
presenter = session.mode() == "presenter"
if current is None and session.mode() == "kiosk":
    attract.render(start)
    st.stop()
st.title(t("welcome.title"))
if current is None:
    st.markdown(f"### {t('welcome.lead')}")
    for code in i18n.LANGS:  # the attract screen speaks to everyone at once
        st.markdown(f"**{i18n.LANGUAGE_NAMES[code]}** — {i18n.translate(code, TAGLINE_KEY)}")
    if st.button(t("welcome.start"), type="primary", key="welcome_start", width="stretch"):
        start(presenter_persona.chosen_id() if presenter else None)  # the presenter's persona, else a random one
        st.rerun()
    st.caption(t("welcome.what_happens"))
else:
    persona = session.persona()
    st.markdown(t("welcome.you_are"))
    if persona:
        persona_card(persona)
    cols = st.columns(2)
    if any(p.path == "pages/mitid_login.py" for p in navigation.PAGES):
        if cols[0].button(t("welcome.next_login"), type="primary", key="welcome_next", width="stretch"):
            st.switch_page("pages/mitid_login.py")
    if not presenter and cols[1].button(t("welcome.other_persona"), key="welcome_other", width="stretch"):
        start()
        st.rerun()
if presenter:
    with st.expander(t("booth.picker.title"), expanded=current is None):
        st.caption(t("booth.picker.lead"))
        presenter_persona.picker()
