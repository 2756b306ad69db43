"""The server counts each full run's script CPU by the page it ended on, and the load benchmark reads a window of
them (issue #18: <= 10 ms a rerun on the journey pages, measured in the served app)."""
from types import SimpleNamespace

from bench.bench_load import page_cpu_window
from ui.shell import runtime_tuning


def test_the_window_holds_only_the_runs_after_it_started():
    before = {"welcome": [3.0, 4.0], "borger": [9.0]}
    after = {"welcome": [3.0, 4.0, 5.0, 7.0, 6.0], "borger": [9.0], "mitid_login": [8.0, 12.0]}
    window = page_cpu_window(before, after)
    assert set(window) == {"welcome", "mitid_login"}  # borger ran before the window only
    assert window["welcome"]["runs"] == 3 and window["welcome"]["median"] == 6.0
    assert window["mitid_login"]["runs"] == 2 and window["mitid_login"]["p95"] >= 8.0


def test_a_run_is_named_by_the_page_it_ended_on():
    pages = {"h1": {"url_pathname": "welcome"}, "h2": {"url_pathname": "borger"}}
    manager = SimpleNamespace(get_pages=lambda: pages, current_page_script_hash="h2")
    assert runtime_tuning._page_name(SimpleNamespace(pages_manager=manager)) == "borger"
    assert runtime_tuning._page_name(None) is None
    manager.current_page_script_hash = "gone"
    assert runtime_tuning._page_name(SimpleNamespace(pages_manager=manager)) is None
