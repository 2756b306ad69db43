"""Booth duties on every full script run (called once from app.py): note the interaction, keep the visit
fresh, purge stale visits now and then, and in kiosk mode the idle watchdog with its countdown overlay.

A full script run happens only when the visitor did something (a click, a tap, a page change); the watchdog's
own timer reruns only its fragment and never reaches ``run()``, so it cannot count as an interaction.
"""
from __future__ import annotations

import html
import time

import streamlit as st

from simulators.core import visits
from simulators.booth import presentation, watchdog
from ui.booth import kiosk
from ui.shell import session
from ui.shell.i18n import t
from ui.shell.resources import store

SETTINGS = watchdog.settings_from_env()
LAST_INTERACTION = "booth_last_interaction"
LAST_TOUCH = "booth_visit_touched"
HOME_LANG = session.KEEP_PREFIX + "kiosk_home_lang"  # the kiosk's own language, restored after each visitor
TOUCH_EVERY_SECONDS = 60.0
TICK_SECONDS = 1.0


@st.cache_resource(show_spinner=False)
def _purge_timer() -> watchdog.PurgeTimer:
    return watchdog.PurgeTimer(SETTINGS.purge_interval_seconds)


def run(page) -> None:
    state = st.session_state
    now = time.time()
    state[LAST_INTERACTION] = now
    visit_id = state.get(session.VISIT_KEY)
    if visit_id and now - state.get(LAST_TOUCH, 0.0) > TOUCH_EVERY_SECONDS:
        visits.touch(store(), visit_id)  # an active visitor's visit is never "stale"
        state[LAST_TOUCH] = now
    if _purge_timer().due(now):
        watchdog.purge_stale_visits(store(), SETTINGS.stale_seconds, now)
        presentation.purge_stale(store(), SETTINGS.stale_seconds, now)  # the presenter's, once nobody uses them
    if session.mode() == "kiosk":
        kiosk.apply_style()
        state.setdefault(HOME_LANG, state.get("lang"))
        _idle_check(at_home=page.url_path == "")


def still_here() -> None:
    st.session_state[LAST_INTERACTION] = time.time()


def reset_kiosk(reason: str = "idle") -> None:
    """Delete the visit (only anonymous counters remain) and bring back the attract screen in the kiosk's language.
    ``reason``: a code for the booth counters ("idle"; "payoff" when the visitor taps "Done" on the payoff)."""
    home_lang = st.session_state.get(HOME_LANG)
    session.end_visit(reason)
    if home_lang:
        session.set_lang(home_lang)
    st.switch_page("pages/welcome.py")


@st.fragment(run_every=TICK_SECONDS)
def _idle_check(at_home: bool) -> None:
    state = st.session_state
    has_visit = bool(state.get(session.VISIT_KEY))
    home_lang = state.get(HOME_LANG) in (None, state.get("lang"))
    if not watchdog.needs_watching(has_visit, at_home, home_lang):
        return
    idle = watchdog.idle_state(state.get(LAST_INTERACTION, time.time()), time.time(), SETTINGS)
    if idle.phase == watchdog.RESET:
        reset_kiosk()
    elif idle.phase == watchdog.WARNING:
        _countdown(idle.seconds_left)


def _countdown(seconds_left: int) -> None:
    total = max(1, int(SETTINGS.countdown_seconds))
    with st.container(key="booth_idle_overlay"):
        with st.container(key="booth_idle_card"):
            st.html(
                '<div class="booth-idle" role="alertdialog" aria-live="assertive">'
                f'<div class="booth-idle-title">{html.escape(t("booth.idle.title"))}</div>'
                f'<div class="booth-idle-count" data-testid="booth-idle-count">{seconds_left}</div>'
                f'<div class="booth-idle-text">{html.escape(t("booth.idle.text", seconds=seconds_left))}</div>'
                f'<div class="booth-idle-bar"><span style="width:{100 * seconds_left / total:.0f}%;'
                f'animation-duration:{seconds_left}s"></span></div></div>'
            )
            st.button(t("booth.idle.still_here"), key="booth_still_here", type="primary", on_click=still_here,
                      width="stretch")
