"""Germany-specific charts: use of the online ID function over time (Denmark's MitID figure as a marked reference)
and the progress of the Online Access Act (OZG), which has no Danish counterpart.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui.compare.chart_style import COLOURS, country_line, sources_text, style, translator, wrap
from simulators.compare.indicators import IndicatorData, country_name, period_label

EID_SERIES = {
    "de_eid_online_function_used_ever": ("DE", "compare.chart.eid.used", "solid", "square"),
    "de_eid_online_function_activated": ("DE", "compare.chart.eid.activated", "dash", "triangle-up"),
    "de_eid_online_function_ready_pin_set": ("DE", "compare.chart.eid.pin", "dot", "diamond"),
    "dk_mitid_share_15plus_migrated": ("DK", "compare.chart.eid.mitid", "solid", "circle"),
}
OZG_BARS = {  # indicator -> label key; order = top to bottom
    "de_ozg_services_target": "compare.chart.ozg.target",
    "de_online_services_applicable": "compare.chart.ozg.online_2020",
    "de_ozg_services_available_nationwide": "compare.chart.ozg.nationwide",
    "de_ozg_federal_services_online": "compare.chart.ozg.federal",
    "de_ozg_services_fully_digital": "compare.chart.ozg.fully_digital",
    "de_ozg_services_partially_digital": "compare.chart.ozg.partially_digital",
    "de_ozg_services_in_person_required": "compare.chart.ozg.in_person",
}


def _label(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    out.insert(1, "country_name", [country_name(c, lang) for c in out.country])
    out["period"] = [period_label(y, lang) for y in out.year]
    return out


def german_eid_data(data: IndicatorData, lang: str) -> pd.DataFrame:
    frames = [data.series(indicator, (country,)) for indicator, (country, *_) in EID_SERIES.items()]
    return _label(pd.concat(frames, ignore_index=True), lang)


def german_eid_over_time(data: IndicatorData, lang: str) -> go.Figure:
    tr = translator(lang)
    frame = german_eid_data(data, lang)
    traces = []
    for indicator, (country, label_key, dash, symbol) in EID_SERIES.items():
        rows = frame[frame.indicator == indicator]
        line = country_line(rows, country, tr(label_key), "%{y:.0f} %")
        line.update(line={"dash": dash}, marker={"symbol": symbol, "size": 13 if country == "DE" else 18})
        if country == "DK":
            line.update(mode="markers+text", text=[tr("compare.chart.eid.mitid_short")], textposition="bottom center",
                        textfont={"color": COLOURS["DK"], "size": 15})
        traces.append(line)
    fig = go.Figure(traces)
    fig.update_xaxes(dtick=1, tickformat="d", range=[2018.6, 2024.6])
    fig.update_yaxes(range=[0, 105])
    return style(fig, lang, tr("compare.chart.eid.title"), sources_text(frame, lang),
                 x_title=tr("compare.axis.survey_year"), y_title=tr("compare.axis.percent"),
                 subtitle=tr("compare.chart.eid.subtitle"), plot_height=380)


def ozg_data(data: IndicatorData, lang: str) -> pd.DataFrame:
    frames = [data.series(indicator, ("DE",)) for indicator in OZG_BARS]
    return _label(pd.concat(frames, ignore_index=True), lang)


def ozg_progress(data: IndicatorData, lang: str) -> go.Figure:
    """Counts of OZG services from several sources and dates; each bar says what it counts and when.

    The labels sit above the bars (not as axis labels) so that the bars keep their width on a phone."""
    tr = translator(lang)
    frame = ozg_data(data, lang)
    labels = [wrap(f"{tr(OZG_BARS[ind])} ({period})", 40) for ind, period in zip(frame.indicator, frame.period)]
    positions = list(range(len(frame)))[::-1]  # first row on top
    is_target = frame.indicator == "de_ozg_services_target"
    colours = [COLOURS["other"] if target else COLOURS["DE"] for target in is_target]
    bars = go.Bar(
        x=frame.value, y=positions, orientation="h", width=0.42, name=country_name("DE", lang), legendgroup="DE",
        meta={"country": "DE"}, marker={"color": colours}, texttemplate="%{x:.0f}", textposition="outside",
        cliponaxis=False, customdata=list(zip(labels, frame.source_short)),
        hovertemplate="%{customdata[0]}: <b>%{x:.0f}</b><br>%{customdata[1]}<extra></extra>")
    names = go.Scatter(x=[0] * len(frame), y=[p + 0.24 for p in positions], mode="text", text=labels,
                       textposition="top right", textfont={"size": 15}, hoverinfo="skip", showlegend=False,
                       meta={"country": "DE"}, cliponaxis=False)
    fig = go.Figure([bars, names])
    fig.update_yaxes(visible=False, range=[-0.5, len(frame) - 0.05])
    fig.update_xaxes(range=[0, 640])
    return style(fig, lang, tr("compare.chart.ozg.title"), sources_text(frame, lang), x_title=tr("compare.axis.services"),
                 subtitle=tr("compare.chart.ozg.subtitle"), plot_height=560, legend=False)
