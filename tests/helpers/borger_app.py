"""AppTest helpers for the borger.dk pages: a logged-in visit with a chosen persona, and driving the generic
flow runner (pages/selfservice.py) whose widget keys carry a per-step nonce."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from simulators.core import visits
from simulators.borger import FLOWS
from simulators.borger.suggest import suggest_persona
from simulators.core import clock
from simulators.population.persona import persona_record, pick_persona
from simulators.core.store import Store
from tests.helpers.visits import log_visit_in
from ui.shell.resources import population

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TODAY = clock.today()  # the app's day: tests/conftest.py fixes it with DDS_TODAY


def persona_for(flow_id: str, seed: int = 3) -> int:
    """A persona that can use the flow (for moving/passport/tax: an adult of working age with a household)."""
    if flow_id == "pension":
        found = suggest_persona(population(), FLOWS["pension"], TODAY, seed)
        assert found, "no pension-age persona in the test population"
        return found
    for attempt in range(50):
        person_id = pick_persona(population(), seed + attempt, min_age=30, max_age=55)
        record = persona_record(population(), person_id)
        if FLOWS[flow_id].eligible(record, TODAY)[0] and record["income"] > 0:
            return person_id
    raise AssertionError("no persona found")


def logged_in_app(lang: str, person_id: int, mode: str = "explore", **params) -> tuple[AppTest, str]:
    store = Store()
    visit = visits.create(store, lang, mode, persona_id=person_id)
    log_visit_in(store, visit.visit_id, "TEST")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": lang, "mode": mode, "v": visit.visit_id, **params})
    at.run()
    return at, visit.visit_id


def open_flow(at: AppTest, flow_id: str) -> AppTest:
    at.query_params["flow"] = flow_id
    at.query_params.pop("receipt", None)
    return at.switch_page("pages/selfservice.py").run()


def find(at: AppTest, kind: str, prefix: str):
    found = [w for w in at.get(kind) if getattr(w, "key", None) and str(w.key).startswith(prefix)]
    assert found, f"no {kind} with key {prefix}… (page: {[t.value for t in at.title]})"
    return found[0]


def field(at: AppTest, flow_id: str, field_id: str, kind: str):
    return find(at, kind, f"ss_{flow_id}_{field_id}_")


def next_step(at: AppTest) -> AppTest:
    find(at, "button", "ss_next_").click()
    return at.run()


def send(at: AppTest) -> AppTest:
    at.button(key="ss_send").click()
    return at.run()


def errors_shown(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def set_draft(at: AppTest, visit_id: str, flow_id: str, answers: dict, step: int) -> AppTest:
    """Jump to a step with given answers (as a reload would find them) and re-create the widgets."""
    visits.save_draft(Store(), visit_id, flow_id, answers, step)
    at.session_state["ss_nonce"] = at.session_state["ss_nonce"] + 1 if "ss_nonce" in at.session_state else 1
    return at.run()
