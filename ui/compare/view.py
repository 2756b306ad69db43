"""Streamlit pieces of the Denmark-vs-Germany pages: headline cards, a chart with its source caption and CSV
download, and the list of sources. Numbers are formatted for the visitor's language here (ui.shell.i18n)."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from ui.compare.chart_style import csv_frame, sources_text
from simulators.core.i18n import SECONDARY_KEY, source_name, translate
from simulators.compare import headlines
from simulators.compare.headlines import Card, CardFigure
from simulators.compare.indicators import country_name
from ui.shell import theme
from ui.shell.i18n import lang, t
from ui.compare.prebuilt_figure import prebuilt

FLAGS = {"DK": "🇩🇰", "DE": "🇩🇪", "EU27": "🇪🇺"}
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}


@st.cache_resource(show_spinner=False)
def indicator_data():
    from simulators.compare.indicators import load

    return load()


@st.cache_resource(show_spinner=False, max_entries=300)
def figure(name: str, lang_code: str, **options):
    """A chart of ui.compare.charts, built once per language and options (the data never change at run time).
    cache_resource hands out the same figure (st.plotly_chart only reads it); cache_data would unpickle a copy,
    which rebuilds and re-validates the whole figure on every rerun (~20 ms a chart, bench_interactions).
    Prebuilt: its dict is made once, not deep-copied on every run (27 → 5 ms for the EU map)."""
    from ui.compare import charts

    return prebuilt(getattr(charts, name)(indicator_data(), lang_code, **options))


@st.cache_resource(show_spinner=False)
def cards() -> list[Card]:
    """The headline cards (read-only, language-free: built once; 60 ms a rerun before)."""
    from simulators.compare.headlines import headline_cards

    return headline_cards(indicator_data())


@st.cache_resource(show_spinner=False, max_entries=300)
def rows(name: str, lang_code: str, **options) -> pd.DataFrame:
    """The plotted rows of a chart (``name`` is the data function), for the caption and the CSV download.
    Shared and read-only (callers select columns into new frames); cache_data would unpickle it every run."""
    from ui.compare import charts

    return getattr(charts, name)(indicator_data(), lang_code, **options)


def figure_text(figure: CardFigure) -> str:
    return headlines.figure_text(figure, lang())  # the delegation briefing's PDF formats it the same way


def _source_line(figure: CardFigure) -> str:
    return headlines.source_line(figure, lang())


def inject_css() -> None:
    theme.inject("compare")


def _figure_html(country: str, figure: CardFigure, headline: bool) -> str:
    head = (f'<div class="dds-fig-country">{FLAGS[country]} {html.escape(country_name(country, lang()))}</div>'
            if headline else "")
    size = "dds-fig-value" if headline else "dds-fig-second"
    return f'{head}<div class="{size} dds-fig-{country.lower()}">{html.escape(figure_text(figure))}</div>'


def render_card(card: Card) -> None:
    """Denmark, Germany and the EU side by side (stacked on a phone); every figure with label, date, source."""
    with st.container(border=True):
        st.markdown(f"#### {t(card.title_key)}")
        countries = [c for c in ("DK", "DE", "EU27") if c in card.figures]
        for column, country in zip(st.columns(len(countries)), countries):
            with column:
                for index, figure in enumerate(card.figures[country]):
                    st.html(_figure_html(country, figure, headline=index == 0))
                    st.caption(_source_line(figure))
        if "EU27" not in card.figures:
            st.caption(t("compare.card.no_eu"))
        st.caption(f"ℹ️ {t(card.note_key)}")


def chart(name: str, data_name: str, key: str, file_name: str, alt: str, options: dict | None = None) -> None:
    """The chart ``name`` of ui.compare.charts (its rows come from ``data_name``, with the same options), its
    sources as text (wraps on a phone) and the plotted rows as a CSV download."""
    code, options = lang(), options or {}
    frame = rows(data_name, code, **options)
    st.plotly_chart(figure(name, code, **options), width="stretch", config=PLOTLY_CONFIG, key=f"chart_{key}", alt=alt)
    st.caption(_sources_caption(data_name, code, **options))
    st.download_button(t("compare.download_csv"), lambda: csv_frame(frame).to_csv(index=False).encode("utf-8"),
                       file_name=f"{file_name}.csv", mime="text/csv", key=f"csv_{key}", on_click="ignore",
                       icon="⬇️")  # the CSV is made when the visitor asks for it, not on every rerun


@st.cache_resource(show_spinner=False, max_entries=300)
def _sources_caption(data_name: str, lang_code: str, **options) -> str:
    sources = sources_text(rows(data_name, lang_code, **options), lang_code)
    return translate(lang_code, "compare.chart.source_prefix", sources=sources)


# Every chart data function of the page with every choice of its selectors, for the list of sources.
def _every_option() -> list[tuple[str, dict]]:
    from ui.compare import charts

    return ([("desi_over_time_data", {"dimension": d}) for d in charts.DESI_DIMENSIONS]
            + [(name, {"key": k}) for k in charts.MAP_INDICATORS for name in ("eu_map_data", "ranking_data")]
            + [("egdi_data", {"component": c}) for c in charts.EGDI_COMPONENTS]
            + [(name, {}) for name in ("desi_ranks_data", "egov_benchmark_data", "egov_use_data", "german_eid_data",
                                       "ozg_data")])


@st.cache_resource(show_spinner=False, max_entries=8)
def _sources_rows(lang_code: str) -> pd.DataFrame:
    """Every source behind the page: the headline cards and every choice of every chart (built once a language)."""
    tag = f" ({translate(lang_code, SECONDARY_KEY)})"
    frames = [pd.DataFrame([{"source": source_name(f.value.source, lang_code), "source_url": f.value.source.url}
                            for card in cards() for f in card.all_figures()])]
    for name, options in _every_option():
        part = rows(name, lang_code, **options)
        flags = part["source_secondary"] if "source_secondary" in part else [False] * len(part)
        frames.append(pd.DataFrame({"source": [s + (tag if f else "") for s, f in zip(part["source"], flags)],
                                    "source_url": list(part["source_url"])}))
    table = pd.concat(frames, ignore_index=True).drop_duplicates()
    table.columns = [translate(lang_code, "compare.sources.col_title"), translate(lang_code, "compare.sources.col_url")]
    return table


def sources_table() -> None:
    """Every source behind the page's figures, with its address as plain text (no link leaves the booth)."""
    st.dataframe(_sources_rows(lang()), hide_index=True, width="stretch")
