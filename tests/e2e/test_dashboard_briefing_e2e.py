"""Issue #16 in Chromium: the German dashboard's CSV button gives a file that pandas reads with ``sep=";"`` and
``decimal=","`` to the figures the tiles show, and the presenter's "Briefing als PDF" button downloads a PDF."""
import io

import pandas as pd
from pypdf import PdfReader

from simulators.booth import stats as booth_stats
from simulators.core import i18n
from simulators.core.store import Store
from tests.helpers import booth_events as known
from tests.helpers.browser import assert_no_exception, open_expander, screenshot, wait_for_app


def open_page(new_page, app_server, path: str, lang: str, width: int = 1920, height: int = 1080):
    page = new_page(width, height, f"/?lang={lang}")  # the app's root first (see test_compare_e2e.open_page)
    page.goto(f"{app_server.url}/{path}")
    wait_for_app(page)
    assert_no_exception(page)
    return page


def test_german_csv_reads_back_with_semicolons_and_decimal_commas(new_page, app_server):
    """Seen failing on the code before the fix (HEAD of issue #16): it stops at the tiles, which had no visits-reached
    count; that dashboard also offered only one CSV, with "," and ".", whatever the interface's language."""
    store = Store(app_server.db_url)
    for row in known.EVENTS:  # the known visits (from 2025), besides whatever other tests left in this store
        store.add_event(row["visit_tag"], row["event"], detail=row["detail"], lang=row["lang"], mode=row["mode"],
                        ts=row["ts"])
    page = open_page(new_page, app_server, "dashboard?lang=de&mode=explore", "de")
    page.locator(".st-key-dash_period").get_by_text(i18n.translate("de", "booth.dash.period.all")).click()
    wait_for_app(page)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length >= 5", timeout=60_000)
    expected = booth_stats.summarise(store.events())
    tiles = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert tiles[:5] == [i18n.fmt_number(n, "de") for n in expected.reached.values()]
    with page.expect_download(timeout=60_000) as download:
        page.locator(".st-key-dash_csv_summary button").click()
    assert download.value.suggested_filename == "booth-summary-excel.csv"
    raw = download.value.path().read_text(encoding="utf-8")
    assert raw.startswith("section;code;value\n")
    rows = pd.read_csv(io.StringIO(raw), sep=";", decimal=",", dtype={"code": str})
    lookup = {(r.section, r.code): r.value for r in rows.itertuples()}
    for stage, count in expected.reached.items():
        assert lookup[("visits_reached", stage)] == count
        assert lookup[("visits_reached_percent", stage)] == booth_stats.reached_percent(expected)[stage]
    assert lookup[("median_visit_seconds", "all")] == round(expected.median_visit_seconds, 1)
    screenshot(page, "dashboard-de-excel-csv")


def test_the_presenter_downloads_the_briefing(new_page, app_server):
    page = open_page(new_page, app_server, "compare?lang=da&mode=presenter", "da")
    title = i18n.translate("da", "booth.briefing.title")
    open_expander(page, title)  # a click during its opening animation can miss the button (CI saw it once)
    with page.expect_download(timeout=120_000) as download:
        page.locator(".st-key-briefing_pdf button").click()
    assert download.value.suggested_filename == "briefing-dk-de-da.pdf"
    reader = PdfReader(download.value.path())
    text = " ".join(p.extract_text() for p in reader.pages)
    assert reader.metadata.title == i18n.translate("da", "compare.briefing.title")
    assert "SIMULATION" in text and i18n.translate("da", "compare.event.moving") in text
    screenshot(page, "briefing-da-presenter")
