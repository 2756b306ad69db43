"""A plotly figure that is built once and drawn many times.

``st.plotly_chart`` turns a figure into JSON on every run, and plotly's ``to_dict()`` deep-copies the whole
figure first (for the EU map that copies its shapes): most of a chart page's rerun. A figure from a
``st.cache_resource`` function never changes, so it can hand out one dict it made when it was cached.
"""
from __future__ import annotations

import plotly.graph_objects as go


class PrebuiltFigure(go.Figure):
    """A figure whose ``to_dict()`` is computed once. Treat it as read-only: it is shared by every session."""

    def __init__(self, figure: go.Figure):
        super().__init__(figure)
        self._prebuilt_dict = figure.to_dict()
        for trace in self._prebuilt_dict.get("data", []):
            trace.pop("uid", None)  # what plotly.io.to_json strips every time; done once here

    def to_dict(self) -> dict:
        return self._prebuilt_dict


def prebuilt(figure: go.Figure) -> PrebuiltFigure:
    return figure if isinstance(figure, PrebuiltFigure) else PrebuiltFigure(figure)
