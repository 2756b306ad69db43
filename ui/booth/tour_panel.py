"""The presenter's tour (presenter mode only; ``render`` is called once from app.py).

Three windows, told apart by the URL (``role``):

- **notes** (``?mode=presenter&view=notes``, the presenter's own screen; pages/presenter_notes.py lays it out): the
  step list, the speaker notes, a timer, the persona chooser, previous / next, "back to step N" and reset. It
  drives the audience window through the store (``simulators.booth.presentation``, keyed by a code in both URLs).
- **audience** (``?mode=presenter&p=<code>``, the projector): the app without notes or chooser; a fragment reads
  the presentation twice a second and follows the notes window to its visit, page and language.
- **single** (``?mode=presenter``, one screen only): the tour in the sidebar, its speaker notes collapsed.

Every jump continues the one visit of the tour and adds only what the step still needs
(``simulators.booth.tour.prepare``); only Reset (or another persona) starts a new visit.
"""
from __future__ import annotations

import html
import time

import streamlit as st

from simulators.booth import presentation, tour
from simulators.core import visits
from ui.booth import presenter_persona
from ui.shell import navigation, session, theme
from ui.shell.i18n import lang, t
from ui.shell.resources import population, store

STEP_KEY = session.KEEP_PREFIX + "tour_step"          # the step last jumped to (single screen)
SEEN_KEY = session.KEEP_PREFIX + "presentation_seen"  # (version, moved) the audience window has followed
TOUCHED_KEY = "tour_notes_touched"                     # when the notes window last kept the visit fresh
FLASH_KEY = session.KEEP_PREFIX + "tour_flash"         # a message key to show after the rerun a jump makes
BAD_CODE_KEY = "booth.present.bad_code"
NOTES_PAGE = "pages/presenter_notes.py"
NOTES, AUDIENCE, SINGLE = "notes", "audience", "single"
FOLLOW_SECONDS = 0.5   # the audience window looks twice a second (one small read), so it follows within a second
TOUCH_SECONDS = 60.0   # a long talk on one step: the notes window keeps the visit and the presentation fresh
SHORTCUTS = {"next": "PageDown", "previous": "PageUp", "back": "Backspace"}  # a presenter's clicker sends PageUp/Down


def role() -> str | None:
    """Which window this is in presenter mode (NOTES, AUDIENCE, SINGLE), else None."""
    if session.mode() != "presenter":
        return None
    if session.param("view") == navigation.NOTES_VIEW:
        return NOTES
    return AUDIENCE if session.param("p") else SINGLE


def shows_chooser() -> bool:
    """Whether the welcome page offers the persona chooser: on a presenter's single screen (collapsed), never in
    the audience window (the notes window has its own)."""
    return role() == SINGLE


def available(step: tour.TourStep) -> bool:
    return navigation.registered(step.page)


def shown_step(page) -> str | None:
    """The tour step whose page is on screen, or None (the dashboard, About …)."""
    url_paths = {("" if spec.default else spec.url_path): spec.path for spec in navigation.PAGES}
    shown = url_paths.get(getattr(page, "url_path", None))
    for step in tour.STEPS:
        if step.page == shown or (step.id == "borger" and shown in ("pages/borger.py", "pages/overblik.py")):
            return step.id
    return None


def current_step(page) -> str | None:
    """The step whose page is on screen (a presenter may also click around), else the last one jumped to."""
    return shown_step(page) or st.session_state.get(STEP_KEY)


def jump(step_id: str, fresh: bool = False) -> None:
    """Go to a step in the tour's visit, adding only what the step still needs; ``fresh`` (Reset) and another
    persona start a new visit. The notes window publishes it for the audience window, the others open its page."""
    persona = presenter_persona.chosen()
    current = session.visit()

    def make(visit_id: str | None = None) -> tour.Prepared:
        return tour.prepare(store(), step_id, persona, lang(), population(), visit_id=visit_id)

    if fresh or not tour.continues(current, persona):
        prepared = session.begin_visit(persona["person_id"], "tour_reset" if fresh else "tour_persona", make=make)
    else:
        prepared = make(current.visit_id)
    st.session_state[STEP_KEY] = step_id
    if role() == NOTES:
        presentation.publish(store(), session.param("p"), step_id, prepared.visit_id, prepared.page, prepared.query,
                             lang(), restart_timer=fresh)
        st.rerun()
    st.switch_page(prepared.page, query_params=prepared.query)


