"""Shared fixtures of the reliability suite: a store on SQLite (always) and PostgreSQL (when configured)."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.stores import ENGINES, store_on

@pytest.fixture(params=ENGINES)
def any_store(request, tmp_path):
    """A fresh store. On PostgreSQL the tests use kinds of their own instead of clearing shared tables."""
    return store_on(request.param, tmp_path)


def run_async(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API keeps an event loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


