"""The comparison and life-event pages render in de, en and da with every chart, source and CSV download, and the
journey picker follows ``?event=``."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from simulators.core import i18n
from simulators.compare import journeys
from simulators.compare.headlines import headline_cards
from simulators.compare.indicators import load

APP = str(Path(__file__).resolve().parents[2] / "app.py")  # from_file resolves relative paths against the caller
LANGS = ("de", "en", "da")
CHARTS_ON_COMPARE = 9  # DESI, DESI ranks, map, ranking, eGov Benchmark, EGDI, Eurostat use, German eID, OZG


def app(lang: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [i.value for i in at.info]
    parts += [str(h.proto.body) for h in at.get("html")]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", LANGS)
def test_compare_page_renders_cards_charts_and_downloads(lang):
    at = app(lang)
    at.switch_page("pages/compare.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == i18n.translate(lang, "compare.page.title")
    assert len(at.get("plotly_chart")) == CHARTS_ON_COMPARE
    assert len(at.get("download_button")) == CHARTS_ON_COMPARE
    shown = texts(at)
    for card in headline_cards(load()):
        assert i18n.translate(lang, card.title_key) in shown
        for figure in card.all_figures():  # each figure's source is on screen next to it
            assert figure.value.source.short in shown
    assert i18n.translate(lang, "compare.page.desi_method") in shown  # which DESI series is used


def test_compare_widgets_switch_chart_inputs():
    at = app("en")
    at.switch_page("pages/compare.py").run()
    at.selectbox(key="compare_map_indicator").set_value("egdi_2024").run()
    at.segmented_control(key="compare_egdi_component").set_value("egdi_rank_world").run()
    at.segmented_control(key="compare_desi_dimension").set_value("public_services").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert "UN DESA, E-Government Survey 2024" in shown


@pytest.mark.parametrize("lang", LANGS)
def test_journeys_page_renders_both_countries_race_and_learn_panel(lang):
    at = app(lang)
    at.switch_page("pages/journeys.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == i18n.translate(lang, "compare.journeys.title")
    shown = texts(at)
    moving = journeys.load()[("moving", "DK")]
    assert moving.steps[0].text(lang) in shown and journeys.load()[("moving", "DE")].steps[0].text(lang) in shown
    assert len(at.get("plotly_chart")) == 1  # the race
    for fact in journeys.learn_facts():
        assert fact.body.text(lang) in shown


def test_every_event_can_be_picked_and_shows_all_steps_with_sources():
    at = app("de")
    at.switch_page("pages/journeys.py").run()
    for event in journeys.EVENTS:
        at.segmented_control(key="journeys_event").set_value(event).run()
        assert not at.exception, (event, [e.value for e in at.exception])
        heading = i18n.translate("de", "compare.journeys.heading", event=i18n.translate("de", journeys.EVENT_KEYS[event]))
        assert at.header[0].value == heading
        shown = texts(at)
        for country in ("DK", "DE"):
            journey = journeys.load()[(event, country)]
            assert all(step.text("de") in shown for step in journey.steps), (event, country)
            assert all(source.title in shown for step in journey.steps for source in step.sources), (event, country)


def test_event_query_parameter_opens_that_event():
    at = app("en")
    at.query_params["event"] = "divorce"
    at.switch_page("pages/journeys.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.header[0].value == i18n.translate("en", "compare.journeys.heading", event="Divorce")


def test_assumptions_are_labelled_on_screen():
    at = app("en")
    at.switch_page("pages/journeys.py").run()
    at.segmented_control(key="journeys_event").set_value("passport").run()
    shown = texts(at)
    assert i18n.translate("en", "compare.journeys.assumption.step") in shown  # German appointment booking
    assert "Assumption:" in shown
