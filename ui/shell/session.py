"""Per-browser-session state: language, mode and the current visit, kept in the URL so a reload finds them.

``init()`` runs once per script run from app.py. Pages then use ``visit()``, ``persona()``, ``begin_visit()``,
``is_logged_in()``, the visit's named changes (``log_out()``, ``record_activity()``, ``save_draft()``) and
``track()``; none of them touch the database directly.
"""
from __future__ import annotations

from typing import Callable, Protocol, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from simulators.core import i18n
from simulators.core import visits
from simulators.core.visits import Persona, Visit
from ui.shell.resources import population, store
from ui.shell.i18n import set_language

VISIT_KEY = "visit_id"
_RUN_VISIT = "_visit_this_run"  # (run marker, visit id, last change, data): the store is read once per run
LINK_GONE = "_visit_link_gone"  # the URL named a visit that does not exist (any more): say so once
KEEP_PREFIX = "keep_"  # session keys that outlive a visit (the presenter's chosen persona, the kiosk's language)
# URL parameters a session keeps (like lang, mode and v) and puts back after every page change: the presenter's
# presentation code and view (ui.booth.tour_panel). Kept as given (at most MAX_PARAM_CHARS); their owner checks them.
KEPT_PARAMS = {"p": KEEP_PREFIX + "param_p", "view": KEEP_PREFIX + "param_view"}
MAX_PARAM_CHARS = 64


def init() -> None:
    state = st.session_state
    params = st.query_params
    if "mode" not in state:  # read once, then kept for the whole session
        state.mode = visits.normalise_mode(params.get("mode"))
    wanted = i18n.normalise_lang(params.get("lang"))
    if wanted:
        set_language(wanted)
    elif "lang" not in state:
        set_language(i18n.normalise_lang(st.context.locale) or i18n.DEFAULT_LANG)
    if VISIT_KEY not in state:
        candidate = params.get("v")
        # visits.get checks the id's format first (simulators/core/ids.py): a NUL byte or a 10,000-character
        # "id" never reaches the store, and it is answered like the id of an ended visit
        state[VISIT_KEY] = candidate if candidate and visits.get(store(), candidate) else None
        if candidate and not state[VISIT_KEY]:
            state[LINK_GONE] = True
    for name, key in KEPT_PARAMS.items():
        if params.get(name):
            state[key] = str(params.get(name))[:MAX_PARAM_CHARS]
    _sync_url()


def _sync_url() -> None:
    """Put lang, mode and visit back into the URL (a page change clears it), so a reload restores them."""
    state = st.session_state
    wanted = {"lang": state.lang, "mode": state.mode}
    if state.get(VISIT_KEY):
        wanted["v"] = state[VISIT_KEY]
    wanted.update({name: state[key] for name, key in KEPT_PARAMS.items() if state.get(key)})
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    if not state.get(VISIT_KEY) and "v" in st.query_params:
        del st.query_params["v"]


def take_link_gone() -> bool:
    """Whether this session's URL named a visit that does not exist (any more); True once (the header says so)."""
    return bool(st.session_state.pop(LINK_GONE, False))


def mode() -> str:
    return st.session_state.get("mode", "explore")


def param(name: str) -> str | None:
    """A kept URL parameter (``KEPT_PARAMS``), as the URL gave it or ``set_param`` set it."""
    return st.session_state.get(KEPT_PARAMS[name])


def set_param(name: str, value: str | None) -> None:
    """Keep a URL parameter (None drops it), in this session and in the URL."""
    key = KEPT_PARAMS[name]
    if value:
        st.session_state[key] = value
        st.query_params[name] = value
    else:
        st.session_state.pop(key, None)
        if name in st.query_params:
            del st.query_params[name]


def set_lang(value: str) -> None:
    value = i18n.normalise_lang(value) or i18n.DEFAULT_LANG
    set_language(value)
    st.query_params["lang"] = value
    current = visit()
    if current:
        visits.set_language(store(), current.visit_id, value)


def _run_marker() -> object | None:
    """Something that is new for every script run, fragment runs included: Streamlit gives each run a fresh
    ``cursors`` dict. Holding on to it (in the cache entry) keeps its identity from being reused."""
    ctx = get_script_run_ctx()
    return ctx.cursors if ctx is not None else None


