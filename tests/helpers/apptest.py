"""AppTest helpers: an app in a given language and mode, a started visit, a logged-in visit."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from simulators.core import visits
from simulators.core.store import Store
from tests.helpers.visits import log_visit_in

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


def visit_of(at: AppTest) -> visits.Visit | None:
    return visits.get(Store(), at.session_state["visit_id"])


def log_in(at: AppTest, method: str = "onscreen_phone") -> AppTest:
    """Mark the visit as logged in (as its own demo user, see tests/helpers/visits.py), as an approved MitID login
    does, and rerun."""
    visit = visit_of(at)
    persona_user = None
    from simulators.population.persona import persona_record
    from ui.shell.resources import population

    persona_user = persona_record(population(), int(visit.persona_id)).get("mitid_user_id")
    log_visit_in(Store(), visit.visit_id, persona_user, method)
    return at.run()


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def page_texts(at) -> str:
    """Every text element of the page (titles, Markdown, captions, info boxes, HTML blocks) as one string."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info") for e in at.get(kind)]
    parts += [str(h.proto.body) for h in at.get("html")]
    return "\n".join(str(p) for p in parts)
