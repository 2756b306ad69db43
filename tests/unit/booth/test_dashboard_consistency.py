"""The dashboard's figures add up: a known set of events (stages out of order, duplicates from one visit, an orphan
event) gives the hand-computed counts, the tiles' and the funnel's counts are the same, and both CSV formats read
back to the same numbers."""
import io

import pandas as pd
import pytest

from simulators.booth import stats as booth_stats
from tests.helpers import booth_events as known


@pytest.fixture(scope="module")
def summary():
    return booth_stats.summarise(known.EVENTS)


def test_every_figure_matches_the_hand_count(summary):
    assert summary.visits == known.VISITS
    assert summary.reached == known.REACHED
    assert summary.logins_by_method == known.LOGINS_BY_METHOD
    assert summary.logins == known.LOGIN_EVENTS == sum(summary.logins_by_method.values())
    assert summary.flows_completed == known.FLOWS_COMPLETED
    assert (summary.letters_opened, summary.visits_with_letter_opened) == (known.LETTERS_OPENED,
                                                                           known.REACHED["letter_opened"])
    assert summary.languages == known.LANGUAGES
    assert summary.modes == known.MODES
    assert (summary.median_visit_seconds, summary.timed_visits) == (known.MEDIAN_SECONDS, known.TIMED_VISITS)
    assert summary.end_reasons == known.END_REASONS


def test_the_funnel_counts_what_the_tiles_count_in_any_order(summary):
    """Before the fix (this module does not even collect on HEAD: no CSV_FORMATS; HEAD's summarise run by hand on
    these events): the funnel demanded strict order and gave 6, 4, 3, 2, 2 (only A and C reached the letter and the
    comparison "in order"), while the tiles summed events (5 logins, 4 flows, 4 letters)."""
    assert summary.funnel == list(known.REACHED.items())
    assert dict(summary.funnel) == summary.reached
    assert summary.funnel[0] == ("visit_start", summary.visits)
    assert summary.funnel[-1][1] > 0  # the last stage fills: B and E saw the comparison before (or without) a letter
    assert summary.reached["letter_opened"] == summary.visits_with_letter_opened


def test_a_visit_counts_once_per_stage_however_often_it_repeats_it():
    from tests.helpers.booth_events import A, DAY, ev

    once = booth_stats.summarise([ev(DAY, A, "visit_start"), ev(DAY + 1, A, "compare_viewed")])
    many = booth_stats.summarise([ev(DAY, A, "visit_start"), ev(DAY + 1, A, "visit_start")]
                                 + [ev(DAY + 2 + i, A, "compare_viewed") for i in range(5)])
    assert once.reached == many.reached == {"visit_start": 1, "login": 0, "flow_completed": 0, "letter_opened": 0,
                                            "compare_viewed": 1}


def _read(text: str, fmt: str) -> dict[tuple[str, str], float]:
    options = booth_stats.CSV_FORMATS[fmt]
    frame = pd.read_csv(io.StringIO(text), sep=options["sep"], decimal=options["decimal"], dtype={"code": str})
    assert list(frame.columns) == ["section", "code", "value"]
    return {(row.section, row.code): row.value for row in frame.itertuples()}


@pytest.mark.parametrize("fmt", list(booth_stats.CSV_FORMATS))
def test_the_summary_csv_holds_the_hand_counted_figures(summary, fmt):
    """Fails on HEAD (collection error: no CSV_FORMATS); there was one CSV format only and no visits-reached rows."""
    rows = _read(booth_stats.summary_csv(summary, fmt), fmt)
    assert rows[("visits", "total")] == known.VISITS
    for stage, count in known.REACHED.items():
        assert rows[("visits_reached", stage)] == count == summary.reached[stage]
        assert rows[("visits_reached_percent", stage)] == known.REACHED_PERCENT[stage]
    for method, count in known.LOGINS_BY_METHOD.items():
        assert rows[("logins", method)] == count
    assert rows[("logins", "total")] == known.LOGIN_EVENTS
    for flow, count in known.FLOWS_COMPLETED.items():
        assert rows[("flows_completed", flow)] == count
    assert rows[("letters_opened", "total")] == known.LETTERS_OPENED
    for code, count in known.LANGUAGES.items():
        assert rows[("language", code)] == count
    assert rows[("median_visit_seconds", "all")] == known.MEDIAN_SECONDS
    assert rows[("timed_visits", "all")] == known.TIMED_VISITS


def test_german_excel_format_has_semicolons_and_decimal_commas(summary):
    """Fails on HEAD (collection error: no CSV_FORMATS; summary_csv took no format)."""
    text = booth_stats.summary_csv(summary, "excel_de")
    assert text.splitlines()[0] == "section;code;value"
    assert "visits_reached_percent;login;66,7" in text.splitlines()
    assert "median_visit_seconds;all;143,0" in text.splitlines()
    assert "66.7" not in text and all(line.count(";") == 2 for line in text.splitlines())
    standard = booth_stats.summary_csv(summary, "standard")
    assert "visits_reached_percent,login,66.7" in standard.splitlines()
    assert _read(text, "excel_de") == _read(standard, "standard")


@pytest.mark.parametrize("fmt", list(booth_stats.CSV_FORMATS))
def test_the_events_csv_reads_back_to_the_same_events(fmt):
    options = booth_stats.CSV_FORMATS[fmt]
    raw = pd.read_csv(io.StringIO(booth_stats.events_csv(known.EVENTS, fmt)), sep=options["sep"],
                      decimal=options["decimal"], keep_default_na=False)
    assert len(raw) == len(known.EVENTS)
    assert list(raw.ts) == [row["ts"] for row in known.EVENTS]
    assert list(raw.event) == [row["event"] for row in known.EVENTS]
    assert raw.time_utc.iloc[0] == "2025-09-30T09:00:00Z"
    assert booth_stats.summarise(raw.drop(columns="time_utc")).reached == known.REACHED


def test_an_unknown_csv_format_is_refused(summary):
    with pytest.raises(ValueError, match="csv format"):
        booth_stats.summary_csv(summary, "excel_fr")