def visit() -> Visit | None:
    """The current visit, or None before Start (or after the visit was reset elsewhere). Read from the store
    once per script run — a page asks several times (navigation, guards, persona) — and again when this
    process changed it meanwhile; a change made by another process (a phone on another replica) shows on
    the next run."""
    visit_id = st.session_state.get(VISIT_KEY)
    marker, change = _run_marker(), visits.last_change(visit_id)  # the change number before the read
    cached = st.session_state.get(_RUN_VISIT)
    if cached and marker is not None and cached[0] is marker and cached[1:3] == (visit_id, change):
        return cached[3]
    data = visits.get(store(), visit_id)
    if visit_id and data is None:  # reset by the watchdog or another tab: forget it
        st.session_state[VISIT_KEY] = None
    if marker is not None:
        st.session_state[_RUN_VISIT] = (marker, visit_id, change, data)
    return data


class _Made(Protocol):
    visit_id: str


_M = TypeVar("_M", bound=_Made)


def begin_visit(persona_id: int | None, reason: str, how: str | None = None,
                make: Callable[[], _M] | None = None) -> Visit | _M:
    """Start a visit for this persona — the one way every page does it: end the current visit (``reason``: the
    code its booth event "visit_end" gets), make the new one in this session's language and mode, make it this
    session's visit and record how the persona was chosen (``how``: a code such as ``random``, ``chosen``,
    ``for_<flow>``, as the booth event "persona"; None records none). ``make`` makes the visit instead (the
    presenter's tour prepares a whole step: login, mailbox …) and returns something with its ``visit_id``."""
    end_visit(reason)
    made = make() if make is not None else visits.create(store(), st.session_state.lang, mode(), persona_id)
    st.session_state[VISIT_KEY] = made.visit_id
    _sync_url()
    if make is None:
        _deliver_life_letters(made.visit_id)
    if how is not None:
        track("persona", how)
    return made


def _deliver_life_letters(visit_id: str) -> None:
    """The persona's life in letters is in the mailbox when the visit begins, as a Dane's post is there before they
    look. Digital Post delivered it on its first open, which made that the journey's dearest run (issue #18); this
    moves ~1.5 ms of CPU to Start, it does not save it. Digital Post still delivers for visits begun otherwise (the
    presenter's tour prepares its own)."""
    from simulators.post import life_letters  # imports pandas (population): when first needed, as persona()

    current = persona()
    if current is not None:
        life_letters.seed_mailbox(store(), visit_id, current, population())


def end_visit(reason: str = "reset") -> None:
    visit_id = st.session_state.get(VISIT_KEY)
    if visit_id:
        visits.end(store(), visit_id, reason)
    _forget_visit_state()
    st.session_state[VISIT_KEY] = None
    _sync_url()


def switch_visit(visit_id: str | None) -> None:
    """Make an existing visit this session's (another window made it: the presenter's notes drive the audience
    window), forgetting this session's state of the one before; neither visit is ended."""
    if st.session_state.get(VISIT_KEY) == visit_id:
        return
    _forget_visit_state()
    st.session_state[VISIT_KEY] = visit_id if visit_id and visits.get(store(), visit_id) else None
    _sync_url()


def _forget_visit_state() -> None:
    for key in list(st.session_state.keys()):
        if key not in ("lang", "mode") and not str(key).startswith(KEEP_PREFIX):
            del st.session_state[key]


def _visit_id() -> str | None:
    return st.session_state.get(VISIT_KEY)


def log_out(forget_activity: bool = False) -> Visit | None:
    """End the visit's login (see simulators.core.visits.log_out)."""
    return visits.log_out(store(), _visit_id(), forget_activity) if _visit_id() else None


def record_activity(at: float) -> Visit | None:
    """borger.dk's last activity (its idle logout)."""
    return visits.record_activity(store(), _visit_id(), at) if _visit_id() else None


def save_draft(flow_id: str, answers: dict, step: int) -> Visit | None:
    return visits.save_draft(store(), _visit_id(), flow_id, answers, step) if _visit_id() else None


def persona() -> Persona | None:
    """The visit's persona (simulators.population.persona.persona_record) with what the visitor's own actions
    changed laid over it (a new address, …) and the visit's own demo MitID user ID (``visits.demo_user_id``), or
    None."""
    current = visit()
    if not current or current.persona_id is None:
        return None
    from simulators.population.persona import persona_record  # pandas: imported when first needed

    record = persona_record(population(current.country), int(current.persona_id))
    return visits.visit_persona(record, current)  # the visit's changes and its own demo MitID user ID


def is_logged_in() -> bool:
    current = visit()
    return bool(current and current.logged_in)


def track(event: str, detail: str = "") -> None:
    visits.track(store(), visit(), event, detail)
