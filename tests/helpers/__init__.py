"""Shared test helpers (tests import these, never conftest modules)."""
