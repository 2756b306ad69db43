"""Life-event journeys in Denmark and Germany as step timelines, and the "What Germany can learn" facts.

Data: data/journeys.toml (steps with texts in de/en/da, channel, days, sources, assumption flags),
data/journeys_sources.toml (source id -> title, url) and data/learn.toml. ``load()`` checks every entry and raises
ValueError naming the journey and step when a text is missing, a source id is unknown, or a step has neither a
source nor an assumption flag.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from simulators.core.i18n import LANGS
from simulators.core.paths import DATA_DIR
from simulators.core.sources import Source

DATA_DIR = DATA_DIR
EVENTS = ("moving", "newborn", "passport", "tax", "divorce", "car", "business")
EVENT_KEYS = {"moving": "compare.event.moving", "newborn": "compare.event.newborn",
              "passport": "compare.event.passport", "tax": "compare.event.tax", "divorce": "compare.event.divorce",
              "car": "compare.event.car", "business": "compare.event.business"}
EVENT_ICONS = {"moving": "📦", "newborn": "👶", "passport": "🛂", "tax": "🧾", "divorce": "💔", "car": "🚗",
               "business": "🏪"}
CHANNEL_KEYS = {"online": "compare.channel.online", "in_person": "compare.channel.in_person",
                "office": "compare.channel.office", "automatic": "compare.channel.automatic",
                "post": "compare.channel.post", "paper": "compare.channel.paper", "wait": "compare.channel.wait",
                "third_party": "compare.channel.third_party"}
CHANNEL_ICONS = {"online": "💻", "in_person": "🏛️", "office": "🏢", "automatic": "⚙️", "post": "📬",
                 "paper": "📄", "wait": "⏳", "third_party": "🤝"}
COUNTRIES = ("DK", "DE")
CHANNELS = tuple(CHANNEL_KEYS)
ASSUMPTION_FIELDS = ("step", "channel")
AMOUNT_KINDS = ("cost", "benefit")
AMOUNT_PERIODS = ("once", "each", "month", "quarter")


@dataclass(frozen=True)
class Sourced:
    """A text in three languages with its sources (a deadline, a note, a fact)."""
    texts: dict[str, str]
    sources: tuple[Source, ...]

    def text(self, lang: str) -> str:
        return self.texts[lang]


@dataclass(frozen=True)
class JourneyStep:
    texts: dict[str, str]
    channel: str
    sources: tuple[Source, ...]
    days: float | None = None  # None: no source states a duration
    days_max: float | None = None
    optional: bool = False
    assumptions: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        return self.texts[lang]

    @property
    def in_person(self) -> bool:
        return self.channel == "in_person"


@dataclass(frozen=True)
class Amount:
    kind: str
    currency: str
    texts: dict[str, str]
    sources: tuple[Source, ...]
    amount: float | None = None  # None: the source gives no figure (the text says why)
    amount_max: float | None = None
    per: str = "once"


@dataclass(frozen=True)
class Summary:
    steps: int
    optional_steps: int
    visits: int  # visits in person on the required path
    optional_visits: int
    days: float  # required path, steps without a sourced duration count as 0
    days_max: float
    unsourced_durations: int
    assumptions: int


@dataclass(frozen=True)
class Journey:
    event: str
    country: str
    steps: tuple[JourneyStep, ...]
    amounts: tuple[Amount, ...] = ()
    deadline: Sourced | None = None
    note: Sourced | None = None

    def required_steps(self) -> tuple[JourneyStep, ...]:
        return tuple(s for s in self.steps if not s.optional)

    def summary(self) -> Summary:
        required = self.required_steps()
        return Summary(
            steps=len(required), optional_steps=len(self.steps) - len(required),
            visits=sum(s.in_person for s in required),
            optional_visits=sum(s.in_person for s in self.steps if s.optional),
            days=sum(s.days or 0 for s in required),
            days_max=sum((s.days_max if s.days_max is not None else s.days) or 0 for s in required),
            unsourced_durations=sum(s.days is None for s in required),
            assumptions=sum(bool(s.assumptions) for s in self.steps),
        )

    def all_sources(self) -> tuple[Source, ...]:
        found = [src for s in self.steps for src in s.sources] + [src for a in self.amounts for src in a.sources]
        found += [src for part in (self.deadline, self.note) if part for src in part.sources]
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Fact:
    fact_id: str
    icon: str
    title: dict[str, str]
    body: Sourced


def _texts(entry: dict, where: str) -> dict[str, str]:
    missing = [lang for lang in LANGS if not str(entry.get(lang) or "").strip()]
    if missing:
        raise ValueError(f"{where}: text missing in {', '.join(missing)}")
    return {lang: entry[lang].strip() for lang in LANGS}


def _sources(ids, sources: dict[str, Source], where: str) -> tuple[Source, ...]:
    ids = [ids] if isinstance(ids, str) else list(ids or [])
    unknown = [i for i in ids if i not in sources]
    if unknown:
        raise ValueError(f"{where}: unknown source id(s) {', '.join(unknown)}")
    return tuple(sources[i] for i in ids)


def _sourced(entry: dict | None, sources: dict, where: str) -> Sourced | None:
    if entry is None:
        return None
    found = _sources(entry.get("source"), sources, where)
    if not found:
        raise ValueError(f"{where}: no source")
    return Sourced(_texts(entry, where), found)


def _step(entry: dict, sources: dict, where: str) -> JourneyStep:
    texts = _texts(entry, where)
    if entry.get("channel") not in CHANNELS:
        raise ValueError(f"{where}: channel {entry.get('channel')!r} not one of {', '.join(CHANNELS)}")
    assumptions = tuple(entry.get("assumptions", ()))
    if any(a not in ASSUMPTION_FIELDS for a in assumptions):
        raise ValueError(f"{where}: assumptions must be among {', '.join(ASSUMPTION_FIELDS)}")
    found = _sources(entry.get("source"), sources, where)
    if not found and "step" not in assumptions:
        raise ValueError(f"{where}: no source and not flagged as an assumption")
    days, days_max = entry.get("days"), entry.get("days_max")
    if days is not None and (days < 0 or (days_max is not None and days_max < days)):
        raise ValueError(f"{where}: bad days {days}..{days_max}")
    return JourneyStep(texts, entry["channel"], found, days, days_max, bool(entry.get("optional", False)), assumptions)


def _amount(entry: dict, sources: dict, where: str) -> Amount:
    if entry.get("kind") not in AMOUNT_KINDS or entry.get("per", "once") not in AMOUNT_PERIODS:
        raise ValueError(f"{where}: bad kind or period")
    found = _sources(entry.get("source"), sources, where)
    if not found:
        raise ValueError(f"{where}: no source")
    return Amount(entry["kind"], entry["currency"], _texts(entry, where), found, entry.get("amount"),
                  entry.get("amount_max"), entry.get("per", "once"))


def parse(journeys_doc: dict, sources_doc: dict) -> dict[tuple[str, str], Journey]:
    sources = {key: Source(key, value["title"], value["url"]) for key, value in sources_doc.items()}
    journeys: dict[tuple[str, str], Journey] = {}
    for entry in journeys_doc.get("journey", []):
        event, country = entry.get("event"), entry.get("country")
        where = f"journey {event}/{country}"
        if event not in EVENTS or country not in COUNTRIES:
            raise ValueError(f"{where}: unknown event or country")
        steps = tuple(_step(s, sources, f"{where} step {i}") for i, s in enumerate(entry.get("step", []), start=1))
        if not steps:
            raise ValueError(f"{where}: no steps")
        amounts = tuple(_amount(a, sources, f"{where} amount {i}") for i, a in enumerate(entry.get("amount", []), 1))
        journeys[(event, country)] = Journey(event, country, steps, amounts,
                                             _sourced(entry.get("deadline"), sources, f"{where} deadline"),
                                             _sourced(entry.get("note"), sources, f"{where} note"))
    missing = [f"{e}/{c}" for e in EVENTS for c in COUNTRIES if (e, c) not in journeys]
    if missing:
        raise ValueError(f"journeys missing: {', '.join(missing)}")
    return journeys


def _toml(name: str) -> dict:
    with (DATA_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def load() -> dict[tuple[str, str], Journey]:
    return parse(_toml("journeys.toml"), _toml("journeys_sources.toml"))


@lru_cache(maxsize=1)
def learn_facts() -> tuple[Fact, ...]:
    sources = {key: Source(key, value["title"], value["url"]) for key, value in _toml("journeys_sources.toml").items()}
    facts = []
    for entry in _toml("learn.toml").get("fact", []):
        where = f"learn fact {entry.get('id')}"
        facts.append(Fact(entry["id"], entry.get("icon", ""), _texts(entry["title"], where),
                          _sourced(entry, sources, where)))
    return tuple(facts)


def normalise_event(value: str | None) -> str | None:
    """An ``?event=`` value from the URL as one of EVENTS, or None."""
    value = (value or "").strip().lower()
    return value if value in EVENTS else None
