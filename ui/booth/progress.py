"""The kiosk's journey progress bar: 1 MitID · 2 borger.dk · 3 Digital Post · 4 Deutschland, on top of every
journey page (kiosk mode only; the pages call ``render(<their step>)`` first). The current step is highlighted;
steps a visitor may go to are buttons (the login only before it is done, borger.dk and Digital Post once logged
in, the comparison always), the others are plain labels."""
from __future__ import annotations

import html

import streamlit as st

from ui.shell import session
from ui.shell import theme
from ui.shell.i18n import t

STEPS = (  # step id, label key, page
    ("mitid", "booth.progress.mitid", "pages/mitid_login.py"),
    ("borger", "booth.progress.borger", "pages/borger.py"),
    ("post", "booth.progress.post", "pages/digital_post.py"),
    ("germany", "booth.progress.germany", "pages/journeys.py"),
)
STEP_IDS = tuple(step for step, _, _ in STEPS)


def reachable(step: str, logged_in: bool) -> bool:
    """Where a tap may lead: the login until it is done, borger.dk and Digital Post after it, the comparison
    always."""
    return {"mitid": not logged_in, "borger": logged_in, "post": logged_in}.get(step, True)


def render(current: str) -> None:
    if session.mode() != "kiosk":
        return
    theme.inject("booth-progress")
    logged_in = session.is_logged_in()
    here = STEP_IDS.index(current)
    with st.container(key="journey_progress", horizontal=True, gap="small"):
        for index, (step, label_key, page) in enumerate(STEPS):
            done = index < here or (step == "mitid" and logged_in)
            label = f"{'✓' if done and index != here else index + 1}  {t(label_key)}"
            if index == here:
                st.html(f'<div class="dds-progress-step current" aria-current="step">{html.escape(label)}</div>')
            elif reachable(step, logged_in):
                if st.button(label, key=f"journey_progress_{step}", width="stretch"):
                    st.switch_page(page)
            else:
                state = "done" if done else "later"
                st.html(f'<div class="dds-progress-step {state}">{html.escape(label)}</div>')
