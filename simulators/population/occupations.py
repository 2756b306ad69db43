"""Occupation and yearly income by age — an *assumption* of the simulation, calibrated to one sourced mean.

No distribution of occupations or incomes by age is among the sources. The status shares, the occupation
weights and the relative income levels below are assumptions (SOURCES "Population"); only the overall level is
sourced: incomes of everyone 15+ are scaled so that their mean equals DST's mean personal income before tax
(353,700 DKK, 2020). The German twin uses the same shape with an assumed mean (DE_MEAN_INCOME_EUR).
Occupations are codes (no page shows them yet, so they have no translations).
"""
from __future__ import annotations

import numpy as np

from simulators.population.demographics import mean_income_15plus

DE_MEAN_INCOME_EUR = 31_000.0  # assumption (no German income source among the data): order of magnitude only

# code: (weight among the employed, relative income level, minimum age) — all assumptions
JOBS = {
    "shop_assistant": (9, 0.70, 16), "warehouse_worker": (6, 0.75, 16), "cleaner": (4, 0.65, 16),
    "cook": (4, 0.75, 16), "office_clerk": (8, 0.90, 18), "social_and_health_assistant": (7, 0.85, 19),
    "pedagogue": (6, 0.90, 21), "teacher": (5, 1.10, 23), "nurse": (5, 1.00, 23), "carpenter": (4, 0.95, 19),
    "electrician": (3, 1.00, 20), "mechanic": (3, 0.90, 19), "bus_driver": (2, 0.85, 21), "farmer": (2, 0.90, 18),
    "hairdresser": (1, 0.70, 19), "police_officer": (1, 1.05, 22), "accountant": (3, 1.20, 23),
    "civil_servant": (5, 1.10, 23), "software_developer": (4, 1.50, 21), "engineer": (3, 1.50, 24),
    "consultant": (4, 1.40, 24), "sales_manager": (2, 1.50, 27), "journalist": (1, 1.10, 23),
    "researcher": (1, 1.30, 26), "architect": (1, 1.30, 25), "pharmacist": (1, 1.40, 25), "doctor": (2, 2.00, 26),
    "lawyer": (1, 1.80, 25),
}
# status codes that are not jobs, with (median income as a share of the employed median, spread)
STATUS = {
    "preschool_child": (0.0, 0.0), "pupil": (0.0, 0.0), "upper_secondary_student": (0.08, 0.6),
    "student": (0.25, 0.3), "unemployed": (0.55, 0.15), "disability_pensioner": (0.55, 0.15),
    "pensioner": (0.50, 0.40),
}
CODES = tuple(STATUS) + tuple(JOBS)
_JOB_CDF = np.cumsum([w for w, _, _ in JOBS.values()]) / sum(w for w, _, _ in JOBS.values())
_JOB_LEVEL = np.array([level for _, level, _ in JOBS.values()])
_JOB_MIN_AGE = np.array([age for _, _, age in JOBS.values()])
_UNSKILLED = np.array([i for i, (_, _, age) in enumerate(JOBS.values()) if age <= 16])
_CODE = {code: i for i, code in enumerate(CODES)}
_AGE_PROFILE = ((0, 0.45), (20, 0.55), (25, 0.80), (30, 0.95), (40, 1.10), (60, 1.00))  # relative to 30-39


def _student_share(age: np.ndarray) -> np.ndarray:
    return np.clip(0.55 - (age - 20) * 0.05, 0.03, 0.55)


def assign(rng: np.random.Generator, age: np.ndarray, pensioner: np.ndarray, country: str):
    """(occupation code index into CODES, yearly income) per person; income in DKK (DK) or EUR (DE)."""
    n = len(age)
    u = rng.random(n)
    code = np.full(n, _CODE["preschool_child"], dtype=np.int16)
    employed = np.zeros(n, dtype=bool)
    code[age >= 6] = _CODE["pupil"]
    teen = (age >= 16) & (age < 20)
    code[teen & (u < 0.80)] = _CODE["upper_secondary_student"]
    employed |= teen & (u >= 0.80)
    working_age = (age >= 20) & ~pensioner
    student = working_age & (u < _student_share(age))
    code[student] = _CODE["student"]
    rest = working_age & ~student
    v = rng.random(n)
    unemployed = rest & (v < 0.05)
    disability = rest & (v >= 0.05) & (v < 0.05 + np.clip((age - 30) * 0.003, 0.01, 0.10))
    code[unemployed] = _CODE["unemployed"]
    code[disability] = _CODE["disability_pensioner"]
    employed |= rest & ~unemployed & ~disability
    code[pensioner] = _CODE["pensioner"]
    still_working = pensioner & (age < 75) & (v < 0.12)  # assumption: some work past pension age
    employed |= still_working

    jobs = np.minimum(np.searchsorted(_JOB_CDF, rng.random(n), side="right"), len(JOBS) - 1)
    too_young = age < _JOB_MIN_AGE[jobs]
    jobs[too_young] = _UNSKILLED[rng.integers(0, len(_UNSKILLED), too_young.sum())]
    code[employed] = len(STATUS) + jobs[employed]

    profile = np.zeros(126)
    for start, level in _AGE_PROFILE:
        profile[start:] = level
    level = np.where(employed, _JOB_LEVEL[jobs] * profile[np.minimum(age, 125)], 0.0)
    spread = np.where(employed, 0.35, 0.0)
    for name, (share, sd) in STATUS.items():
        mask = ~employed & (code == _CODE[name])
        level[mask], spread[mask] = share, sd
    income = level * np.exp(rng.normal(0, 1, n) * spread - spread**2 / 2)
    income[age < 15] = 0.0
    target = mean_income_15plus() if country == "DK" else DE_MEAN_INCOME_EUR
    adults = age >= 15
    if adults.any() and income[adults].sum() > 0:
        income *= target / income[adults].mean()
    return code, np.rint(income / 100).astype(np.int64) * 100
