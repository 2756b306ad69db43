"""Fixtures of the MitID tests: a throwaway store, a settable clock and the service on both."""
import pytest

from simulators.core.store import Store
from simulators.mitid.service import MitIDService
from tests.helpers.clock import Clock


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path}/mitid.db")


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def service(store, clock):
    return MitIDService(store, clock)
