"""Denmark vs Germany in figures: headline cards and charts, each with its source and a CSV download."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import streamlit as st

from ui.compare import charts
from ui.booth import briefing, events as booth_events
from ui.booth import progress
from ui.compare.view import cards as headline_cards, chart, inject_css, render_card, sources_table
from ui.shell.guards import page_allowed
from ui.shell.i18n import t

page_allowed("pages/compare.py")
progress.render("germany")  # kiosk only: the journey's four steps
booth_events.track_once("compare_viewed", "indicators")  # the booth funnel's last stage
inject_css()

st.title(t("compare.page.title"))
st.markdown(t("compare.page.intro"))

st.header(t("compare.cards.heading"))
cards = headline_cards()
for row_start in range(0, len(cards), 2):
    for column, card in zip(st.columns(2), cards[row_start:row_start + 2]):
        with column:
            render_card(card)


# A chart with its own selector is a fragment: choosing reruns that chart, not the page's nine.
@st.fragment
def desi_chart() -> None:
    dimension_labels = {d: t(key) for d, (_, key) in charts.DESI_DIMENSIONS.items()}
    dimension = st.segmented_control(
        t("compare.select.dimension"), list(dimension_labels), default="overall", required=True,
        format_func=dimension_labels.get, key="compare_desi_dimension")
    chart("desi_over_time", "desi_over_time_data", "desi", f"desi_{dimension}", t("compare.alt.desi"),
          {"dimension": dimension})


@st.fragment
def eu_map_and_ranking() -> None:
    map_labels = {k: t(spec[2]) for k, spec in charts.MAP_INDICATORS.items()}
    map_key = st.selectbox(t("compare.select.indicator"), list(map_labels), format_func=map_labels.get,
                           key="compare_map_indicator")
    map_column, ranking_column = st.columns([3, 2], gap="medium")
    with map_column:
        chart("eu_map", "eu_map_data", "map", f"eu_map_{map_key}", t("compare.alt.map"), {"key": map_key})
        st.caption(t("compare.map.hint"))
    with ranking_column:
        chart("ranking_bar", "ranking_data", "ranking", f"ranking_{map_key}", t("compare.alt.ranking"),
              {"key": map_key})


@st.fragment
def egdi_chart() -> None:
    component_labels = {c: t(key) for c, key in charts.EGDI_COMPONENTS.items()}
    component = st.segmented_control(
        t("compare.select.component"), list(component_labels), default="egdi_score", required=True,
        format_func=component_labels.get, key="compare_egdi_component")
    chart("egdi_over_time", "egdi_data", "egdi", f"egdi_{component}", t("compare.alt.egdi"),
          {"component": component})


st.header(t("compare.section.desi"))
st.info(t("compare.page.desi_method"), icon="ℹ️")
desi_chart()

st.subheader(t("compare.section.desi_rank"))
chart("desi_ranks", "desi_ranks_data", "desi_rank", "desi_ranks", t("compare.alt.desi_rank"))

st.header(t("compare.section.eu"))
eu_map_and_ranking()

st.header(t("compare.section.egov"))
chart("egov_benchmark_dimensions", "egov_benchmark_data", "egov", "egov_benchmark", t("compare.alt.egov"))

st.header(t("compare.section.egdi"))
egdi_chart()

st.header(t("compare.section.egov_use"))
chart("egov_use_over_time", "egov_use_data", "egov_use", "egov_use_eurostat", t("compare.alt.egov_use"))

st.header(t("compare.section.germany"))
chart("german_eid_over_time", "german_eid_data", "eid", "germany_eid_use", t("compare.alt.eid"))
chart("ozg_progress", "ozg_data", "ozg", "germany_ozg_progress", t("compare.alt.ozg"))
st.caption(t("compare.ozg.caveat"))

st.page_link("pages/journeys.py", label=t("compare.link.journeys"), icon="🏁")
with st.expander(t("compare.sources.expand")):
    sources_table()  # the cards and every choice of the selectors above, not only the current one
briefing.offer()  # presenter mode: the leave-behind PDF for a delegation
