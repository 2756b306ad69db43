"""The visit is read from the store once per script run (ui/shell/session.py), yet never stale: a change made in this
process is seen in the same run, a change made elsewhere (another replica) on the next run.

Seen failing: the read count against the code before the cache (4 reads a run); the same-run test with the
change-number check removed; the next-run test with the cache kept across runs (run marker ignored)."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from simulators.core import i18n
from simulators.core import visits
from simulators.core.store import Store
from tests.helpers.apptest import log_in, make_app, no_exception, start_visit


def _count_reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    original = visits.get

    def counting_get(store, visit_id):
        reads.append(visit_id)
        return original(store, visit_id)

    monkeypatch.setattr(visits, "get", counting_get)
    return reads


def test_one_store_read_per_run_on_a_logged_in_page(monkeypatch):
    at = log_in(start_visit(make_app("en")))
    at.switch_page("pages/overblik.py").run()
    no_exception(at)
    reads = _count_reads(monkeypatch)
    at.run()
    no_exception(at)
    # Navigation, the guard, the persona and the page each ask for the visit; before the cache: 4+ reads.
    assert reads == [at.session_state["visit_id"]]


def test_a_change_made_elsewhere_shows_on_the_next_run():
    at = start_visit(make_app("en"))
    visit_id = at.session_state["visit_id"]
    at.switch_page("pages/overblik.py").run()
    login_first = i18n.translate("en", "guard.login_first")
    assert login_first in [i.value for i in at.info]
    # Another replica logs the visit in: it writes the row itself (no visits.record_login in this process).
    store = Store()
    data = store.get(visits.KIND, visit_id).data
    store.put(visits.KIND, visit_id, {**data, "login": visits.Login("x", "onscreen_phone", 1.0).to_dict()})
    at.run()
    no_exception(at)
    assert login_first not in [i.value for i in at.info]


def _same_run_script():
    import streamlit as st

    from simulators.core import visits as visit_store
    from ui.shell import session
    from ui.shell.resources import store

    session.init()
    if not session.visit():
        session.begin_visit(None, "new_persona")
    before = session.visit().lang
    visit_store.set_language(store(), session.visit().visit_id, "da")  # as a simulator writes it
    st.write(f"{before}->{session.visit().lang}")


def test_a_change_made_in_this_process_is_seen_in_the_same_run():
    at = AppTest.from_function(_same_run_script, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    no_exception(at)
    assert at.markdown[0].value == "en->da"


def test_last_change_moves_on_update_and_end():
    store = Store()
    visit_id = visits.create(store, "en", "explore").visit_id
    first = visits.last_change(visit_id)
    visits.set_language(store, visit_id, "de")
    second = visits.last_change(visit_id)
    visits.end(store, visit_id)
    assert first < second < visits.last_change(visit_id)
    assert visits.last_change(None) == 0
