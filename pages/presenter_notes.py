"""The presenter's notes window (``?mode=presenter&view=notes``): step list, speaker notes, timer, persona chooser
and previous / next, driving the audience window on the projector through the store. Layout only; the tour's
rules live in simulators.booth.tour and .presentation, the window's logic in ui.booth.tour_panel."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import streamlit as st

from ui.booth import briefing, persona_picker, tour_panel
from ui.shell import guards, theme
from ui.shell.i18n import t

guards.page_allowed("pages/presenter_notes.py")
theme.inject("booth-tour")
current = tour_panel.notes_presentation()
step_id = tour_panel.notes_step(current)

st.title(t("booth.present.title"))
left, right = st.columns([2, 3], gap="large")
with left:
    tour_panel.timer(current.code, step_id)
    tour_panel.step_list(step_id)
    tour_panel.controls(step_id, step_id)
    st.divider()
    tour_panel.audience_link(current)
with right:
    tour_panel.persona_summary(with_link=False)
    tour_panel.speaker_notes(step_id)
    with st.expander(t("booth.picker.title"), expanded=False):
        st.caption(t("booth.picker.lead"))
        persona_picker.picker()
briefing.offer()  # the leave-behind PDF for a delegation, on the presenter's own screen
