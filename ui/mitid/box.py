"""The kiosk's MitID-style box, one function per step. Inspired by MitID's web login, deliberately not a replica:
own frame and colours, no logo, no mitid.dk address, a SIMULATION label on top.

On a phone nobody can scan a QR code shown on the phone's own screen: a browser that says it is a phone
(``phone_sized``) gets the on-screen phone as the first channel and the request starts there; any narrow screen
(mitid.css, the width where the columns stack) lists the on-screen phone and the 4-digit code first, hides the QR
code behind a note, and the texts that point "right" point "down" (``placed``)."""
from __future__ import annotations

import base64
import html
import os
import re

import streamlit as st

from simulators.mitid import login as mitid
from simulators.mitid.service import MitIDService, phone_url, public_base_url
from ui.shell import session
from ui.shell.i18n import t
from ui.mitid.qr_image import qr_png
from ui.mitid.phone_app import clock_time, duration, live_clock_html, message

METHOD_KEYS = {"app": "mitid.method.app", "code_display": "mitid.method.code_display",
               "audio_code_reader": "mitid.method.audio_code_reader", "chip": "mitid.method.chip"}
CHANNEL_KEYS = {"qr": "mitid.channel.qr", "code4": "mitid.channel.code4", "onscreen": "mitid.channel.onscreen"}
CODE_TITLE_KEYS = {"code_display": "mitid.code.title_code_display",
                   "audio_code_reader": "mitid.code.title_audio_code_reader"}
CODE_TITLE_BELOW_KEYS = {"code_display": "mitid.code.title_code_display_below",  # where the columns stack
                         "audio_code_reader": "mitid.code.title_audio_code_reader_below"}
PHONE_AGENT = re.compile(r"Mobi|iPhone|iPod", re.IGNORECASE)  # "Mobi": MDN's advice for telling phones apart
PHONE_CHANNELS = ("onscreen", "code4", "qr")  # a phone cannot scan its own screen


PHONE_SIZED = "mitid_phone_sized"  # session state: a browser's User-Agent does not change during its session


def phone_sized() -> bool:
    """Whether the browser says it is a phone (its User-Agent). Narrow windows of other browsers get the same
    order from mitid.css. Asked once a session: the page asks on every run while it waits."""
    state = st.session_state
    if PHONE_SIZED not in state:
        try:
            agent = st.context.headers.get("User-Agent") or ""
        except Exception:  # no request headers (AppTest, a script run without a browser)
            agent = ""
        state[PHONE_SIZED] = bool(PHONE_AGENT.search(agent))
    return state[PHONE_SIZED]


def placed(wide_key: str, narrow_key: str, **params) -> str:
    """A text that points at the column beside ("right") and, where the columns stack, below ("down"): both,
    escaped, and mitid.css shows the one that fits the screen."""
    return (f'<span class="mitid-wide">{html.escape(t(wide_key, **params))}</span>'
            f'<span class="mitid-narrow">{html.escape(t(narrow_key, **params))}</span>')


def base_url() -> str:
    return public_base_url(os.environ.get("DDS_PUBLIC_URL"), st.context.url)


def qr_img_html(address: str, alt: str) -> str:
    """The QR code inline (a data: URL, ~0.5 kB): no media file for Streamlit to store and serve on every rerun."""
    data = base64.b64encode(qr_png(address)).decode("ascii")
    return (f'<img class="mitid-qr" src="data:image/png;base64,{data}" width="280" height="280" '
            f'alt="{html.escape(alt)}">')


def address_html(address: str) -> str:
    """The phone address, readable for those who cannot scan. On the kiosk it is text only: a tap on a link there
    would take the kiosk itself away from the login."""
    if session.mode() == "kiosk":
        return f'<code data-testid="mitid-phone-link">{html.escape(address)}</code>'
    return (f'<a data-testid="mitid-phone-link" href="{html.escape(address)}" target="_blank" rel="noopener">'
            f'{html.escape(address)}</a>')


def header(service_name: str, reference: str) -> None:
    """Top of the box: where you log on and what you approve (as MitID shows it, DOMAIN.md §1.2)."""
    st.html(f'<div class="mitid-top"><h1 class="mitid-h1">🔐 {html.escape(t("mitid.box.service", service=service_name))}'
            f'</h1>'
            f'<span class="mitid-sim">{html.escape(t("mitid.sim_label"))}</span></div>'
            f'<div class="mitid-ref"><small>{html.escape(t("mitid.box.you_approve"))}</small><br>'
            f'<b>{html.escape(t(reference, service=service_name))}</b></div>')