def render(page) -> None:
    """Presenter mode, before the page runs: the notes window goes to its page, the audience window follows the
    notes, a single screen gets the tour in the sidebar."""
    which = role()
    if which is None:
        return
    if getattr(page, "url_path", None) == "presenter_notes" and which != NOTES:
        session.set_param("view", navigation.NOTES_VIEW)  # the notes page opened by its own URL
        which = NOTES
    if which == NOTES:
        if getattr(page, "url_path", None) != "presenter_notes":
            st.switch_page(NOTES_PAGE)
        return
    if which == AUDIENCE:
        _follow(page)
        return
    _sidebar(page)


# ---- the audience window ------------------------------------------------------------------------------------
def _follow(page) -> None:
    """The audience window's full run: follow what it has not followed yet (a reload of the window, whose URL has
    the presentation's visit, stays where it is), else tell the notes which step's page it shows; then watch."""
    code = session.param("p")
    current = presentation.get(store(), code)
    if current is None:
        st.warning(t("booth.present.unknown"), icon="⚠️")
    elif _unseen(current):
        _take(current)
    else:
        step_id = shown_step(page)
        if step_id and step_id != current.shown_step:
            presentation.show_step(store(), code, step_id)
    _watch(code)


def _unseen(current: presentation.Presentation) -> bool:
    seen = st.session_state.get(SEEN_KEY)
    return seen is None or tuple(seen) != (current.version, current.moved)


def _take(current: presentation.Presentation) -> None:
    """Follow a publication: its language, and after a jump or reset its visit and page (a new page run)."""
    seen = st.session_state.get(SEEN_KEY)
    st.session_state[SEEN_KEY] = (current.version, current.moved)
    if current.lang and current.lang != lang():
        session.set_lang(current.lang)
    reload = seen is None and current.visit_id == st.session_state.get(session.VISIT_KEY)
    if current.visit_id and not reload and (seen is None or seen[1] != current.moved):
        session.switch_visit(current.visit_id)
        st.switch_page(current.page, query_params=current.query)


@st.fragment(run_every=FOLLOW_SECONDS)
def _watch(code: str | None) -> None:
    """One small read of the presentation; something new is followed from here (a page switch runs the new page
    at once, without a full run of the old one first), anything else (a language) with a rerun of the app."""
    current = presentation.get(store(), code)
    if current is None:
        if st.session_state.get(SEEN_KEY) is not None:  # it was there: gone now (purged)
            st.session_state.pop(SEEN_KEY, None)
            st.rerun(scope="app")
        return
    if _unseen(current):
        _take(current)
        st.rerun(scope="app")


# ---- the notes window ---------------------------------------------------------------------------------------
def notes_presentation() -> presentation.Presentation:
    """The presentation this notes window drives (made on first use, its code then in the URL), with this session on
    its visit. A visit that is gone (purged) is prepared again at the same step; a language chosen here is
    published, so the audience window follows it."""
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.warning(t(flash), icon="⚠️")
    code = session.param("p")
    current = presentation.get(store(), code)
    if current is None:
        if code and not presentation.valid_code(code):
            st.session_state[FLASH_KEY] = BAD_CODE_KEY  # said after the first jump's rerun
            code = None
        _remember_persona()  # opened from a single screen: its visit's persona
        current = presentation.create(store(), code)
        session.set_param("p", current.code)
    if current.visit_id and current.visit_id != st.session_state.get(session.VISIT_KEY):
        session.switch_visit(current.visit_id)
    _remember_persona()
    if current.visit_id is None or visits.get(store(), current.visit_id) is None:
        jump(current.step_id or tour.STEP_IDS[0])  # publishes and reruns
    if current.lang != lang():
        current = presentation.set_lang(store(), current.code, lang()) or current
    return current


def _remember_persona() -> None:
    """A window that starts on a tour's visit (a reload, the notes opened from a single screen) takes its persona
    as the chosen one, so the next jump continues that visit instead of starting one with the default persona."""
    if presenter_persona.PERSONA_KEY in st.session_state:
        return
    own = session.visit()
    if own is not None and own.mode == tour.MODE and own.persona_id is not None:
        st.session_state[presenter_persona.PERSONA_KEY] = int(own.persona_id)


def notes_step(current: presentation.Presentation) -> str:
    return current.step_id or tour.STEP_IDS[0]


def step_list(current_id: str) -> None:
    with st.container(key="tour_steps", gap="xsmall"):
        for number, step in enumerate(tour.STEPS, start=1):
            label = t("booth.tour.step_label", number=number, icon=step.icon, title=t(step.title_key))
            if st.button(label, key=f"tour_jump_{step.id}", width="stretch", disabled=not available(step),
                         type="primary" if step.id == current_id else "secondary"):
                jump(step.id)


