"""The visitor's own phone: the simulated MitID app that the kiosk's QR code opens (?token=…).

No visit here (a different browser): the token names the login. Without a token the app asks for the user ID and
the 4-digit code shown on the kiosk (MitID's alternative to scanning). A reload keeps the state (it is in the store).
"""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import streamlit as st

from simulators.mitid import login as mitid
from simulators.mitid.service import REQUEST_KIND
from ui.mitid import phone_app as mitid_app
from ui.shell import wakeup
from ui.shell.i18n import t

mitid_app.apply_css()
svc = mitid_app.service()
token = st.query_params.get("token", "")

if not token:
    with st.container(key="mitid_app"):
        st.markdown(f"#### 📱 {t('mitid.phone.app_title')}")
        st.write(t("mitid.phone.open_without_qr"))
        with st.form("mitid_phone_code4_claim", border=False):
            user_id = st.text_input(t("mitid.user_id.label"), key="mitid_phone_claim_user")
            code = st.text_input(t("mitid.phone.code4_label"), max_chars=4, key="mitid_phone_claim_code")
            if st.form_submit_button(t("mitid.continue"), type="primary", width="stretch"):
                claimed = svc.claim_with_code(user_id, code, client=mitid_app.client_id())
                if claimed.ok:
                    st.query_params["token"] = claimed.token  # the phone keeps it: a reload finds the request
                    st.rerun()
                mitid_app.show_error(claimed.error, claimed.params)
        mitid_app.security_notes()
    st.stop()

found = svc.resolve(token)


@st.fragment(run_every=wakeup.SAFETY_NET_SECONDS)
def safety_net(version_seen: int) -> None:
    """Only if the watcher could not wake this page: a slow look at the store."""
    again = svc.resolve(token)
    if again.version != version_seen or again.error != found.error:
        st.rerun(scope="app")


def watch(version_seen: int) -> None:
    """The kiosk may cancel, or the request may expire, while the phone shows it: the process's watcher
    (ui/shell/wakeup.py) reruns this page within ~0.5 s of a change of the request or of its expiry."""
    wakeup.watch(REQUEST_KIND, found.request_id, version_seen, until=found.login.expires_at)
    safety_net(version_seen)


if found.error or found.login is None or found.login.state not in (mitid.PENDING, mitid.AWAITING_PIN):
    mitid_app.decided_screen(found.login, found.error)
else:
    mitid_app.app_screen(svc, token, found.request_id, found.login, via="phone")
    watch(found.version)
