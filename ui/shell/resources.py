"""Process-wide shared resources: the store and the read-only synthetic population (cached once)."""
from __future__ import annotations

import os

import streamlit as st

from simulators.core.store import Store

POPULATION_SIZE = int(os.environ.get("DDS_POPULATION_SIZE", "100000"))
POPULATION_SEED = int(os.environ.get("DDS_POPULATION_SEED", "7"))


@st.cache_resource(show_spinner=False)
def store() -> Store:
    return Store()


def population(country: str = "DK"):
    """The population of ``country``: one object per country and process, whether the caller names the country or
    not (``population()`` and ``population("DK")`` were two cache entries, so two 100,000-row frames and two
    persona indexes; a class starting at once built them in the middle of its first clicks)."""
    return _population(country or "DK")


@st.cache_resource(show_spinner=False)
def _population(country: str):
    from simulators.population.citizens import generate_population
    from simulators.population.persona import warm_index

    people = generate_population(POPULATION_SIZE, seed=POPULATION_SEED, country=country)
    warm_index(people)  # built once here, under the cache's lock, not by every session's first click
    return people
