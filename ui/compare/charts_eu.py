"""EU-wide charts: the map of a chosen indicator and the ranking bar chart, both with Denmark and Germany marked.

The map is a ``go.Choroplethmap`` on ``map_style="white-bg"`` with the shipped GeoJSON (data/geo/europe.geojson):
no tiles, no CDN, it draws offline. (Plotly's ``geo`` traces would download a base map.)
"""
from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go

from ui.compare.chart_style import PHONE_PLOT_WIDTH, COLOURS, sources_text, style, translator
from simulators.core.i18n import fmt_number
from simulators.compare.indicators import EU27, IndicatorData, country_name, period_label
from simulators.core.paths import DATA_DIR

GEOJSON_PATH = DATA_DIR / "geo" / "europe.geojson"
# key -> (indicator, year, label key, unit key, decimals)
MAP_INDICATORS = {
    "desi_2022": ("desi_overall_score", "2022", "compare.map.ind.desi", "compare.axis.score_100", 1),
    "desi_dps_2022": ("desi_digital_public_services_score", "2022", "compare.map.ind.desi_dps",
                      "compare.axis.score_100", 1),
    "egovbench_2023": ("egovbench_overall_score", "2023", "compare.map.ind.egovbench", "compare.axis.score_100", 1),
    "egdi_2024": ("egdi_score", "2024", "compare.map.ind.egdi", "compare.axis.index_1", 3),
    "egov_users_2021": ("desi_4a1_e_government_users", "2021", "compare.map.ind.egov_users",
                        "compare.axis.percent_internet_users", 1),
    "prefilled_2022": ("dd_prefilled_forms", "2022", "compare.map.ind.prefilled", "compare.axis.score_100", 1),
    "skills_2021": ("desi_1a1_at_least_basic_digital_skills", "2021", "compare.map.ind.skills",
                    "compare.axis.percent_individuals", 1),
}
GREEN_SCALE = [[0.0, "#F1F7EC"], [0.5, "#8FBF6A"], [1.0, "#233614"]]  # borger.dk greens, light = low


@lru_cache(maxsize=1)
def geojson() -> dict:
    return json.loads(GEOJSON_PATH.read_text(encoding="utf-8"))


def subset(shapes: dict, ids) -> dict:
    """Only the features a trace draws, so the page ships each shape once (not once per trace)."""
    wanted = set(ids)
    return {"type": "FeatureCollection", "features": [f for f in shapes["features"] if f["id"] in wanted]}


def eu_map_data(data: IndicatorData, lang: str, key: str = "desi_2022") -> pd.DataFrame:
    indicator, year, *_ = MAP_INDICATORS[key]
    frame = data.cross_section(indicator, year, EU27 + ("EU27",))
    frame.insert(1, "country_name", [country_name(c, lang) for c in frame.country])
    frame["period"] = [period_label(y, lang) for y in frame.year]
    return frame


def _title(tr, key: str) -> str:
    _, year, label_key, *_ = MAP_INDICATORS[key]
    return tr("compare.chart.map.title", indicator=tr(label_key), year=year)


