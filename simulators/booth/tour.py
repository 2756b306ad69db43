"""The presenter's tour: the story's steps and, for a jump to any step, what that step still needs.

welcome → MitID → a borger.dk flow → Digital Post → the German journey → the indicators. The whole tour is
*one* visit: ``prepare`` continues the presenter's visit and adds only what the step needs and the visit lacks
(``missing``, a pure rule over ``VisitState``): a login for the borger.dk steps, the life's letters for Digital
Post, and for Digital Post without any application a completed one (the moving flow's own outcome, sent through
``simulators.borger.cases.submit``, so its receipt letters are real). Only a reset (or another persona) starts a
new visit; ending the old one is the caller's business (``ui.shell.session.begin_visit``).

Everything prepared is deterministic for a rehearsed talk: the same persona gets the same letters, the same
application (address, moving date, doctor, receipt number from a seeded ``random.Random``, sent at
``PREPARED_AT`` on ``clock.today()``) and so the same figures every time. The page (and its query parameters)
to open is part of the result; the Streamlit side only switches to it.
"""
from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass, field

from simulators.core import clock, visits
from simulators.core.store import Store

MODE = "presenter"
LOGIN_METHOD = "onscreen_phone"  # a prepared login says how the tour pretends it happened
PREFERRED_FLOWS = ("moving", "passport", "tax", "pension", "library", "daycare", "police", "divorce")
DEFAULT_JOURNEY = "moving"
TOUR_SEED = 2024  # the tour's fixed seed: the default persona (ui.booth.presenter_persona) and prepared receipts
PREPARED_FLOWS = ("moving", "library")  # flows the tour can complete by itself, in this order of preference
PREPARED_AT = dt.time(8, 0)  # a prepared application is sent at 08:00 of clock.today(): the same every time
PREPARED_MOVE_DAYS = 7       # its moving date: a week ahead (inside the 28 days borger.dk allows)
# Where a prepared move goes: the first address whose postcode is not the persona's own (street, number, postcode,
# town; the doctor is the first fictitious practice of that postcode).
PREPARED_ADDRESSES = (("Nørregade", "5", "8000", "Aarhus C"), ("Vestergade", "12", "5000", "Odense C"))

LOGIN, MAILBOX, APPLICATION = "login", "mailbox", "application"  # what a step may need, in the order it is added


@dataclass(frozen=True)
class TourStep:
    id: str
    title_key: str
    notes_key: str
    page: str
    icon: str
    needs_login: bool = False
    mailbox: bool = False
    needs_application: bool = False  # something the visit sent on borger.dk, whose letters Digital Post shows


