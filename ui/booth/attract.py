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
from ui.shell.i18n import lang, number, percent, t

ROTATE_SECONDS = 8
FLAG_CLASSES = {"DK": "flag-dk", "DE": "flag-de", "EU27": "flag-eu"}
COUNTRY_KEYS = {"EU27": "booth.fact.eu27"}

_CSS = """
<style>
.attract-hero {text-align:center; margin: 0 0 .9rem;}
.attract-hero h1 {font-size: clamp(2.4rem, 4.2vw, 3.8rem); line-height:1.05; margin:0 0 .4rem; padding:0; font-weight:700;}
.attract-hero p {font-size: clamp(1.15rem, 1.7vw, 1.6rem); color:#454545; max-width: 56rem; margin: 0 auto;}
.attract-fact {border-radius: 14px; background: #F4F8F1; border: 1px solid #D5E5CB; padding: 1.3rem 2rem 1rem;
  animation: attract-in .9s ease-out both; min-height: 18.5rem;}
@keyframes attract-in {from {opacity:0; transform: translateY(18px);} to {opacity:1; transform:none;}}
.attract-kicker {text-transform: uppercase; letter-spacing:.12em; font-size:.95rem; color:#2E5A14; font-weight:600;}
.attract-title {font-size: clamp(1.5rem, 2.4vw, 2.3rem); font-weight:700; margin:.3rem 0 1.1rem; line-height:1.2;}
.attract-figures {display:flex; flex-wrap:wrap; gap: 1rem 2.2rem;}
.attract-figure {flex: 1 1 10rem; min-width: 9rem;}
.attract-country {display:flex; align-items:center; gap:.6rem; font-size:1.25rem; font-weight:600;}
.attract-value {font-size: clamp(3rem, 6vw, 5.4rem); font-weight:700; line-height:1.05; font-variant-numeric: tabular-nums;}
.attract-figure.dk .attract-value {color:#C8102E;}
.attract-figure.de .attract-value {color:#1A1A1A;}
.attract-figure.eu .attract-value {color:#1F4E9E;}
.attract-label {font-size:1.05rem; color:#333; max-width: 24rem;}
.attract-source {margin-top: 1.1rem; font-size: .95rem; color:#454545;}
.attract-dots {margin-top:.6rem; letter-spacing:.35rem; color:#44831E; font-size:1.1rem;}
.flag {display:inline-block; width:2.4rem; height:1.7rem; border-radius:3px; box-shadow: 0 0 0 1px rgba(0,0,0,.15);}
.flag-dk {background: linear-gradient(90deg, transparent 33%, #fff 33%, #fff 45%, transparent 45%),
  linear-gradient(180deg, #C8102E 42%, #fff 42%, #fff 58%, #C8102E 58%);}
.flag-de {background: linear-gradient(180deg, #000 33.3%, #DD0000 33.3%, #DD0000 66.6%, #FFCE00 66.6%);}
.flag-eu {background: radial-gradient(circle, transparent 38%, #FFCC00 39%, #FFCC00 47%, transparent 48%) #003399;}
.st-key-attract_start div.stButton > button {min-height: 17rem; border-radius: 18px;
  animation: attract-pulse 2.4s ease-in-out infinite;}
.st-key-attract_start [data-testid="stCaptionContainer"] {text-align:center; font-size: 1rem;}
@media (max-width: 1100px), (orientation: portrait) {
  .st-key-attract_row [data-testid="stHorizontalBlock"] {flex-direction: column; align-items: stretch;}
  .st-key-attract_row [data-testid="stColumn"] {width: 100% !important; flex: 1 1 auto !important;}
  .st-key-attract_start div.stButton > button {min-height: 7.5rem;}
  .attract-fact {min-height: 0; padding: 1rem 1.4rem .8rem;}
  .attract-title {margin-bottom: .6rem;}
  .attract-hero p {font-size: 1.1rem;}
}
.st-key-attract_start div.stButton > button p {font-size: clamp(2rem, 3.6vw, 3rem); font-weight:700;}
@keyframes attract-pulse {0%,100% {box-shadow: 0 0 0 0 rgba(68,131,30,.55);} 50% {box-shadow: 0 0 0 22px rgba(68,131,30,0);}}
.attract-langs {display:flex; flex-wrap:wrap; gap:.4rem 2rem; justify-content:center; margin-top: .6rem;
  font-size: 1.1rem; color:#333;}
.attract-langs b {color:#1A1A1A;}
</style>
"""


def render(start: Callable[[], None]) -> None:
    st.html(_CSS)
    st.html(f'<div class="attract-hero"><h1>{html.escape(t("welcome.title"))}</h1>'
            f'<p>{html.escape(t("welcome.lead"))}</p></div>')
    with st.container(key="attract_row"):  # side by side on a landscape screen, stacked on a portrait tablet
        fact_column, start_column = st.columns([3, 2], gap="large", vertical_alignment="center")
        with fact_column:
            _rotating_fact()
        with start_column, st.container(key="attract_start"):
            if st.button(t("booth.attract.touch_to_start"), type="primary", key="welcome_start", width="stretch"):
                start()
                st.rerun()
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
    sources = "; ".join(s.short for s in fact.sources())
    dots = "".join("●" if i == index else "○" for i in range(count))
    return (f'<div class="attract-fact" data-testid="attract-fact" data-fact="{html.escape(fact.id)}">'
            f'<div class="attract-kicker">{html.escape(t("booth.attract.kicker"))}</div>'
            f'<div class="attract-title">{html.escape(t(fact.title_key))}</div>'
            f'<div class="attract-figures">{"".join(figures)}</div>'
            f'<div class="attract-source">{html.escape(t("booth.attract.source", sources=sources))}</div>'
            f'<div class="attract-dots" aria-hidden="true">{dots}</div></div>')