def eu_map(data: IndicatorData, lang: str, key: str = "desi_2022", shapes: dict | None = None) -> go.Figure:
    tr = translator(lang)
    shapes = shapes or geojson()
    _, _, _, unit_key, decimals = MAP_INDICATORS[key]
    frame = eu_map_data(data, lang, key)
    members = frame[frame.country != "EU27"]
    low, high = float(members.value.min()), float(members.value.max())
    hover = f"<b>%{{customdata[0]}}</b><br>%{{z:.{decimals}f}}<extra></extra>"
    context = [f["id"] for f in shapes["features"] if f["id"] not in set(members.country)]
    traces = [go.Choroplethmap(  # neighbours without data, for orientation
        geojson=subset(shapes, context), locations=context, z=[0] * len(context),
        colorscale=[[0, "#E6E6E6"], [1, "#E6E6E6"]],
        showscale=False, marker={"line": {"color": "#FFFFFF", "width": 1}}, hoverinfo="skip", name="context",
        showlegend=False)]
    traces.append(go.Choroplethmap(
        geojson=subset(shapes, members.country), locations=members.country, z=members.value, zmin=low, zmax=high,
        colorscale=GREEN_SCALE,
        customdata=members[["country_name"]].to_numpy(), hovertemplate=hover, name=tr(unit_key),
        marker={"line": {"color": "#FFFFFF", "width": 1}}, showlegend=False, meta={"country": "EU"},
        colorbar={"title": {"text": tr(unit_key), "side": "top", "font": {"size": 15}}, "tickfont": {"size": 14},
                  "orientation": "h", "x": 0, "xanchor": "left", "y": 0, "yanchor": "top", "ypad": 6,
                  "thickness": 14, "len": 0.9, "lenmode": "fraction"}))
    for country in ("DK", "DE"):  # thick outline so both stand out whatever their colour
        row = members[members.country == country]
        traces.append(go.Choroplethmap(
            geojson=subset(shapes, row.country), locations=row.country, z=row.value, zmin=low, zmax=high,
            colorscale=GREEN_SCALE,
            showscale=False, customdata=row[["country_name"]].to_numpy(), hovertemplate=hover,
            name=country_name(country, lang), legendgroup=country, meta={"country": country}, showlegend=False,
            marker={"line": {"color": COLOURS[country], "width": 4}}))
    fig = go.Figure(traces)
    # centre and zoom chosen so that the plot height (560 px) spans latitudes 35-71 (Mercator); wider screens
    # show more sea to the sides, a phone shows the middle and can pan
    fig.update_layout(map={"style": "white-bg", "center": {"lat": 56.5, "lon": 14.0}, "zoom": 2.6})
    eu_row = frame[frame.country == "EU27"]
    subtitle = ""
    if not eu_row.empty:
        subtitle = tr("compare.chart.map.eu_average", value=fmt_number(eu_row.value.iloc[0], lang, decimals))
    subtitle = " · ".join(part for part in (subtitle, tr("compare.chart.map.outlines")) if part)
    return style(fig, lang, _title(tr, key), sources_text(frame, lang), subtitle=subtitle, plot_height=560, legend=False,
                 extra_bottom=64)  # room for the colour scale under the map


def ranking_data(data: IndicatorData, lang: str, key: str = "desi_2022") -> pd.DataFrame:
    return eu_map_data(data, lang, key).sort_values("value", ascending=True).reset_index(drop=True)


def ranking_bar(data: IndicatorData, lang: str, key: str = "desi_2022") -> go.Figure:
    tr = translator(lang)
    _, year, label_key, unit_key, decimals = MAP_INDICATORS[key]
    frame = ranking_data(data, lang, key)
    groups = {"other": frame[~frame.country.isin(["DK", "DE", "EU27"])]}
    groups.update({c: frame[frame.country == c] for c in ("EU27", "DE", "DK")})
    traces = []
    for group, rows in groups.items():
        name = tr("compare.chart.ranking.others") if group == "other" else country_name(group, lang)
        traces.append(go.Bar(
            x=rows.value, y=rows.country_name, orientation="h", name=name, legendgroup=group, meta={"country": group},
            marker={"color": COLOURS[group]}, texttemplate=f"%{{x:.{decimals}f}}", textposition="outside",
            cliponaxis=False, textfont={"size": 14}, showlegend=group != "other",
            hovertemplate=f"<b>%{{y}}</b>: %{{x:.{decimals}f}}<extra></extra>"))
    fig = go.Figure(traces)
    fig.update_layout(barmode="overlay", bargap=0.2)
    fig.update_yaxes(categoryorder="array", categoryarray=list(frame.country_name), tickfont={"size": 14})
    fig.update_xaxes(range=[0, float(frame.value.max()) * 1.12])
    return style(fig, lang, tr("compare.chart.ranking.title", indicator=tr(label_key), year=year),
                 sources_text(frame, lang), x_title=tr(unit_key), plot_height=640,
                 legend_space=PHONE_PLOT_WIDTH - 8 * max(len(name) for name in frame.country_name))
