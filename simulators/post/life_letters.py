"""The persona's life in letters: turns the life history (simulators.population.life.life_events) into a seeded mailbox.

Each life event kind maps to a template ``life_<kind>`` and its parameters. Letters exist only since the
persona's Digital Post began (the welcome letter at 15, or 1 November 2014 for those older) and up to today.
Recurring letters are thinned to the most recent ones so that a mailbox holds a plausible number (at most
MAX_LETTERS). Private senders (bank, insurer) write only when the persona consented to private post; consent is
derived from the person id (an assumption of the simulation: share PRIVATE_CONSENT_PERCENT); exempt persons get none.
Seeding is idempotent per visit: letter ids are derived from the visit id, and a marker item records it.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import sqlalchemy as sa

from simulators.core import clock
from simulators.post import letters
from simulators.core.store import Store
from simulators.population.life import digital_post_since, life_events  # one rule with the welcome letter

SEED_KIND = "post_seed"
MAX_LETTERS = 40
UNREAD_NEWEST = 2
PRIVATE_CONSENT_PERCENT = 60  # assumption: no source for the share of citizens who accept private senders
# How many of a recurring kind to keep (the newest); per child for child benefit.
KEEP_NEWEST = {"tax_statement": 6, "child_benefit": 3, "hospital_appointment": 4, "moved": 4,
               "health_card": 3, "bank_statement": 4, "insurance_renewal": 3}
PRIVATE_YEARS = 4


def _param_map(kind: str, params: dict) -> dict | None:
    """Template parameters for one life event kind, or None for kinds that have no letter."""
    p = params or {}
    mapping = {
        "digital_post_welcome": lambda: {},
        "mitid_switch": lambda: {},
        "tax_statement": lambda: {"income_year": p.get("income_year"), "income_dkk": p.get("income", 0)},
        "moved": lambda: {"from_address": p.get("from_address", ""), "to_address": p.get("to_address", ""),
                          "municipality": p.get("municipality", "")},
        "health_card": lambda: {},
        "child_born": lambda: {"child_name": p.get("child_name", ""),
                               "child_birth_date": p.get("child_birth_date")},
        "child_benefit": lambda: {"child_name": p.get("child_name", ""), "benefit_quarter": p.get("quarter", ""),
                                  "amount_dkk": p.get("amount", 0)},
        "daycare_offer": lambda: {"child_name": p.get("child_name", ""), "start_date": p.get("start_date")},
        "hospital_appointment": lambda: {"department": p.get("department", ""),
                                         "appointment_datetime": p.get("appointment")},
        "pension_granted": lambda: {"start_date": p.get("start_date")},
    }
    return mapping[kind]() if kind in mapping else None


def _stable_int(*parts) -> int:
    return int.from_bytes(hashlib.sha256(":".join(map(str, parts)).encode()).digest()[:8], "big")


def private_consent(person_id) -> bool:
    """Whether the persona accepted post from private senders in Digital Post (deterministic; assumption)."""
    return _stable_int("private-consent", person_id) % 100 < PRIVATE_CONSENT_PERCENT


def _private_events(persona: dict, today: dt.date) -> list[dict]:
    """Yearly letters of the bank and the insurer; none without consent or for exempt persons (their post is paper)."""
    if persona.get("digital_post_exempt") or not private_consent(persona["person_id"]):
        return []
    since = digital_post_since(persona)
    renewal_day = 1 + _stable_int("renewal", persona["person_id"]) % 365
    events = []
    for year in range(today.year - PRIVATE_YEARS, today.year + 1):
        statement = dt.date(year, 1, 10 + _stable_int("bank", persona["person_id"], year) % 15)
        events.append({"date": statement, "kind": "bank_statement", "params": {"statement_year": year - 1}})
        renewal = dt.date(year, 1, 1) + dt.timedelta(days=renewal_day - 1)
        events.append({"date": renewal - dt.timedelta(days=30), "kind": "insurance_renewal",
                       "params": {"renewal_date": renewal}})
    return [e for e in events if since <= e["date"] <= today]


def _to_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def letter_requests(events: list[dict], persona: dict, today: dt.date | None = None) -> list[dict]:
    """Letter requests {"template", "params", "date", "read"} for a life history, oldest first."""
    today = today or clock.today()
    since = digital_post_since(persona)
    chosen = []
    for event in sorted(events, key=lambda e: _to_date(e["date"])):
        date = _to_date(event["date"])
        if not since <= date <= today:
            continue
        if event["kind"] == "child_born" and persona.get("sex") != "female":
            continue  # the birth letter ("Morbrev") goes to the mother's Digital Post
        params = _param_map(event["kind"], event.get("params", {}))
        if params is not None:
            chosen.append({"kind": event["kind"], "date": date, "params": params})
    chosen += [{"kind": e["kind"], "date": e["date"], "params": e["params"]} for e in _private_events(persona, today)]
    chosen = _thin(chosen)
    _fill_municipality(chosen, persona)
    requests = []
    now = clock.now().replace(second=0, microsecond=0)
    for index, item in enumerate(sorted(chosen, key=lambda c: c["date"])):
        minutes = _stable_int("time", persona["person_id"], index) % 600
        moment = dt.datetime.combine(item["date"], dt.time(7, 0)) + dt.timedelta(minutes=minutes)
        if item["date"] == now.date():  # a letter of today has arrived already: before now, in the same order
            earliest = dt.datetime.combine(item["date"], dt.time(0, 0))
            moment = max(min(moment, now - dt.timedelta(minutes=len(chosen) - index)), earliest)
        requests.append({"template": f"life_{item['kind']}", "params": item["params"], "date": moment.isoformat()})
    for position, request in enumerate(reversed(requests)):
        request["read"] = position >= UNREAD_NEWEST
    return requests


def _thin(chosen: list[dict]) -> list[dict]:
    """Keep the newest few of each recurring kind, then at most MAX_LETTERS (the milestones always stay)."""
    groups: dict[tuple, list[dict]] = {}
    for item in chosen:
        group = (item["kind"], item["params"].get("child_name") if item["kind"] == "child_benefit" else None)
        groups.setdefault(group, []).append(item)
    kept = []
    for (kind, _), items in groups.items():
        kept += sorted(items, key=lambda i: i["date"])[-KEEP_NEWEST.get(kind, len(items)):]
    milestones = [i for i in kept if i["kind"] in ("digital_post_welcome", "mitid_switch")]
    others = sorted((i for i in kept if i not in milestones), key=lambda i: i["date"])
    return milestones + others[-(MAX_LETTERS - len(milestones)):]


def _fill_municipality(chosen: list[dict], persona: dict) -> None:
    """Municipal letters come from the municipality the persona lived in at the time (after its latest move)."""
    current = None
    for item in sorted(chosen, key=lambda i: i["date"]):
        if item["kind"] == "moved" and item["params"].get("municipality"):
            current = item["params"]["municipality"]
        elif item["kind"] in ("health_card", "daycare_offer") and current:
            item["params"] = {**item["params"], "municipality": current}


def is_seeded(store: Store, visit_id: str) -> bool:
    return store.get(SEED_KIND, visit_id) is not None


def seed_mailbox(store: Store, visit_id: str, persona: dict, population=None, today: dt.date | None = None,
                 events: list[dict] | None = None) -> int:
    """Deliver the persona's life letters into the visit's mailbox once. Returns the number delivered now."""
    if is_seeded(store, visit_id):
        return 0
    if events is None:
        events = life_events(persona, population)
    entries = []
    for index, request in enumerate(letter_requests(events, persona, today)):
        meta = letters.templates()[request["template"]]
        letter_id = hashlib.sha256(f"{visit_id}:life:{index}".encode()).hexdigest()[:32]
        entries.append((letter_id, {
            "letter_id": letter_id, "template": request["template"], "params": request["params"],
            "sender": meta.get("sender", ""), "date": request["date"], "folder": "inbox", "read": request["read"],
            "replyable": bool(meta.get("replyable", False)), "attachment": bool(meta.get("attachment", False)),
            "origin": "life", "thread_id": None,
        }))
    try:
        store.put_many("letter", entries, visit_id=visit_id)
    except sa.exc.IntegrityError:  # another run of the same visit seeded it a moment ago
        return 0
    store.put(SEED_KIND, visit_id, {"count": len(entries)}, visit_id=visit_id)
    return len(entries)
