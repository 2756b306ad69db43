"""Streamlit pieces of the life-event page: one country's journey as a step timeline with its summary, and the
"What Germany can learn" facts. Texts from data are shown with st.markdown (no raw HTML)."""
from __future__ import annotations

import streamlit as st

from simulators.compare import journeys
from simulators.compare.indicators import country_name
from ui.compare.race import race_figure
from simulators.compare.journeys import CHANNEL_ICONS, CHANNEL_KEYS, Amount, Fact, Journey, JourneyStep
from simulators.core.sources import Source
from ui.compare.view import FLAGS
from ui.shell.i18n import lang, money, number, t
from ui.compare.prebuilt_figure import prebuilt

PER_KEYS = {"month": "compare.journeys.per.month", "quarter": "compare.journeys.per.quarter",
            "each": "compare.journeys.per.each"}
ASSUMPTION_KEYS = {"step": "compare.journeys.assumption.step", "channel": "compare.journeys.assumption.channel"}


@st.cache_resource(show_spinner=False, max_entries=64)
def race(event: str, lang_code: str):
    """The race figure of one event in one language (built once: frames are costly to validate). cache_resource
    hands out the same Figure; cache_data would unpickle, i.e. rebuild and re-validate it, on every rerun."""
    every = journeys.load()
    return prebuilt(race_figure(every[(event, "DK")], every[(event, "DE")], lang_code))


def _days(days: float, days_max: float | None = None) -> str:
    if days_max is not None and days_max > days:
        return t("compare.journeys.days_range", days=number(days, 0), max=number(days_max, 0))
    return t("compare.journeys.days", days=number(days, 0 if float(days).is_integer() else 2))


def _sources(sources: tuple[Source, ...]) -> str:
    return t("compare.journeys.source", sources="; ".join(s.title for s in sources)) if sources else ""


def _amount(amount: Amount) -> str:
    label = amount.texts[lang()]
    if amount.amount is None:
        return label
    if amount.amount == 0 and amount.amount_max is None:
        return f"{t('compare.journeys.free')} · {label}"
    text = money(amount.amount, amount.currency, 0 if float(amount.amount).is_integer() else 2)
    if amount.amount_max is not None:
        text = f"{text} – {money(amount.amount_max, amount.currency)}"
    if amount.per in PER_KEYS:
        text = f"{text} {t(PER_KEYS[amount.per])}"
    return f"{text} · {label}"


def _step(number_: int, step: JourneyStep) -> None:
    with st.container(border=True):
        icon, channel = CHANNEL_ICONS[step.channel], t(CHANNEL_KEYS[step.channel])
        head = f"**{number_}.** {icon} {channel}"
        if step.optional:
            head += f" · _{t('compare.journeys.optional')}_"
        st.markdown(head)
        st.markdown(step.text(lang()))
        duration = _days(step.days, step.days_max) if step.days is not None else t("compare.journeys.days_unsourced")
        st.caption(f"⏱️ {duration}")
        for flag in step.assumptions:
            st.caption(f"⚠️ {t(ASSUMPTION_KEYS[flag])}")
        if step.sources:
            st.caption(_sources(step.sources))


def summary(journey: Journey) -> None:
    s = journey.summary()
    st.markdown(f"### {FLAGS[journey.country]} {country_name(journey.country, lang())}")
    cols = st.columns(3)
    cols[0].metric(t("compare.journeys.label.steps"), number(s.steps))
    cols[1].metric(t("compare.journeys.label.visits"), number(s.visits))
    waiting = number(s.days, 0)
    if s.days_max > s.days:
        waiting = f"{waiting}–{number(s.days_max, 0)}"
    cols[2].metric(t("compare.journeys.label.waiting_days"), waiting)
    notes = []
    if s.optional_steps:
        notes.append(t("compare.journeys.summary.optional", n=number(s.optional_steps)))
    if s.unsourced_durations:
        notes.append(t("compare.journeys.summary.unsourced", n=number(s.unsourced_durations)))
    if notes:
        st.caption(" · ".join(notes))
    st.markdown(f"**{t('compare.journeys.label.deadline')}:** " + (journey.deadline.text(lang()) if journey.deadline
                                                                     else t("compare.journeys.no_deadline")))
    if journey.deadline:
        st.caption(_sources(journey.deadline.sources))
    for kind, key in (("cost", "compare.journeys.label.cost"), ("benefit", "compare.journeys.label.benefit")):
        for amount in (a for a in journey.amounts if a.kind == kind):
            st.markdown(f"**{t(key)}:** {_amount(amount)}")
            st.caption(_sources(amount.sources))
    if not any(a.kind == "cost" for a in journey.amounts):
        st.markdown(f"**{t('compare.journeys.label.cost')}:** {t('compare.journeys.no_cost')}")


def timeline(journey: Journey) -> None:
    for index, step in enumerate(journey.steps, start=1):
        _step(index, step)
    if journey.note:
        st.info(journey.note.text(lang()), icon="💡")
        st.caption(_sources(journey.note.sources))


def learn_panel(facts: tuple[Fact, ...]) -> None:
    for column, fact in zip(st.columns(len(facts)), facts):
        with column, st.container(border=True):
            st.markdown(f"#### {fact.icon} {fact.title[lang()]}")
            st.markdown(fact.body.text(lang()))
            st.caption(_sources(fact.body.sources))
