"""The self-service flow framework of the simulated borger.dk: a flow is data plus three pure rules.

A flow module (``simulators/borger/<name>.py``) builds one ``Flow`` and calls ``register(flow)``; its module
name goes into ``FLOW_MODULES`` in ``simulators/borger/__init__.py``. ``pages/selfservice.py?flow=<id>`` runs
any registered flow: one step per page, "Trin x af y", check-your-answers, receipt. Nothing here imports
Streamlit; every text is a catalog KEY (plus params) that the page translates.

Interface (kept stable; new things are added as optional fields with defaults):

- ``Flow(id, title_key, topic, article_key, authority, steps, eligible, validate, outcome, ...)``
  - ``topic``: an id from ``simulators.borger.topics.TOPIC_IDS``; ``authority``: an id from data/authorities.csv.
  - ``eligible(persona, today) -> (ok: bool, reason_key: str | None, reason_params: dict)``
  - ``validate(step_id, answers, persona, today) -> {field_id: (message_key, params)}``; only the flow's own
    rules: ``Flow.check_step`` first adds ``"borger.err.required"`` for empty required fields (for a required
    checkbox ``"borger.err.must_confirm"``) and skips the flow's rule for those fields; for other fields the
    flow's message replaces a generic one (not a number / not a date / not one of the options).
  - ``outcome(persona, answers, today) -> Outcome`` (without receipt number: ``Flow.finish`` sets it from a
    ``random.Random`` passed in and adds ``receipt_no``, ``full_name``, ``municipality`` and ``region`` to
    every letter's params, unless the flow set them, e.g. the new municipality after a move).
  - ``examples(persona, answers, today, rng, lang) -> Answers``: plausible answers for the flow's fields (the
    kiosk's "Beispielangaben"), consistent with ``answers`` (the prefill and earlier steps' answers); ``rng``
    seeded per visit; ``lang`` for example free text. ``Flow.example_answers`` wraps it.
  - optional: ``alternative_filters`` (kwargs for ``simulators.population.persona.pick_persona`` offered when not eligible),
    ``journey_event`` (event id of the German comparison page), ``keywords_key`` (comma-separated search words),
    ``sources`` (tuple of ``(label_key, url_or_reference)`` shown under the flow and its article),
    ``article_notes(persona, today) -> [Note]`` (shown under the article text, e.g. a table from data/).
- ``Step(id, title_key, fields, intro_key=None, notes=None, when=None)``: ``notes(persona, answers, today)``
  returns ``Note`` dicts shown above the fields; ``when(persona, answers, today)`` hides the step when False.
- ``Field(id, kind, label_key, hint_key=None, options=None, prefill=None, prefill_source_key=None,
  required=True, max_length=None)``; ``max_length`` (characters) bounds a text field, ``TEXT_MAX_LENGTH`` by
  default: a longer value gets ``"borger.err.too_long"`` with ``{max}`` (the flow's own rules do not replace it
  and see the value cut to the limit), and ``Flow.clip`` cuts it for the draft (the step is refused, the first
  ``max`` characters and every other answer are kept). Kinds: ``text``, ``int``, ``date`` (answers hold ISO strings), ``choice`` (radio), ``select``,
  ``multi`` (list of values), ``checkbox`` (bool). ``options(persona, answers, today) -> [Option]``;
  ``prefill(persona, today) -> value`` fills the field from the registers and the page marks it
  "pre-filled from <prefill_source_key> (once-only)".
- ``Option(value, label_key=None, label=None, params={})``: ``label`` is plain data text (a name, an address),
  shown escaped; ``label_key`` is translated with ``params``.
- A ``Note`` is a dict ``{"kind": "text"|"info"|"warning"|"success"|"assumption"|"source", "key", "params"}`` or
  ``{"kind": "rows", "rows": [{"label_key", "params", "value": Display}], "key": optional caption key,
  "params": optional caption params}``.
- A ``Display`` (a value to show) is one of ``{"text": str}``, ``{"key": k, "params": {}}``, ``{"date": iso}``,
  ``{"dkk": number}``, ``{"number": number}``, ``{"list": [Display, ...]}``.
- Params follow the letter convention (simulators.post.letters.format_param): names ending in ``_date`` hold ISO
  dates, ``_dkk`` amounts of money, ``_pct`` percentages (0-100), ints are numbers; ``format_params(params,
  lang)`` formats them.
- ``Outcome``: ``summary`` (rows of the answers), ``letters`` (``[{"template", "params"}]``, rendered from
  data/letters/<template>.toml), ``changes`` for Mit Overblik (see ``simulators.borger.cases``), ``receipt``
  (Notes for the receipt page), ``receipt_no``, ``submitted_on`` (ISO date).

An empty required ``choice``/``select`` gets ``borger.err.choose_required``, an empty required ``multi``
``borger.err.choose_some`` (``CHOOSE_KEYS``), every other empty required field ``borger.err.required``.
Generic message keys a flow may return: ``borger.err.required``, ``borger.err.must_confirm``,
``borger.err.not_a_number``, ``borger.err.not_a_date``, ``borger.err.choose_one``, ``borger.err.too_long``.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field as dc_field
from typing import Any, Callable

from simulators.core.visits import Persona  # the persona record (a typed dict), with the visit's changes

Answers = dict
Errors = dict  # field id -> (message_key, params)
FIELD_KINDS = ("text", "int", "date", "choice", "select", "multi", "checkbox")
TEXT_MAX_LENGTH = 200  # a text field's limit unless it names its own (issue #17: nothing unbounded is stored)
# An unanswered required choice says what to do (issue #15), not "this field is required": by field kind.
CHOOSE_KEYS = {"choice": "borger.err.choose_required", "select": "borger.err.choose_required",
               "multi": "borger.err.choose_some"}
# Generic messages a flow's own rule does not replace (the flow's rules see only bounded values: Flow.clip).
FINAL_MESSAGES = ("borger.err.required", "borger.err.must_confirm", "borger.err.too_long", *CHOOSE_KEYS.values())


@dataclass(frozen=True)
class Option:
    value: Any
    label_key: str | None = None
    label: str | None = None
    params: dict = dc_field(default_factory=dict)


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    label_key: str
    hint_key: str | None = None
    options: Callable[[Persona, Answers, dt.date], list[Option]] | None = None
    prefill: Callable[[Persona, dt.date], Any] | None = None
    prefill_source_key: str | None = None
    required: bool = True
    max_length: int | None = None  # characters; a text field without one gets TEXT_MAX_LENGTH
    # the hint's params (persona, answers, today) -> dict, by the letter convention: a date example inside the
    # window the flow accepts today, not a fixed date that lies outside it a few weeks later (issue #15)
    hint_params: Callable[[Persona, Answers, dt.date], dict] | None = None

    def __post_init__(self):
        if self.kind not in FIELD_KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")
        if self.kind == "text" and self.max_length is None:
            object.__setattr__(self, "max_length", TEXT_MAX_LENGTH)

    @property
    def once_only(self) -> bool:
        """Pre-filled from a register: the visitor is not asked for what the state already knows."""
        return self.prefill is not None


@dataclass(frozen=True)
class Step:
    id: str
    title_key: str
    fields: tuple[Field, ...] = ()
    intro_key: str | None = None
    notes: Callable[[Persona, Answers, dt.date], list[dict]] | None = None
    when: Callable[[Persona, Answers, dt.date], bool] | None = None


@dataclass
class Outcome:
    summary: list[dict]
    letters: list[dict]
    changes: dict
    receipt: list[dict]
    receipt_no: str = ""
    submitted_on: str = ""

    def to_dict(self) -> dict:
        return {"summary": self.summary, "letters": self.letters, "changes": self.changes,
                "receipt": self.receipt, "receipt_no": self.receipt_no, "submitted_on": self.submitted_on}


@dataclass(frozen=True)
class Flow:
    id: str
    title_key: str
    topic: str
    article_key: str
    authority: str
    steps: tuple[Step, ...]
    eligible: Callable[[Persona, dt.date], tuple[bool, str | None, dict]]
    validate: Callable[[str, Answers, Persona, dt.date], Errors]
    outcome: Callable[[Persona, Answers, dt.date], Outcome]
    alternative_filters: dict = dc_field(default_factory=dict)
    journey_event: str | None = None
    keywords_key: str | None = None
    sources: tuple[tuple[str, str], ...] = ()
    # Notes shown under the article (e.g. a table from data/), ``article_notes(persona, today) -> [Note]``
    article_notes: Callable[[Persona, dt.date], list[dict]] | None = None
    examples: Callable[[Persona, Answers, dt.date, random.Random, str], Answers] | None = None

    # ---- helpers every page and test uses -------------------------------------------------------------
    def visible_steps(self, persona: Persona, answers: Answers, today: dt.date) -> list[Step]:
        return [s for s in self.steps if s.when is None or s.when(persona, answers, today)]

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def prefilled(self, persona: Persona, today: dt.date) -> Answers:
        """Answers taken from the registers (once-only), for a new draft."""
        return {f.id: f.prefill(persona, today) for s in self.steps for f in s.fields if f.prefill is not None}

    def example_answers(self, persona: Persona, today: dt.date, seed: str = "", lang: str = "da",
                        given: Answers | None = None) -> Answers:
        """Plausible answers for every field (the kiosk's "Beispielangaben einsetzen"): the registers' prefill,
        then the flow's ``examples``, then ``given`` (what the visitor answered on earlier steps, which the
        examples take into account, e.g. the doctors near a typed postcode). The same ``seed`` (the visit) gives
        the same answers; complete and valid for a persona who may use the flow."""
        given = dict(given or {})
        known = {**self.prefilled(persona, today), **given}
        rng = random.Random(f"{self.id}:{seed}")
        made = self.examples(persona, dict(known), today, rng, lang) if self.examples else {}
        return {**known, **made, **given}

    def with_examples(self, persona: Persona, answers: Answers, step_id: str, today: dt.date, seed: str = "",
                      lang: str = "da") -> Answers:
        """The answers after "Beispielangaben einsetzen" on step ``step_id``: its fields take the example answers,
        the empty fields of the steps after it too; the earlier visible steps' answers stay, and the examples
        follow them (``example_answers(given=…)``)."""
        steps = self.visible_steps(persona, answers, today)
        position = next(i for i, step in enumerate(steps) if step.id == step_id)
        earlier = {f.id for step in steps[:position] for f in step.fields}
        current = {f.id for f in steps[position].fields}
        examples = self.example_answers(persona, today, seed, lang, {k: v for k, v in answers.items() if k in earlier})
        filled = dict(answers)
        for field_id, value in examples.items():
            if field_id in current or (field_id not in earlier and is_empty(filled.get(field_id))):
                filled[field_id] = value
        return filled

    def clip(self, answers: Answers) -> Answers:
        """The answers with every text value cut to its field's ``max_length`` (what a draft keeps of a value that
        was too long: the first characters, as the field's widget would have let them through)."""
        limits = {f.id: f.max_length for s in self.steps for f in s.fields if f.max_length}
        return {k: v[:limits[k]] if k in limits and isinstance(v, str) else v for k, v in answers.items()}

    def check_step(self, step_id: str, answers: Answers, persona: Persona, today: dt.date) -> Errors:
        step = self.step(step_id)
        errors: Errors = {}
        for f in step.fields:
            value = answers.get(f.id)
            if f.max_length and isinstance(value, str) and len(value) > f.max_length:
                errors[f.id] = ("borger.err.too_long", {"max": f.max_length})
            elif f.required and f.kind == "checkbox" and value is not True:
                errors[f.id] = ("borger.err.must_confirm", {})
            elif f.required and is_empty(value):
                errors[f.id] = (CHOOSE_KEYS.get(f.kind, "borger.err.required"), {})
            elif not is_empty(value) and f.kind == "int" and parse_int(value) is None:
                errors[f.id] = ("borger.err.not_a_number", {})
            elif not is_empty(value) and f.kind == "date" and parse_date(value) is None:
                errors[f.id] = ("borger.err.not_a_date", {})
            elif not is_empty(value) and f.kind in ("choice", "select") and f.options is not None and \
                    value not in [o.value for o in f.options(persona, answers, today)]:
                errors[f.id] = ("borger.err.choose_one", {})
        final = {f for f, (key, _) in errors.items() if key in FINAL_MESSAGES}
        for field_id, message in self.validate(step_id, self.clip(answers), persona, today).items():
            if field_id not in final:  # the flow's own message is more precise than a generic type error
                errors[field_id] = message
        return errors

    def check_all(self, answers: Answers, persona: Persona, today: dt.date) -> dict[str, Errors]:
        """Errors per visible step (empty dict: the answers are complete and valid)."""
        found = {s.id: self.check_step(s.id, answers, persona, today)
                 for s in self.visible_steps(persona, answers, today)}
        return {k: v for k, v in found.items() if v}

    def summary(self, persona: Persona, answers: Answers, today: dt.date) -> list[dict]:
        """The answers as rows for "check your answers" and the receipt."""
        rows = []
        for s in self.visible_steps(persona, answers, today):
            for f in s.fields:
                value = answers.get(f.id)
                if is_empty(value) and f.kind != "checkbox":
                    continue
                rows.append({"step": s.id, "field": f.id, "label_key": f.label_key,
                             "value": display(f, value, persona, answers, today), "prefilled": f.once_only})
        return rows

    def finish(self, persona: Persona, answers: Answers, today: dt.date, rng: random.Random) -> Outcome:
        """The outcome of complete, valid answers, with its receipt number. Raises ValueError otherwise."""
        ok, reason, _ = self.eligible(persona, today)
        if not ok:
            raise ValueError(f"{self.id}: persona not eligible ({reason})")
        problems = self.check_all(answers, persona, today)
        if problems:
            raise ValueError(f"{self.id}: answers invalid: {problems}")
        result = self.outcome(persona, answers, today)
        result.receipt_no = result.receipt_no or receipt_number(rng, today)
        result.submitted_on = today.isoformat()
        if not result.summary:
            result.summary = self.summary(persona, answers, today)
        common = {"receipt_no": result.receipt_no, "full_name": persona.get("full_name", ""),
                  "municipality": persona.get("municipality", ""), "region": persona.get("region", "")}
        for letter in result.letters:
            letter["params"] = {**common, **letter.get("params", {})}
        return result


