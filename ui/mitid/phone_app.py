"""The simulated MitID app screen, shared by the visitor's own phone (pages/mitid_phone.py) and the phone drawn
on the kiosk (pages/mitid_login.py). It shows what is approved, when, and a masked user ID — nothing else."""
from __future__ import annotations

import datetime as dt
import html
import secrets

import streamlit as st
from babel.dates import format_timedelta

from simulators.core import i18n
from simulators.mitid import login as mitid
from simulators.mitid.service import MitIDService
from ui.shell.i18n import lang, number, t, time
from ui.shell import session, theme
from ui.shell.resources import store


CLIENT_KEY = session.KEEP_PREFIX + "mitid_phone_client"  # kept through visit resets: the limit is the session's
CODE4_ERRORS = ("mitid.phone.code4_no_match", "mitid.phone.code4_too_many", "mitid.error.code4_wrong")


def client_id() -> str:
    """This browser session as a phone: its wrong 4-digit codes count against it (the service stores a hash)."""
    return st.session_state.setdefault(CLIENT_KEY, secrets.token_urlsafe(16))


def service() -> MitIDService:
    return MitIDService(store())


def apply_css() -> None:
    theme.inject("mitid")


def clock_time(timestamp: float) -> str:
    return time(dt.datetime.fromtimestamp(timestamp))


def mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


CLOCK_MARK = "@@clock@@"


def live_clock_html(message_key: str, seconds_left: int) -> str:
    """The message (e.g. "Noch {time} gültig") with {time} counting down in the browser, from ``seconds_left`` to
    0:00, without a server run per second (issue #18): mitid.css animates an integer custom property one step a
    second and prints it as m:ss with CSS counters. The text before the clock starts is there for screen readers
    and for a browser without @property (it then stays at the start value); the server reruns the page when the
    login expires or changes (ui/shell/wakeup.py)."""
    seconds = max(int(seconds_left), 0)
    clock = (f'<span class="mitid-clock" role="timer" data-seconds="{seconds}" style="--mitid-from:{seconds};'
             f'animation-duration:{seconds}s;animation-timing-function:steps({max(seconds, 1)},end)">'
             f'<span class="mitid-clock-start">{mmss(seconds)}</span></span>')
    return html.escape(t(message_key, time=CLOCK_MARK)).replace(CLOCK_MARK, clock)


def duration(seconds: float) -> str:
    """'3 minutes' / '3 Minuten' / '3 minutter' (Babel)."""
    return format_timedelta(dt.timedelta(seconds=seconds), threshold=1.5, locale=i18n.babel_locale(lang()))


def message(key: str, params: dict | None = None) -> str:
    """Translate a simulator message key; timestamps in its params become clock times."""
    params = dict(params or {})
    if "until" in params:
        params["until"] = clock_time(params["until"])
    return t(key, **params)


def show_error(key: str, params: dict | None = None) -> None:
    """A refusal on the phone; the limit on wrong 4-digit codes is an assumption and says so where it shows."""
    st.error(message(key, params))
    if key in CODE4_ERRORS:
        st.caption(t("mitid.assumption.code4_limit", count=number(mitid.MAX_WRONG_CODE4),
                     duration=duration(mitid.CODE4_PAUSE_SECONDS)))


def security_notes() -> None:
    """Where the real app shows them (docs/DOMAIN.md §0.4)."""
    st.html(f'<div class="mitid-warn">⚠️ {html.escape(t("mitid.security.check_text"))}<br>'
            f'📞 {html.escape(t("mitid.security.never_called"))}</div>')


def _flash(prefix: str, key: str | None, params: dict | None = None) -> None:
    st.session_state[f"{prefix}_flash"] = (key, params or {}) if key else None


def _act(svc: MitIDService, token: str, request_id: str, action: str, prefix: str, via: str, *args) -> None:
    result = svc.phone(token, request_id, action, *args, via=via, client=client_id())
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
            show_error(*flash)
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
        st.html(f'<div class="mitid-time-left" data-testid="mitid-time-left">'
                f'{live_clock_html("mitid.phone.time_left", login.seconds_left(svc.clock()))}</div>')


def decided_screen(login: mitid.Login | None, problem: str | None) -> None:
    """What the app shows once a request needs nothing more from it (or its token cannot be used)."""
    with st.container(key="mitid_app"):
        st.html(f'<div class="mitid-app-top"><b>📱 {html.escape(t("mitid.phone.app_title"))}</b>'
                f'<span class="mitid-sim">{html.escape(t("mitid.sim_label"))}</span></div>')
        flash = st.session_state.get("mitid_phone_flash")  # e.g. "suspended" after the third wrong PIN
        if flash:
            show_error(*flash)
        state = login.state if login else None
        if state == mitid.APPROVED:
            st.success(t("mitid.phone.approved"), icon="✅")
        elif state == mitid.REJECTED:
            st.info(t("mitid.phone.rejected"), icon="🛑")
        elif problem:
            st.warning(message(problem), icon="⚠️")
        st.caption(t("mitid.phone.try_again_on_screen"))
