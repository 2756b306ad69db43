"""Self-service: runs any registered flow (``?flow=<id>``) one step per page, then "check your answers" and the
receipt (``&receipt=<submission id>``). Rules live in simulators.borger; the form, drafts and step navigation in
ui.borger.runner and ui.borger.form, the receipt in ui.borger.receipt; this file is layout only."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import streamlit as st

from simulators.borger import FLOWS, cases
from simulators.core import clock
from ui.booth import progress
from ui.borger import layout, receipt, runner
from ui.shell.i18n import t
from ui.shell.resources import store

PAGE = "pages/selfservice.py"

visit, persona = layout.guard(PAGE)
progress.render("borger")  # kiosk only: the journey's four steps
flow = FLOWS.get(st.query_params.get("flow", ""))
today = clock.today()
layout.header(persona, flow)
if flow is None:
    st.info(t("borger.flow_unknown"))
    st.page_link("pages/borger.py", label=t("borger.back_to_portal"), icon="🏠")
    st.stop()

receipt_id = st.query_params.get("receipt")
if receipt_id:
    found = cases.submission(store(), visit.visit_id, receipt_id)
    if found:
        receipt.show(flow, persona, found, visit.visit_id)
        st.stop()

ok, reason_key, reason_params = flow.eligible(persona, today)
if not ok:
    runner.not_eligible(flow, visit, reason_key, reason_params, today)
    st.stop()

runner.run(flow, visit, persona, today)  # one step a page, then "check your answers"
