"""Households for a synthetic population, vectorised: who lives with whom, couples and parents.

Input: each person's age, sex and civil status (already drawn from the sourced tables). Output: a household
index per person, partner and parent indices (-1 = none) and a role (head, partner, child). The model, all of
it *assumption* except where SOURCES says otherwise ("Population" section):

1. Children under 18 live with a parent; young adults 18-29 who never married still live at home with the
   probability AT_HOME (falling with age).
2. Every other adult heads a household or is the partner of its head. Married people live with their spouse
   (MARRIED_TOGETHER; the rest are separated or live apart), unmarried adults cohabit with a probability that
   follows COHABIT_SHAPE by age, scaled by COHABIT_SCALE so that the share of 1-person households matches
   DST's 40 % (1 Jan 2022; the generator then gives about 34 % 2-person and 26 % 3+ households, DST: 33 % and
   "30 %", and children under 18 in 27 % of households, DST: 28 %).
3. Couples are formed by rank-matching men and women on age plus noise, married with married, unmarried
   with unmarried: the age gaps come out as in the married population of the marital-status table.
4. Each child gets a parent 19-44 whole years older (so the birth dates lie 18-45 years apart): a mother
   living with a partner (PARENT_POOLS[0]), a single mother or a single father; the mother's partner is
   the second parent when his age fits too (else he is a step-parent, not a parent). In the first rounds a
   parent takes one child per round and at most 1-4 in all (FAMILY_SIZE_CDF), so families are not piled up
   by chance.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulators.population.demographics import MAX_AGE

HEAD, PARTNER, CHILD = 0, 1, 2
MARRIED_CODE, NEVER_MARRIED_CODE = 1, 0
AT_HOME = {18: 0.80, 19: 0.65, 20: 0.45, 21: 0.32, 22: 0.22, 23: 0.15, 24: 0.10, 25: 0.07, 26: 0.05, 27: 0.04,
           28: 0.03, 29: 0.02}
MARRIED_TOGETHER = 0.92
COHABIT_SHAPE = ((18, 0.10), (20, 0.30), (25, 0.55), (30, 0.60), (40, 0.45), (50, 0.40), (65, 0.30), (80, 0.12))
COHABIT_SCALE = 1.2  # calibrated once: 1-person households come out at DST's 40 % (see module docstring)
PARENT_POOLS = (0.78, 0.19, 0.03)  # partnered mother, single mother, single father
PARENT_GAP_MEAN, PARENT_GAP_SD, GAP_MIN, GAP_MAX = 30.5, 5.0, 19, 44
PARTNER_NOISE_SD = 2.5
FAMILY_SIZE_CDF = np.cumsum((0.35, 0.45, 0.15, 0.05))  # most children a parent takes: 1, 2, 3, 4 (assumption)
CAPPED_ROUNDS = 4  # rounds that respect those caps; a last round places any child left


def row_order(hh: "Households", age: np.ndarray) -> np.ndarray:
    """Person indices ordered by household, then head, partner, children (oldest first); a counting sort."""
    size = np.bincount(hh.household, minlength=hh.count)
    start = np.cumsum(size) - size
    has_partner = np.bincount(hh.household[hh.role == PARTNER], minlength=hh.count)
    position = start[hh.household] + (hh.role == PARTNER)
    kids = np.flatnonzero(hh.role == CHILD)
    kids = kids[np.argsort(hh.household[kids] * 256 + (255 - age[kids]), kind="stable")]
    kid_household = hh.household[kids]
    first = np.r_[True, kid_household[1:] != kid_household[:-1]]
    rank = np.arange(len(kids)) - np.flatnonzero(first)[np.cumsum(first) - 1]
    position[kids] = start[kid_household] + 1 + has_partner[kid_household] + rank
    order = np.empty(len(age), dtype=np.int64)
    order[position] = np.arange(len(age))
    return order


@dataclass
class Households:
    household: np.ndarray  # household index per person, 0..count-1
    partner: np.ndarray  # person index or -1
    parent1: np.ndarray
    parent2: np.ndarray
    role: np.ndarray  # HEAD / PARTNER / CHILD
    count: int


def _by_age(values: tuple[tuple[int, float], ...]) -> np.ndarray:
    table = np.zeros(MAX_AGE + 1)
    for age, value in values:
        table[age:] = value
    return table


def _pair(rng: np.random.Generator, women: np.ndarray, men: np.ndarray, age: np.ndarray):
    """Rank-match two index arrays on age + noise after dropping the surplus of the larger one at random."""
    size = min(len(women), len(men))
    women = rng.permutation(women)[:size]
    men = rng.permutation(men)[:size]
    # keys in 1/64 years as int16: numpy sorts those with a linear-time radix sort
    women = women[np.argsort(((age[women] + rng.normal(0, PARTNER_NOISE_SD, size) + 20) * 64).astype(np.int16),
                             kind="stable")]
    men = men[np.argsort(((age[men] + rng.normal(0, PARTNER_NOISE_SD, size) + 20) * 64).astype(np.int16),
                         kind="stable")]
    return women, men


def _nearest_available(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every age: the nearest age at or above / at or below that has candidates (or out-of-range marks)."""
    ages = np.arange(len(counts))
    has = counts > 0
    above = np.where(has, ages, len(counts) + 100)
    below = np.where(has, ages, -100)
    return np.minimum.accumulate(above[::-1])[::-1], np.maximum.accumulate(below)


