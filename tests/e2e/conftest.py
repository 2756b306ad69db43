"""The browser fixtures and helpers live in tests/browser.py (loaded for the whole suite by tests/conftest.py);
the helpers are re-exported here because the e2e tests import them from this module."""
from tests.browser import (  # noqa: F401
    APP_HOSTS, CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, AppServer, assert_no_exception, free_port, screenshot, start_app,
    stop_app, wait_for_app,
)

import os  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402


def app_population():
    """The population the app under test builds (same size and seed as tests/conftest.py gives the server)."""
    from simulators.citizens import generate_population

    return generate_population(int(os.environ["DDS_POPULATION_SIZE"]), seed=int(os.environ["DDS_POPULATION_SEED"]))


@pytest.fixture(scope="module")
def population():
    return app_population()


def logged_in_visit(app_server, population, lang: str, seed: int = 3, **filters) -> tuple[str, dict]:
    """A visit whose MitID login is already approved, made directly in the app's store (the MitID pages have
    their own browser tests). Returns (visit id, persona)."""
    from simulators import visits
    from simulators.persona import persona_record, pick_persona
    from simulators.store import Store

    persona_id = pick_persona(population, seed=seed, **filters)
    persona = persona_record(population, persona_id)
    store = Store(app_server.db_url)
    visit = visits.create(store, lang, "explore", persona_id)
    visits.update(store, visit["visit_id"], login={"user_id": persona["mitid_user_id"], "method": "onscreen_phone",
                                                   "at": time.time()})
    return visit["visit_id"], persona
