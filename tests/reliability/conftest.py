"""Shared fixtures of the reliability suite: a store on SQLite (always) and PostgreSQL (when configured)."""
from __future__ import annotations

import pytest

from tests.helpers.stores import ENGINES, store_on


@pytest.fixture(params=ENGINES)
def any_store(request, tmp_path):
    """A fresh store. On PostgreSQL the tests use kinds of their own instead of clearing shared tables."""
    return store_on(request.param, tmp_path)