FLOWS: dict[str, Flow] = {}


def register(flow: Flow) -> Flow:
    if flow.id in FLOWS and FLOWS[flow.id] is not flow:
        raise ValueError(f"flow {flow.id!r} registered twice")
    FLOWS[flow.id] = flow
    return flow


def touch_order(flows, persona: Persona, today: dt.date) -> list[Flow]:
    """The flows in the order a kiosk offers them to a visitor who only taps: first those this persona may use,
    the shortest by touch first (the pages a visitor taps through with the example answers), then the others
    (they offer a persona who can); ties keep the given order."""
    def taps(flow: Flow) -> tuple[int, int]:
        if not flow.eligible(persona, today)[0]:
            return 1, len(flow.steps)
        return 0, len(flow.visible_steps(persona, flow.example_answers(persona, today), today))
    return sorted(flows, key=taps)


# ---- small pure helpers for flow modules ---------------------------------------------------------------
def at_least_age(min_age: int, reason_key: str) -> Callable[[Persona, dt.date], tuple[bool, str | None, dict]]:
    """An ``eligible`` rule: the persona must be ``min_age`` or older (else ``reason_key`` with ``{age}``)."""
    def eligible(persona: Persona, today: dt.date) -> tuple[bool, str | None, dict]:
        if persona.get("age", 0) < min_age:
            return False, reason_key, {"age": min_age}
        return True, None, {}
    return eligible


