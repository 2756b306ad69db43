"""Guards a page calls first: mode restrictions and the login requirement. They stop the page, never raise."""
from __future__ import annotations

import streamlit as st

from simulators.core.visits import Visit

from ui.shell import navigation
from ui.shell import session
from ui.shell.i18n import t


def page_allowed(path: str) -> None:
    if not navigation.allowed(path):
        st.info(t("guard.not_in_this_mode"))
        st.page_link("pages/welcome.py", label=t("guard.back_to_start"), icon="🏠")
        st.stop()


def require_visit() -> Visit:
    current = session.visit()
    if current is None:
        st.info(t("guard.start_first"))
        st.page_link("pages/welcome.py", label=t("guard.back_to_start"), icon="🏠")
        st.stop()
    return current


def require_login() -> Visit:
    current = require_visit()
    if not current.logged_in:
        st.info(t("guard.login_first"))
        if navigation.registered("pages/mitid_login.py"):
            st.page_link("pages/mitid_login.py", label=t("guard.go_to_login"), icon="🔐")
        st.stop()
    return current
