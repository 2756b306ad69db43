"""Life-event journeys in Denmark and Germany as step timelines, and the "What Germany can learn" facts.

Data: data/journeys.toml (steps with texts in de/en/da, channel, kind, days, sources, assumption flags; the
paper documents a citizen needs), data/journeys_sources.toml (source id -> title, url) and data/learn.toml.
``load()`` checks every entry and raises ValueError naming the journey and step when a text is missing, a source
id is unknown, a step's kind is missing, or a step has neither a source nor an assumption flag.

**Count what a citizen feels.** Every step has a ``kind``: ``citizen`` (what the citizen does or must wait for
before they have what they came for: an action, an appointment, a decision or document they applied for) or
``follow_up`` (what follows by itself and needs nothing from them: register updates, a card or letter by post, an
automatic payment). ``Summary`` counts both apart: *done for the citizen* is the day the last required citizen
step ends; *all follow-ups arrived* the day the last required step of any kind ends.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from simulators.core import figures
from simulators.core.i18n import LANGS, figure_params
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
KIND_KEYS = {"citizen": "compare.journeys.kind.citizen", "follow_up": "compare.journeys.kind.follow_up"}
KIND_ICONS = {"citizen": "🙋", "follow_up": "📨"}
KINDS = tuple(KIND_KEYS)
NOT_ACTIONS = ("wait", "automatic")  # channels of a citizen step in which the citizen only waits or nothing happens
COUNTRIES = ("DK", "DE")
CHANNELS = tuple(CHANNEL_KEYS)
# "required": the step counts as required although not everyone needs it (a modelling choice the page names)
ASSUMPTION_FIELDS = ("step", "channel", "required")
# what a step's ``days_max`` is: the top of a stated range, or a second figure shown apart with its label (never
# joined with ``days`` into a range): a reported worst case, the slowest office's average, the case of an objection
UPPER_KINDS = ("range", "worst_case", "slowest_office", "objection")
UPPER_KEYS = {"worst_case": "compare.journeys.upper.worst_case",  # the label of a second figure: takes {days}
              "slowest_office": "compare.journeys.upper.slowest_office", "objection": "compare.journeys.upper.objection"}
DAYS_PER_UNIT = {"days": 1, "weeks": 7, "months": 365 / 12, "hours": 1 / 24}
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
    kind: str = "citizen"  # citizen | follow_up (see the module's docstring)
    upper: str = "range"  # what days_max is (UPPER_KINDS)

    @property
    def labelled_upper(self) -> bool:
        """``days_max`` is a second, labelled figure (a worst case, the slowest office …), not a range's top."""
        return self.days_max is not None and self.upper != "range"

    def text(self, lang: str) -> str:
        return self.texts[lang]

    @property
    def in_person(self) -> bool:
        return self.channel == "in_person" and self.for_citizen

    @property
    def for_citizen(self) -> bool:
        return self.kind == "citizen"

    @property
    def action(self) -> bool:
        """Something the citizen does (not only waits for)."""
        return self.for_citizen and self.channel not in NOT_ACTIONS


@dataclass(frozen=True)
class Document:
    """A paper document the citizen has to get, bring or have at hand (what the registers already know is none)."""
    texts: dict[str, str]
    sources: tuple[Source, ...]

    def text(self, lang: str) -> str:
        return self.texts[lang]


@dataclass(frozen=True)
class Amount:
    kind: str
    currency: str
    texts: dict[str, str]
    sources: tuple[Source, ...]
    amount: float | None = None  # None: the source gives no figure (the text says why)
    amount_max: float | None = None
    per: str = "once"
    alternative: bool = False  # the cost of the alternative the journey's note names (eWA online), not of its steps


@dataclass(frozen=True)
class Summary:
    """A journey's figures on its required path (steps without a sourced duration count as 0 days)."""
    steps: int
    optional_steps: int
    visits: int  # the citizen's visits in person on the required path
    optional_visits: int
    days: float  # until all follow-ups arrived
    days_max: float
    unsourced_durations: int
    assumptions: int
    actions: int = 0  # what the citizen does on the required path (not waits, not follow-ups)
    documents: int = 0  # paper documents the citizen needs
    citizen_days: float = 0.0  # until done for the citizen
    citizen_days_max: float = 0.0
    citizen_unsourced: int = 0  # citizen steps up to that day without a sourced duration
    follow_ups: int = 0  # required steps that follow by themselves
    follow_ups_unsourced: int = 0  # of those, without a sourced duration ("days" is then the last sourced one)


@dataclass(frozen=True)
class Journey:
    event: str
    country: str
    steps: tuple[JourneyStep, ...]
    amounts: tuple[Amount, ...] = ()
    deadline: Sourced | None = None
    note: Sourced | None = None
    documents: tuple[Document, ...] = ()

    def required_steps(self) -> tuple[JourneyStep, ...]:
        return tuple(s for s in self.steps if not s.optional)

    def citizen_path(self) -> tuple[JourneyStep, ...]:
        """The required steps up to the last one of the citizen (the follow-ups among them included): when they
        are over, the citizen is done."""
        required = self.required_steps()
        last = max((i for i, s in enumerate(required) if s.for_citizen), default=-1)
        return required[:last + 1]

    def summary(self) -> Summary:
        required, path = self.required_steps(), self.citizen_path()
        return Summary(
            steps=len(required), optional_steps=len(self.steps) - len(required),
            visits=sum(s.in_person for s in required),
            optional_visits=sum(s.in_person for s in self.steps if s.optional),
            days=_days(required), days_max=_days_max(required),
            unsourced_durations=sum(s.days is None for s in required),
            assumptions=sum(bool(s.assumptions) for s in self.steps),
            actions=sum(s.action for s in required), documents=len(self.documents),
            citizen_days=_days(path), citizen_days_max=_days_max(path),
            citizen_unsourced=sum(s.days is None and s.for_citizen for s in path),
            follow_ups=sum(not s.for_citizen for s in required),
            follow_ups_unsourced=sum(not s.for_citizen and s.days is None for s in required),
        )

    def cost_amounts(self) -> tuple[Amount, ...]:
        return tuple(a for a in self.amounts if a.kind == "cost")

    def all_sources(self) -> tuple[Source, ...]:
        found = [src for s in self.steps for src in s.sources] + [src for a in self.amounts for src in a.sources]
        found += [src for part in (self.deadline, self.note) if part for src in part.sources]
        found += [src for d in self.documents for src in d.sources]
        return tuple(dict.fromkeys(found))


