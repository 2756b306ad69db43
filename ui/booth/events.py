"""Booth events a page records once per visit, however often the page reruns (widget changes rerun it)."""
from __future__ import annotations

import streamlit as st

from ui.shell import session

SEEN_KEY = "booth_tracked"


def track_once(event: str, detail: str = "") -> None:
    """Record ``event`` (a code; ``detail`` a code too) for the current visit, the first time only."""
    visit = session.visit()
    if not visit:
        return
    seen = st.session_state.setdefault(SEEN_KEY, set())
    marker = (visit.visit_id, event, detail)
    if marker not in seen:
        seen.add(marker)
        session.track(event, detail)
