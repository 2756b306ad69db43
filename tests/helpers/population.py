"""The synthetic populations the unit tests share: generated once per test session (module-level cache)."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from simulators.population.citizens import generate_population

SIZE = 200_000
SEED = 11


@lru_cache(maxsize=None)
def population(n: int = SIZE, seed: int = SEED, country: str = "DK") -> pd.DataFrame:
    return generate_population(n, seed, country)