def controls(current_id: str | None, last_id: str | None, stacked: bool = False) -> None:
    """Previous / next (side by side, or ``stacked`` in the narrow sidebar, where the keys' hints need the room),
    back to the last step jumped to (the safety net), reset."""
    back, forward = (st.container(), st.container()) if stacked else st.columns(2)
    if back.button(t("booth.tour.previous"), key="tour_previous", width="stretch", shortcut=SHORTCUTS["previous"],
                   disabled=current_id in (None, tour.STEP_IDS[0])):
        jump(tour.previous_id(current_id))
    if forward.button(t("booth.tour.next"), key="tour_next", width="stretch", type="primary",
                      shortcut=SHORTCUTS["next"],
                      disabled=current_id == tour.STEP_IDS[-1] or not available(tour.step(tour.next_id(current_id)))):
        jump(tour.next_id(current_id))
    if last_id in tour.STEP_IDS:
        number = tour.STEP_IDS.index(last_id) + 1
        if st.button(t("booth.tour.back_to_step", number=number, title=t(tour.step(last_id).title_key)),
                     key="tour_back_to_step", width="stretch", shortcut=SHORTCUTS["back"],
                     help=t("booth.tour.back_to_step_help")):
            jump(last_id)
    if st.button(t("booth.tour.reset"), key="tour_reset", width="stretch", help=t("booth.tour.reset_help")):
        jump(tour.STEP_IDS[0], fresh=True)


def speaker_notes(step_id: str) -> None:
    with st.container(key="tour_notes"):
        st.markdown(f"**{t('booth.tour.notes_title', title=t(tour.step(step_id).title_key))}**")
        st.markdown(t(tour.step(step_id).notes_key))


def persona_summary(with_link: bool = True) -> None:
    persona = presenter_persona.chosen()
    st.html('<div class="tour-persona">'
            f'{html.escape(t("booth.tour.persona"))}<br><b>{html.escape(persona["full_name"])}</b>, '
            f'{html.escape(t("booth.tour.persona_line", age=persona["age"], municipality=persona["municipality"]))}'
            '</div>')
    if with_link:
        st.page_link("pages/welcome.py", label=t("booth.tour.change_persona"), icon="🎭")


def audience_link(current: presentation.Presentation) -> None:
    """How to open the audience window: a button (a new tab, for the projector) and its address to copy."""
    query = presentation.audience_query(current.code, lang())
    st.link_button(t("booth.present.open_audience"), f"./?{query}", type="primary", width="stretch")
    st.caption(t("booth.present.audience_hint"))
    base = presentation.base_url(st.context.url)
    if base:
        st.code(f"{base}/?{query}", language=None)


@st.fragment(run_every=1)
def timer(code: str, step_id: str) -> None:
    """The presenter's clock (the tour's time and the step's) and what the audience window shows; keeps the
    visit and the presentation fresh during a long talk."""
    current = presentation.get(store(), code)
    if current is None:
        return
    now = time.time()
    total, on_step = current.elapsed(now)
    st.html(f'<div class="tour-timer" data-testid="tour-timer"><span>⏱ {presentation.clock_text(total)}</span>'
            f'<small>{html.escape(t("booth.present.timer", step=presentation.clock_text(on_step)))}</small></div>')
    shown = current.shown_step or step_id
    if shown != step_id:
        number = tour.STEP_IDS.index(shown) + 1
        st.caption(t("booth.present.audience_shows", number=number, title=t(tour.step(shown).title_key)))
    if now - st.session_state.get(TOUCHED_KEY, 0.0) > TOUCH_SECONDS:
        st.session_state[TOUCHED_KEY] = now
        presentation.touch(store(), code)
        if current.visit_id:
            visits.touch(store(), current.visit_id)


# ---- a single screen: the tour in the sidebar ----------------------------------------------------------------
def _sidebar(page) -> None:
    _remember_persona()
    current = current_step(page)
    with st.sidebar:
        theme.inject("booth-tour")
        st.subheader(t("booth.tour.title"))
        persona_summary()
        step_list(current)
        controls(current, st.session_state.get(STEP_KEY), stacked=True)
        if current:
            with st.expander(t("booth.tour.notes_title", title=t(tour.step(current).title_key)), expanded=False):
                st.markdown(t(tour.step(current).notes_key))
        visit_id = st.session_state.get(session.VISIT_KEY)
        query = presentation.notes_query(lang(), visit_id)
        st.link_button(t("booth.present.open_notes"), f"./presenter_notes?{query}", width="stretch",
                       help=t("booth.present.open_notes_help"))