def show_error(key: str | None, params: dict | None = None) -> None:
    if key:
        st.error(message(key, params), icon="⚠️")


def _fill(key: str, value: str) -> None:
    st.session_state[key] = value


START_ERROR = "mitid_start_error"


def _start(svc: MitIDService, visit_id: str, persona_user_id: str | None, typed_key: str | None) -> None:
    """CONTINUE (or, at the kiosk, the demo user ID): start the login in the button's callback, before the page
    runs, so that the same run shows the request (issue #18: it took a second full run). ``typed_key``: the field
    with the typed user ID; None for the persona's demo user ID."""
    state = st.session_state
    typed = persona_user_id if typed_key is None else state.get(typed_key, "")
    result = svc.start(visit_id, typed, persona_user_id, require_pin=bool(state.get("mitid_require_pin")))
    if result.request_id is None:
        state[START_ERROR] = (result.error, result.params)
        return
    if phone_sized():
        svc.kiosk(visit_id, result.request_id, "set_channel", "onscreen")
    state["mitid_tokens"] = {result.request_id: result.token}


def user_id_step(svc: MitIDService, visit_id: str, persona_user_id: str | None) -> None:
    """User ID + CONTINUE. Starting the login happens in the buttons' callbacks (``_start``)."""
    st.markdown(f"**{t('mitid.user_id.prompt')}**")
    kiosk = session.mode() == "kiosk"  # no keyboard at the kiosk: the demo user ID logs on at once
    if persona_user_id:
        st.caption(t("mitid.user_id.hint", user_id=persona_user_id))
        demo_action = ((_start, (svc, visit_id, persona_user_id, None)) if kiosk else
                       (_fill, ("mitid_user_id", persona_user_id)))
        st.button(t("mitid.user_id.continue_with_demo" if kiosk else "mitid.user_id.use_demo"),
                  key="mitid_use_demo", icon="🪪", on_click=demo_action[0], args=demo_action[1],
                  width="stretch", type="primary" if kiosk else "secondary")
    else:
        st.warning(t("mitid.user_id.no_mitid"), icon="ℹ️")
    with st.form("mitid_user_id_form", border=False):
        st.text_input(t("mitid.user_id.label"), key="mitid_user_id", placeholder=persona_user_id or "")
        st.checkbox(t("mitid.user_id.require_pin"), key="mitid_require_pin")
        st.form_submit_button(t("mitid.continue"), type="primary", width="stretch", on_click=_start,
                              args=(svc, visit_id, persona_user_id, "mitid_user_id"))
    st.caption(f"🛡️ {t('mitid.user_id.never_real')}")
    error = st.session_state.pop(START_ERROR, None)
    if error:
        show_error(*error)


def _set_channel(svc: MitIDService, visit_id: str, request_id: str, key: str) -> None:
    if st.session_state.get(key):  # None: the visitor tapped the selected one again
        svc.kiosk(visit_id, request_id, "set_channel", st.session_state[key])


def countdown(login: mitid.Login, now: float) -> None:
    """The time left, counted down by the browser (no server run per second)."""
    st.html(f'<div class="mitid-countdown" data-testid="mitid-countdown">⏱️ '
            f'{live_clock_html("mitid.countdown", login.seconds_left(now))}</div>')


def app_step(svc: MitIDService, visit_id: str, request_id: str, login: mitid.Login, token: str) -> None:
    """The app request: QR code, 4-digit code or on-screen phone — the same request behind all three."""
    if login.state == mitid.AWAITING_PIN:
        st.info(t("mitid.app.waiting_pin"), icon="🔢")
        return
    st.markdown(f"#### {t('mitid.app.title')}")
    key = f"mitid_channel_{request_id}"
    if st.session_state.get(key) != login.channel:  # the store is the truth (a reload, another tab)
        st.session_state[key] = login.channel
    phone = phone_sized()
    with st.container(key="mitid_channels_phone" if phone else "mitid_channels_qr_first"):  # mitid.css orders them
        st.segmented_control(t("mitid.channel.label"), list(PHONE_CHANNELS if phone else mitid.CHANNELS),
                             format_func=lambda c: t(CHANNEL_KEYS[c]), key=key, on_change=_set_channel,
                             args=(svc, visit_id, request_id, key))
    address = phone_url(base_url(), token)
    if login.channel == "qr":  # one element, laid out by mitid.css (issue #18: it was six messages a run)
        st.html(f'<div class="mitid-narrow mitid-phone-note">📱 {html.escape(t("mitid.qr.on_a_phone"))}</div>'
                f'<div class="mitid-qr-row"><div class="mitid-qr-picture">{qr_img_html(address, t("mitid.qr.alt"))}'
                f'</div><div class="mitid-qr-words"><p class="mitid-wide">{html.escape(t("mitid.qr.instructions"))}</p>'
                f'<div class="mitid-link">{html.escape(t("mitid.qr.cant_scan"))}<br>{address_html(address)}</div>'
                f'</div></div>')
    elif login.channel == "code4":
        short = f"{base_url()}/mitid_phone"
        marker = "@@address@@"  # the sentence is escaped as a whole, then the address element goes in
        st.html(html.escape(t("mitid.code4.instructions", address=marker, user_id=login.user_id)).replace(
            marker, address_html(short)))
        st.html(f'<div class="mitid-code4" data-testid="mitid-code4">{html.escape(login.code4)}</div>')
        st.caption(t("mitid.code4.why"))
    else:
        st.html(f"<p>{placed('mitid.onscreen.instructions', 'mitid.onscreen.instructions_below')}</p>")


