"""Runs a self-service flow one step a page (pages/selfservice.py): the offer of another persona when this one
cannot use the flow, the draft kept in the visit (so a reload continues on the same step), step navigation with
the DKFDS step indicator, "check your answers" and sending.

Session keys: ``ss_nonce`` (bumped with every saved draft, so the next step gets fresh widgets), ``ss_errors`` and
``ss_errors_for`` (the last step's problems, shown only on that step of that flow), ``ss_draft_refused`` (the
last draft was too large for the visit: simulators.core.visits.MAX_VISIT_BYTES), ``ss_leave_flow`` ("Zurück" on
the first step: the next run goes to the portal), ``borger_wanted_flow`` (the flow a persona offered by
``not_eligible`` came for: the MitID page returns there after the new login).

"Beispielangaben einsetzen" (``ss_examples``, on every step with fields, in every mode): the flow's example
answers (``Flow.example_answers``, the same for the whole visit) replace this step's answers and fill the later
steps' empty ones, so a visitor without a keyboard only reviews and taps "Continue"; typing stays possible.
"""
from __future__ import annotations

import datetime as dt
import random
import secrets

import streamlit as st

from simulators.borger import cases
from simulators.borger.framework import Flow
from simulators.borger.suggest import suggest_persona
from simulators.core import visits
from simulators.core.visits import Persona, Visit, VisitTooLarge
from ui.borger import form, layout
from ui.shell import navigation
from ui.shell import session
from ui.shell.i18n import lang, t
from ui.shell.resources import population, store
from ui.shell.safe_text import md

PORTAL_PAGE = "pages/borger.py"
NONCE, ERRORS, ERRORS_FOR = "ss_nonce", "ss_errors", "ss_errors_for"
DRAFT_REFUSED = "ss_draft_refused"  # the last draft was too large to keep (simulators.core.visits.MAX_VISIT_BYTES)
WANTED_FLOW = navigation.AFTER_LOGIN_FLOW
LEAVE_FLOW = "ss_leave_flow"  # "Zurück" was tapped on the first step: back to the portal
EXAMPLES_USED = "ss_examples_used"  # flows whose steps got the example answers in this session (the "done" note)


def not_eligible(flow: Flow, visit: Visit, reason_key: str, reason_params: dict | None, today: dt.date) -> None:
    """Why this persona cannot use the flow, and a button that starts a new visit with a persona who can."""
    st.title(t(flow.title_key))
    st.warning(layout.text(reason_key, reason_params), icon="🚫")
    st.markdown(t("borger.other_persona_offer"))
    if st.button(t("borger.other_persona_button"), type="primary", key="ss_other_persona"):
        new_id = suggest_persona(population(), flow, today, secrets.randbelow(2**31), exclude=visit.persona_id)
        if new_id is None:
            st.error(t("borger.no_persona_found"))
        else:
            session.begin_visit(new_id, "other_persona", f"for_{flow.id}")
            st.session_state[WANTED_FLOW] = flow.id  # after the new login: back to this flow, not the portal
            st.switch_page("pages/welcome.py")
    st.page_link(PORTAL_PAGE, label=t("borger.back_to_portal"), icon="🏠")


def save_draft(flow: Flow, answers: dict, step: int) -> None:
    """Keep the answers (each text cut to its field's limit: ``Flow.clip``) and the step. A draft the visit cannot
    hold (``visits.VisitTooLarge``) is not kept: the page says so on the next run (``DRAFT_REFUSED``) and keeps
    its widgets, so what was typed stays on screen."""
    try:
        session.save_draft(flow.id, flow.clip(answers), step)
    except VisitTooLarge:
        st.session_state[DRAFT_REFUSED] = True
        return
    st.session_state[NONCE] = st.session_state.get(NONCE, 0) + 1  # fresh widgets for the new step


def _back(flow: Flow, answers: dict, position: int) -> None:
    """"Zurück"'s callback: the step before, saved before the run so that one run shows it (issue #18); from the
    first step, out of the flow (``run`` leaves for the portal)."""
    if position > 0:
        save_draft(flow, answers, position - 1)
    else:
        st.session_state[LEAVE_FLOW] = True


def run(flow: Flow, visit: Visit, persona: Persona, today: dt.date) -> None:
    """The current step (or "check your answers") beside the step indicator; the flow's sources below a step."""
    if st.session_state.pop(LEAVE_FLOW, False):  # "Zurück" on the first step: the kiosk has no article pages
        st.switch_page(PORTAL_PAGE, query_params={} if session.mode() == "kiosk" else {"article": flow.id})
    draft = visit.draft(flow.id) or {"answers": flow.prefilled(persona, today), "step": 0}
    answers, position = dict(draft["answers"]), int(draft["step"])
    steps = flow.visible_steps(persona, answers, today)
    position = min(position, len(steps))
    side, main = st.columns([1, 3], gap="large")
    with side:
        layout.steps_indicator([t(s.title_key) for s in steps], position)
    with main:
        st.button(t("borger.back"), type="tertiary", key="ss_back", icon="⬅️", on_click=_back,
                  args=(flow, answers, position))
        if position == len(steps):
            check_answers(flow, visit, persona, answers, steps, today)
            return
        _step(flow, persona, answers, steps, position, today, visit.visit_id)
    layout.sources(flow)


