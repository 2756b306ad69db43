"""Shared fixtures of the reliability suite: a store on SQLite (always) and PostgreSQL (when configured)."""
from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from simulators.store import Store

PG_URL = os.environ.get("DDS_TEST_POSTGRES_URL")


def _engines():
    yield pytest.param("sqlite", id="sqlite")
    yield pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)


@pytest.fixture(params=list(_engines()))
def any_store(request, tmp_path):
    """A fresh store. On PostgreSQL the tests use kinds of their own instead of clearing shared tables."""
    if request.param == "sqlite":
        return Store(f"sqlite:///{tmp_path}/reliability.db")
    if not PG_URL:
        if os.environ.get("DDS_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL tests are required here (DDS_REQUIRE_POSTGRES=1) but DDS_TEST_POSTGRES_URL is unset")
        pytest.skip("no PostgreSQL server configured (set DDS_TEST_POSTGRES_URL to run these)")
    return Store(PG_URL)


def run_async(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API keeps an event loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


