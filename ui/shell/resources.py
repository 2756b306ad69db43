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


@st.cache_resource(show_spinner=False)
def population(country: str = "DK"):
    from simulators.population.citizens import generate_population

    return generate_population(POPULATION_SIZE, seed=POPULATION_SEED, country=country)