def _fill_code(account: mitid.Account, clock) -> None:
    st.session_state["mitid_code_input"] = mitid.device_code(account, clock())  # the code at the tap


def code_step(svc: MitIDService, visit_id: str, request_id: str, login: mitid.Login, account: mitid.Account) -> None:
    title = placed(CODE_TITLE_KEYS[login.authenticator], CODE_TITLE_BELOW_KEYS[login.authenticator])
    st.html(f'<h4 class="mitid-h4">{title}</h4>')
    st.button(t("mitid.code.fill"), key="mitid_code_fill", icon="📟", on_click=_fill_code,
              args=(account, svc.clock))
    with st.form("mitid_code_form", border=False):
        code = st.text_input(t("mitid.code.label"), max_chars=6, key="mitid_code_input")
        if st.form_submit_button(t("mitid.continue"), type="primary", width="stretch"):
            svc.kiosk(visit_id, request_id, "enter_code", code)  # a wrong code is kept in login.error
            st.rerun()


def password_step(svc: MitIDService, visit_id: str, request_id: str, login: mitid.Login, password: str) -> None:
    title = "mitid.password.title_chip" if login.authenticator == "chip" else "mitid.password.title"
    st.markdown(f"#### {t(title)}")
    st.button(t("mitid.password.fill"), key="mitid_password_fill", icon="🔑", on_click=_fill,
              args=("mitid_password_input", password))
    with st.form("mitid_password_form", border=False):
        typed = st.text_input(t("mitid.password.label"), type="password", key="mitid_password_input")
        if st.form_submit_button(t("mitid.continue"), type="primary", width="stretch"):
            svc.kiosk(visit_id, request_id, "enter_password", typed)
            st.rerun()


def chip_button_step(svc: MitIDService, visit_id: str, request_id: str) -> None:
    st.markdown(f"#### {t('mitid.chip.press_title')}")
    st.write(t("mitid.chip.connect"))
    if st.button(t("mitid.chip.press"), type="primary", key="mitid_chip_press", icon="🔘", width="stretch"):
        svc.kiosk(visit_id, request_id, "press_chip_button")
        st.rerun()


def method_step(svc: MitIDService, visit_id: str, request_id: str, account: mitid.Account, now: float) -> None:
    st.markdown(f"#### {t('mitid.method.title')}")
    any_suspended = False
    for authenticator in mitid.AUTHENTICATORS:
        until = mitid.suspended_until(account, authenticator, now) if account else None
        label = t(METHOD_KEYS[authenticator])
        if until:
            any_suspended = True
            label = f"{label} — {t('mitid.method.suspended', until=clock_time(until))}"
        if st.button(label, key=f"mitid_choose_{authenticator}", disabled=bool(until), width="stretch"):
            svc.kiosk(visit_id, request_id, "choose", authenticator)
            st.rerun()
    if any_suspended:
        st.caption(t("mitid.assumption.suspension", duration=duration(mitid.SUSPEND_SECONDS)))


def final_step(login: mitid.Login, request_id: str) -> None:
    """Rejected, expired or cancelled: say so clearly and offer to try again."""
    icon = {"rejected": "🛑", "expired": "⌛", "cancelled": "✖️"}.get(login.state, "ℹ️")
    st.warning(message(login.error or "mitid.error.cancelled"), icon=icon)
    if login.state == mitid.EXPIRED:
        st.caption(t("mitid.assumption.expiry", duration=duration(login.ttl)))
    if st.button(t("mitid.try_again"), type="primary", key="mitid_try_again", icon="🔁", width="stretch"):
        st.session_state["mitid_dismissed"] = request_id
        st.rerun()
