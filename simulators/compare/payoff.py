"""The payoff "Ihre fünf Minuten": what the visitor just did in the simulated Denmark, next to the same life event
in Germany, from what actually happened in the visit and the sourced journeys (data/journeys.toml).

Pure: the page gathers the visit's start, its submissions with their times, the flows' journey events and the
Digital Post letters, and ``payoff()`` turns them into figures, each with its sources (message keys and data, no
text). Counted as a citizen feels it (simulators.compare.journeys): in-person visits, paper documents and the days
until *done for the citizen*; what follows by itself (a card by post) is counted apart.
"""
from __future__ import annotations

from dataclasses import dataclass

from simulators.compare.journeys import Amount, Document, Journey, Summary
from simulators.core.sources import Source

DEFAULT_EVENT = "moving"  # a service without a sourced German journey is compared with the story's default


@dataclass(frozen=True)
class Side:
    """One country's journey of the event, in the figures the payoff shows, each with its sources."""
    country: str
    actions: int
    visits: int
    visit_sources: tuple[Source, ...]
    documents: tuple[Document, ...]
    document_sources: tuple[Source, ...]
    days: float  # until done for the citizen (lower end of ranges; unsourced durations count as 0)
    days_max: float
    day_sources: tuple[Source, ...]
    unsourced_days: int  # steps of the citizen's path without a sourced duration (an assumption on screen)
    costs: tuple[Amount, ...]
    follow_ups: int
    follow_up_days: float  # until the last follow-up with a sourced duration arrived
    summary: Summary  # the journey's summary these figures come from


@dataclass(frozen=True)
class Payoff:
    event: str
    matched: bool  # False: the flow has no sourced German journey, ``event`` is DEFAULT_EVENT for comparison
    flow_id: str
    receipt_no: str
    seconds: float | None  # visit start → the submission stored (None: unknown)
    letters: int  # letters the submission put into the visitor's Digital Post
    dk: Side
    de: Side


def _unique(sources) -> tuple[Source, ...]:
    return tuple(dict.fromkeys(sources))


def side(journey: Journey) -> Side:
    s = journey.summary()
    required = journey.required_steps()
    actions = [step for step in required if step.action]
    action_sources = _unique(src for step in actions for src in step.sources)
    visits = [step for step in required if step.in_person]
    path = journey.citizen_path()
    timed = [step for step in path if step.days is not None]
    return Side(
        country=journey.country, actions=s.actions, visits=s.visits,
        visit_sources=_unique(src for step in visits for src in step.sources) or action_sources,
        documents=journey.documents,
        document_sources=_unique(src for d in journey.documents for src in d.sources) or action_sources,
        days=s.citizen_days, days_max=s.citizen_days_max,
        day_sources=_unique(src for step in (timed or path) for src in step.sources),
        unsourced_days=s.citizen_unsourced,
        costs=tuple(a for a in journey.cost_amounts() if not a.alternative),  # the steps' path, not its alternative
        follow_ups=s.follow_ups, follow_up_days=s.days, summary=s)


def pick_submission(submissions: list[dict], journey_events: dict[str, str | None],
                    wanted: str | None = None) -> dict | None:
    """The submission the payoff is about: ``wanted`` (a submission id) when the visit has it; else the latest
    one whose flow has a German journey; else the latest one; None when the visit sent nothing. "Latest" by the
    store's time (``sent_at``), then by the order given."""
    if not submissions:
        return None
    if wanted:
        found = next((s for s in submissions if s.get("submission_id") == wanted), None)
        if found:
            return found
    ordered = sorted(enumerate(submissions), key=lambda pair: (pair[1].get("sent_at") or 0, pair[0]))
    with_journey = [s for _, s in ordered if journey_events.get(s.get("flow_id"))]
    return (with_journey or [s for _, s in ordered])[-1]


def seconds_online(started_at: float | None, sent_at: float | None) -> float | None:
    """Visit start → the submission stored, in seconds (None when either is unknown or the order is wrong)."""
    if not started_at or not sent_at or sent_at < started_at:
        return None
    return sent_at - started_at


def letters_caused(submission: dict, letters: list[dict]) -> int:
    """The incoming letters in the visit's Digital Post that this submission caused (they carry its receipt
    number; simulators.borger.framework.Flow.finish puts it into every letter's params)."""
    receipt = submission.get("receipt_no")
    return sum(1 for letter in letters if letter.get("origin") == "action" and letter.get("direction") != "out"
               and receipt and (letter.get("params") or {}).get("receipt_no") == receipt)


def payoff(started_at: float | None, submission: dict, journey_event: str | None, letters: list[dict],
           journeys: dict[tuple[str, str], Journey]) -> Payoff:
    """The payoff of one submission: ``started_at`` the visit's start (epoch seconds), ``submission`` a stored
    submission with ``sent_at`` (epoch seconds) added, ``journey_event`` its flow's German journey (or None),
    ``letters`` the visit's Digital Post, ``journeys`` simulators.compare.journeys.load()."""
    matched = bool(journey_event) and (journey_event, "DK") in journeys
    event = journey_event if matched else DEFAULT_EVENT
    return Payoff(event=event, matched=matched, flow_id=submission.get("flow_id", ""),
                  receipt_no=submission.get("receipt_no", ""),
                  seconds=seconds_online(started_at, submission.get("sent_at")),
                  letters=letters_caused(submission, letters),
                  dk=side(journeys[(event, "DK")]), de=side(journeys[(event, "DE")]))
