"""The persona card: who the visitor is for the next five minutes. Everything shown is synthetic."""
from __future__ import annotations

import html

import streamlit as st

from ui.shell.i18n import date, t

CIVIL_STATUS_KEYS = {"never_married": "civil.never_married", "married": "civil.married",
                     "divorced": "civil.divorced", "widowed": "civil.widowed"}
RELATION_KEYS = {"partner": "relation.partner", "child": "relation.child", "parent": "relation.parent",
                 "other": "relation.other"}


def render(persona: dict) -> None:
    with st.container(border=True, key="persona_card"):
        st.caption(t("persona.card_title"))
        st.subheader(persona["full_name"])
        left, right = st.columns(2)
        with left:
            st.markdown(f"**{t('persona.age')}:** {persona['age']} · {date(persona['birth_date'])}")
            st.markdown(f"**{t('persona.address')}:** {persona['address_line1']}, {persona['address_line2']}")
            st.markdown(f"**{t('persona.municipality')}:** {persona['municipality']} ({persona['region']})")
            status = CIVIL_STATUS_KEYS.get(persona.get("civil_status", ""), "civil.never_married")
            st.markdown(f"**{t('persona.civil_status')}:** {t(status)}")
        with right:
            st.html(f"<div><b>{html.escape(t('persona.cpr'))}:</b> <code>{html.escape(persona['cpr'])}</code>"
                    f'<span class="dds-fictitious">{html.escape(t("persona.fictitious"))}</span></div>')
            user_id = persona.get("mitid_user_id") or t("persona.no_mitid")
            st.markdown(f"**{t('persona.mitid_user_id')}:** `{user_id}`")
            members = persona.get("household") or []
            if members:
                names = ", ".join(f"{m['first_name']} ({t(RELATION_KEYS.get(m['relation'], 'relation.other'))}, "
                                  f"{m['age']})" for m in members)
                st.markdown(f"**{t('persona.household')}:** {names}")
            else:
                st.markdown(f"**{t('persona.household')}:** {t('persona.lives_alone')}")
        st.caption(t("persona.synthetic_note"))
