"""The exhibitor's dashboard on a known set of events (tests/helpers/booth_events.py): every tile and every funnel
stage shows the hand-computed count, tiles and funnel agree, methods and languages are translated, the time per
visit reads "2 Min. 23 Sek.", and the CSV format follows the interface's language."""
import json

import pytest

from simulators.booth import stats as booth_stats
from simulators.core import i18n
from tests.helpers import booth_events as known
from tests.helpers.apptest import LANGS, make_app, no_exception

STAGES = booth_stats.FUNNEL[1:]


@pytest.fixture
def known_store(tmp_path, monkeypatch):
    """The dashboard reads exactly the known events (a store of its own; the app's other pages keep theirs)."""
    from ui.shell import resources

    store = known.store_with_events(f"sqlite:///{tmp_path}/booth.db")
    monkeypatch.setattr(resources, "store", lambda: store)
    return store


def dashboard(lang: str):
    at = make_app(lang, "explore")
    at.switch_page("pages/dashboard.py").run()
    no_exception(at)
    at.segmented_control(key="dash_period").set_value("all").run()  # the known events are from 2025
    no_exception(at)
    return at


def charts(at) -> dict[str, dict]:
    """The dashboard's plotly figures by their first trace's type and labels."""
    found = {}
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        trace = spec["data"][0]
        found[trace["type"] if trace["type"] == "funnel" else ",".join(map(str, trace["y"]))] = trace
    return found


def tr(lang: str, key: str) -> str:
    return i18n.translate(lang, key)


@pytest.mark.parametrize("lang", LANGS)
def test_tiles_and_funnel_show_the_same_hand_counted_visits(lang, known_store):
    """Seen failing before the fix (run on HEAD): the funnel showed 6, 4, 3, 2, 2 instead of 6, 4, 3, 3, 4 — it
    demanded the stages in order, so the last stage stayed nearly empty — while the tiles counted events (5 logins,
    4 applications, 4 letters for these visits)."""
    at = dashboard(lang)
    metrics = {m.label: m.value for m in at.metric}
    funnel = charts(at)["funnel"]
    assert funnel["y"] == [tr(lang, f"booth.funnel.{stage}") for stage in booth_stats.FUNNEL]
    assert funnel["x"] == list(known.REACHED.values())
    assert metrics[tr(lang, "booth.dash.visits_all")] == i18n.fmt_number(known.VISITS, lang) == str(funnel["x"][0])
    for index, stage in enumerate(STAGES, start=1):
        tile = metrics[tr(lang, f"booth.funnel.{stage}")]
        assert tile == i18n.fmt_number(known.REACHED[stage], lang) == str(funnel["x"][index]), stage
    assert funnel["x"][-1] > 0
    assert i18n.translate(lang, "booth.dash.counting") in [c.value for c in at.caption]
    assert len(known_store.events()) == len(known.EVENTS)  # the dashboard itself counted nothing


@pytest.mark.parametrize("lang", LANGS)
def test_methods_languages_and_duration_are_in_the_visitors_language(lang, known_store):
    """Seen failing before the fix (run on HEAD: no booth.lang.* keys). Languages were shown by their own names
    ("Dansk" on a German screen), the German methods were the Danish product names alone ("Kodeviser", "Chip"),
    and the median read "2:23 min"."""
    at = dashboard(lang)
    found = charts(at)
    methods = [tr(lang, f"booth.method.{m}") for m in known.LOGINS_BY_METHOD]
    assert found[",".join(methods)]["x"] == list(known.LOGINS_BY_METHOD.values())
    languages = [tr(lang, f"booth.lang.{code}") for code in known.LANGUAGES]
    assert found[",".join(languages)]["x"] == list(known.LANGUAGES.values())
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[tr(lang, "booth.dash.median")] == {"de": "2 Min. 23 Sek.", "en": "2 min 23 sec",
                                                      "da": "2 min. 23 sek."}[lang]
    if lang == "de":
        assert "Englisch" in languages and "Dänisch" in languages
        assert "MitID-Chip" in methods and not {"Chip", "Kodeviser", "Kodeoplæser"} & set(methods)


@pytest.mark.parametrize("lang,default", [("de", "excel_de"), ("da", "excel_de"), ("en", "standard")])
def test_the_csv_format_follows_the_interface_language(lang, default, known_store):
    """Seen failing before the fix (run on HEAD: there was no CSV format choice)."""
    at = dashboard(lang)
    assert at.segmented_control(key="dash_csv_format").value == default
    assert {b.key for b in at.get("download_button")} == {"dash_csv_summary", "dash_csv_events"}
