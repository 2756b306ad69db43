"""CSS on top of the Streamlit theme (.streamlit/config.toml): DKFDS colours, the banner, big touch targets.

Every area's CSS lives in static/css/<area>.css (no CSS in Python strings); ``inject``/``style_tag`` put it on the page."""
from __future__ import annotations

import re
from functools import cache

import streamlit as st

from simulators.core.paths import STATIC_DIR

CSS_DIR = STATIC_DIR / "css"


@cache
def style_tag(name: str) -> str:
    """``<style>`` with static/css/<name>.css, read once per process, without comments and runs of white space
    (it is sent on every rerun: issue #18). Injected with st.html as when the CSS was a Python string (a style-only
    st.html goes to the event container and takes no space), so the page is the same; a ``<link>`` to Streamlit's
    static serving (app/static/css/…) would load after first paint and flash."""
    return f"<style>{minified((CSS_DIR / f'{name}.css').read_text(encoding='utf-8'))}</style>"


def minified(css: str) -> str:
    """Comments out, white space collapsed (the files keep their comments; no CSS string here holds "/*")."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).strip()


def inject(name: str) -> None:
    st.html(style_tag(name))


def apply() -> None:
    inject("shell")
