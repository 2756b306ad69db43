"""AppTest helpers: an app in a given language and mode, a started visit, a logged-in visit."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from simulators import visits
from simulators.store import Store

APP = str(Path(__file__).resolve().parents[2] / "app.py")  # AppTest resolves relative paths from the caller
LANGS = ("de", "en", "da")
MODES = ("explore", "kiosk", "presenter")


def make_app(lang: str = "en", mode: str = "explore", **params) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params["mode"] = mode
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def start_visit(at: AppTest) -> AppTest:
    """Press Start on the welcome page: the app creates a visit with a persona."""
    at.button(key="welcome_start").click().run()
    assert at.session_state["visit_id"], "Start did not create a visit"
    return at


def visit_of(at: AppTest) -> dict:
    return visits.get(Store(), at.session_state["visit_id"])


def log_in(at: AppTest, method: str = "onscreen_phone") -> AppTest:
    """Mark the visit as logged in, as an approved MitID login does, and rerun."""
    visit = visit_of(at)
    persona_user = None
    from simulators.persona import persona_record
    from ui.resources import population

    persona_user = persona_record(population(), int(visit["persona_id"])).get("mitid_user_id")
    visits.update(Store(), visit["visit_id"], login={"user_id": persona_user, "method": method, "at": time.time()})
    return at.run()


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


@pytest.fixture(autouse=True)
def _router_on_every_run(monkeypatch):
    """AppTest resets Streamlit's old pages-folder mode before every run (see ui/boot.py); a served app leaves
    it after its first run. Make every AppTest run behave like the served app: app.py runs, then the page."""
    from streamlit.runtime import pages_manager

    original = pages_manager.PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        pages_manager.PagesManager.uses_pages_directory = False

    monkeypatch.setattr(pages_manager.PagesManager, "__init__", init)


@pytest.fixture
def app_en():
    return make_app("en")
