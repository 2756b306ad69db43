"""The page registry. Adding a page is one line in PAGES.

Every page is registered on every run (so ``st.switch_page`` always finds it); a page is *shown* in the top
navigation only in the modes listed for it and, with ``needs_login``, once the visitor is logged in. Pages that
are hidden guard themselves at the top (see ``ui.shell.guards``).
"""
from __future__ import annotations

import copy

from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.shell import session
from ui.shell.i18n import lang, t

ALL_MODES = ("explore", "kiosk", "presenter")


@dataclass(frozen=True)
class PageSpec:
    path: str
    title_key: str
    icon: str
    url_path: str
    modes: tuple[str, ...] = ALL_MODES
    needs_login: bool = False
    in_nav: bool = True
    default: bool = False


PAGES: list[PageSpec] = [  # in the order of the story
    PageSpec("pages/welcome.py", "nav.welcome", "🏠", "welcome", default=True),
    PageSpec("pages/mitid_login.py", "nav.login", "🔐", "mitid_login"),
    PageSpec("pages/borger.py", "nav.borger", "🏛️", "borger", needs_login=True),
    PageSpec("pages/overblik.py", "nav.overblik", "📋", "overblik", needs_login=True),
    PageSpec("pages/selfservice.py", "nav.selfservice", "📝", "selfservice", in_nav=False),
    PageSpec("pages/digital_post.py", "nav.digital_post", "📬", "digital_post", needs_login=True),
    PageSpec("pages/journeys.py", "nav.journeys", "🏁", "journeys"),
    PageSpec("pages/compare.py", "nav.compare", "⚖️", "compare"),
    PageSpec("pages/dashboard.py", "nav.dashboard", "📊", "dashboard", modes=("explore", "presenter")),
    PageSpec("pages/about.py", "nav.about", "ℹ️", "about", modes=("explore", "presenter")),
    PageSpec("pages/mitid_phone.py", "nav.mitid_phone", "📱", "mitid_phone", in_nav=False),
    PageSpec("pages/payoff.py", "nav.payoff", "🏁", "payoff", in_nav=False),
    PageSpec("pages/presenter_notes.py", "nav.presenter_notes", "🎤", "presenter_notes", modes=("presenter",),
             in_nav=False),
]
AFTER_LOGIN_FLOW = "borger_wanted_flow"  # session key: a flow to open right after the MitID login (ui.mitid.handoff)
NOTES_VIEW = "notes"  # ?view=notes: the presenter's own window (ui.booth.tour_panel), without the top navigation


_SESSION_PAGES = "_nav_pages"  # {(lang, mode, logged in): [st.Page, …]} for this browser session


def build() -> st.navigation:
    mode = session.mode()
    logged_in = session.is_logged_in()
    notes_view = mode == "presenter" and session.param("view") == NOTES_VIEW
    built = st.session_state.setdefault(_SESSION_PAGES, {})
    # st.Page resolves and checks its file on the disk (~1 ms a page); the same pages serve this session's later
    # runs. Not shared between sessions (st.navigation marks the page object it hands out): each session gets
    # copies of pages made once per process (issue #18: a class of 100 made 2,600 of them in its first minute).
    key = (lang(), mode, logged_in)
    if key not in built:
        built[key] = [copy.copy(page) for page in _unmarked_pages(key)]
    hidden = notes_view or _standalone_requested(built[key])
    return st.navigation(built[key], position="hidden" if hidden else "top")


STANDALONE = ("mitid_phone",)  # shown without any navigation: a visitor's own phone gets the MitID app only


def _standalone_requested(pages: list) -> bool:
    """Whether the browser asks for a STANDALONE page, by its URL path (a link, a reload) or its script hash (a
    page change, AppTest). Streamlit tells the page only after st.navigation, so this reads its page manager."""
    manager = getattr(get_script_run_ctx(), "pages_manager", None)
    name = getattr(manager, "intended_page_name", None)
    script_hash = getattr(manager, "intended_page_script_hash", None)
    return any(page.url_path in STANDALONE and (page.url_path == name or page._script_hash == script_hash)
               for page in pages)


_PROCESS_PAGES: dict[tuple, list[st.Page]] = {}  # never handed to st.navigation: only their copies are


def _unmarked_pages(key: tuple) -> list[st.Page]:
    found = _PROCESS_PAGES.get(key)
    if found is None:
        _lang, mode, logged_in = key
        found = _PROCESS_PAGES.setdefault(key, [_page(spec, mode, logged_in) for spec in PAGES])
    return found


def _page(spec: PageSpec, mode: str, logged_in: bool) -> st.Page:
    shown = spec.in_nav and mode in spec.modes and (logged_in or not spec.needs_login)
    return st.Page(spec.path, title=t(spec.title_key), icon=spec.icon, url_path=spec.url_path,
                   default=spec.default, visibility="visible" if shown else "hidden")


def registered(path: str) -> bool:
    """Whether the page is in the registry (a test or a trimmed deployment may leave one out)."""
    return any(p.path == path for p in PAGES)


def allowed(path: str) -> bool:
    """Whether the current mode may open this page (kiosk mode reaches only the journey and the comparison)."""
    spec = next((p for p in PAGES if p.path == path), None)
    return spec is None or session.mode() in spec.modes
