"""The presenters' "race" as data: Denmark's and Germany's journey for one life event on one time axis.

Where each country is on any day (days done, the step under way), when each step ends and who finished when —
counted as a citizen feels it (simulators.compare.journeys: a step's ``kind``): each lane is *done for the
citizen* when its last required citizen step ends (the registration confirmed, the passport in hand) and *all
follow-ups arrived* when its last required step of any kind ends (the health card by post). Only required steps
take part; steps without a sourced duration count as 0 days (an assumption the race's subtitle states). Pure:
texts are message keys with parameters; the plotly animation is drawn by ui/compare/race.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from simulators.compare.journeys import Journey
from simulators.core.sources import Source

FRAMES = 36  # frames of the animation after the start: the axis is cut into this many equal steps
UNKNOWN_WAIT_CHANNELS = ("wait", "automatic", "office", "third_party", "post")  # someone else's time, not a form's


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
    finish: float  # the day its last required step is done: all follow-ups arrived (0: nothing to wait for)
    groups: tuple[StepGroup, ...]
    done: float = 0.0  # the day its last required citizen step is done: done for the citizen
    follow_ups: int = 0  # required steps that follow by themselves


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
    """The day all required steps are over, follow-ups included."""
    ends = step_ends(journey)
    return ends[-1][0] if ends else 0.0


def done_for_citizen(journey: Journey) -> float:
    """The day the citizen's last required step is over (0 when the citizen has nothing to do)."""
    return sum(step.days or 0 for step in journey.citizen_path())


def nothing_to_do(journey: Journey) -> bool:
    return not journey.citizen_path()


def unsourced_wait(journey: Journey) -> bool:
    """True when someone else's part of the citizen's path (a wait, an authority, a court, a dealer) has no
    sourced duration: then "day 0" would be an assumption, and the race says "no sourced waiting time"."""
    return any(step.for_citizen and step.days is None and step.channel in UNKNOWN_WAIT_CHANNELS
               for step in journey.citizen_path())


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


def citizen_progress(journey: Journey, day: float) -> float:
    """Days of the citizen's part that have passed at ``day`` (the solid part of the lane)."""
    return min(day, done_for_citizen(journey))


def done_label(journey: Journey) -> Label:
    """How the lane says that the citizen is done."""
    done = done_for_citizen(journey)
    if nothing_to_do(journey):
        return Label("compare.race.nothing_to_do")
    if done == 0 and unsourced_wait(journey):
        return Label("compare.race.done_no_wait")
    return Label("compare.race.done_for_you", {"days": round(done)})


def label_at(journey: Journey, day: float) -> tuple[Label, ...]:
    """What a lane says at ``day``: the step under way; or that (and when) the citizen was done, and whether the
    follow-ups are still under way or when they all arrived."""
    done, end = done_for_citizen(journey), finish(journey)
    if day < done:
        _progress, current = state_at(journey, day)
        return (Label("compare.race.step", {"step": current, "total": len(journey.required_steps())}),)
    if not journey.summary().follow_ups or end <= done:  # nothing follows after the citizen is done
        return (done_label(journey),)
    if day < end:
        return done_label(journey), Label("compare.race.follow_ups_running")
    if journey.summary().follow_ups_unsourced:  # "all by day N" would count them as 0 days: say what is sourced
        return done_label(journey), Label("compare.race.follow_ups_last_sourced", {"days": round(end)})
    return done_label(journey), Label("compare.race.follow_ups_done", {"days": round(end)})


def step_groups(journey: Journey) -> tuple[StepGroup, ...]:
    """Step ends merged where several steps end on the same day."""
    merged: list[tuple[float, list[int]]] = []
    for end, number in step_ends(journey):
        if merged and merged[-1][0] == end:
            merged[-1][1].append(number)
        else:
            merged.append((end, [number]))
    return tuple(StepGroup(end, tuple(numbers)) for end, numbers in merged)


def duration_sources(*journeys: Journey) -> tuple[Source, ...]:
    """The sources of the durations the race plays (required steps with a sourced number of days)."""
    found = [source for journey in journeys for step in journey.required_steps() if step.days is not None
             for source in step.sources]
    return tuple(dict.fromkeys(found))


def race(dk: Journey, de: Journey) -> Race:
    """Both countries' journeys of one event on one time axis."""
    lanes = tuple(Lane(country, journey, finish(journey), step_groups(journey), done_for_citizen(journey),
                       journey.summary().follow_ups)
                  for country, journey in (("DK", dk), ("DE", de)))
    total = max(lane.finish for lane in lanes) or 1.0
    return Race(dk.event, lanes, total, tuple(frame_times(total)))
