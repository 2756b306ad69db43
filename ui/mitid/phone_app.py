"""The simulated MitID app screen, shared by the visitor's own phone (pages/mitid_phone.py) and the phone drawn
on the kiosk (pages/mitid_login.py). It shows what is approved, when, and a masked user ID — nothing else."""
from __future__ import annotations

import datetime as dt
import html

import streamlit as st
from babel.dates import format_timedelta

from simulators.core import i18n
from simulators.mitid import login as mitid
from simulators.mitid.service import MitIDService
from ui.shell.i18n import lang, t, time
from ui.shell.resources import store

CSS = """
<style>
.st-key-mitid_box {background:#fff; border:2px solid #23395B; border-radius:14px; padding:0 1.4rem 1.2rem 1.4rem;
  box-shadow:0 6px 22px rgba(11,37,69,.18); overflow:hidden;}
.mitid-top {background:#23395B; color:#fff; margin:0 -1.4rem .8rem -1.4rem; padding:.55rem 1.4rem;
  display:flex; justify-content:space-between; align-items:center; gap:1rem; flex-wrap:wrap;}
.mitid-top h1.mitid-h1 {font-size:1.25rem; color:#fff; margin:0; padding:0; font-weight:700;}
.mitid-sim {background:repeating-linear-gradient(135deg,#FEBB30 0 8px,#FFE08A 8px 16px); color:#1A1A1A;
  font-weight:700; font-size:.78rem; letter-spacing:.1em; padding:2px 10px; border-radius:10px;}
.mitid-ref {background:#EEF3FA; border-left:5px solid #23395B; padding:.5rem .8rem; margin:.2rem 0 .6rem 0;}
.mitid-ref small {color:#454545;}
.st-key-mitid_qr {align-items:center;}
.mitid-code4 {font-size:3.2rem; font-weight:700; letter-spacing:.45em; text-align:center; color:#23395B;}
.mitid-countdown {font-size:1.25rem; font-weight:600; color:#23395B;}
.mitid-link a, .mitid-link code {word-break:break-all; white-space:normal; font-size:.85rem;}
.st-key-mitid_app, .st-key-mitid_onscreen_app {max-width:420px; margin:0 auto; background:#F4F7FB;
  border:10px solid #1F1F1F; border-radius:34px; padding:1rem 1.1rem 1.4rem 1.1rem;}
.mitid-app-top {display:flex; justify-content:space-between; align-items:center; margin-bottom:.6rem;}
.mitid-app-question {font-size:1.55rem; font-weight:700; color:#23395B; margin:.4rem 0 .2rem 0;}
.st-key-mitid_phone_swipe [data-testid="stSliderThumbValue"],
.st-key-mitid_onscreen_swipe [data-testid="stSliderThumbValue"] {visibility:hidden;}
[class*="_swipe"] [data-testid="stSliderTickBar"] {display:none;}
.mitid-warn {background:#FFF4D6; border-left:4px solid #FEBB30; padding:.45rem .7rem; font-size:.9rem; margin:.5rem 0;}
/* on the visitor's own phone the screen is already a phone: no drawn frame, the buttons higher up */
@media (max-width: 480px) {
  .st-key-mitid_app {border-width:0; border-radius:12px; padding:.5rem .8rem 1rem .8rem;}
  .st-key-mitid_app .mitid-app-question {font-size:1.3rem; margin-top:.1rem;}
}
.mitid-device {background:#1F1F1F; color:#7CFC9A; font-family:monospace; font-size:2rem; letter-spacing:.25em;
  text-align:center; border-radius:10px; padding:.4rem;}
</style>
"""


def service() -> MitIDService:
    return MitIDService(store())


def apply_css() -> None:
    st.html(CSS)


def clock_time(timestamp: float) -> str:
    return time(dt.datetime.fromtimestamp(timestamp))


def mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def duration(seconds: float) -> str:
    """'3 minutes' / '3 Minuten' / '3 minutter' (Babel)."""
    return format_timedelta(dt.timedelta(seconds=seconds), threshold=1.5, locale=i18n.babel_locale(lang()))


def message(key: str, params: dict | None = None) -> str:
    """Translate a simulator message key; timestamps in its params become clock times."""
    params = dict(params or {})
    if "until" in params:
        params["until"] = clock_time(params["until"])
    return t(key, **params)


def security_notes() -> None:
    """Where the real app shows them (docs/DOMAIN.md §0.4)."""
    st.html(f'<div class="mitid-warn">⚠️ {html.escape(t("mitid.security.check_text"))}<br>'
            f'📞 {html.escape(t("mitid.security.never_called"))}</div>')


def _flash(prefix: str, key: str | None, params: dict | None = None) -> None:
    st.session_state[f"{prefix}_flash"] = (key, params or {}) if key else None


