"""The one way to show text that a visitor typed (or that carries it: an address after a move, a letter's params,
a search echo) — issue #17. Never Markdown, never HTML: such text reaches the page only through this module.

- ``md(value)``: the value to put inside Markdown (``st.markdown``, ``st.caption``, alerts, headings, toasts,
  button and other widget labels); shows literally (simulators.core.visitor_text.escape_markdown).
- ``plain(value)``: the value for a plain element (``st.text``, a selectbox option) or for ``html.escape``.
- ``html_text(value)``: ``plain`` HTML-escaped, for ``st.html``.
- ``md_params(params, formatted)``: a message's params for a Markdown element: every string param escaped, except
  those the formatting convention produced (dates, money, numbers: ``formatted`` differs from the raw value).
- ``code(value)``: the value as a Markdown code span (``user ID``).
- ``text(value)``, ``labelled(label, value)``, ``message(kind, key, **params)``: the Streamlit calls themselves.

tests/unit/test_visitor_text_calls.py checks that ui/ and pages/ give Markdown elements nothing else.
"""
from __future__ import annotations

import html

import streamlit as st

from simulators.core import visitor_text
from ui.shell.i18n import t

ALERTS = {"error": st.error, "info": st.info, "warning": st.warning, "success": st.success}


def md(value, limit: int | None = visitor_text.DISPLAY_MAX) -> str:
    return visitor_text.escape_markdown(value, limit)


def plain(value, limit: int | None = visitor_text.DISPLAY_MAX) -> str:
    return visitor_text.for_display(value, limit)


def html_text(value, limit: int | None = visitor_text.DISPLAY_MAX) -> str:
    return html.escape(plain(value, limit))


def md_params(params: dict | None, formatted: dict | None = None) -> dict:
    """``formatted`` (default: ``params``) with every string whose raw value was a string escaped for Markdown; a
    value the formatting changed (an ISO date, an amount) was made by the code and stays."""
    params = params or {}
    formatted = params if formatted is None else formatted
    return {name: md(value) if isinstance(value, str) and value == str(params.get(name, value)) else value
            for name, value in formatted.items()}


def code(value, limit: int | None = 200) -> str:
    """The value as a Markdown code span (a user ID, a receipt number): inside backticks nothing is interpreted,
    so only a backtick or a line break could end it early; they become ' and a space."""
    return "`" + plain(value, limit).replace("`", "'").replace("\n", " ") + "`"


def text(value, limit: int | None = visitor_text.DISPLAY_MAX) -> None:
    """The value as a plain paragraph (``st.text``: no Markdown, no HTML)."""
    st.text(plain(value, limit))


def labelled(label: str, value, limit: int | None = visitor_text.DISPLAY_MAX) -> None:
    """"**Label:** value" — the label is the app's own text (bold), the value is shown literally."""
    st.markdown(f"**{label}:** {md(value, limit)}")


def message(kind: str, key: str, icon: str | None = None, **params) -> None:
    """An alert (error/info/warning/success) of a catalog message whose params may hold visitor text."""
    ALERTS[kind](t(key, **md_params(params)), icon=icon)
