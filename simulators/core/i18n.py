"""Translation catalogs and locale formatting, without Streamlit.

Catalogs are gettext ``.po`` files under ``locales/<lang>/`` (one file per area of the app), read with Babel.
Message ids are stable keys such as ``"welcome.title"``; every key must exist in all three languages, and every
key must be used somewhere in the code (tests/unit/test_catalogs.py checks both).
Texts use ``str.format`` placeholders: ``"Trin {step} af {total}"``.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent
from simulators.core.paths import LOCALES_DIR

LANGS: tuple[str, ...] = ("de", "en", "da")
DEFAULT_LANG = "de"  # the booth's audience is mostly German-speaking
BABEL_LOCALES = {"de": "de_DE", "en": "en_GB", "da": "da_DK"}
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English", "da": "Dansk"}
LOCALES_DIR = LOCALES_DIR


def normalise_lang(value: str | None) -> str | None:
    """Map 'de-DE', 'da_DK', 'EN' … to one of LANGS, or None."""
    if not value:
        return None
    code = str(value).strip().replace("_", "-").split("-")[0].lower()
    return code if code in LANGS else None


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    """All messages of one language, merged from every .po file of that language."""
    messages: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle, locale=BABEL_LOCALES[lang]):
                if message.id and isinstance(message.id, str):
                    messages[message.id] = message.string or ""
    return messages


def catalog_files(lang: str) -> list[Path]:
    return sorted((LOCALES_DIR / lang).glob("*.po"))


def translate(lang: str, key: str, **params) -> str:
    """The text for ``key`` in ``lang``; falls back to English, then to the key itself (tests forbid both)."""
    text = catalog(lang).get(key) or catalog("en").get(key) or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def babel_locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(lang, BABEL_LOCALES[DEFAULT_LANG]))


def fmt_number(value: float | int | Decimal, lang: str, decimals: int | None = None) -> str:
    if decimals is None:
        return format_decimal(value, locale=babel_locale(lang))
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


def fmt_money(amount: float | int | Decimal, lang: str, currency: str = "DKK", decimals: int = 0) -> str:
    pattern = None
    if decimals == 0:
        pattern = "#,##0\u00a0¤" if lang in ("de", "da") else "¤\u00a0#,##0"
    return format_currency(amount, currency, format=pattern, locale=babel_locale(lang), currency_digits=decimals != 0)


def fmt_percent(value: float, lang: str, decimals: int = 0) -> str:
    """``value`` is in percent (0-100), as the data files store it."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    return format_percent(value / 100, format=pattern, locale=babel_locale(lang))


def fmt_date(value: dt.date, lang: str, fmt: str = "medium") -> str:
    return format_date(value, format=fmt, locale=babel_locale(lang))


def fmt_datetime(value: dt.datetime, lang: str, fmt: str = "medium") -> str:
    return format_datetime(value, format=fmt, locale=babel_locale(lang))


def fmt_time(value: dt.datetime | dt.time, lang: str, fmt: str = "short") -> str:
    return format_time(value, format=fmt, locale=babel_locale(lang))
