"""The comparison charts (plotly, no Streamlit). One function per chart returns a ``go.Figure`` with a title, axis
units, Denmark's and Germany's traces (and the EU's where the source has one) and a source caption; a matching
``*_data`` function returns the plotted rows with their sources, for the CSV download.

All functions take the visitor's language; every text comes from the "compare" catalog.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui.compare.chart_style import PHONE_PLOT_WIDTH, COLOURS, country_line, sources_text, style, translator
from ui.compare.charts_eu import (MAP_INDICATORS, eu_map, eu_map_data, ranking_bar,  # noqa: F401 (re-exported)
                                  ranking_data)
from ui.compare.charts_germany import (german_eid_data, german_eid_over_time, ozg_data,  # noqa: F401
                                       ozg_progress)
from simulators.compare.indicators import IndicatorData, country_name, period_label

DESI_DIMENSIONS = {
    "overall": ("desi_overall_score", "compare.desi.dim.overall"),
    "human_capital": ("desi_human_capital_score", "compare.desi.dim.human_capital"),
    "connectivity": ("desi_connectivity_score", "compare.desi.dim.connectivity"),
    "integration": ("desi_integration_digital_tech_score", "compare.desi.dim.integration"),
    "public_services": ("desi_digital_public_services_score", "compare.desi.dim.public_services"),
}
EGDI_COMPONENTS = {
    "egdi_score": "compare.egdi.comp.egdi",
    "egdi_rank_world": "compare.egdi.comp.rank",
    "egdi_online_service_index": "compare.egdi.comp.osi",
    "egdi_human_capital_index": "compare.egdi.comp.hci",
    "egdi_telecom_infrastructure_index": "compare.egdi.comp.tii",
}
EGOV_DIMENSIONS = {
    "egovbench_overall_score": "compare.egov.dim.overall",
    "egovbench_user_centricity": "compare.egov.dim.user_centricity",
    "egovbench_transparency": "compare.egov.dim.transparency",
    "egovbench_key_enablers": "compare.egov.dim.key_enablers",
    "egovbench_cross_border_services": "compare.egov.dim.cross_border",
    "egovbench_key_enabler_eid": "compare.egov.dim.eid",
    "egovbench_key_enabler_digital_post": "compare.egov.dim.digital_post",
}
EGOV_USE_OLD = "desi_4a1_e_government_users"
EGOV_USE_NEW = "egov_used_public_authority_website_or_app_12m"


def _label(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    out.insert(1, "country_name", [country_name(c, lang) for c in out.country])
    out["period"] = [period_label(y, lang) for y in out.year]
    return out


def desi_over_time_data(data: IndicatorData, lang: str, dimension: str = "overall") -> pd.DataFrame:
    indicator, _ = DESI_DIMENSIONS[dimension]
    return _label(data.series(indicator, ("DK", "DE", "EU27")), lang)


def desi_over_time(data: IndicatorData, lang: str, dimension: str = "overall") -> go.Figure:
    tr = translator(lang)
    frame = desi_over_time_data(data, lang, dimension)
    fig = go.Figure([country_line(frame, c, country_name(c, lang), "%{y:.1f} / 100") for c in ("DK", "DE", "EU27")])
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(rangemode="tozero")
    return style(fig, lang, tr("compare.chart.desi.title", dimension=tr(DESI_DIMENSIONS[dimension][1])),
                 sources_text(frame, lang), x_title=tr("compare.axis.desi_edition"), y_title=tr("compare.axis.score_100"),
                 subtitle=tr("compare.chart.desi.backcalc_note"))


def desi_ranks_data(data: IndicatorData, lang: str) -> pd.DataFrame:
    frames = [data.series("desi_overall_rank_eu27", ("DK", "DE")), data.series("desi_overall_rank_as_published",
                                                                                 ("DK", "DE"))]
    return _label(pd.concat(frames, ignore_index=True), lang)


def desi_ranks(data: IndicatorData, lang: str) -> go.Figure:
    """Both rank series: the back-calculated one (used everywhere else) and the ranks as published at the time."""
    tr = translator(lang)
    frame = desi_ranks_data(data, lang)
    traces = []
    for country in ("DK", "DE"):
        name = country_name(country, lang)
        back = country_line(frame[frame.indicator == "desi_overall_rank_eu27"], country,
                            tr("compare.chart.desi_rank.backcalc", country=name), "%{y}")
        published = country_line(frame[frame.indicator == "desi_overall_rank_as_published"], country,
                                 tr("compare.chart.desi_rank.published", country=name), "%{y}")
        published.update(mode="markers", marker={"size": 16, "symbol": "star-open", "line": {"width": 3}})
        traces += [back, published]
    fig = go.Figure(traces)
    fig.update_xaxes(tickformat="d")  # automatic spacing: 2015-2022 must fit a phone unrotated
    worst = int(frame.value.max())
    fig.update_yaxes(autorange=False, range=[worst + 1.5, 0.5], tickvals=[1, 5, 10, 15, 20, 25, 28])
    return style(fig, lang, tr("compare.chart.desi_rank.title"), sources_text(frame, lang),
                 x_title=tr("compare.axis.desi_edition"), y_title=tr("compare.axis.rank_eu"),
                 subtitle=tr("compare.chart.desi_rank.subtitle"), plot_height=380)


def egov_benchmark_data(data: IndicatorData, lang: str, edition: str | None = None) -> pd.DataFrame:
    edition = edition or data.latest_common_year("egovbench_user_centricity", ("DK", "DE", "EU27"))
    frames = [data.cross_section(indicator, edition, ("DK", "DE", "EU27")) for indicator in EGOV_DIMENSIONS]
    return _label(pd.concat(frames, ignore_index=True), lang)


def egov_benchmark_dimensions(data: IndicatorData, lang: str, edition: str | None = None) -> go.Figure:
    tr = translator(lang)
    frame = egov_benchmark_data(data, lang, edition)
    labels = {ind: tr(key) for ind, key in EGOV_DIMENSIONS.items()}
    order = [labels[i] for i in EGOV_DIMENSIONS]
    traces = []
    for country in ("EU27", "DE", "DK"):  # horizontal bars list bottom-up: DK ends on top of each group
        rows = frame[frame.country == country]
        name = country_name(country, lang)
        traces.append(go.Bar(
            y=[labels[i] for i in rows.indicator], x=rows.value, orientation="h", name=name, legendgroup=country,
            meta={"country": country}, marker={"color": COLOURS[country]}, text=rows.value.round(0),
            texttemplate="%{x:.0f}", textposition="outside", cliponaxis=False,
            hovertemplate=f"<b>{name}</b> %{{y}}: %{{x:.1f}} / 100<extra></extra>"))
    fig = go.Figure(traces)
    fig.update_layout(barmode="group", bargap=0.25, legend={"traceorder": "reversed"})
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1])
    fig.update_xaxes(range=[0, 108])
    edition_label = frame.year.iloc[0] if not frame.empty else ""
    return style(fig, lang, tr("compare.chart.egov.title", edition=edition_label), sources_text(frame, lang),
                 x_title=tr("compare.axis.score_100"), subtitle=tr("compare.chart.egov.subtitle"), plot_height=560,
                 legend_space=PHONE_PLOT_WIDTH - 8 * max(len(label) for label in order))


def egdi_data(data: IndicatorData, lang: str, component: str = "egdi_score") -> pd.DataFrame:
    countries = ("DK", "DE", "EUROPE") if component == "egdi_score" else ("DK", "DE")
    indicators = [component] + (["egdi_score_region_europe"] if component == "egdi_score" else [])
    frames = [data.series(indicator, countries) for indicator in indicators]
    return _label(pd.concat(frames, ignore_index=True), lang)


def egdi_over_time(data: IndicatorData, lang: str, component: str = "egdi_score") -> go.Figure:
    tr = translator(lang)
    frame = egdi_data(data, lang, component)
    is_rank = component == "egdi_rank_world"
    hover = "%{y}" if is_rank else "%{y:.4f}"
    traces = [country_line(frame, c, country_name(c, lang), hover) for c in ("DK", "DE")]
    if (frame.country == "EUROPE").any():
        traces.append(country_line(frame, "EUROPE", country_name("EUROPE", lang), hover))
    fig = go.Figure(traces)
    fig.update_xaxes(dtick=2, tickformat="d")
    if is_rank:
        fig.update_yaxes(autorange=False, range=[float(frame.value.max()) + 3, 0.5], tickvals=[1, 5, 10, 15, 20, 25])
    else:  # a line chart need not start at 0; start a little under the lowest value so differences show
        fig.update_yaxes(range=[max(0.0, round(float(frame.value.min()) - 0.15, 1)), 1.02])
    return style(fig, lang, tr("compare.chart.egdi.title", component=tr(EGDI_COMPONENTS[component])),
                 sources_text(frame, lang), x_title=tr("compare.axis.survey_year"),
                 y_title=tr("compare.axis.rank_world") if is_rank else tr("compare.axis.index_1"),
                 subtitle=tr("compare.chart.egdi.subtitle"))


def egov_use_data(data: IndicatorData, lang: str) -> pd.DataFrame:
    countries = ("DK", "DE", "EU27")
    return _label(pd.concat([data.series(EGOV_USE_OLD, countries), data.series(EGOV_USE_NEW, countries)],
                            ignore_index=True), lang)


def egov_use_over_time(data: IndicatorData, lang: str) -> go.Figure:
    """Two Eurostat definitions with a break in series in 2022: the lines are not joined across it."""
    tr = translator(lang)
    frame = egov_use_data(data, lang)
    gap = pd.DataFrame([{"country": c, "x": 2022.0, "value": None, "period": "", "source_short": ""}
                        for c in ("DK", "DE", "EU27")])
    joined = pd.concat([frame, gap], ignore_index=True).sort_values(["country", "x"])
    fig = go.Figure([country_line(joined, c, country_name(c, lang), "%{y:.1f} %") for c in ("DK", "DE", "EU27")])
    fig.update_traces(connectgaps=False)
    fig.add_vrect(x0=2021.5, x1=2022.5, fillcolor="#F5F5F5", line_width=0, layer="below")
    fig.add_annotation(x=2022, y=8, text=wrap_break(tr("compare.chart.egov_use.break")), showarrow=False,
                       font={"size": 14, "color": "#454545"})
    fig.update_xaxes(tickformat="d")  # automatic spacing: nine years must fit a phone unrotated
    fig.update_yaxes(range=[0, 105])
    return style(fig, lang, tr("compare.chart.egov_use.title"), sources_text(frame, lang),
                 x_title=tr("compare.axis.data_year"), y_title=tr("compare.axis.percent"),
                 subtitle=tr("compare.chart.egov_use.subtitle"))


def wrap_break(text: str) -> str:
    return "<br>".join(text.split(" ", 1))
