"""The persona card: who the visitor is for the next five minutes. Everything shown is synthetic."""
from __future__ import annotations

import html

import streamlit as st

from ui.shell.i18n import date, t
from ui.shell.safe_text import code, html_text, labelled, md

CIVIL_STATUS_KEYS = {"never_married": "civil.never_married", "married": "civil.married",
                     "divorced": "civil.divorced", "widowed": "civil.widowed"}
RELATION_KEYS = {"partner": "relation.partner", "child": "relation.child", "parent": "relation.parent",
                 "other": "relation.other"}


def render(persona: dict) -> None:
    with st.container(border=True, key="persona_card"):
        st.caption(t("persona.card_title"))
        st.subheader(md(persona["full_name"]))
        left, right = st.columns(2)
        with left:  # the address is the visitor's own after a move: every value goes through ui.shell.safe_text
            labelled(t("persona.age"), f"{persona['age']} · {date(persona['birth_date'])}")
            labelled(t("persona.address"), f"{persona['address_line1']}, {persona['address_line2']}")
            labelled(t("persona.municipality"), f"{persona['municipality']} ({persona['region']})")
            status = CIVIL_STATUS_KEYS.get(persona.get("civil_status", ""), "civil.never_married")
            st.markdown(f"**{t('persona.civil_status')}:** {t(status)}")
        with right:
            st.html(f"<div><b>{html.escape(t('persona.cpr'))}:</b> <code>{html_text(persona['cpr'])}</code>"
                    f'<span class="dds-fictitious">{html.escape(t("persona.fictitious"))}</span></div>')
            user_id = persona.get("mitid_user_id") or t("persona.no_mitid")
            st.markdown(f"**{t('persona.mitid_user_id')}:** {code(user_id)}")
            members = persona.get("household") or []
            if members:
                labelled(t("persona.household"), ", ".join(
                    f"{m['first_name']} ({t(RELATION_KEYS.get(m['relation'], 'relation.other'))}, {m['age']})"
                    for m in members))
            else:
                st.markdown(f"**{t('persona.household')}:** {t('persona.lives_alone')}")
        st.caption(t("persona.synthetic_note"))
