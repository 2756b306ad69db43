"""One step of a self-service flow as a form: each field kind of the flow framework (simulators.borger.framework
``FIELD_KINDS``) as its Streamlit widget, with label, hint, "prefilled from" note and the step's error messages.

Widget keys carry the flow, the field and a per-step nonce (``ss_<flow>_<field>_<nonce>``), so a new step (or a
changed draft) gets fresh widgets; ui.borger.runner owns the nonce.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

import streamlit as st

from simulators.borger.framework import Field, Flow, Option, Step, format_params
from simulators.core.visits import Persona
from ui.borger import layout
from ui.shell.i18n import date, lang, t
from ui.shell.safe_text import md_params

DATE_FORMATS = {"de": "DD.MM.YYYY", "da": "DD.MM.YYYY", "en": "DD/MM/YYYY"}
DATE_PATTERNS = {"de": "dd.MM.yyyy", "da": "dd.MM.yyyy", "en": "dd/MM/yyyy"}  # the same for Babel (a hint's example)
DATE_RANGE_DAYS = 400  # how far before and after today a date field reaches


def max_chars(field: Field) -> int | None:
    """The widget's limit: one character more than the field's. Streamlit cuts a value to ``max_chars`` on the
    server too, so with exactly the limit a longer value (pasted, or sent by a script) would be cut silently;
    one more lets the domain validator see that it was too long and say so (simulators.borger.framework), while
    the browser still cannot send more than that."""
    return field.max_length + 1 if field.max_length else None


def _text(field: Field, label: str, key: str, current, options: list[Option], today: dt.date) -> None:
    limit = max_chars(field)
    st.text_input(label, value=str(current or "")[:limit], key=key, label_visibility="collapsed", max_chars=limit)


def _int(field: Field, label: str, key: str, current, options: list[Option], today: dt.date) -> None:
    st.number_input(label, value=current, min_value=0, step=1, key=key, label_visibility="collapsed")


def _date(field: Field, label: str, key: str, current, options: list[Option], today: dt.date) -> None:
    reach = dt.timedelta(days=DATE_RANGE_DAYS)
    st.date_input(label, value=dt.date.fromisoformat(current) if current else None, key=key,
                  min_value=today - reach, max_value=today + reach, format=DATE_FORMATS[lang()],
                  label_visibility="collapsed")


def _one_of(field: Field, label: str, key: str, current, options: list[Option], today: dt.date) -> None:
    by_value = [o.value for o in options]
    widget = st.radio if field.kind == "choice" else st.selectbox
    labels = {o.value: layout.option_label(o, markdown=field.kind == "choice")  # radio labels are Markdown
              for o in options}  # translated now, looked up later
    extra = {"placeholder": t("borger.select_placeholder")} if widget is st.selectbox else {}  # not "Choose an option"
    widget(label, by_value, index=by_value.index(current) if current in by_value else None,
           format_func=labels.__getitem__, key=key, label_visibility="collapsed", **extra)


def _multi(field: Field, label: str, key: str, current, options: list[Option], today: dt.date) -> None:
    for i, option in enumerate(options):
        st.checkbox(layout.option_label(option, markdown=True), value=option.value in (current or []),
                    key=f"{key}_{i}")


def _checkbox(field: Field, label: str, key: str, current, options: list[Option], today: dt.date) -> None:
    st.checkbox(label, value=bool(current), key=key)


def hint(field: Field, persona: Persona, answers: dict, today: dt.date) -> str:
    """The field's hint; a date example (a ``*_date`` param of ``Field.hint_params``) written as the date field
    wants it typed (``DATE_FORMATS``: "12.12.2026", not "dd.mm.yyyy" in English), all else by the letter
    convention."""
    params = field.hint_params(persona, answers, today) if field.hint_params else {}
    dates = {name: date(dt.date.fromisoformat(str(value)), DATE_PATTERNS[lang()])
             for name, value in params.items() if name.endswith("_date")}
    others = {name: value for name, value in params.items() if name not in dates}
    return t(field.hint_key, **md_params(params, {**format_params(others, lang()), **dates}))  # shown as Markdown


WIDGETS: dict[str, Callable] = {  # field kind -> draws its widget(s) under the key; _read gets the answer
    "text": _text, "int": _int, "date": _date, "choice": _one_of, "select": _one_of, "multi": _multi,
    "checkbox": _checkbox,
}


def _read(field: Field, key: str, options: list[Option]):
    """The answer the field's widget holds, from session state (in the form's submit callback, before the run): a
    date as ISO text, a multiple choice as the ticked options' values (one checkbox each, ``<key>_<i>``)."""
    state = st.session_state
    if field.kind == "date":
        chosen = state.get(key)
        return chosen.isoformat() if chosen else None
    if field.kind == "multi":
        return [o.value for i, o in enumerate(options) if state.get(f"{key}_{i}")]
    if field.kind == "checkbox":
        return bool(state.get(key))
    return state.get(key)


def read_values(fields: list[tuple[Field, str, list[Option]]]) -> dict:
    """The submitted form's answers (field id -> answer); ``fields``: (field, widget key, options) as drawn."""
    return {field.id: _read(field, key, options) for field, key, options in fields}


def step_form(flow: Flow, step: Step, persona: Persona, answers: dict, today: dt.date, nonce: int,
              errors: dict, on_submit: Callable[[dict], None]) -> None:
    """The step's fields in one form, with ``errors`` (field id -> (message key, params)) under their fields.
    "Continue" hands the entered values (field id -> answer) to ``on_submit`` in its callback, before the run, so
    that one run shows what follows (issue #18: handled in the run, it took a second one)."""
    drawn = []
    with st.form(key=f"ss_form_{flow.id}_{step.id}_{nonce}", border=False):
        for field in step.fields:
            key = f"ss_{flow.id}_{field.id}_{nonce}"
            label = t(field.label_key)
            options = field.options(persona, answers, today) if field.options else []
            if field.kind != "checkbox":  # a checkbox carries its own label
                st.markdown(f"**{label}**")
            if field.hint_key:
                st.caption(hint(field, persona, answers, today))
            WIDGETS[field.kind](field, label, key, answers.get(field.id), options, today)
            drawn.append((field, key, options))
            if field.once_only and field.prefill_source_key:
                st.caption(f"🔁 {t('borger.prefilled', source=t(field.prefill_source_key))}")
            if field.id in errors:
                message_key, params = errors[field.id]
                st.error(layout.text(message_key, params), icon="❗")
        st.form_submit_button(t("borger.continue"), type="primary", key=f"ss_next_{nonce}",
                              on_click=lambda: on_submit(read_values(drawn)))
