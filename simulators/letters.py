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
``_date`` hold ISO dates, ``_dkk``/``_eur`` amounts of money, other ints numbers; everything else is text.
"""
from __future__ import annotations

import datetime as dt
import string
import tomllib
from functools import lru_cache
from pathlib import Path

from simulators import i18n

LETTERS_DIR = Path(__file__).resolve().parent.parent / "data" / "letters"


@lru_cache(maxsize=None)
def templates() -> dict[str, dict]:
    result = {}
    for path in sorted(LETTERS_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            result[path.stem] = tomllib.load(handle)
    return result


def placeholders(template_id: str) -> set[str]:
    names: set[str] = set()
    template = templates()[template_id]
    for lang in i18n.LANGS:
        for field in ("subject", "body"):
            names |= {f for _, f, _, _ in string.Formatter().parse(template[lang][field]) if f}
    return names


def format_param(name: str, value, lang: str) -> str:
    if value is None:
        return ""
    if name.endswith("_date"):
        date = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        return i18n.fmt_date(date, lang, "long")
    if name.endswith("_dkk"):
        return i18n.fmt_money(value, lang, "DKK")
    if name.endswith("_eur"):
        return i18n.fmt_money(value, lang, "EUR")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return i18n.fmt_number(value, lang)
    return str(value)


def render(template_id: str, lang: str, params: dict) -> dict:
    """Subject, body and metadata of a letter in ``lang``. Raises KeyError when a placeholder has no value."""
    template = templates()[template_id]
    values = {name: format_param(name, value, lang) for name, value in params.items()}
    missing = placeholders(template_id) - values.keys()
    if missing:
        raise KeyError(f"letter {template_id!r} lacks values for {sorted(missing)}")
    text = template[lang]
    return {"template": template_id, "subject": text["subject"].format(**values),
            "body": text["body"].format(**values), "sender": template.get("sender", ""),
            "replyable": bool(template.get("replyable", False)), "attachment": bool(template.get("attachment", False))}
