"""Plotly figures of the exhibitor's dashboard: big type for a screen across the stand, one accent colour.

Each figure is built in one go from plain dicts: the dashboard redraws every few seconds, and plotly's
``update_layout``/``update_yaxes`` parse their keyword paths anew on every call (half the page's run time)."""
from __future__ import annotations

import plotly.graph_objects as go

FONT = "IBM Plex Sans, Arial, sans-serif"
GREEN = "#44831E"
GREEN_SHADES = ("#2E5A14", "#44831E", "#5E9E37", "#7DB85A", "#A3CF86")
GREY = "#BFBFBF"


def _figure(trace: dict, height: int, xaxis: dict | None = None, yaxis: dict | None = None) -> go.Figure:
    layout = {"height": height, "margin": {"l": 8, "r": 28, "t": 4, "b": 4},
              "font": {"family": FONT, "size": 18, "color": "#1A1A1A"}, "paper_bgcolor": "#FFFFFF",
              "plot_bgcolor": "#FFFFFF", "showlegend": False, "bargap": 0.25, "xaxis": xaxis or {},
              "yaxis": yaxis or {}}
    return go.Figure({"data": [trace], "layout": layout})


def funnel(labels: list[str], counts: list[int], height: int = 380) -> go.Figure:
    return _figure({"type": "funnel", "y": labels, "x": counts, "textinfo": "value+percent initial",
                    "textfont": {"size": 20}, "marker": {"color": list(GREEN_SHADES[: len(labels)])},
                    "connector": {"fillcolor": "#E8F1E1"}, "hoverinfo": "skip"},
                   height, yaxis={"tickfont": {"size": 18}, "automargin": True})


def bars(labels: list[str], counts: list[int], height: int = 320, highlight_zero: bool = True) -> go.Figure:
    """Horizontal bars, largest on top; zero bars stay listed (an unused login method is information too)."""
    colours = [GREY if highlight_zero and n == 0 else GREEN for n in counts]
    return _figure({"type": "bar", "x": counts, "y": labels, "orientation": "h", "marker": {"color": colours},
                    "text": counts, "textposition": "outside", "textfont": {"size": 18}, "cliponaxis": False,
                    "hoverinfo": "skip"},
                   height, xaxis={"visible": False, "range": [0, max(counts + [1]) * 1.18]},
                   yaxis={"autorange": "reversed", "tickfont": {"size": 17}, "automargin": True})


def columns(labels: list[str], counts: list[int], height: int = 300) -> go.Figure:
    return _figure({"type": "bar", "x": labels, "y": counts, "marker": {"color": GREEN}, "text": counts,
                    "textposition": "outside", "textfont": {"size": 16}, "cliponaxis": False, "hoverinfo": "skip"},
                   height, xaxis={"tickfont": {"size": 15}, "type": "category"},
                   yaxis={"visible": False, "range": [0, max(counts + [1]) * 1.25]})
