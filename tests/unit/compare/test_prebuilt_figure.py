"""A prebuilt figure draws exactly what its figure draws, without a deep copy per run (ui/compare/prebuilt_figure.py)."""
from __future__ import annotations

import plotly.io as pio
import plotly.tools

from ui.compare import charts
from simulators.compare.indicators import load
from ui.compare.prebuilt_figure import prebuilt


def _streamlit_spec(figure) -> str:
    """What st.plotly_chart sends to the browser (streamlit/elements/plotly_chart.py)."""
    return pio.to_json(plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True), validate=False)


def test_the_browser_gets_the_same_json():
    data = load()
    for figure in (charts.eu_map(data, "de", key=next(iter(charts.MAP_INDICATORS))),
                   charts.desi_over_time(data, "en", dimension="overall")):
        assert _streamlit_spec(prebuilt(figure)) == _streamlit_spec(figure)


def test_to_dict_is_made_once_and_prebuilt_is_idempotent():
    figure = prebuilt(charts.desi_ranks(load(), "da"))
    assert figure.to_dict() is figure.to_dict()
    assert prebuilt(figure) is figure
    assert all("uid" not in trace for trace in figure.to_dict()["data"])
