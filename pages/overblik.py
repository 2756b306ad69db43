"""Mit Overblik: the persona's register data, household, doctor, cases, payments and deadlines — with the
changes the visitor's own self-service caused. Data from simulators.borger.cases.overview; layout only."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import datetime as dt
import html

import streamlit as st

from simulators.borger import cases
from simulators.core import clock
from ui.booth import progress
from ui.borger import layout
from ui.shell.i18n import date, money, number, t
from ui.shell.persona_card import CIVIL_STATUS_KEYS, RELATION_KEYS
from ui.shell.resources import store
from ui.shell.safe_text import code, md

PAGE = "pages/overblik.py"
STATUS_KEYS = {"borger.case.received", "borger.case.registered", "borger.case.booked", "borger.case.decided",
               "borger.case.in_progress"}
PERIOD_KEYS = {"borger.period.month", "borger.period.quarter", "borger.period.year", "borger.period.once"}

visit, persona = layout.guard(PAGE)
progress.render("borger")  # kiosk only: the journey's four steps
layout.header(persona)
today = clock.today()
data = cases.overview(store(), visit.visit_id, persona, today)
changed = visit.persona_changes

st.title(t("overblik.title"))
st.caption(t("overblik.intro"))
left, right = st.columns(2, gap="large")

with left:
    with st.container(border=True, key="ov_my_data"):
        st.subheader(f"🪪 {t('overblik.my_data')}")
        st.html(f"<div><b>{html.escape(t('persona.cpr'))}:</b> <code>{html.escape(persona['cpr'])}</code>"
                f'<span class="dds-fictitious">{html.escape(t("persona.fictitious"))}</span></div>')
        status = CIVIL_STATUS_KEYS.get(persona.get("civil_status", ""), "civil.never_married")
        layout.rows([{"label_key": "overblik.name", "value": {"text": persona["full_name"]}},
                 {"label_key": "overblik.birth_date", "value": {"date": persona["birth_date"].isoformat()}},
                 {"label_key": "overblik.address",
                  "value": {"text": f"{persona['address_line1']}, {persona['address_line2']}"}},
                 {"label_key": "overblik.municipality", "value": {"text": persona["municipality"]}},
                 {"label_key": "overblik.civil_status", "value": {"key": status}},
                 {"label_key": "overblik.email", "value": {"text": persona.get("email") or "–"}}])
        if "address_line1" in changed:
            st.success(t("overblik.address_changed"), icon="🏠")
        st.caption(t("overblik.registers_note"))

    with st.container(border=True, key="ov_household"):
        st.subheader(f"👨‍👩‍👧 {t('overblik.household')}")
        members = [f"- **{md(member['full_name'])}** — "
                   f"{t(RELATION_KEYS.get(member.get('relation'), 'relation.other'))}, "
                   f"{t('overblik.age', age=number(member['age']))}" for member in data["household"]]
        st.markdown("\n".join(members) or t("persona.lives_alone"))  # one element for the list (issue #18)

    with st.container(border=True, key="ov_doctor"):
        st.subheader(f"🩺 {t('overblik.doctor')}")
        doctor = data["doctor"]
        st.markdown(f"**{md(doctor['name'])}**  \n{md(doctor['address'])}")
        since = [t("overblik.doctor_since", since=date(dt.date.fromisoformat(doctor["since"]), "long"))] \
            if doctor.get("since") else []
        st.caption("  \n".join(since + [f"🧩 **{t('borger.assumption')}:** {t('overblik.doctor_assumption')}"]))

with right:
    with st.container(border=True, key="ov_cases"):
        st.subheader(f"📁 {t('overblik.cases')}")
        lines = [f"**{layout.text(case['title_key'], case.get('params'))}**  \n"
                 f"{md(layout.authority_name(case.get('authority'), persona, case.get('params')))} · "
                 f"{date(dt.date.fromisoformat(case['date']))} · "
                 f"{t(case['status_key'] if case.get('status_key') in STATUS_KEYS else 'borger.case.received')} · "
                 f"{code(case.get('receipt_no', ''))}" for case in data["cases"]]
        st.markdown("\n\n".join(lines) or t("overblik.no_cases"))  # all cases one element (issue #18)

    with st.container(border=True, key="ov_payments"):
        st.subheader(f"💳 {t('overblik.payments')}")
        if not data["payments"]:
            st.markdown(t("overblik.no_payments"))
        for pay in data["payments"]:
            sign = "+" if pay.get("direction") == "in" else "−"
            period = t(pay["period_key"]) if pay.get("period_key") in PERIOD_KEYS else ""
            when = t("overblik.next_date", date=date(dt.date.fromisoformat(pay["next_date"]))) \
                if pay.get("next_date") else ""
            st.markdown(f"**{layout.text(pay['label_key'], pay.get('params'))}**: {sign} {money(pay['amount_dkk'])} "
                        f"{period}  \n{md(layout.authority_name(pay.get('authority'), persona, pay.get('params')))} "
                        f"{when}")
            notes = []
            if pay.get("source_key"):
                notes.append(f"📚 {layout.text(pay['source_key'], pay.get('params'))}")
            if pay.get("assumption_key"):
                notes.append(f"🧩 {t('borger.assumption')}: {layout.text(pay['assumption_key'], pay.get('params'))}")
            if notes:
                st.caption(" · ".join(notes))

    with st.container(border=True, key="ov_deadlines"):
        st.subheader(f"⏰ {t('overblik.deadlines')}")
        if not data["deadlines"]:
            st.markdown(t("overblik.no_deadlines"))
        for item in data["deadlines"]:
            when = date(dt.date.fromisoformat(item["date"]), "long") if item.get("date") else "–"
            st.markdown(f"**{when}** — {layout.text(item['label_key'], item.get('params'))}")
            if item.get("source_key"):
                st.caption(f"📚 {layout.text(item['source_key'], item.get('params'))}")

st.page_link("pages/borger.py", label=t("borger.back_to_portal"), icon="🏠")
