"""Shared look of the comparison charts: big fonts for a projector, fixed country colours, a source caption.

Denmark is red, Germany black, the EU average blue, other countries grey; marker shapes differ too, so the
charts stay readable in black and white and for colour-blind visitors.
"""
from __future__ import annotations

import textwrap
from typing import Callable

import pandas as pd
import plotly.graph_objects as go

from simulators.core import i18n

Translate = Callable[..., str]

FONT = "IBM Plex Sans, Arial, sans-serif"
COLOURS = {"DK": "#C8102E", "DE": "#1A1A1A", "EU27": "#1F4E9E", "EU28": "#1F4E9E", "EU27PLUS": "#5B7DB8",
           "EUROPE": "#5B7DB8", "other": "#BFBFBF"}
SYMBOLS = {"DK": "circle", "DE": "square", "EU27": "diamond", "EU28": "diamond", "EU27PLUS": "diamond-open",
           "EUROPE": "diamond-open"}
DASHES = {"DK": "solid", "DE": "solid", "EU27": "dot", "EU28": "dot", "EU27PLUS": "dot", "EUROPE": "dot"}
TITLE_WRAP = 30  # characters at 22 px that fit a 390 px phone
SUBTITLE_WRAP = 48
CAPTION_WRAP = 42
PHONE_PLOT_WIDTH = 340
MAX_CAPTION_SOURCES = 3


def wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width=width)) or text


def source_names(frame: pd.DataFrame, lang: str | None = None) -> list[str]:
    """Distinct short source names of the plotted rows, in order of appearance; with ``lang``, a secondary source
    is tagged as such ("Sekundärquelle", the mechanism of simulators.core.i18n.source_name)."""
    if "source_short" not in frame:
        return []
    secondary = frame["source_secondary"] if "source_secondary" in frame else [False] * len(frame)
    tag = f" ({i18n.translate(lang, i18n.SECONDARY_KEY)})" if lang else ""
    return list(dict.fromkeys(s + (tag if flag else "") for s, flag in zip(frame["source_short"], secondary) if s))


def sources_text(frame: pd.DataFrame, lang: str | None = None) -> str:
    return "; ".join(source_names(frame, lang))


def translator(lang: str) -> Translate:
    return lambda key, **params: i18n.translate(lang, key, **params)


def _legend_rows(fig: go.Figure, space: int) -> int:
    """Rows a horizontal legend needs on a phone-wide plot (``space`` px), so the top margin leaves room for it."""
    names = [t.name or "" for t in fig.data if t.showlegend is not False and t.name]
    if not names:
        return 0
    rows, used = 1, 0
    for name in names:
        width = 46 + 8.5 * len(name)
        if used and used + width > space:
            rows, used = rows + 1, 0
        used += width
    return rows


def style(fig: go.Figure, lang: str, title: str, caption: str, x_title: str = "", y_title: str = "",
          plot_height: int = 380, legend: bool = True, subtitle: str = "", extra_bottom: int = 0,
          legend_space: int = 0) -> go.Figure:
    """Title, axis titles, fonts, number separators of the language, legend on top and the source caption.

    Plotly does not wrap text, so titles, subtitles and captions are wrapped here at widths that fit a phone;
    the margins are computed from the number of lines so nothing overlaps, and the figure's height is the plot
    area (``plot_height``) plus those margins. A long list of sources is cut after three names in the figure
    (the page prints the whole list under the chart and the CSV carries every row's source)."""
    tr = translator(lang)
    names = caption.split("; ")
    if len(names) > MAX_CAPTION_SOURCES:
        caption = "; ".join(names[:MAX_CAPTION_SOURCES]) + " " + tr(
            "compare.chart.more_sources", n=len(names) - MAX_CAPTION_SOURCES)
    caption_text = wrap(tr("compare.chart.source_prefix", sources=caption), CAPTION_WRAP)
    caption_lines = caption_text.count("<br>") + 1
    axis_title = 30 if x_title else 0
    bottom = 58 + axis_title + extra_bottom + 17 * caption_lines
    title_text, subtitle_text = wrap(title, TITLE_WRAP), wrap(subtitle, SUBTITLE_WRAP)
    title_lines = title_text.count("<br>") + 1
    subtitle_lines = subtitle_text.count("<br>") + 1 if subtitle else 0
    legend_rows = _legend_rows(fig, legend_space or PHONE_PLOT_WIDTH) if legend else 0
    top = 16 + 28 * title_lines + 19 * subtitle_lines + 29 * legend_rows + 14
    height = top + plot_height + bottom
    fig.update_layout(
        title={"text": title_text, "font": {"size": 22, "family": FONT, "color": "#1A1A1A"}, "x": 0,
               "xref": "container", "xanchor": "left", "pad": {"l": 8, "t": 12},
               "y": 1 - 27 * (title_lines - 1) / height, "yref": "container",  # plotly anchors the first line
               "yanchor": "top", "automargin": False,
               "subtitle": {"text": subtitle_text, "font": {"size": 14, "color": "#454545"}}},
        separators=".," if lang == "en" else ",.",
        font={"family": FONT, "size": 16, "color": "#1A1A1A"},
        height=height, margin={"l": 10, "r": 16, "t": top, "b": bottom, "pad": 2},
        paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF", showlegend=legend,
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom",
                "font": {"size": 16}, "title": None, "itemwidth": 30, "tracegroupgap": 0},
        hoverlabel={"font": {"size": 16, "family": FONT}},
    )
    fig.update_xaxes(title={"text": x_title, "font": {"size": 16}}, tickfont={"size": 15}, gridcolor="#EEEEEE",
                     linecolor="#8E8E8E", automargin=True, tickangle=0)  # rotated labels would hit the caption
    fig.update_yaxes(title={"text": y_title, "font": {"size": 16}}, tickfont={"size": 15}, gridcolor="#E5E5E5",
                     zerolinecolor="#BFBFBF", automargin=True)
    label_width = PHONE_PLOT_WIDTH - legend_space if legend_space else 0  # long y labels: start under them
    fig.add_annotation(text=caption_text, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                       xshift=-label_width,
                       yshift=-(34 + axis_title + extra_bottom), showarrow=False, align="left",
                       font={"size": 13, "color": "#454545"}, name="source_caption")
    return fig


def caption_of(fig: go.Figure) -> str:
    """The source caption of a figure made by ``style`` (for tests and the page's text caption)."""
    for annotation in fig.layout.annotations:
        if annotation.name == "source_caption":
            return annotation.text.replace("<br>", " ")
    return ""


def country_line(frame: pd.DataFrame, country: str, name: str, hover_value: str, x: str = "x") -> go.Scatter:
    """One country's line (DK, DE or an aggregate) with its colour, dash and marker shape."""
    rows = frame[frame.country == country]
    return go.Scatter(
        x=rows[x], y=rows["value"], name=name, legendgroup=country, meta={"country": country},
        mode="lines+markers", line={"color": COLOURS.get(country, COLOURS["other"]), "width": 4,
                                    "dash": DASHES.get(country, "solid")},
        marker={"size": 11, "symbol": SYMBOLS.get(country, "circle")},
        customdata=rows[["period", "source_short"]].to_numpy() if "period" in rows else None,
        hovertemplate=f"<b>{name}</b> %{{customdata[0]}}<br>{hover_value}<br>%{{customdata[1]}}<extra></extra>",
    )


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The plotted rows in a stable, self-explaining column order for a CSV download."""
    out = frame
    columns = [c for c in ("country", "country_name", "indicator", "year", "value", "unit", "source", "source_url",
                           "note") if c in out.columns]
    return out[columns].reset_index(drop=True)