STEPS: tuple[TourStep, ...] = (
    TourStep("welcome", "booth.tour.welcome.title", "booth.tour.welcome.notes", "pages/welcome.py", "🏠"),
    TourStep("mitid", "booth.tour.mitid.title", "booth.tour.mitid.notes", "pages/mitid_login.py", "🔐"),
    TourStep("borger", "booth.tour.borger.title", "booth.tour.borger.notes", "pages/selfservice.py", "🏛️",
         needs_login=True),
    TourStep("digital_post", "booth.tour.digital_post.title", "booth.tour.digital_post.notes", "pages/digital_post.py",
         "📬", needs_login=True, mailbox=True, needs_application=True),
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
class VisitState:
    """What a visit already has, as far as the tour is concerned."""
    logged_in: bool = False
    mailbox: bool = False                # the life's letters are in Digital Post
    applications: tuple[str, ...] = ()   # flow ids of what the visit sent on borger.dk, oldest first


def missing(step_id: str, state: VisitState) -> tuple[str, ...]:
    """What ``step_id`` needs that the visit does not have yet (LOGIN, MAILBOX, APPLICATION), in that order.
    Pure: nothing the visit already has is made again, so a jump never undoes what the presenter did."""
    target = step(step_id)
    needs = ((LOGIN, target.needs_login and not state.logged_in),
             (MAILBOX, target.mailbox and not state.mailbox),
             (APPLICATION, target.needs_application and not state.applications))
    return tuple(what for what, needed in needs if needed)


def continues(visit: visits.Visit | None, persona: dict) -> bool:
    """Whether the tour can go on in this visit: it exists, is a presenter's, and is the chosen persona's."""
    return (visit is not None and visit.mode == MODE and visit.persona_id is not None
            and int(visit.persona_id) == int(persona["person_id"]))


def visit_state(store: Store, visit: visits.Visit) -> VisitState:
    from simulators.borger import cases
    from simulators.post import life_letters

    sent = tuple(s["flow_id"] for s in sorted(cases.submissions(store, visit.visit_id),
                                               key=lambda s: s.get("stored_at") or ""))
    return VisitState(visit.logged_in, life_letters.is_seeded(store, visit.visit_id), sent)


def prepared_flow(persona: dict, today: dt.date, flows: dict | None = None) -> str | None:
    """The flow the tour completes for Digital Post: the first of PREPARED_FLOWS the persona may use."""
    flows = flows if flows is not None else _flows()
    return next((f for f in PREPARED_FLOWS if f in flows and flows[f].eligible(persona, today)[0]), None)


def prepared_answers(flow_id: str, persona: dict, today: dt.date, flows: dict | None = None) -> dict:
    """Complete, valid answers for a prepared application: the same for the same persona and day."""
    flow = (flows if flows is not None else _flows())[flow_id]
    answers = flow.prefilled(persona, today)
    if flow_id == "moving":
        from simulators.borger import addresses

        street, number, postcode, town = next(a for a in PREPARED_ADDRESSES if a[2] != str(persona.get("postcode")))
        moving_date = today + dt.timedelta(days=PREPARED_MOVE_DAYS)
        return {**answers, "other_cprs": "", "street": street, "house_number": number, "floor": "", "door": "",
                "postcode": postcode, "town": town, "moving_date": moving_date.isoformat(), "host_stays": False,
                "doctor": addresses.doctors_near(postcode)[0]["id"]}
    if flow_id == "library":
        from simulators.borger.flows import library

        first = library.catalogue()[0]
        return {**answers, "query": "", "titles": [first["item_id"]]}
    raise ValueError(f"the tour has no prepared answers for {flow_id!r}")


def receipt_rng(persona: dict, flow_id: str) -> random.Random:
    """The receipt number's random source, seeded from the tour's seed, the persona and the flow."""
    return random.Random(f"{TOUR_SEED}:{persona['person_id']}:{flow_id}")


def send_prepared_application(store: Store, visit: visits.Visit, persona: dict, today: dt.date,
                              flows: dict | None = None) -> dict | None:
    """Complete the prepared flow for the visit (its outcome through cases.submit: submission, letters, persona
    changes, booth event). None when the persona can use none of PREPARED_FLOWS."""
    from simulators.borger import cases

    flows = flows if flows is not None else _flows()
    record = visits.apply_persona_changes(persona, visit.persona_changes)
    flow_id = prepared_flow(record, today, flows)
    if flow_id is None:
        return None
    outcome = flows[flow_id].finish(record, prepared_answers(flow_id, record, today, flows), today,
                                    receipt_rng(persona, flow_id))
    return cases.submit(store, visit.visit_id, flow_id, outcome, now=dt.datetime.combine(today, PREPARED_AT))


def _flows() -> dict:
    from simulators.borger import load_flows

    return load_flows()


@dataclass(frozen=True)
class Prepared:
    step_id: str
    visit_id: str
    page: str
    query: dict = field(default_factory=dict)
    letters: int = 0
    added: tuple[str, ...] = ()  # what this preparation added (``missing``), with "visit" for a new visit


def prepare(store: Store, step_id: str, persona: dict, lang: str, population=None, visit_id: str | None = None,
            today: dt.date | None = None, now: float | None = None, flows: dict | None = None) -> Prepared:
    """Give the visit ``visit_id`` what ``step_id`` still needs for ``persona`` and say where to go. Without a
    visit the tour can go on in (none given, gone, another mode or persona: ``continues``) a new one is made; the
    old one is not ended here (the caller does, see ui.shell.session.begin_visit)."""
    today = today or clock.today()
    now = now or time.time()
    visit = visits.get(store, visit_id) if visit_id else None
    added: tuple[str, ...] = ()
    if not continues(visit, persona):
        visit = visits.create(store, lang, MODE, int(persona["person_id"]), now=now)
        added = ("visit",)
    needed = missing(step_id, visit_state(store, visit))
    if LOGIN in needed:
        user_id = visits.demo_user_id(visit, persona.get("mitid_user_id"))  # the visit's own demo user ID
        visit = visits.record_login(store, visit.visit_id, visits.Login(user_id, LOGIN_METHOD, now)) or visit
    if MAILBOX in needed:
        from simulators.post import life_letters

        life_letters.seed_mailbox(store, visit.visit_id, persona, population, today)
    if APPLICATION in needed:
        send_prepared_application(store, visit, persona, today, flows)
        visit = visits.get(store, visit.visit_id) or visit
    page, query = _destination(store, step_id, visit, persona, today, flows)
    letters = 0
    if step(step_id).mailbox:
        from simulators.post import postbox

        letters = len(postbox.list_letters(store, visit.visit_id))
    visits.track(store, visit, "tour_step", step_id)
    return Prepared(step_id, visit.visit_id, page, query, letters, added + needed)


def _destination(store: Store, step_id: str, visit: visits.Visit, persona: dict, today: dt.date,
                 flows: dict | None) -> tuple[str, dict]:
    """The step's page and query: borger.dk shows the receipt of what the visit sent last, else the flow the
    persona can use (else the portal); the German journey matches that flow."""
    target = step(step_id)
    if step_id not in ("borger", "germany"):
        return target.page, {}
    from simulators.borger import cases

    sent = sorted(cases.submissions(store, visit.visit_id), key=lambda s: s.get("stored_at") or "")
    record = visits.apply_persona_changes(persona, visit.persona_changes)
    flow_id = sent[-1]["flow_id"] if sent else choose_flow(record, today, flows)
    if step_id == "germany":
        return target.page, {"event": journey_event(flow_id, flows)}
    if sent:
        return target.page, {"flow": flow_id, "receipt": sent[-1]["submission_id"]}
    return (target.page, {"flow": flow_id}) if flow_id else ("pages/borger.py", {})  # no usable flow: the portal
