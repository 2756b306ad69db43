"""The kiosk's attract screen: a title, a rotating sourced fact (Denmark beside Germany), a huge "touch to start".

Facts come from simulators.booth.attract (the indicator data); each one names its sources and periods on screen.
The rotating card is a fragment on a timer, so its reruns never count as a visitor's interaction.
"""
from __future__ import annotations

import html
import time
from typing import Callable

import streamlit as st

from simulators.booth import attract
from simulators.core import i18n
from simulators.compare import indicators
from simulators.compare.indicators import period_label
from ui.shell import theme
from ui.shell.i18n import lang, number, percent, t

ROTATE_SECONDS = 8
FLAG_CLASSES = {"DK": "flag-dk", "DE": "flag-de", "EU27": "flag-eu"}
COUNTRY_KEYS = {"EU27": "booth.fact.eu27"}

def render(start: Callable[[], None]) -> None:
    theme.inject("booth-attract")
    st.html(f'<div class="attract-hero"><h1>{html.escape(t("welcome.title"))}</h1>'
            f'<p>{html.escape(t("welcome.lead"))}</p></div>')
    with st.container(key="attract_row"):  # side by side on a landscape screen, stacked on a portrait tablet
        fact_column, start_column = st.columns([3, 2], gap="large", vertical_alignment="center")
        with fact_column:
            _rotating_fact()
        with start_column, st.container(key="attract_start"):
            st.button(t("booth.attract.touch_to_start"), type="primary", key="welcome_start", width="stretch",
                      on_click=start)  # before the run: the tap's run shows the persona (issue #18)
            st.caption(t("welcome.what_happens"))
    langs = "".join(f"<span><b>{html.escape(i18n.LANGUAGE_NAMES[code])}</b> — "
                    f"{html.escape(i18n.translate(code, 'welcome.tagline'))}</span>" for code in i18n.LANGS)
    st.html(f'<div class="attract-langs">{langs}</div>')


@st.cache_resource(show_spinner=False)
def _facts() -> list[attract.Fact]:
    return attract.attract_facts(indicators.load())


@st.fragment(run_every=ROTATE_SECONDS)
def _rotating_fact() -> None:
    facts = _facts()
    index, fact = attract.fact_at(facts, time.time(), ROTATE_SECONDS)
    if fact is None:
        return
    st.html(fact_html(fact, index, len(facts)))


def figure_value(figure: attract.FactFigure) -> str:
    value = figure.value.value
    if figure.kind == "rank":
        return t("booth.fact.rank", rank=number(int(value)))
    if figure.kind == "percent":
        return percent(value, figure.decimals)
    return number(value, figure.decimals)


def fact_html(fact: attract.Fact, index: int, count: int) -> str:
    figures = []
    for figure in fact.figures:
        code = figure.country
        name = t(COUNTRY_KEYS[code]) if code in COUNTRY_KEYS else indicators.country_name(code, lang())
        label = t(figure.label_key, year=period_label(figure.value.year, lang()), total=figure.total or "")
        figures.append(
            f'<div class="attract-figure {code[:2].lower()}"><div class="attract-country">'
            f'<span class="flag {FLAG_CLASSES.get(code, "")}"></span>{html.escape(name)}</div>'
            f'<div class="attract-value">{html.escape(figure_value(figure))}</div>'
            f'<div class="attract-label">{html.escape(label)}</div></div>')
    sources = "; ".join(i18n.source_name(s, lang(), short=True) for s in fact.sources())
    dots = "".join("●" if i == index else "○" for i in range(count))
    return (f'<div class="attract-fact" data-testid="attract-fact" data-fact="{html.escape(fact.id)}">'
            f'<div class="attract-kicker">{html.escape(t("booth.attract.kicker"))}</div>'
            f'<div class="attract-title">{html.escape(t(fact.title_key))}</div>'
            f'<div class="attract-figures">{"".join(figures)}</div>'
            + (f'<div class="attract-note">ℹ️ {html.escape(t(fact.note_key))}</div>' if fact.note_key else "") +
            f'<div class="attract-source">{html.escape(t("booth.attract.source", sources=sources))}</div>'
            f'<div class="attract-dots" aria-hidden="true">{dots}</div></div>')
