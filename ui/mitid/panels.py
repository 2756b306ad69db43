"""Beside and below the kiosk's MitID box: the persona's demo devices, the explainer, the logged-in landing."""
from __future__ import annotations

import datetime as dt
import html

import streamlit as st

from simulators.core.visits import Persona, Visit
from simulators.mitid import login as mitid
from ui.shell import session
from ui.shell.i18n import date, percent, t
from ui.mitid.phone_app import clock_time, duration

HOW_KEYS = {"own_phone": "mitid.how.own_phone", "four_digit_code": "mitid.how.four_digit_code",
            "onscreen_phone": "mitid.how.onscreen_phone", "code_display": "mitid.how.code_display",
            "audio_code_reader": "mitid.how.audio_code_reader", "chip": "mitid.how.chip"}

# Every figure in the explainer with the source shown next to it (also in data/SOURCES.md, section "MitID").
SRC_HISTORY = "digst.dk/it-loesninger/mitid/forgaengeren-til-mitid/ · digst.dk/it-loesninger/mitid/om-mitid/"
SRC_ROLLOUT = "digst.dk/nyheder/nyhedsarkiv/2021/juli/flere-skal-teste-mitid/"
SRC_SHARE = "thelocal.dk/20231031/goodbye-nemid-denmarks-old-digital-id-system-shut-down"
SRC_QR = "criipto.com/blog/mitid-app-qr-code-app-switch"
SRC_NSIS = "signaturgruppen-a-s.github.io/signaturgruppen-broker-documentation/idps/mitid.html"
SRC_LOCK = "mitid.dk/en-gb/security/totp"
SRC_SECURITY = "mitid.dk/en-gb/help/help-universe/how-to-log-on/"


def _source(text: str) -> None:
    st.html(f'<div class="dds-source">{html.escape(t("mitid.source", source=text))}</div>')


def device_panel(account: mitid.Account | None) -> None:
    """The persona's simulated MitID: demo credentials in plain sight, because none of them is real."""
    title = f'<h4 class="mitid-h4">🪪 {html.escape(t("mitid.device.title"))}</h4>'
    with st.container(border=True, key="mitid_devices"):
        if account is None:
            st.html(f'{title}<p>{html.escape(t("mitid.user_id.no_mitid"))}</p>')
            return
        rows = [(t("mitid.device.user_id"), account.user_id), (t("mitid.device.password"), account.password),
                (t("mitid.device.pin"), account.pin)]
        st.html(title + '<table class="mitid-creds" data-testid="mitid-demo-credentials">' + "".join(  # one element
            f"<tr><td>{html.escape(k)}</td><td><code>{html.escape(v)}</code></td></tr>" for k, v in rows)
            + f'</table><p class="dds-source">🛡️ {html.escape(t("mitid.device.note"))}</p>')


@st.fragment(run_every=1)
def code_device(account: mitid.Account, authenticator: str, now_fn) -> None:
    """The code display / audio code reader: a fresh 6-digit code every 30 seconds (RFC 6238)."""
    label = t("mitid.method.audio_code_reader" if authenticator == "audio_code_reader" else
              "mitid.method.code_display")  # the label carries its own emoji
    st.markdown(f"**{label}**")
    code = mitid.device_code(account, now_fn())
    st.html(f'<div class="mitid-device" data-testid="mitid-device-code">{code[:3]} {code[3:]}</div>')
    st.caption(t("mitid.device.code_note"))


def under_the_hood(expiry_seconds: float) -> None:
    # Drawn only while open (on_change="rerun"): it is a dozen elements that every rerun of the login page sent,
    # and most visitors never open it (issue #18).
    hood = st.expander(f"🔍 {t('mitid.hood.title')}", key="mitid_under_the_hood", on_change="rerun")
    with hood:
        if not hood.open:
            return
        st.markdown(t("mitid.hood.two_factors"))
        _source(SRC_SECURITY)
        st.markdown(t("mitid.hood.qr", date=date(dt.date(2023, 6, 6), "long")))
        _source(SRC_QR)
        st.markdown(t("mitid.hood.nsis"))
        _source(SRC_NSIS)
        st.markdown(t("mitid.hood.history", nemid_start=date(dt.date(2010, 7, 1), "long"),
                      nemid_end=date(dt.date(2023, 10, 31), "long")))
        _source(SRC_HISTORY + " · " + SRC_ROLLOUT)
        st.markdown(t("mitid.hood.share", share=percent(98)))
        _source(SRC_SHARE)
        st.markdown(t("mitid.hood.lockout"))
        _source(SRC_LOCK)
        st.markdown(t("mitid.hood.assumptions", expiry=duration(expiry_seconds),
                      suspension=duration(mitid.SUSPEND_SECONDS)))


def landing(visit: Visit, persona: Persona | None, borger_registered: bool) -> None:
    """Logged in, and no borger.dk portal to go to (yet): who is logged in, and "Log af"."""
    login = visit.login
    with st.container(border=True, key="mitid_landing"):
        st.markdown(f"### ✅ {t('mitid.landing.title')}")
        name = persona["full_name"] if persona else login.user_id
        st.markdown(t("mitid.landing.who", name=name, user_id=login.user_id))
        how = t(HOW_KEYS.get(login.method, "mitid.how.own_phone"))
        at = clock_time(login.at) if login.at else ""
        st.markdown(t("mitid.landing.how", method=how, time=at))
        if borger_registered and st.button(t("mitid.landing.to_borger"), type="primary", key="mitid_to_borger",
                                           width="stretch"):
            st.switch_page("pages/borger.py")
        if st.button(t("mitid.landing.log_off"), key="mitid_log_off", icon="🚪", width="stretch"):
            session.log_out()
            session.track("logout", login.method)
            st.rerun()
