"""Self-service: runs any registered flow (``?flow=<id>``) one step per page, then "check your answers" and the
receipt (``&receipt=<submission id>``). Rules live in simulators.borger; this file is layout only."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import datetime as dt
import html
import random
import secrets

import streamlit as st

from simulators.post import letters
from simulators.borger import FLOWS, cases
from simulators.borger.suggest import suggest_persona
from ui.borger import layout
from ui.shell import session
from ui.shell.i18n import lang, t
from ui.shell.resources import population, store

PAGE = "pages/selfservice.py"
DATE_FORMATS = {"de": "DD.MM.YYYY", "da": "DD.MM.YYYY", "en": "DD/MM/YYYY"}
JOURNEY_PAGE, POST_PAGE = "pages/journeys.py", "pages/digital_post.py"

visit, persona = layout.guard(PAGE)
flow = FLOWS.get(st.query_params.get("flow", ""))
today = dt.date.today()
layout.header(persona, flow)
if flow is None:
    st.info(t("borger.flow_unknown"))
    st.page_link("pages/borger.py", label=t("borger.back_to_portal"), icon="🏠")
    st.stop()


def save_draft(answers: dict, step: int) -> None:
    drafts = dict(session.visit().get("drafts") or {})
    drafts[flow.id] = {"answers": answers, "step": step}
    session.update_visit(drafts=drafts)
    st.session_state["ss_nonce"] = st.session_state.get("ss_nonce", 0) + 1  # fresh widgets for the new step


def show_receipt(submission: dict) -> None:
    st.html(f'<div class="bdk-receipt">✅ <b>{html.escape(t("borger.receipt_title"))}</b><br>'
            f'{html.escape(t("borger.receipt_number", number=submission["receipt_no"]))}</div>')
    layout.notes(submission.get("receipt"))
    with st.expander(t("borger.your_answers")):
        layout.rows([{"label_key": r["label_key"], "value": r["value"]} for r in submission.get("summary", [])])
    st.subheader(t("borger.letters_sent"))
    for letter in submission.get("letters", []):
        rendered = i18n_letter(letter)
        st.markdown(f"📨 **{layout.authority_name(rendered['sender'], persona, letter.get('params'))}** — "
                    f"{letters.escape_markdown(rendered['subject'])}")
    cols = st.columns(3)
    if layout.page_registered(POST_PAGE):
        cols[0].page_link(POST_PAGE, label=t("borger.open_digital_post"), icon="📬")
    cols[1].page_link("pages/overblik.py", label=t("borger.open_overblik"), icon="📋")
    if flow.journey_event and layout.page_registered(JOURNEY_PAGE):
        cols[2].page_link(JOURNEY_PAGE, label=t("borger.compare_germany"), icon="🇩🇪",
                          query_params={"event": flow.journey_event})
    st.page_link("pages/borger.py", label=t("borger.back_to_portal"), icon="🏠")


def i18n_letter(letter: dict) -> dict:
    return letters.render(letter["template"], lang(), letter.get("params", {}), strict=False)

receipt_id = st.query_params.get("receipt")
if receipt_id:
    found = cases.submission(store(), visit["visit_id"], receipt_id)
    if found:
        show_receipt(found)
        st.stop()

ok, reason_key, reason_params = flow.eligible(persona, today)
if not ok:
    st.title(t(flow.title_key))
    st.warning(layout.text(reason_key, reason_params), icon="🚫")
    st.markdown(t("borger.other_persona_offer"))
    if st.button(t("borger.other_persona_button"), type="primary", key="ss_other_persona"):
        new_id = suggest_persona(population(), flow, today, secrets.randbelow(2**31), exclude=visit.get("persona_id"))
        if new_id is None:
            st.error(t("borger.no_persona_found"))
        else:
            session.end_visit("other_persona")
            session.start_visit(new_id)
            session.track("persona", f"for_{flow.id}")
            st.switch_page("pages/welcome.py")
    st.page_link("pages/borger.py", label=t("borger.back_to_portal"), icon="🏠")
    st.stop()

draft = (visit.get("drafts") or {}).get(flow.id) or {"answers": flow.prefilled(persona, today), "step": 0}
answers, position = dict(draft["answers"]), int(draft["step"])
steps = flow.visible_steps(persona, answers, today)
position = min(position, len(steps))
nonce = st.session_state.get("ss_nonce", 0)
errors = st.session_state.get("ss_errors", {}) if st.session_state.get("ss_errors_for") == (flow.id, position) else {}

side, main = st.columns([1, 3], gap="large")
with side:
    layout.steps_indicator([t(s.title_key) for s in steps], position)

with main:
    if st.button(t("borger.back"), type="tertiary", key="ss_back", icon="⬅️"):
        if position == 0:
            st.switch_page("pages/borger.py", query_params={"article": flow.id})
        save_draft(answers, position - 1)
        st.rerun()

    if position == len(steps):  # check your answers
        st.title(t("borger.check_answers"))
        st.caption(t("borger.check_answers_hint"))
        for index, step in enumerate(steps):
            st.markdown(f"**{t(step.title_key)}**")
            layout.rows([{"label_key": r["label_key"], "value": r["value"]} for r in flow.summary(persona, answers, today)
                     if r["step"] == step.id] or [{"label_key": "borger.nothing_to_answer", "value": {"text": ""}}])
            if step.fields and st.button(t("borger.change"), key=f"ss_change_{step.id}", type="tertiary", icon="✏️"):
                save_draft(answers, index)
                st.rerun()
        problems = flow.check_all(answers, persona, today)
        if st.button(t("borger.send"), type="primary", key="ss_send", disabled=bool(problems)):
            outcome = flow.finish(persona, answers, today, random.SystemRandom())
            stored = cases.submit(store(), visit["visit_id"], flow.id, outcome)
            st.session_state.pop("ss_errors", None)
            st.query_params["receipt"] = stored["submission_id"]
            st.rerun()
        st.stop()

    step = steps[position]
    st.caption(t("borger.step_x_of_y", step=position + 1, total=len(steps)))
    st.title(t(step.title_key))
    if step.intro_key:
        st.markdown(t(step.intro_key))
    layout.notes(step.notes(persona, answers, today) if step.notes else [])
    with st.form(key=f"ss_form_{flow.id}_{step.id}_{nonce}", border=False):
        values = {}
        for field in step.fields:
            key = f"ss_{flow.id}_{field.id}_{nonce}"
            label = t(field.label_key)
            current = answers.get(field.id)
            options = field.options(persona, answers, today) if field.options else []
            if field.kind != "checkbox":  # a checkbox carries its own label
                st.markdown(f"**{label}**")
            if field.hint_key:
                st.caption(t(field.hint_key))
            if field.kind == "text":
                values[field.id] = st.text_input(label, value=current or "", key=key, label_visibility="collapsed")
            elif field.kind == "int":
                values[field.id] = st.number_input(label, value=current, min_value=0, step=1, key=key,
                                                   label_visibility="collapsed")
            elif field.kind == "date":
                chosen = st.date_input(label, value=dt.date.fromisoformat(current) if current else None, key=key,
                                       min_value=today - dt.timedelta(days=400), max_value=today + dt.timedelta(days=400),
                                       format=DATE_FORMATS[lang()], label_visibility="collapsed")
                values[field.id] = chosen.isoformat() if chosen else None
            elif field.kind in ("choice", "select"):
                by_value = [o.value for o in options]
                widget = st.radio if field.kind == "choice" else st.selectbox
                labels = {o.value: layout.option_label(o) for o in options}  # translated now, looked up later
                values[field.id] = widget(label, by_value, index=by_value.index(current) if current in by_value else None,
                                          format_func=labels.__getitem__, key=key, label_visibility="collapsed")
            elif field.kind == "multi":
                chosen = [o.value for i, o in enumerate(options)
                          if st.checkbox(layout.option_label(o), value=o.value in (current or []), key=f"{key}_{i}")]
                values[field.id] = chosen
            elif field.kind == "checkbox":
                values[field.id] = st.checkbox(label, value=bool(current), key=key)
            if field.once_only and field.prefill_source_key:
                st.caption(f"🔁 {t('borger.prefilled', source=t(field.prefill_source_key))}")
            if field.id in errors:
                message_key, params = errors[field.id]
                st.error(layout.text(message_key, params), icon="❗")
        submitted = st.form_submit_button(t("borger.continue"), type="primary", key=f"ss_next_{nonce}")
    if submitted:
        answers.update(values)
        found = flow.check_step(step.id, answers, persona, today)
        st.session_state["ss_errors"], st.session_state["ss_errors_for"] = found, (flow.id, position)
        later = flow.visible_steps(persona, answers, today)  # a choice may show or hide later steps
        next_position = position if found else later.index(step) + 1
        save_draft(answers, next_position)
        if not found:
            session.track("flow_step", f"{flow.id}:{step.id}")
        st.rerun()

with st.expander(t("borger.sources")):
    for label_key, reference in flow.sources:
        st.markdown(f"- {t(label_key)}: `{reference}`")
