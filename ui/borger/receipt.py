"""The receipt of a sent self-service flow (pages/selfservice.py with ``&receipt=<submission id>``): receipt number,
the big next steps ("Ihren Brief lesen →" opens the receipt's letter in Digital Post, "Dasselbe in Deutschland →"
the journeys page on this life event), the flow's receipt notes, the answers and the letters sent."""
from __future__ import annotations

import html

import streamlit as st

from simulators.borger import cases
from simulators.borger.framework import Flow
from simulators.core.visits import Persona
from simulators.post import letters
from ui.borger import layout
from ui.shell import navigation
from ui.shell.i18n import lang, t
from ui.shell.resources import store
from ui.shell.safe_text import md

JOURNEY_PAGE, POST_PAGE = "pages/journeys.py", "pages/digital_post.py"


def show(flow: Flow, persona: Persona, submission: dict, visit_id: str) -> None:
    st.html(f'<div class="bdk-receipt">✅ <b>{html.escape(t("borger.receipt_title"))}</b><br>'
            f'{html.escape(t("borger.receipt_number", number=submission["receipt_no"]))}</div>')
    letter = cases.receipt_letter(store(), visit_id, submission) if navigation.registered(POST_PAGE) else None
    next_steps(flow, letter)
    layout.notes(submission.get("receipt"))
    with st.expander(t("borger.your_answers")):
        layout.rows([{"label_key": r["label_key"], "value": r["value"]} for r in submission.get("summary", [])])
    st.subheader(t("borger.letters_sent"))
    for letter in submission.get("letters", []):
        rendered = letters.render(letter["template"], lang(), letter.get("params", {}), strict=False)
        st.markdown(f"📨 **{md(layout.authority_name(rendered['sender'], persona, letter.get('params')))}** — "
                    f"{md(rendered['subject'])}")
    cols = st.columns(3)
    if navigation.registered(POST_PAGE):
        cols[0].page_link(POST_PAGE, label=t("borger.open_digital_post"), icon="📬")
    cols[1].page_link("pages/overblik.py", label=t("borger.open_overblik"), icon="📋")
    cols[2].page_link("pages/borger.py", label=t("borger.back_to_portal"), icon="🏠")


def next_steps(flow: Flow, letter: dict | None) -> None:
    """Two big buttons, on top where a visitor at the kiosk sees them at once: the letter, then Germany."""
    germany = bool(flow.journey_event) and navigation.registered(JOURNEY_PAGE)
    if letter is None and not germany:
        return
    with st.container(key="ss_next_steps"):
        read, compare = st.columns(2)
        if letter is not None and read.button(t("borger.next.read_letter"), key="ss_read_letter", type="primary",
                                              icon="📬", width="stretch"):
            st.switch_page(POST_PAGE, query_params={"letter": letter["letter_id"]})
        if germany and compare.button(t("borger.next.germany"), key="ss_to_germany", icon="🇩🇪", width="stretch",
                                      type="primary" if letter is None else "secondary"):
            st.switch_page(JOURNEY_PAGE, query_params={"event": flow.journey_event})
