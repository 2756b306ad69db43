"""A store on each engine the app supports, for the store tests of the unit and reliability suites: SQLite
always, PostgreSQL when DDS_TEST_POSTGRES_URL names one (and required when DDS_REQUIRE_POSTGRES=1, as in CI)."""
from __future__ import annotations

import os

import pytest

from simulators.core.store import Store

PG_URL = os.environ.get("DDS_TEST_POSTGRES_URL")
ENGINES = [pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


def store_on(engine: str, tmp_path, clear_postgres: bool = False) -> Store:
    if engine == "sqlite":
        return Store(f"sqlite:///{tmp_path}/store.db")
    if not PG_URL:
        if os.environ.get("DDS_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL tests are required here (DDS_REQUIRE_POSTGRES=1) but DDS_TEST_POSTGRES_URL is unset")
        pytest.skip("no PostgreSQL server configured (set DDS_TEST_POSTGRES_URL to run these)")
    store = Store(PG_URL)
    if clear_postgres:
        store.clear()
    return store
