"""Plotly figures of the exhibitor's dashboard: big type for a screen across the stand, one accent colour."""
from __future__ import annotations

import plotly.graph_objects as go

FONT = "IBM Plex Sans, Arial, sans-serif"
GREEN = "#44831E"
GREEN_SHADES = ("#2E5A14", "#44831E", "#5E9E37", "#7DB85A", "#A3CF86")
GREY = "#BFBFBF"


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=8, r=28, t=4, b=4), font=dict(family=FONT, size=18, color="#1A1A1A"),
                      paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF", showlegend=False, bargap=0.25)
    return fig


def funnel(labels: list[str], counts: list[int], height: int = 380) -> go.Figure:
    fig = go.Figure(go.Funnel(y=labels, x=counts, textinfo="value+percent initial", textfont=dict(size=20),
                              marker=dict(color=list(GREEN_SHADES[: len(labels)])),
                              connector=dict(fillcolor="#E8F1E1"), hoverinfo="skip"))
    fig.update_yaxes(tickfont=dict(size=18), automargin=True)
    return _layout(fig, height)


def bars(labels: list[str], counts: list[int], height: int = 320, highlight_zero: bool = True) -> go.Figure:
    """Horizontal bars, largest on top; zero bars stay listed (an unused login method is information too)."""
    colours = [GREY if highlight_zero and n == 0 else GREEN for n in counts]
    fig = go.Figure(go.Bar(x=counts, y=labels, orientation="h", marker_color=colours, text=counts,
                           textposition="outside", textfont=dict(size=18), cliponaxis=False, hoverinfo="skip"))
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=17), automargin=True)
    fig.update_xaxes(visible=False, range=[0, max(counts + [1]) * 1.18])
    return _layout(fig, height)


def columns(labels: list[str], counts: list[int], height: int = 300) -> go.Figure:
    fig = go.Figure(go.Bar(x=labels, y=counts, marker_color=GREEN, text=counts, textposition="outside",
                           textfont=dict(size=16), cliponaxis=False, hoverinfo="skip"))
    fig.update_yaxes(visible=False, range=[0, max(counts + [1]) * 1.25])
    fig.update_xaxes(tickfont=dict(size=15), type="category")
    return _layout(fig, height)
