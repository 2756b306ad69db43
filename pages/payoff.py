"""The payoff "Ihre fünf Minuten": the life event the visitor just did on borger.dk, in figures from the visit and
the sourced German journey, then the race for it, starting by itself — one screen at 1920×1080. In kiosk mode
one tap ends the visit and brings back the attract screen. ``?submission=<id>`` picks a submission (default: the
visit's latest with a German journey). Hidden in the navigation; reached from the life-event page and the letter.
"""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import streamlit as st

from ui.booth import events as booth_events
from ui.booth import watchdog
from ui.compare import payoff_view
from ui.shell import guards, session
from ui.shell.i18n import t

guards.page_allowed(payoff_view.PAGE)
guards.require_visit()
result = payoff_view.current(st.query_params.get(payoff_view.QUERY))
if result is None:
    st.title(t("compare.payoff.empty_title"))
    st.info(t("compare.payoff.empty"))
    st.page_link("pages/borger.py", label=t("compare.payoff.to_borger"), icon="🏛️")
    st.stop()
booth_events.track_once("payoff_viewed", result.flow_id)

below_race = payoff_view.show(result)
kiosk = session.mode() == "kiosk"
with below_race, st.container(key="payoff_actions", horizontal=True, gap="medium"):
    if kiosk and st.button(t("compare.payoff.finish"), key="payoff_finish", type="primary"):
        watchdog.reset_kiosk("payoff")  # one tap: the visit ends, the attract screen returns
    st.page_link("pages/journeys.py", label=t("compare.payoff.all_events"), icon="🏁",
                 query_params={"event": result.event})
    if not kiosk:
        st.page_link("pages/digital_post.py", label=t("compare.payoff.to_post"), icon="📬")
