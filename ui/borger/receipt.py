"""The receipt of a sent self-service flow (pages/selfservice.py with ``&receipt=<submission id>``): receipt number,
the flow's receipt notes, the answers, the letters sent to Digital Post and where to go next."""
from __future__ import annotations

import html

import streamlit as st

from simulators.borger.framework import Flow
from simulators.core.visits import Persona
from simulators.post import letters
from ui.borger import layout
from ui.shell.i18n import lang, t

JOURNEY_PAGE, POST_PAGE = "pages/journeys.py", "pages/digital_post.py"


def show(flow: Flow, persona: Persona, submission: dict) -> None:
    st.html(f'<div class="bdk-receipt">✅ <b>{html.escape(t("borger.receipt_title"))}</b><br>'
            f'{html.escape(t("borger.receipt_number", number=submission["receipt_no"]))}</div>')
    layout.notes(submission.get("receipt"))
    with st.expander(t("borger.your_answers")):
        layout.rows([{"label_key": r["label_key"], "value": r["value"]} for r in submission.get("summary", [])])
    st.subheader(t("borger.letters_sent"))
    for letter in submission.get("letters", []):
        rendered = letters.render(letter["template"], lang(), letter.get("params", {}), strict=False)
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
