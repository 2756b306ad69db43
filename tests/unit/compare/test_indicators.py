"""The indicator loader rejects unsourced or malformed rows, and every figure the comparison page shows traces to
a source row of data/indicators."""
import csv

import pytest

from simulators.compare import indicators
from simulators.compare.headlines import headline_cards
from simulators.compare.indicators import DATA_DIR, load, load_from, parse_period, period_label

SOURCES = [{"source_id": "S1", "short": "Test source", "title": "A test source", "url": "https://example.org/"}]
NOTES = [{"note_id": "N1", "note": "a quoted sentence"}]


def row(**changes):
    base = {"indicator": "desi_overall_score", "country": "DK", "year": "2022", "value": "69.3",
            "unit": "score 0-100", "source_id": "S1", "note_id": "N1"}
    return base | changes


def test_a_good_row_loads_with_its_source():
    data = load_from([row()], SOURCES, NOTES)
    value = data.value("desi_overall_score", "DK", "2022")
    assert value.value == 69.3 and value.source.title == "A test source" and value.note == "a quoted sentence"


@pytest.mark.parametrize("source_id", ["", "   "])
def test_a_row_without_source_is_rejected_naming_the_row(source_id):
    rows = [row(), row(country="DE", source_id=source_id)]
    with pytest.raises(ValueError, match=r"row 3 .*'DE'.*no source"):
        load_from(rows, SOURCES, NOTES)


def test_a_row_with_an_unknown_source_id_is_rejected():
    with pytest.raises(ValueError, match="unknown source id 'S9'"):
        load_from([row(source_id="S9")], SOURCES, NOTES)


@pytest.mark.parametrize("country", ["EL", "XX", "dk", "DEU", "EU", ""])
def test_a_row_with_an_unknown_country_is_rejected(country):
    with pytest.raises(ValueError, match="unknown country code"):
        load_from([row(country=country)], SOURCES, NOTES)


@pytest.mark.parametrize("country", ["GR", "DK", "DE", "EU27", "EU28", "EU27PLUS", "EUROPE"])
def test_iso_codes_and_the_aggregates_are_accepted(country):
    assert load_from([row(country=country)], SOURCES, NOTES).value("desi_overall_score", country)


@pytest.mark.parametrize("changes, message", [
    ({"year": "22"}, "not YYYY"), ({"year": "2023-13"}, "row 2"), ({"year": "1850"}, "implausible year"),
    ({"value": "n/a"}, "not a number"), ({"value": "nan"}, "not finite"), ({"unit": ""}, "no unit"),
    ({"unit": "% of individuals", "value": "104"}, "outside 0-100"),
    ({"unit": "rank among EU27", "value": "2.5"}, "positive whole number"),
    ({"indicator": "DESI score"}, "bad indicator name"), ({"note_id": "N7"}, "unknown note id"),
])
def test_malformed_rows_are_rejected(changes, message):
    with pytest.raises(ValueError, match=message):
        load_from([row(**changes)], SOURCES, NOTES)


def test_the_shipped_data_loads_and_every_row_has_a_known_source():
    data = load()
    assert len(data.frame) > 3000
    assert set(data.frame.source_id) <= set(data.sources)
    assert set(data.frame.country) <= indicators.ISO_ALPHA2 | set(indicators.AGGREGATES)


def test_the_shipped_files_have_no_duplicate_values():
    with (DATA_DIR / "values.csv").open(encoding="utf-8") as handle:
        keys = [(r["indicator"], r["country"], r["year"]) for r in csv.DictReader(handle)]
    assert len(keys) == len(set(keys))


def test_both_desi_series_exist_back_calculated_and_as_published():
    data = load()
    assert data.value("desi_overall_rank_eu27", "DE", "2021").value == 12
    assert data.value("desi_overall_rank_as_published", "DE", "2021").value == 11
    assert "back-calculated" in data.value("desi_overall_score", "DE", "2019").note


def _trace(data, figure):
    """The data row behind a card figure: same indicator, country and period, same value, same source."""
    v = figure.value
    rows = data.frame[(data.frame.indicator == v.indicator) & (data.frame.country == v.country)
                      & (data.frame.year == v.year)]
    assert len(rows) == 1, (v.indicator, v.country, v.year)
    assert rows.iloc[0].value == v.value and rows.iloc[0].source_id == v.source.source_id
    return rows.iloc[0]


def test_every_headline_figure_traces_to_a_source_row():
    data = load()
    cards = headline_cards(data)
    assert [c.key for c in cards] == ["desi", "egovbench", "egdi", "egov_use", "eid", "mailbox"]
    for card in cards:
        assert {"DK", "DE"} <= set(card.figures), card.key
        for figure in card.all_figures():
            _trace(data, figure)
            assert figure.value.source.source_id in data.sources
            assert figure.value.source.title and figure.value.source.url.startswith("http")


def test_headline_values_are_the_sourced_ones():
    cards = {c.key: c for c in headline_cards(load())}
    first = {key: {country: lines[0].value for country, lines in card.figures.items()} for key, card in cards.items()}
    assert (first["desi"]["DK"].value, first["desi"]["DE"].value) == (2, 13)
    assert (first["egdi"]["DK"].value, first["egdi"]["DE"].value, first["egdi"]["DK"].year) == (1, 12, "2024")
    assert first["egovbench"]["DK"].year == "2024" and first["egovbench"]["EU27"].value == 76
    assert (first["egov_use"]["DK"].value, first["egov_use"]["DE"].value, first["egov_use"]["EU27"].value) == \
        (98.5, 60, 70.0)
    assert (first["eid"]["DK"].value, first["eid"]["DK"].year, first["eid"]["DE"].value) == (98, "2023-10", 22)
    assert first["mailbox"]["DE"].value == 4_860_000 and first["mailbox"]["DK"].year == "2025-04"
    assert "EU27" not in cards["egdi"].figures  # the UN survey has no EU average


def test_periods_parse_and_read_in_each_language():
    assert parse_period("2023-10").month == 10
    assert period_label("2024", "de") == "2024"
    assert period_label("2023-10", "de").startswith("Okt")
    assert period_label("2023-10", "en").startswith("Oct")
    assert "2025" in period_label("2025-08-11", "da")
