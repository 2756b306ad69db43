"""The presenter's leave-behind: "Briefing als PDF" for a delegation, in the interface's language, with the life
events the presenter picks (the one open on the life-events page first). The PDF is made when the button is
pressed (simulators.compare.briefing), not on every rerun. Shown in presenter mode only; a page calls ``offer()``."""
from __future__ import annotations

import streamlit as st

from simulators.compare.briefing import MAX_EVENTS, briefing_pdf
from simulators.compare.journeys import EVENT_ICONS, EVENT_KEYS, EVENTS
from simulators.core import clock
from ui.booth import tour_panel
from ui.shell import session
from ui.shell.i18n import lang, t

EVENTS_STATE = "briefing_events"
JOURNEY_EVENT_STATE = "journeys_event"  # the life event open on pages/journeys.py


def offer() -> None:
    """The briefing's choice of life events and its download button, folded away (presenter mode only)."""
    if session.mode() != "presenter" or tour_panel.role() == tour_panel.AUDIENCE:
        return  # the projector shows no presenter tools
    with st.expander(f"📄 {t('booth.briefing.title')}"):
        st.caption(t("booth.briefing.lead"))
        labels = {event: f"{EVENT_ICONS[event]} {t(EVENT_KEYS[event])}" for event in EVENTS}
        opened = st.session_state.get(JOURNEY_EVENT_STATE)
        chosen = st.multiselect(t("booth.briefing.events", max=MAX_EVENTS), list(labels), format_func=labels.get,
                                default=[opened if opened in labels else "moving"], key=EVENTS_STATE,
                                max_selections=MAX_EVENTS)
        if not chosen:
            st.warning(t("booth.briefing.pick_one"), icon="☝️")
        code, events, day = lang(), tuple(chosen), clock.today()
        st.download_button(t("booth.briefing.button"), data=lambda: briefing_pdf(code, events, today=day),
                           file_name=f"briefing-dk-de-{code}.pdf", mime="application/pdf", on_click="ignore",
                           icon="📄", key="briefing_pdf", disabled=not chosen, type="primary")
