"""One step of a self-service flow as a form: each field kind of the flow framework (simulators.borger.framework
``FIELD_KINDS``) as its Streamlit widget, with label, hint, "prefilled from" note and the step's error messages.

Widget keys carry the flow, the field and a per-step nonce (``ss_<flow>_<field>_<nonce>``), so a new step (or a
changed draft) gets fresh widgets; ui.borger.runner owns the nonce.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

import streamlit as st

from simulators.borger.framework import Field, Flow, Option, Step
from simulators.core.visits import Persona
from ui.borger import layout
from ui.shell.i18n import lang, t

DATE_FORMATS = {"de": "DD.MM.YYYY", "da": "DD.MM.YYYY", "en": "DD/MM/YYYY"}
DATE_RANGE_DAYS = 400  # how far before and after today a date field reaches


def _text(field: Field, label: str, key: str, current, options: list[Option], today: dt.date):
    return st.text_input(label, value=current or "", key=key, label_visibility="collapsed")


def _int(field: Field, label: str, key: str, current, options: list[Option], today: dt.date):
    return st.number_input(label, value=current, min_value=0, step=1, key=key, label_visibility="collapsed")


def _date(field: Field, label: str, key: str, current, options: list[Option], today: dt.date):
    reach = dt.timedelta(days=DATE_RANGE_DAYS)
    chosen = st.date_input(label, value=dt.date.fromisoformat(current) if current else None, key=key,
                           min_value=today - reach, max_value=today + reach,
                           format=DATE_FORMATS[lang()], label_visibility="collapsed")
    return chosen.isoformat() if chosen else None


def _one_of(field: Field, label: str, key: str, current, options: list[Option], today: dt.date):
    by_value = [o.value for o in options]
    widget = st.radio if field.kind == "choice" else st.selectbox
    labels = {o.value: layout.option_label(o) for o in options}  # translated now, looked up later
    return widget(label, by_value, index=by_value.index(current) if current in by_value else None,
                  format_func=labels.__getitem__, key=key, label_visibility="collapsed")


def _multi(field: Field, label: str, key: str, current, options: list[Option], today: dt.date):
    return [o.value for i, o in enumerate(options)
            if st.checkbox(layout.option_label(o), value=o.value in (current or []), key=f"{key}_{i}")]


def _checkbox(field: Field, label: str, key: str, current, options: list[Option], today: dt.date):
    return st.checkbox(label, value=bool(current), key=key)


WIDGETS: dict[str, Callable] = {  # field kind -> widget returning the answer
    "text": _text, "int": _int, "date": _date, "choice": _one_of, "select": _one_of, "multi": _multi,
    "checkbox": _checkbox,
}


def step_form(flow: Flow, step: Step, persona: Persona, answers: dict, today: dt.date, nonce: int,
              errors: dict) -> dict | None:
    """The step's fields in one form, with ``errors`` (field id -> (message key, params)) under their fields.
    Returns the entered values (field id -> answer) when "Continue" was pressed, else None."""
    with st.form(key=f"ss_form_{flow.id}_{step.id}_{nonce}", border=False):
        values = {}
        for field in step.fields:
            key = f"ss_{flow.id}_{field.id}_{nonce}"
            label = t(field.label_key)
            options = field.options(persona, answers, today) if field.options else []
            if field.kind != "checkbox":  # a checkbox carries its own label
                st.markdown(f"**{label}**")
            if field.hint_key:
                st.caption(t(field.hint_key))
            values[field.id] = WIDGETS[field.kind](field, label, key, answers.get(field.id), options, today)
            if field.once_only and field.prefill_source_key:
                st.caption(f"🔁 {t('borger.prefilled', source=t(field.prefill_source_key))}")
            if field.id in errors:
                message_key, params = errors[field.id]
                st.error(layout.text(message_key, params), icon="❗")
        submitted = st.form_submit_button(t("borger.continue"), type="primary", key=f"ss_next_{nonce}")
    return values if submitted else None
