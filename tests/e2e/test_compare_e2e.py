"""The comparison pages in Chromium with every request to another host blocked: the EU map is really drawn
(MapLibre canvas of nonzero size, the GeoJSON sources loaded and the country shapes rendered), every chart is
there with its title, and the race has its animation frames — on a desktop and on a phone."""
import pytest

from ui.compare import charts
from simulators.compare.indicators import load
from tests.helpers.browser import assert_no_exception, screenshot, wait_for_app

SIZES = {"desktop": (1920, 1080), "phone": (390, 844)}
MAP_READY = """() => {
  const gd = [...document.querySelectorAll('.js-plotly-plot')].find(g => g._fullLayout && g._fullLayout.map);
  if (!gd || !gd._fullLayout.map._subplot) return null;
  const map = gd._fullLayout.map._subplot.map;
  if (!map || !map.isStyleLoaded()) return null;
  const style = map.getStyle();
  const sources = Object.keys(style.sources);
  const fills = style.layers.map(l => l.id).filter(id => id.endsWith('-fill'));
  const canvas = gd.querySelector('.maplibregl-canvas, .mapboxgl-canvas').getBoundingClientRect();
  return {types: gd._fullData.map(t => t.type), styleName: gd._fullLayout.map.style,
          sourcesLoaded: sources.length > 0 && sources.every(s => map.isSourceLoaded(s)),
          rendered: map.queryRenderedFeatures({layers: fills}).length, width: canvas.width, height: canvas.height};
}"""
# Streamlit's chart theme wraps titles in <b>; compare the text
TITLES = ("() => [...document.querySelectorAll('.js-plotly-plot')]"
          ".map(g => ((g.layout.title || {}).text || '').replace(/<\\/?b>/g, ''))")


def open_page(new_page, app_server, path: str, width: int, height: int, lang: str, query: str = ""):
    # Land on the app's root first: a fresh server's very first session that opens a sub-page directly would run
    # that page file without app.py (Streamlit's pages/ directory fallback before st.navigation is known).
    page = new_page(width, height, f"/?lang={lang}")
    page.goto(f"{app_server.url}/{path}?lang={lang}{query}")
    wait_for_app(page)
    assert_no_exception(page)
    return page


def expected_titles(lang: str) -> list[str]:
    data = load()
    figures = [charts.desi_over_time(data, lang), charts.desi_ranks(data, lang), charts.eu_map(data, lang),
               charts.ranking_bar(data, lang), charts.egov_benchmark_dimensions(data, lang),
               charts.egdi_over_time(data, lang), charts.egov_use_over_time(data, lang),
               charts.german_eid_over_time(data, lang), charts.ozg_progress(data, lang)]
    return [f.layout.title.text for f in figures]


def wait_for_map(page) -> dict:
    page.locator(".maplibregl-canvas, .mapboxgl-canvas").first.scroll_into_view_if_needed()
    page.wait_for_function(f"() => {{ const m = ({MAP_READY})(); return m && m.sourcesLoaded && m.rendered >= 27; }}",
                           timeout=30_000)
    return page.evaluate(MAP_READY)


# every language on a desktop, and a phone (one language is enough for the layout)
@pytest.mark.parametrize("lang, size", [("de", "desktop"), ("en", "desktop"), ("da", "desktop"), ("de", "phone")])
def test_compare_page_draws_the_map_offline_and_every_chart(new_page, app_server, lang, size):
    width, height = SIZES[size]
    page = open_page(new_page, app_server, "compare", width, height, lang)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 9", timeout=30_000)
    assert page.evaluate(TITLES) == expected_titles(lang)  # every chart, in order, in the page's language
    assert page.get_by_test_id("stDownloadButton").count() == 9

    drawn = wait_for_map(page)
    assert drawn["types"] == ["choroplethmap"] * 4 and drawn["styleName"] == "white-bg"
    assert drawn["width"] > 200 and drawn["height"] > 300, drawn
    screenshot(page, f"compare-{lang}-{size}")


def test_the_map_follows_the_indicator_choice_offline(new_page, app_server):
    page = open_page(new_page, app_server, "compare", *SIZES["desktop"], "en")
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 9", timeout=30_000)
    wait_for_map(page)
    page.get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name="UN e-government index (EGDI)").click()
    wait_for_app(page)
    page.wait_for_function(f"() => ({TITLES})().some(t => t.startsWith('UN e-government index (EGDI)'))",
                           timeout=20_000)
    assert wait_for_map(page)["rendered"] >= 27


@pytest.mark.parametrize("size", SIZES)
def test_journeys_page_shows_both_timelines_and_the_race(new_page, app_server, size):
    width, height = SIZES[size]
    page = open_page(new_page, app_server, "journeys", width, height, "en", "&event=divorce")
    assert page.get_by_role("heading", name="Divorce: step by step").is_visible()
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1", timeout=20_000)
    frames = page.evaluate("() => { const g = document.querySelector('.js-plotly-plot');"
                           " return (g._transitionData && g._transitionData._frames || []).length; }")
    assert frames >= 30
    page.locator(".updatemenu-button").first.click()  # ▶ play: runs in the browser, no server round trip
    page.wait_for_timeout(1500)
    assert_no_exception(page)
    screenshot(page, f"journeys-divorce-en-{size}")
