"""MitID login on the kiosk: the MitID-style box, the persona's demo devices, the on-screen phone, the explainer.

The login lives in the store (simulators.mitid.service), so the visitor's phone can approve it from another
browser; the process's one watcher (ui/shell/wakeup.py) reruns the page when the login changes or expires, and
the browser counts the time left down itself (issue #18: no server run per waiting second).
"""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import streamlit as st

from simulators.mitid import login as mitid
from simulators.mitid.service import REQUEST_KIND, request_seconds
from ui.shell import guards
from ui.booth import progress
from ui.mitid import phone_app as mitid_app
from ui.mitid import box as mitid_box
from ui.mitid import handoff
from ui.mitid import panels as mitid_panels
from ui.shell import navigation
from ui.shell import session, wakeup
from ui.shell.i18n import t

BORGER_PAGE = "pages/borger.py"

guards.page_allowed("pages/mitid_login.py")
visit = guards.require_visit()
progress.render("mitid")  # kiosk only: the journey's four steps
mitid_app.apply_css()
svc = mitid_app.service()
persona = session.persona()
persona_user = persona.get("mitid_user_id") if persona else None
borger_registered = navigation.registered(BORGER_PAGE)

if visit.logged_in:  # who is logged in, and how (a fresh approval left for borger.dk in app.py: ui/mitid/handoff.py)
    mitid_panels.landing(visit, persona, borger_registered)
    mitid_panels.under_the_hood(request_seconds())
    st.stop()

visit_id = visit.visit_id
current = svc.current(visit_id)
request_id, login = current.request_id, current.login
if login and (login.state == mitid.APPROVED or request_id == st.session_state.get("mitid_dismissed")):
    login = None  # logged off since, or "try again" pressed: a fresh start
account = svc.account(visit_id, persona_user)
tokens = st.session_state.setdefault("mitid_tokens", {})
if login and login.active and request_id not in tokens:
    tokens[request_id] = svc.reissue_token(visit_id, request_id)  # after a reload only the hash is left


@st.fragment(run_every=wakeup.SAFETY_NET_SECONDS)
def safety_net(version_seen: int) -> None:
    """Only if the watcher could not wake this page: a slow look at the store (the watcher follows within ~0.5 s)."""
    now = svc.get(request_id)
    if now.version != version_seen or now.login is None:
        st.rerun(scope="app")


def watch(version_seen: int) -> None:
    """Follow the phone: any change of the login in the store (approved, rejected, expired) reruns the page."""
    wakeup.watch(REQUEST_KIND, request_id, version_seen, until=login.expires_at)
    mitid_box.countdown(login, svc.clock())


if login and login.active:
    # Before any container: calling a fragment deep-copies every container drawn so far (issue #18: inside the
    # box it was ~1 ms of the waiting page's run). It draws nothing.
    safety_net(current.version)
box_col, side_col = st.columns([3, 2], gap="large")
with box_col, st.container(key="mitid_box"):
    mitid_box.header(mitid.SERVICE, mitid.REFERENCE_LOG_ON)
    if login is None:
        mitid_box.user_id_step(svc, visit_id, persona_user)
    elif not login.active:
        mitid_box.final_step(login, request_id)
    else:
        st.session_state[handoff.WATCHING] = request_id
        if login.error:
            mitid_box.show_error(login.error, login.error_params)
        state = login.state
        if state == mitid.AWAITING_METHOD:
            mitid_box.method_step(svc, visit_id, request_id, account, svc.clock())
        elif state in (mitid.PENDING, mitid.AWAITING_PIN):
            mitid_box.app_step(svc, visit_id, request_id, login, tokens[request_id])
        elif state == mitid.AWAITING_CODE:
            mitid_box.code_step(svc, visit_id, request_id, login, account)
        elif state == mitid.AWAITING_PASSWORD:
            mitid_box.password_step(svc, visit_id, request_id, login, account.password)
        elif state == mitid.AWAITING_CHIP_BUTTON:
            mitid_box.chip_button_step(svc, visit_id, request_id)
        watch(current.version)
        st.caption(t("mitid.assumption.expiry", duration=mitid_app.duration(login.ttl)))
        with st.container(horizontal=True, key="mitid_box_actions"):  # one block, not a row and two columns
            if state != mitid.AWAITING_METHOD and st.button(t("mitid.change_method"), key="mitid_change",
                                                             icon="🔄", width="stretch"):
                svc.kiosk(visit_id, request_id, "change_method")
                st.rerun()
            if st.button(t("mitid.cancel"), key="mitid_cancel", icon="✖️", width="stretch"):
                svc.kiosk(visit_id, request_id, "cancel")
                st.rerun()

with side_col:
    if login and login.state in (mitid.PENDING, mitid.AWAITING_PIN) and login.channel == "onscreen":
        mitid_app.app_screen(svc, tokens[request_id], request_id, login, via="onscreen", demo_pin=account.pin)
    mitid_panels.device_panel(account)
    if login and login.state == mitid.AWAITING_CODE:
        mitid_panels.code_device(account, login.authenticator, svc.clock)
    mitid_panels.under_the_hood(request_seconds())
