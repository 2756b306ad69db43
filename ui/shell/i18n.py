"""The visitor's language in Streamlit: ``t("key", **params)``, plurals ``tn(singular, plural, n, **params)`` and locale
formatting for the current language."""
from __future__ import annotations

import datetime as dt
import threading

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from simulators.core import i18n

LANG_KEY = "lang"
_this_run = threading.local()  # (run marker, language): a page asks for it a few hundred times a run (every t())


def lang() -> str:
    """The session's language, read from session state once per script run (each read of st.session_state goes
    through Streamlit's locks; issue #18). ``set_language`` is the one way to change it during a run."""
    ctx = get_script_run_ctx()
    marker = ctx.cursors if ctx is not None else None  # a new dict for every run, fragment runs included
    cached = getattr(_this_run, "value", None)
    if marker is not None and cached is not None and cached[0] is marker:
        return cached[1]
    value = st.session_state.get(LANG_KEY) or i18n.DEFAULT_LANG
    _this_run.value = (marker, value) if marker is not None else None
    return value


def set_language(value: str) -> None:
    """Change the session's language (the rest of this run speaks it too)."""
    st.session_state[LANG_KEY] = value
    _this_run.value = None


def t(key: str, **params) -> str:
    return i18n.translate(lang(), key, **params)


def tn(singular: str, plural: str, n: int, **params) -> str:
    """The plural form for ``n``: ``tn("post.list.count", "post.list.count_plural", n, count=number(n))``."""
    return i18n.translate_plural(lang(), singular, plural, n, **params)


def number(value, decimals: int | None = None) -> str:
    return i18n.fmt_number(value, lang(), decimals)


def money(amount, currency: str = "DKK", decimals: int = 0) -> str:
    return i18n.fmt_money(amount, lang(), currency, decimals)


def percent(value: float, decimals: int = 0) -> str:
    return i18n.fmt_percent(value, lang(), decimals)


def date(value: dt.date, fmt: str = "medium") -> str:
    return i18n.fmt_date(value, lang(), fmt)


def datetime(value: dt.datetime, fmt: str = "medium") -> str:
    return i18n.fmt_datetime(value, lang(), fmt)


def time(value, fmt: str = "short") -> str:
    return i18n.fmt_time(value, lang(), fmt)


def duration(seconds: float) -> str:
    """A length of time in the current language: "12 Sek.", "3 min 5 sec" (``i18n.fmt_duration``)."""
    return i18n.fmt_duration(seconds, lang())
