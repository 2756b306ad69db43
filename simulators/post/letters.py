"""Letter templates: ``data/letters/<template_id>.toml``, one file per letter, all three languages in it.

Format::

    sender = "kommune"          # an id from data/authorities.csv
    replyable = false
    attachment = true           # a PDF is made on demand
    [da]
    subject = "Din flytning er registreret"
    body = '''Kære {full_name} …'''
    [de]  …   [en]  …

Placeholders are ``{name}``. Parameter values are formatted for the language when rendered: names ending in
``_date`` hold ISO dates, ``_datetime`` ISO date-times, ``_dkk``/``_eur`` amounts of money, ``_year`` years
(never grouped: 2024, not 2.024), other ints numbers; everything else is text.
Optional keys: ``assumption = true`` marks a letter whose sending through Digital Post is an assumption of the
simulation (the page says so); ``attachment_name`` names the PDF attachment; ``journey_event`` (an event id of
simulators.compare.journeys) is the life event the letter is about, so the letter offers its comparison with Germany.

Senders are ids from ``data/authorities.csv``; names with ``{municipality}``/``{region}`` are filled from the
letter's parameters first, then from the persona.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import string
import tomllib
from functools import lru_cache

from simulators.core import figures, i18n, visitor_text
from simulators.core.paths import DATA_DIR

DATA_DIR = DATA_DIR
LETTERS_DIR = DATA_DIR / "letters"
AUTHORITIES_CSV = DATA_DIR / "authorities.csv"
# Persona fields a template may use without the caller passing them (see persona_params).
PERSONA_FIELDS = ("full_name", "first_name", "last_name", "address_line1", "address_line2", "municipality",
                  "region")


@lru_cache(maxsize=None)
def templates() -> dict[str, dict]:
    result = {}
    for path in sorted(LETTERS_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            result[path.stem] = tomllib.load(handle)
    return result


@lru_cache(maxsize=None)
def placeholders(template_id: str) -> frozenset[str]:
    """The params a letter needs (its figures, ``{id}`` of data/figures.toml, come from there: issue #19). Parsed
    once per template and process: every letter a mailbox formats asked again (a fifth of formatting one)."""
    names: set[str] = set()
    template = templates()[template_id]
    for lang in i18n.LANGS:
        for field in ("subject", "body"):
            names |= {f for _, f, _, _ in string.Formatter().parse(template[lang][field]) if f}
    return frozenset(name for name in names if figures.lookup(name) is None)


@lru_cache(maxsize=None)
def _fields(template_id: str, lang: str, body: bool) -> frozenset[str]:
    """The placeholders of a template's subject (and body) in one language: plain names, as
    tests/unit/post/test_letters.py checks (no ``{a.b}``, ``{a[0]}``, format spec or conversion)."""
    text = templates()[template_id][lang]
    shown = ("subject", "body") if body else ("subject",)
    return frozenset(f for field in shown for _, f, _, _ in string.Formatter().parse(text[field]) if f)


def format_param(name: str, value, lang: str) -> str:
    if value is None:
        return ""
    if name.endswith("_datetime"):
        try:
            moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
        except ValueError:  # not ISO: show it as given
            return str(value)
        return f"{i18n.fmt_date(moment.date(), lang, 'full')}, {i18n.fmt_time(moment, lang, 'short')}"
    if name.endswith("_date"):
        date = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        return i18n.fmt_date(date, lang, "long")
    if name.endswith("_dkk"):
        return i18n.fmt_money(value, lang, "DKK")
    if name.endswith("_eur"):
        return i18n.fmt_money(value, lang, "EUR")
    if name == "year" or name.endswith("_year"):  # a year is no quantity: "2026", never "2.026" (issue #15)
        return str(value)
    if name.endswith("_quarter"):
        return format_quarter(value, lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return i18n.fmt_number(value, lang)
    return str(value)


def render(template_id: str, lang: str, params: dict, strict: bool = True, body: bool = True) -> dict:
    """Subject, body and metadata of a letter in ``lang``. Raises KeyError when a placeholder has no value,
    unless ``strict`` is False: then it shows as "–" (the mailbox must not break on another flow's slip).
    ``body=False``: the subject only (body None), for the mailbox's list — the body's amounts and dates are most of
    the formatting, and a visitor's new letters were all formatted on the mailbox's first open (issue #18)."""
    template = templates()[template_id]
    text = template[lang]
    shown = text["subject"] + text["body"] if body else text["subject"]
    used = _fields(template_id, lang, body)  # a letter's params hold the persona's fields too; most are not shown
    values = {**i18n.figure_params(shown, lang),  # the letter's figures, from data/
              **{name: format_param(name, value, lang) for name, value in params.items() if name in used}}
    missing = placeholders(template_id) - values.keys() - params.keys()  # a value for each, in any language
    if missing and strict:
        raise KeyError(f"letter {template_id!r} lacks values for {sorted(missing)}")
    values = _Blank(values)
    return {"template": template_id, "subject": text["subject"].format_map(values),
            "body": text["body"].format_map(values) if body else None, "sender": template.get("sender", ""),
            "replyable": bool(template.get("replyable", False)), "attachment": bool(template.get("attachment", False)),
            "assumption": bool(template.get("assumption", False))}


_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*Q([1-4])\s*$", re.IGNORECASE)
_QUARTER_PATTERNS = {"da": "{q}. kvartal {y}", "de": "{q}. Quartal {y}", "en": "Q{q} {y}"}


def format_quarter(value, lang: str) -> str:
    """'2024-Q3' (or '2024Q3', or a (year, quarter) pair) as '3. kvartal 2024' / '3. Quartal 2024' / 'Q3 2024'."""
    if isinstance(value, (tuple, list)) and len(value) == 2:
        year, quarter = value
    else:
        match = _QUARTER.match(str(value))
        if not match:
            return str(value)
        year, quarter = match.groups()
    return _QUARTER_PATTERNS.get(lang, _QUARTER_PATTERNS["en"]).format(q=int(quarter), y=int(year))


def persona_params(persona: dict | None) -> dict:
    """The persona's fields that templates may use as placeholders."""
    persona = persona or {}
    return {name: persona.get(name, "") for name in PERSONA_FIELDS}


@lru_cache(maxsize=None)
def authorities() -> dict[str, dict]:
    """Sender id -> {"kind", "da", "de", "en"} from data/authorities.csv."""
    with AUTHORITIES_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: {"kind": row["kind"], "da": row["name_da"], "de": row["name_de"], "en": row["name_en"]}
                for row in csv.DictReader(handle)}


def sender_name(sender_id: str, lang: str, values: dict | None = None) -> str:
    """The sender's name in ``lang``; {municipality}/{region} filled from ``values`` (letter params + persona)."""
    entry = authorities().get(sender_id)
    if entry is None:
        return sender_id
    values = values or {}
    return entry[lang].format_map(_Blank({k: v for k, v in values.items() if v not in (None, "")}))


class _Blank(dict):
    def __missing__(self, key):  # an unknown municipality shows as "–", never as "{municipality}"
        return "–"


def escape_markdown(text: str) -> str:
    """Text safe to show inside a Markdown label (button, caption): simulators.core.visitor_text.escape_markdown
    (kept here for the post area's callers)."""
    return visitor_text.escape_markdown(text)
