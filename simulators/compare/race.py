"""The presenters' "race" as data: Denmark's and Germany's journey for one life event on one time axis.

Where each country is on any day (days done, the step under way), when each step ends and who finished when. Only
required steps take part; steps without a sourced duration count as 0 days (an assumption the race's subtitle
states). Pure: texts are message keys with parameters; the plotly animation is drawn by ui/compare/race.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from simulators.compare.journeys import Journey

FRAMES = 36  # frames of the animation after the start: the axis is cut into this many equal steps


@dataclass(frozen=True)
class Label:
    """A text for the visitor: a message key and its parameters (``days`` a whole number of days)."""
    key: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class StepGroup:
    """Required steps that end on the same day (several, when the ones between take no sourced time)."""
    day: float
    numbers: tuple[int, ...]  # 1-based, among the journey's required steps


@dataclass(frozen=True)
class Lane:
    """One country's journey in the race."""
    country: str
    journey: Journey
    finish: float  # the day its last required step is done (0: nothing to wait for)
    groups: tuple[StepGroup, ...]


@dataclass(frozen=True)
class Race:
    event: str
    lanes: tuple[Lane, ...]  # Denmark first
    total: float  # length of the time axis in days: the later finish (1 when neither has to wait)
    times: tuple[float, ...]  # the day each animation frame shows, 0 … total


def step_ends(journey: Journey) -> list[tuple[float, int]]:
    """(day the step is done, step number) for each required step, in order."""
    ends, clock = [], 0.0
    for number, step in enumerate(journey.required_steps(), start=1):
        clock += step.days or 0
        ends.append((clock, number))
    return ends


def finish(journey: Journey) -> float:
    ends = step_ends(journey)
    return ends[-1][0] if ends else 0.0


def frame_times(total: float) -> list[float]:
    return [total * i / FRAMES for i in range(FRAMES + 1)]


def state_at(journey: Journey, day: float) -> tuple[float, int]:
    """(progress in days, number of the step under way, or 0 when done) at ``day``."""
    ends = step_ends(journey)
    total = ends[-1][0] if ends else 0.0
    if day >= total:
        return total, 0
    current = next(number for end, number in ends if end > day)
    return day, current


def label_at(journey: Journey, day: float) -> Label:
    """What a lane says at ``day``: the step under way, or that (and when) the journey was done."""
    progress, current = state_at(journey, day)
    if current == 0:
        if progress == 0:
            return Label("compare.race.done_no_wait")
        return Label("compare.race.done", {"days": round(progress)})
    return Label("compare.race.step", {"step": current, "total": len(journey.required_steps())})


def step_groups(journey: Journey) -> tuple[StepGroup, ...]:
    """Step ends merged where several steps end on the same day."""
    merged: list[tuple[float, list[int]]] = []
    for end, number in step_ends(journey):
        if merged and merged[-1][0] == end:
            merged[-1][1].append(number)
        else:
            merged.append((end, [number]))
    return tuple(StepGroup(end, tuple(numbers)) for end, numbers in merged)


def race(dk: Journey, de: Journey) -> Race:
    """Both countries' journeys of one event on one time axis."""
    lanes = tuple(Lane(country, journey, finish(journey), step_groups(journey))
                  for country, journey in (("DK", dk), ("DE", de)))
    total = max(lane.finish for lane in lanes) or 1.0
    return Race(dk.event, lanes, total, tuple(frame_times(total)))