def check_answers(flow: Flow, visit: Visit, persona: Persona, answers: dict, steps: list, today: dt.date) -> None:
    """Every step's answers with "Change", and "Send" once nothing is missing (then the receipt's URL)."""
    st.title(t("borger.check_answers"))
    st.caption(t("borger.check_answers_hint"))
    for index, step in enumerate(steps):
        st.markdown(f"**{t(step.title_key)}**")
        layout.rows([{"label_key": r["label_key"], "value": r["value"]} for r in flow.summary(persona, answers, today)
                     if r["step"] == step.id] or [{"label_key": "borger.nothing_to_answer", "value": {"text": ""}}])
        if step.fields:
            st.button(t("borger.change"), key=f"ss_change_{step.id}", type="tertiary", icon="✏️",
                      on_click=save_draft, args=(flow, answers, index))
    problems = flow.check_all(answers, persona, today)
    if st.button(t("borger.send"), type="primary", key="ss_send", disabled=bool(problems)):
        outcome = flow.finish(persona, answers, today, random.SystemRandom())
        stored = cases.submit(store(), visit.visit_id, flow.id, outcome)
        st.session_state.pop(ERRORS, None)
        st.session_state[EXAMPLES_USED] = set(st.session_state.get(EXAMPLES_USED, ())) - {flow.id}  # a new start
        st.query_params["receipt"] = stored["submission_id"]
        st.rerun()


def _fill_examples(flow: Flow, persona: Persona, answers: dict, step_id: str, position: int, today: dt.date,
                   seed: str) -> None:
    """The examples button's callback: the answers are saved before the run, so one run shows them (issue #18)."""
    st.session_state.pop(ERRORS, None)
    st.session_state[EXAMPLES_USED] = {*st.session_state.get(EXAMPLES_USED, ()), flow.id}
    save_draft(flow, flow.with_examples(persona, answers, step_id, today, seed, lang()), position)


def _examples_button(flow: Flow, persona: Persona, answers: dict, steps: list, position: int, today: dt.date,
                     seed: str) -> None:
    used = flow.id in st.session_state.get(EXAMPLES_USED, ())
    with st.container(key="ss_examples_box"):
        st.button(t("borger.examples.fill"), key="ss_examples", icon="✨",
                  type="primary" if session.mode() == "kiosk" and not used else "secondary", on_click=_fill_examples,
                  args=(flow, persona, answers, steps[position].id, position, today, seed))
        if used:  # feedback where the visitor tapped: the fields below may be out of sight
            st.success(t("borger.examples.done"), icon="✅")
        else:
            st.caption(t("borger.examples.note", name=md(persona["first_name"])))


def _step(flow: Flow, persona: Persona, answers: dict, steps: list, position: int, today: dt.date,
          seed: str = "") -> None:
    """One step: its title, intro and notes, "Beispielangaben einsetzen", the form, and on "Continue" the check
    and the next position."""
    step = steps[position]
    state = st.session_state
    errors = state.get(ERRORS, {}) if state.get(ERRORS_FOR) == (flow.id, position) else {}
    st.caption(t("borger.step_x_of_y", step=position + 1, total=len(steps)))
    st.title(t(step.title_key))
    if state.pop(DRAFT_REFUSED, False):
        st.error(t("borger.err.draft_too_large", max_kb=max(1, visits.MAX_VISIT_BYTES // 1024)), icon="❗")
    if step.intro_key:
        st.markdown(t(step.intro_key))
    if step.fields:
        _examples_button(flow, persona, answers, steps, position, today, seed)
    layout.notes(step.notes(persona, answers, today) if step.notes else [])
    form.step_form(flow, step, persona, answers, today, state.get(NONCE, 0), errors,
                   on_submit=lambda values: _continue(flow, step, persona, answers, values, position, today))


def _continue(flow: Flow, step, persona: Persona, answers: dict, values: dict, position: int, today: dt.date) -> None:
    """"Continue"'s callback: check the step and save the draft (on this step with its problems, or the next)."""
    state = st.session_state
    answers = {**answers, **values}
    found = flow.check_step(step.id, answers, persona, today)
    state[ERRORS], state[ERRORS_FOR] = found, (flow.id, position)
    later = flow.visible_steps(persona, answers, today)  # a choice may show or hide later steps
    save_draft(flow, answers, position if found else later.index(step) + 1)
    if not found:
        session.track("flow_step", f"{flow.id}:{step.id}")
