"""The presenter's tour: the story's steps and, for a jump to any step, the state that step needs.

welcome → MitID → a borger.dk flow → Digital Post → the German journey → the indicators. ``prepare`` ends the
presenter's previous visit and makes a fresh one with the chosen persona: logged in where the step needs it, with
the mailbox seeded for Digital Post, and with the borger.dk flow the persona can actually use. The page (and its
query parameters) to open is part of the result; the Streamlit side only switches to it.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

from simulators.core import clock, visits
from simulators.core.store import Store

MODE = "presenter"
LOGIN_METHOD = "onscreen_phone"  # a prepared login says how the tour pretends it happened
PREFERRED_FLOWS = ("moving", "passport", "tax", "pension", "library", "daycare", "police", "divorce")
DEFAULT_JOURNEY = "moving"


@dataclass(frozen=True)
class TourStep:
    id: str
    title_key: str
    notes_key: str
    page: str
    icon: str
    needs_login: bool = False
    mailbox: bool = False


STEPS: tuple[TourStep, ...] = (
    TourStep("welcome", "booth.tour.welcome.title", "booth.tour.welcome.notes", "pages/welcome.py", "🏠"),
    TourStep("mitid", "booth.tour.mitid.title", "booth.tour.mitid.notes", "pages/mitid_login.py", "🔐"),
    TourStep("borger", "booth.tour.borger.title", "booth.tour.borger.notes", "pages/selfservice.py", "🏛️",
         needs_login=True),
    TourStep("digital_post", "booth.tour.digital_post.title", "booth.tour.digital_post.notes", "pages/digital_post.py",
         "📬", needs_login=True, mailbox=True),
    TourStep("germany", "booth.tour.germany.title", "booth.tour.germany.notes", "pages/journeys.py", "🇩🇪",
         needs_login=True),
    TourStep("indicators", "booth.tour.indicators.title", "booth.tour.indicators.notes", "pages/compare.py", "📈",
         needs_login=True),
)
STEP_IDS = tuple(s.id for s in STEPS)


def step(step_id: str) -> TourStep:
    return STEPS[STEP_IDS.index(step_id)]


def next_id(step_id: str | None) -> str:
    if step_id not in STEP_IDS:
        return STEP_IDS[0]
    return STEP_IDS[min(STEP_IDS.index(step_id) + 1, len(STEPS) - 1)]


def previous_id(step_id: str | None) -> str:
    if step_id not in STEP_IDS:
        return STEP_IDS[0]
    return STEP_IDS[max(STEP_IDS.index(step_id) - 1, 0)]


def choose_flow(persona: dict, today: dt.date, flows: dict | None = None) -> str | None:
    """The first flow of PREFERRED_FLOWS (then any other) the persona is eligible for."""
    if flows is None:
        from simulators.borger import load_flows

        flows = load_flows()
    order = [f for f in PREFERRED_FLOWS if f in flows] + [f for f in flows if f not in PREFERRED_FLOWS]
    for flow_id in order:
        ok, _reason, _params = flows[flow_id].eligible(persona, today)
        if ok:
            return flow_id
    return None


def journey_event(flow_id: str | None, flows: dict | None = None) -> str:
    """The German journey that matches the flow, else the moving journey (the story's default)."""
    from simulators.compare.journeys import EVENTS

    if flow_id is not None:
        if flows is None:
            from simulators.borger import load_flows

            flows = load_flows()
        event = getattr(flows.get(flow_id), "journey_event", None)
        if event in EVENTS:
            return event
    return DEFAULT_JOURNEY


@dataclass(frozen=True)
class Prepared:
    step_id: str
    visit_id: str
    page: str
    query: dict = field(default_factory=dict)
    letters: int = 0


def prepare(store: Store, step_id: str, persona: dict, lang: str, population=None,
            previous_visit_id: str | None = None, today: dt.date | None = None, now: float | None = None,
            flows: dict | None = None) -> Prepared:
    """Make the state ``step_id`` needs for ``persona`` and say where to go. The previous visit is deleted."""
    target = step(step_id)
    today = today or clock.today()
    now = now or time.time()
    if previous_visit_id:
        visits.end(store, previous_visit_id, "tour_jump")
    visit = visits.create(store, lang, MODE, int(persona["person_id"]), now=now)
    visit_id = visit.visit_id
    if target.needs_login:
        login = visits.Login(persona.get("mitid_user_id"), LOGIN_METHOD, now)
        visit = visits.record_login(store, visit_id, login) or visit
    letters = 0
    if target.mailbox:
        from simulators.post import life_letters
        from simulators.post import postbox

        life_letters.seed_mailbox(store, visit_id, persona, population, today)
        letters = len(postbox.list_letters(store, visit_id))
    query: dict = {}
    if step_id in ("borger", "germany"):
        flow_id = choose_flow(persona, today, flows)
        if step_id == "borger" and flow_id:
            query = {"flow": flow_id}
        elif step_id == "germany":
            query = {"event": journey_event(flow_id, flows)}
    page = target.page if step_id != "borger" or query else "pages/borger.py"  # no usable flow: the portal
    visits.track(store, visit, "tour_step", step_id)
    return Prepared(step_id, visit_id, page, query, letters)
