"""About: how the simulation works, what is real, privacy, and every source."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
from pathlib import Path

import streamlit as st

from ui.shell.guards import page_allowed
from ui.shell.i18n import t

SOURCES = Path(__file__).resolve().parent.parent / "data" / "SOURCES.md"

page_allowed("pages/about.py")  # not in kiosk mode
st.title(t("about.title"))
st.markdown(t("about.intro"))

st.header(t("about.simulated_title"))
st.markdown(t("about.simulated_body"))
st.header(t("about.real_title"))
st.markdown(t("about.real_body"))
st.header(t("about.privacy_title"))
st.markdown(t("about.privacy_body"))
st.header(t("about.sources_title"))
st.caption(t("about.sources_note"))
with st.expander(t("about.sources_expand"), expanded=False):
    st.markdown(SOURCES.read_text(encoding="utf-8"))