def _act(svc: MitIDService, token: str, request_id: str, action: str, prefix: str, via: str, *args) -> None:
    result = svc.phone(token, request_id, action, *args, via=via)
    _flash(prefix, result.error, result.params)


def _swiped(svc: MitIDService, token: str, request_id: str, prefix: str, via: str) -> None:
    """Only a swipe to the very end approves; anything shorter springs back, as in the app."""
    if st.session_state.get(f"{prefix}_swipe", 0) >= 100:
        _act(svc, token, request_id, "swipe", prefix, via)
    st.session_state[f"{prefix}_swipe"] = 0


def _fill(key: str, value: str) -> None:
    st.session_state[key] = value


def app_screen(svc: MitIDService, token: str, request_id: str, login: mitid.Login, via: str,
               demo_pin: str | None = None) -> None:
    """The app's screen for one pending request: swipe or Approve, Afvis, and the PIN or 4-digit code steps.
    ``via`` is "phone" or "onscreen"; ``demo_pin`` offers a fill-in button on the kiosk (no typing needed)."""
    prefix = f"mitid_{via}"
    container_key = "mitid_onscreen_app" if via == "onscreen" else "mitid_app"
    with st.container(key=container_key):
        st.html(f'<div class="mitid-app-top"><b>📱 {html.escape(t("mitid.phone.app_title"))}</b>'
                f'<span class="mitid-sim">{html.escape(t("mitid.sim_label"))}</span></div>')
        flash = st.session_state.get(f"{prefix}_flash")
        if flash:
            st.error(message(*flash))
        if login.channel == "code4" and not login.code4_claimed and login.state == mitid.PENDING:
            with st.form(f"{prefix}_code4_form", border=False):
                st.markdown(f"**{t('mitid.phone.code4_title')}**")
                code = st.text_input(t("mitid.phone.code4_label"), max_chars=4, key=f"{prefix}_code4")
                if st.form_submit_button(t("mitid.continue"), type="primary", width="stretch"):
                    _act(svc, token, request_id, "enter_code4", prefix, via, code)
                    st.rerun()
            return
        st.html(f'<div class="mitid-app-question">{html.escape(t("mitid.phone.question", service=login.service))}'
                f'</div><div>{html.escape(t(login.reference, service=login.service))} · '
                f'{html.escape(t("mitid.phone.requested_at", time=clock_time(login.created_at)))}</div>'
                f'<div>{html.escape(t("mitid.phone.user", masked=mitid.mask_user_id(login.user_id)))}</div>')
        security_notes()
        if login.state == mitid.AWAITING_PIN:
            st.markdown(f"**{t('mitid.phone.pin_why')}**")
            if demo_pin:
                st.button(t("mitid.phone.pin_fill"), key=f"{prefix}_pin_fill", on_click=_fill,
                          args=(f"{prefix}_pin", demo_pin))
            with st.form(f"{prefix}_pin_form", border=False):
                pin = st.text_input(t("mitid.phone.pin_label"), type="password", max_chars=mitid.PIN_DIGITS,
                                    key=f"{prefix}_pin")
                if st.form_submit_button(t("mitid.phone.pin_submit"), type="primary", width="stretch"):
                    _act(svc, token, request_id, "enter_pin", prefix, via, pin)
                    st.rerun()
        else:
            st.slider(t("mitid.phone.swipe"), 0, 100, 0, step=5, format="%d %%", key=f"{prefix}_swipe",
                      on_change=_swiped, args=(svc, token, request_id, prefix, via))
            st.button(t("mitid.phone.approve"), type="primary", width="stretch", key=f"{prefix}_approve",
                      on_click=_act, args=(svc, token, request_id, "swipe", prefix, via))
        st.button(t("mitid.phone.reject"), width="stretch", key=f"{prefix}_reject",
                  on_click=_act, args=(svc, token, request_id, "reject", prefix, via))
        st.caption(t("mitid.phone.time_left", time=mmss(login.seconds_left(svc.clock()))))


def decided_screen(login: mitid.Login | None, problem: str | None) -> None:
    """What the app shows once a request needs nothing more from it (or its token cannot be used)."""
    with st.container(key="mitid_app"):
        st.html(f'<div class="mitid-app-top"><b>📱 {html.escape(t("mitid.phone.app_title"))}</b>'
                f'<span class="mitid-sim">{html.escape(t("mitid.sim_label"))}</span></div>')
        flash = st.session_state.get("mitid_phone_flash")  # e.g. "suspended" after the third wrong PIN
        if flash:
            st.error(message(*flash))
        state = login.state if login else None
        if state == mitid.APPROVED:
            st.success(t("mitid.phone.approved"), icon="✅")
        elif state == mitid.REJECTED:
            st.info(t("mitid.phone.rejected"), icon="🛑")
        elif problem:
            st.warning(message(problem), icon="⚠️")
        st.caption(t("mitid.phone.try_again_on_screen"))
