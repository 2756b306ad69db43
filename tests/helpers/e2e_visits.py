"""Visits the browser tests start from, made directly in the app's store."""
from __future__ import annotations

import os


def app_population():
    """The population the app under test builds (same size and seed as tests/conftest.py gives the server)."""
    from simulators.population.citizens import generate_population

    return generate_population(int(os.environ["DDS_POPULATION_SIZE"]), seed=int(os.environ["DDS_POPULATION_SEED"]))


def logged_in_visit(app_server, population, lang: str, seed: int = 3, **filters) -> tuple[str, dict]:
    """A visit whose MitID login is already approved, made directly in the app's store (the MitID pages have
    their own browser tests). Returns (visit id, persona)."""
    from simulators.core import visits
    from simulators.population.persona import persona_record, pick_persona
    from simulators.core.store import Store
    from tests.helpers.visits import log_visit_in

    persona_id = pick_persona(population, seed=seed, **filters)
    persona = persona_record(population, persona_id)
    store = Store(app_server.db_url)
    visit_id = visits.create(store, lang, "explore", persona_id).visit_id
    log_visit_in(store, visit_id, persona["mitid_user_id"], "onscreen_phone")
    return visit_id, persona