def is_empty(value) -> bool:
    return value is None or (isinstance(value, (str, list, tuple, dict)) and len(value) == 0) or \
        (isinstance(value, str) and not value.strip())


MAX_NUMBER_CHARS = 30
_WHOLE_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}([.,]\d{3})+)")


def parse_int(value) -> int | None:
    """A whole number as people type it: "1200", "1.200" (Danish/German), "1,200" (English), "1 200". A dot or
    comma that does not separate groups of three ("1.5", "2,75") is a decimal: None, so the field says so."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if len(text) > MAX_NUMBER_CHARS or not _WHOLE_NUMBER.fullmatch(text):  # no field needs more; int() refuses >4300
        return None
    return int(text.replace(".", "").replace(",", ""))


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def receipt_number(rng: random.Random, today: dt.date) -> str:
    """A receipt number that looks like a case number: BDK-<year>-<6 digits>, from a random source."""
    return f"BDK-{today.year}-{rng.randrange(1_000_000):06d}"


def display(f: Field, value, persona: Persona, answers: Answers, today: dt.date) -> dict:
    if f.kind == "checkbox":
        return {"key": "borger.value.yes" if value else "borger.value.no", "params": {}}
    if f.kind == "date":
        parsed = parse_date(value)
        return {"date": parsed.isoformat()} if parsed else {"text": str(value)}
    if f.kind in ("choice", "select", "multi") and f.options is not None:
        by_value = {o.value: o for o in f.options(persona, answers, today)}
        values = value if f.kind == "multi" else [value]
        shown = [option_display(by_value[v]) if v in by_value else {"text": str(v)} for v in values]
        return {"list": shown} if f.kind == "multi" else shown[0]
    if f.kind == "int" and parse_int(value) is not None:  # "4.500 kr.", "4.500", never "4500" (issue #15)
        return {"dkk": parse_int(value)} if f.id.endswith("_dkk") else {"number": parse_int(value)}
    return {"text": str(value)}


def option_display(option: Option) -> dict:
    if option.label_key:
        return {"key": option.label_key, "params": dict(option.params)}
    return {"text": option.label if option.label is not None else str(option.value)}


def format_params(params: dict, lang: str) -> dict:
    """Params formatted for a language, by the letter convention (``*_date``, ``*_dkk``, ints) plus ``*_pct``
    (a percentage 0-100, shown with its decimals)."""
    from simulators.core import i18n
    from simulators.post.letters import format_param

    def one(name, value):
        if name.endswith("_pct") and isinstance(value, (int, float)):
            return i18n.fmt_percent(value, lang, 2 if round(value, 2) != round(value) else 0)
        return format_param(name, value, lang)

    return {name: one(name, value) for name, value in (params or {}).items()}