def _pick(rng, members, age, target, low, high):
    """For each child: a random member of the age nearest to ``target`` within [low, high], or -1."""
    counts = np.bincount(age[members], minlength=MAX_AGE + 1)
    starts = np.cumsum(counts) - counts
    above, below = _nearest_available(counts)
    t = np.minimum(target, MAX_AGE)
    up, down = above[t], below[t]
    ok_up, ok_down = up <= high, down >= low
    pick = np.where(ok_up & (~ok_down | (up - t <= t - down)), up, down)
    ok = ok_up | ok_down
    pick = np.where(ok, pick, 0)
    chosen = members[np.minimum(starts[pick] + (rng.random(len(t)) * counts[pick]).astype(np.int64),
                                len(members) - 1)]
    return np.where(ok, chosen, -1)


def _assign_parents(rng, children, age, pools, partner):
    """Anchor parent per child (-1 if none fits). Children first try the pool drawn by PARENT_POOLS, then the
    others. During CAPPED_ROUNDS rounds a parent takes one child per round and no more than its family size
    (FAMILY_SIZE_CDF), so children spread over families instead of piling up by chance (assumption)."""
    anchor = np.full(len(children), -1, dtype=np.int64)
    child_age = age[children]
    low, high = child_age + GAP_MIN, child_age + GAP_MAX
    target = np.clip(np.rint(child_age + rng.normal(PARENT_GAP_MEAN, PARENT_GAP_SD, len(children))), low, high)
    target = target.astype(np.int64)
    first_pool = np.minimum(np.searchsorted(np.cumsum(PARENT_POOLS), rng.random(len(children)), side="right"),
                            len(PARENT_POOLS) - 1)
    pools = [members[np.argsort(age[members].astype(np.int16), kind="stable")] for members in pools]  # radix
    kids = np.zeros(len(age), dtype=np.int32)  # children assigned so far, per person
    own_cap = 1 + np.searchsorted(FAMILY_SIZE_CDF, rng.random(len(age)) * FAMILY_SIZE_CDF[-1], side="right")
    winner = np.full(len(age), -1, dtype=np.int64)
    phases = [(True, 0)] * CAPPED_ROUNDS + [(True, 1), (True, 2)] + [(False, k) for k in range(3)]
    for capped, shift in phases:  # other pools only once the drawn pool has no fitting parent left
        todo = np.flatnonzero(anchor < 0)
        pool_of = (first_pool[todo] + shift) % len(pools)
        for p, members in enumerate(pools):
            sel = todo[pool_of == p]
            if len(sel) == 0 or len(members) == 0:
                continue
            if capped:
                members = members[kids[members] < own_cap[members]]
            chosen = _pick(rng, members, age, target[sel], low[sel], high[sel])
            fits = chosen >= 0
            if capped:  # one child per parent and round (the last writer wins); the others pick again
                winner[chosen[fits]] = sel[fits]
                fits &= winner[np.maximum(chosen, 0)] == sel
                mate = partner[np.maximum(chosen, 0)]  # a mother's partner becomes the second parent
                mate_age = age[np.maximum(mate, 0)]
                fits &= (mate < 0) | ((mate_age >= low[sel]) & (mate_age <= high[sel]))
            anchor[sel[fits]] = chosen[fits]
            kids += np.bincount(chosen[fits], minlength=len(age)).astype(np.int32)
    return anchor


def build(rng: np.random.Generator, age: np.ndarray, male: np.ndarray, marital: np.ndarray) -> Households:
    n = len(age)
    age = age.astype(np.int64)
    home_p = np.zeros(MAX_AGE + 1)
    for a, p in AT_HOME.items():
        home_p[a] = p
    dependent = (age < 18) | ((marital == NEVER_MARRIED_CODE) & (rng.random(n) < home_p[age]))
    adult = ~dependent
    married = marital == MARRIED_CODE
    cohabit_p = _by_age(COHABIT_SHAPE) * COHABIT_SCALE
    wants = adult & np.where(married, rng.random(n) < MARRIED_TOGETHER, rng.random(n) < cohabit_p[age])

    partner = np.full(n, -1, dtype=np.int64)
    for group in (married, ~married):
        women, men = _pair(rng, np.flatnonzero(wants & group & ~male), np.flatnonzero(wants & group & male), age)
        partner[women], partner[men] = men, women

    single = adult & (partner < 0)
    pools = (np.flatnonzero(adult & ~male & (partner >= 0)), np.flatnonzero(single & ~male),
             np.flatnonzero(single & male))
    children = np.flatnonzero(dependent)
    anchor = _assign_parents(rng, children, age, pools, partner)
    orphans = children[anchor < 0]  # only in tiny populations: no adult of a fitting age exists
    children, anchor = children[anchor >= 0], anchor[anchor >= 0]

    role = np.full(n, HEAD, dtype=np.int8)
    role[(partner >= 0) & male] = PARTNER
    role[children] = CHILD
    heads = np.flatnonzero(role == HEAD)
    household = np.full(n, -1, dtype=np.int64)
    household[heads] = np.arange(len(heads))
    couple_men = np.flatnonzero(role == PARTNER)
    household[couple_men] = household[partner[couple_men]]
    household[children] = household[anchor]

    parent1 = np.full(n, -1, dtype=np.int64)
    parent2 = np.full(n, -1, dtype=np.int64)
    parent1[children] = anchor
    second = partner[anchor]
    fits = (second >= 0) & (age[np.maximum(second, 0)] - age[children] >= GAP_MIN)
    fits &= age[np.maximum(second, 0)] - age[children] <= GAP_MAX
    parent2[children] = np.where(fits, second, -1)  # else a step-parent: lives there, is not a parent
    assert (household >= 0).all() and len(orphans) == (role[orphans] == HEAD).sum()
    return Households(household, partner, parent1, parent2, role, len(heads))
