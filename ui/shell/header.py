"""The header every page shows: the permanent SIMULATION banner, the credential warning, language and mode."""
from __future__ import annotations

import html

import streamlit as st

from simulators.core import i18n
from ui.shell import session
from ui.shell.i18n import lang, t


MODE_LABELS = {"kiosk": "mode.kiosk", "presenter": "mode.presenter"}


def render() -> None:
    mode_key = MODE_LABELS.get(session.mode())
    mode_label = t(mode_key) if mode_key else ""
    badge = f'<span class="dds-mode">{html.escape(mode_label)}</span>' if mode_label else ""
    st.html(
        '<div class="dds-banner" role="banner" data-testid="dds-simulation-banner"><div class="dds-banner-inner">'
        f'<span class="dds-banner-title">⚠ {html.escape(t("banner.simulation"))}</span>'
        f'<span class="dds-banner-note">{html.escape(t("banner.never_real_credentials"))}</span>'
        f"{badge}</div></div>"
    )
    if session.take_link_gone():  # ?v= named no (longer existing) visit: say so, then carry on as a fresh start
        st.info(t("guard.visit_link_gone"), icon="🔗")
    _language_switch()


LANG_WIDGET = "header_lang_choice"


def _on_language_chosen() -> None:
    choice = st.session_state.get(LANG_WIDGET)
    if choice:
        session.set_lang(choice)
    else:  # a second tap on the selected language deselects it: keep the language
        st.session_state[LANG_WIDGET] = lang()


def _language_switch() -> None:
    # The language can also change through the URL, the tour or a reset: the widget follows it.
    if st.session_state.get(LANG_WIDGET) != lang():
        st.session_state[LANG_WIDGET] = lang()
    st.segmented_control(
        t("header.language"), list(i18n.LANGS), format_func=lambda code: i18n.LANGUAGE_NAMES[code],
        key=LANG_WIDGET, label_visibility="collapsed", on_change=_on_language_chosen,
    )
