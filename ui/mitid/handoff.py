"""Just approved: straight on to borger.dk (or the flow a persona was offered for), as the real login returns.

app.py calls ``leave_if_just_logged_in`` before it draws the header, so the run that notices the approval (the
watcher's wake-up, or the on-screen phone's Approve) draws nothing before it switches (issue #18: it drew the
whole frame and the top of the login page for nothing). The login page marks the wait with ``WATCHING``."""
from __future__ import annotations

import streamlit as st

from ui.shell import navigation
from ui.shell import session

BORGER_PAGE, FLOW_PAGE = "pages/borger.py", "pages/selfservice.py"
LOGIN_URL_PATH = "mitid_login"
WATCHING = "mitid_watching"  # set by the login page while a login request waits for the phone


def leave_if_just_logged_in(page) -> None:
    """Switch pages if the visitor has just logged in on the login page (``page``: st.navigation's choice)."""
    if getattr(page, "url_path", None) != LOGIN_URL_PATH:
        return
    if WATCHING not in st.session_state or not navigation.registered(BORGER_PAGE):
        return
    visit = session.visit()
    if visit is None or not visit.logged_in:
        return
    st.session_state.pop(WATCHING, None)
    wanted = st.session_state.pop(navigation.AFTER_LOGIN_FLOW, None)  # a persona offered for a flow
    if wanted:
        st.switch_page(FLOW_PAGE, query_params={"flow": wanted})
    st.switch_page(BORGER_PAGE)