def _days(steps) -> float:
    return sum(s.days or 0 for s in steps)


def _days_max(steps) -> float:
    """The top of the stated ranges; a labelled second figure (a worst case, the slowest office's average) is not
    a range's top and stays out (the page shows it apart, with its label: ``labelled_uppers``)."""
    return sum((s.days_max if s.days_max is not None and not s.labelled_upper else s.days) or 0 for s in steps)


def labelled_uppers(steps) -> tuple[JourneyStep, ...]:
    """The steps whose ``days_max`` is a second, labelled figure (shown apart, never as a range)."""
    return tuple(s for s in steps if s.labelled_upper and s.days is not None and s.days_max > s.days)


@dataclass(frozen=True)
class Fact:
    fact_id: str
    icon: str
    title: dict[str, str]
    body: Sourced


class _Keep(dict):
    def __missing__(self, name):
        return "{" + name + "}"


def _filled(text: str, lang: str, where: str) -> str:
    """A data text with its figures (``{id}`` of data/figures.toml) filled in for ``lang``: data texts do not spell
    figures out either (tests/unit/core/test_figures.py)."""
    if "{" not in text:
        return text
    filled = text.format_map(_Keep(figure_params(text, lang)))
    if "{" in filled:
        raise ValueError(f"{where}: a placeholder in {text!r} names no figure of data/figures.toml")
    return filled


def _texts(entry: dict, where: str) -> dict[str, str]:
    missing = [lang for lang in LANGS if not str(entry.get(lang) or "").strip()]
    if missing:
        raise ValueError(f"{where}: text missing in {', '.join(missing)}")
    return {lang: _filled(entry[lang].strip(), lang, where) for lang in LANGS}


def _duration(value, where: str) -> float | None:
    """Days as given, or the figure of data/figures.toml a step names (its unit converted to days)."""
    if not isinstance(value, str):
        return value
    figure = figures.get(value)
    if figure.unit not in DAYS_PER_UNIT:
        raise ValueError(f"{where}: figure {value!r} is not a duration")
    return round(figure.value * DAYS_PER_UNIT[figure.unit], 2)


def source_of(key: str, entry: dict) -> Source:
    return Source(key, entry["title"], entry["url"], secondary=bool(entry.get("secondary", False)))


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
    if entry.get("kind") not in KINDS:
        raise ValueError(f"{where}: kind {entry.get('kind')!r} not one of {', '.join(KINDS)}")
    days, days_max = _duration(entry.get("days"), where), _duration(entry.get("days_max"), where)
    if days is not None and (days < 0 or (days_max is not None and days_max < days)):
        raise ValueError(f"{where}: bad days {days}..{days_max}")
    if entry.get("upper", "range") not in UPPER_KINDS:
        raise ValueError(f"{where}: upper must be one of {', '.join(UPPER_KINDS)}")
    return JourneyStep(texts, entry["channel"], found, days, days_max, bool(entry.get("optional", False)), assumptions,
                       entry["kind"], entry.get("upper", "range"))


def _document(entry: dict, sources: dict, where: str) -> Document:
    found = _sources(entry.get("source"), sources, where)
    if not found:
        raise ValueError(f"{where}: no source")
    return Document(_texts(entry, where), found)


def _amount(entry: dict, sources: dict, where: str) -> Amount:
    if entry.get("kind") not in AMOUNT_KINDS or entry.get("per", "once") not in AMOUNT_PERIODS:
        raise ValueError(f"{where}: bad kind or period")
    found = _sources(entry.get("source"), sources, where)
    amount, amount_max, currency = entry.get("amount"), entry.get("amount_max"), entry.get("currency")
    if "figure" in entry:  # the amount's home is data/figures.toml: value, currency and sources from there
        figure = figures.get(entry["figure"])
        amount, currency = figure.value, figure.unit
        found = tuple(dict.fromkeys(found + figure.sources))
        if "figure_max" in entry:
            top = figures.get(entry["figure_max"])
            amount_max, found = top.value, tuple(dict.fromkeys(found + top.sources))
    if not found:
        raise ValueError(f"{where}: no source")
    return Amount(entry["kind"], currency, _texts(entry, where), found, amount, amount_max, entry.get("per", "once"),
                  bool(entry.get("alternative", False)))


def parse(journeys_doc: dict, sources_doc: dict) -> dict[tuple[str, str], Journey]:
    sources = {key: source_of(key, value) for key, value in sources_doc.items()}
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
        documents = tuple(_document(d, sources, f"{where} document {i}")
                          for i, d in enumerate(entry.get("document", []), 1))
        journeys[(event, country)] = Journey(event, country, steps, amounts,
                                             _sourced(entry.get("deadline"), sources, f"{where} deadline"),
                                             _sourced(entry.get("note"), sources, f"{where} note"), documents)
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
    sources = {key: source_of(key, value) for key, value in _toml("journeys_sources.toml").items()}
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
