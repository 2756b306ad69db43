"""Every comparison chart: a figure with a title, Denmark's and Germany's traces and a source caption; its CSV rows
come with their sources; all chart text comes from the catalog in the chosen language; the map stays offline."""
import json

import plotly.graph_objects as go
import pytest

from ui.compare import charts
from simulators.core import i18n
from ui.compare.chart_style import caption_of
from ui.compare.charts_eu import geojson
from simulators.compare.indicators import load

DATA = load()
# chart function, data function, extra argument
CHARTS = {
    "desi_over_time": (charts.desi_over_time, charts.desi_over_time_data, {}),
    "desi_public_services": (charts.desi_over_time, charts.desi_over_time_data, {"dimension": "public_services"}),
    "desi_ranks": (charts.desi_ranks, charts.desi_ranks_data, {}),
    "eu_map": (charts.eu_map, charts.eu_map_data, {}),
    "ranking_bar": (charts.ranking_bar, charts.ranking_data, {}),
    "egov_benchmark": (charts.egov_benchmark_dimensions, charts.egov_benchmark_data, {}),
    "egdi": (charts.egdi_over_time, charts.egdi_data, {}),
    "egdi_rank": (charts.egdi_over_time, charts.egdi_data, {"component": "egdi_rank_world"}),
    "egov_use": (charts.egov_use_over_time, charts.egov_use_data, {}),
    "german_eid": (charts.german_eid_over_time, charts.german_eid_data, {}),
    "ozg": (charts.ozg_progress, charts.ozg_data, {}),
}
GERMANY_ONLY = {"ozg"}  # the Online Access Act has no Danish counterpart


def countries(fig: go.Figure) -> set[str]:
    return {(t.meta or {}).get("country") for t in fig.data if isinstance(t.meta, dict)}


@pytest.mark.parametrize("name", CHARTS)
def test_chart_has_title_countries_and_source_caption(name):
    make, rows, extra = CHARTS[name]
    fig = make(DATA, "en", **extra)
    assert isinstance(fig, go.Figure) and fig.layout.title.text
    assert "DE" in countries(fig)
    assert name in GERMANY_ONLY or "DK" in countries(fig)
    frame = rows(DATA, "en", **extra)
    caption = caption_of(fig)
    assert caption.startswith("Source: ")
    assert frame.source_short.iloc[0] in caption  # the caption names the plotted data's source
    assert not frame.empty and frame.source.str.len().gt(0).all() and frame.source_url.str.startswith("http").all()


@pytest.mark.parametrize("name", [n for n in CHARTS if n not in GERMANY_ONLY])
def test_denmark_and_germany_traces_carry_their_own_values(name):
    make, rows, extra = CHARTS[name]
    fig = make(DATA, "en", **extra)
    frame = rows(DATA, "en", **extra)
    for country in ("DK", "DE"):
        plotted = [t for t in fig.data if (t.meta or {}).get("country") == country]
        values = {round(float(v), 4) for t in plotted for v in (t.z if t.type == "choroplethmap" else
                  (t.x if getattr(t, "orientation", None) == "h" else t.y)) if v is not None}
        expected = {round(float(v), 4) for v in frame[frame.country == country].value}
        assert values and values <= expected, (country, values, expected)


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_chart_texts_are_translated(lang):
    fig = charts.desi_over_time(DATA, lang)
    assert fig.layout.title.text.startswith("DESI: " + i18n.translate(lang, "compare.desi.dim.overall"))
    assert fig.layout.xaxis.title.text == i18n.translate(lang, "compare.axis.desi_edition")
    assert caption_of(fig).startswith(i18n.translate(lang, "compare.chart.source_prefix", sources="").strip())
    names = {t.name for t in fig.data}
    assert i18n.translate(lang, "compare.country.eu27") in names
    assert {"de": "Dänemark", "en": "Denmark", "da": "Danmark"}[lang] in names


def test_desi_chart_says_which_series_it_uses():
    fig = charts.desi_over_time(DATA, "en")
    assert "back-calculated" in fig.layout.title.subtitle.text.replace("<br>", " ")
    ranks = charts.desi_ranks_data(DATA, "en")
    assert {"desi_overall_rank_eu27", "desi_overall_rank_as_published"} == set(ranks.indicator)


def test_map_is_offline_choroplethmap_with_the_shipped_shapes():
    fig = charts.eu_map(DATA, "en")
    assert fig.layout.map.style == "white-bg"
    assert all(t.type == "choroplethmap" for t in fig.data)
    shapes = geojson()
    ids = {f["id"] for f in shapes["features"]}
    members = set(charts.eu_map_data(DATA, "en").country) - {"EU27"}
    assert len(members) == 27 and members <= ids
    text = json.dumps(fig.to_plotly_json(), default=str)
    assert "http://" not in text.replace("http://www.w3.org", "") and "mapbox://" not in text


@pytest.mark.parametrize("key", charts.MAP_INDICATORS)
def test_every_map_indicator_covers_all_members_and_has_a_source(key):
    frame = charts.eu_map_data(DATA, "en", key)
    assert set(frame.country) >= {"DK", "DE"} and len(frame[frame.country != "EU27"]) == 27
    assert frame.source.str.len().gt(0).all()


def test_ranking_highlights_denmark_and_germany_in_their_colours():
    fig = charts.ranking_bar(DATA, "en")
    colours = {t.meta["country"]: t.marker.color for t in fig.data}
    assert colours["DK"] != colours["DE"] != colours["other"]
    assert list(charts.ranking_data(DATA, "en").value) == sorted(charts.ranking_data(DATA, "en").value)


def test_eurostat_break_in_series_is_not_joined():
    fig = charts.egov_use_over_time(DATA, "en")
    denmark = next(t for t in fig.data if t.meta["country"] == "DK")
    xs = list(denmark.x)
    assert 2022.0 in xs and denmark.y[xs.index(2022.0)] is None and fig.data[0].connectgaps is False


def test_csv_rows_keep_source_and_note():
    from ui.compare.chart_style import csv_frame

    out = csv_frame(charts.desi_over_time_data(DATA, "en"))
    assert {"country", "year", "value", "unit", "source", "source_url", "note"} <= set(out.columns)
    assert out.note.str.contains("back-calculated").any()
