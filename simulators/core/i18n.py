"""Translation catalogs and locale formatting, without Streamlit.

Catalogs are gettext catalogs ``locales/<lang>/LC_MESSAGES/<domain>.po``, one domain per area of the app (core,
population, mitid, borger, post, compare, booth), with ``locales/messages.pot`` as their template; ``make
catalogs`` extracts, updates and compiles them (README "Conventions"). Each language is one
``babel.support.Translations`` merging its domains, with English as fallback. Message ids are stable keys such as
``"welcome.title"``; every key must exist in all three languages and be used by the code
(tests/unit/core/test_catalogs.py checks both).

The compiled ``.mo`` files are build products, not in git: ``translations(lang)`` compiles a domain's ``.mo``
from its ``.po`` when it is missing or older than the ``.po`` (written atomically next to it; in memory only if
the folder is read-only), so a fresh clone runs with ``make run`` and no build step.

Texts use ``str.format`` placeholders: ``"Trin {step} af {total}"``; plurals are ``ngettext`` entries
(``translate_plural``). A text that cannot be formatted with the params given (a placeholder missing) raises
``MessageFormatError`` when ``DDS_STRICT_I18N=1`` (tests/conftest.py sets it); in the app it is logged and the
unformatted text is shown, so a visitor's page never breaks over a translation. A missing key behaves alike
(strict: ``MissingMessageError``; else English, then the key itself).
"""
from __future__ import annotations

import datetime as dt
import io
import logging
import os
import string
import tempfile
from decimal import Decimal
from functools import lru_cache, wraps
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_datetime, format_skeleton, format_time
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent
from babel.support import Translations
from babel.units import format_unit
from simulators.core import figures
from simulators.core.paths import LOCALES_DIR

LANGS: tuple[str, ...] = ("de", "en", "da")
DEFAULT_LANG = "de"  # the booth's audience is mostly German-speaking
FALLBACK_LANG = "en"
BABEL_LOCALES = {"de": "de_DE", "en": "en_GB", "da": "da_DK"}
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English", "da": "Dansk"}
LOCALES_DIR = LOCALES_DIR
STRICT_ENV = "DDS_STRICT_I18N"
log = logging.getLogger(__name__)


class MessageFormatError(ValueError):
    """A message's placeholders do not match the params given (raised only in strict mode)."""


class MissingMessageError(KeyError):
    """A key that no catalog has (raised only in strict mode)."""


def strict() -> bool:
    return os.environ.get(STRICT_ENV, "") not in ("", "0")


def normalise_lang(value: str | None) -> str | None:
    """Map 'de-DE', 'da_DK', 'EN' … to one of LANGS, or None."""
    if not value:
        return None
    code = str(value).strip().replace("_", "-").split("-")[0].lower()
    return code if code in LANGS else None


def catalog_files(lang: str) -> list[Path]:
    """The .po files of one language, one per domain."""
    return sorted((LOCALES_DIR / lang / "LC_MESSAGES").glob("*.po"))


def compile_po(po: Path, lang: str) -> bytes:
    """The .mo bytes of one .po file, as ``pybabel compile`` writes them."""
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=BABEL_LOCALES[lang], domain=po.stem)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _mo_bytes(po: Path, lang: str) -> bytes:
    mo = po.with_suffix(".mo")
    try:
        if mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
            return mo.read_bytes()
    except FileNotFoundError:
        pass
    data = compile_po(po, lang)
    temporary = None
    try:  # atomically, as several replicas may start at once
        with tempfile.NamedTemporaryFile(dir=mo.parent, prefix=f".{mo.name}.", delete=False) as handle:
            temporary = handle.name
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, mo)
    except OSError as exc:
        log.info("i18n: cannot write %s (%s); compiled in memory", mo, exc)
        if temporary:
            Path(temporary).unlink(missing_ok=True)
    return data


@lru_cache(maxsize=None)
def translations(lang: str) -> Translations:
    """All domains of one language merged into one ``Translations``; English is the fallback of the others."""
    merged: Translations | None = None
    for po in catalog_files(lang):  # the first domain's header (Plural-Forms) holds for the merged catalog
        domain = Translations(fp=io.BytesIO(_mo_bytes(po, lang)), domain=po.stem)
        merged = domain if merged is None else merged.merge(domain)
    if merged is None:
        log.warning("i18n: no catalogs for %r under %s", lang, LOCALES_DIR)
        buffer = io.BytesIO()
        write_mo(buffer, Catalog(locale=BABEL_LOCALES[lang]))
        merged = Translations(fp=io.BytesIO(buffer.getvalue()))
    if lang != FALLBACK_LANG:
        merged.add_fallback(translations(FALLBACK_LANG))
    return merged


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    """The singular messages of one language (no fallback): key -> text."""
    return {key: text for key, text in translations(lang)._catalog.items() if isinstance(key, str) and key}


@lru_cache(maxsize=8192)
def _fields(text: str) -> tuple[str, ...]:
    """The placeholder names of a message text."""
    try:
        return tuple(dict.fromkeys(name.split(".")[0].split("[")[0]
                                   for _, name, _, _ in string.Formatter().parse(text) if name))
    except ValueError:
        return ()


def fmt_figure(figure: figures.Figure, what: str, lang: str) -> str:
    """A figure of data/figures.toml for a reader: its value by its kind, or its reference "year" or "period"."""
    if what == "year":
        return str(figure.year)
    if what == "period":
        text = figure.period
        return text if "-" not in text else fmt_date(figures.parse_period(text), lang,
                                                     "MMMM y" if text.count("-") == 1 else "medium")
    if figure.kind == "date":
        return fmt_date(dt.date.fromisoformat(figure.value), lang, "long")
    if figure.kind == "day":  # a day of every year: "1 November", "1. November", "1. november"
        return format_skeleton("MMMMd", dt.date(2024, int(figure.value[:2]), int(figure.value[3:])),
                               locale=babel_locale(lang))
    value, decimals = figure.value, figure.decimals
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
    if figure.kind == "money":
        return fmt_money(value, lang, figure.unit, 0 if decimals == 0 else 2)
    if figure.kind == "percent":
        return fmt_percent(value, lang, decimals)
    return fmt_number(value, lang, decimals)


def figure_params(text: str, lang: str, given: dict | None = None) -> dict[str, str]:
    """The placeholders of ``text`` that name a figure of data/figures.toml (and are not in ``given``), formatted
    for ``lang``: a text never spells a figure out (tests/unit/core/test_catalog_figures.py)."""
    found = {}
    for name in _fields(text):
        if given and name in given:
            continue
        shown = _figure_text(name, lang)
        if shown is not None:
            found[name] = shown
    return found


@lru_cache(maxsize=4096)
def _figure_text(name: str, lang: str) -> str | None:
    """A placeholder's figure as shown in ``lang`` (None: no figure): the figures are read once per process, so
    their text is too (a tax page formats ~40 of them a run: issue #18)."""
    hit = figures.lookup(name)
    return None if hit is None else fmt_figure(hit[0], hit[1], lang)


def source_name(source, lang: str, short: bool = False) -> str:
    """A source's name for the screen (its short name if asked and it has one), tagged "Sekundärquelle" /
    "secondary source" / "sekundær kilde" when it is not an official source (``Source.secondary``)."""
    name = source.short if short and source.short else source.title
    return f"{name} ({translate(lang, SECONDARY_KEY)})" if source.secondary else name


SECONDARY_KEY = "source.secondary"  # the tag of a secondary source, everywhere it is shown


class _Keep(dict):
    def __missing__(self, name):  # a text translated without params keeps its other placeholders as they are
        return "{" + name + "}"


def _format(lang: str, key: str, text: str, params: dict) -> str:
    if "{" in text:
        from_data = figure_params(text, lang, params)
        if from_data and not params:
            return text.format_map(_Keep(from_data))
        params = {**from_data, **params}
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
        problem = f"message {key!r} ({lang}) cannot be formatted with {sorted(params)}: {exc!r}"
        if strict():
            raise MessageFormatError(problem) from exc
        log.warning("i18n: %s", problem)
        return text


def _missing(lang: str, key: str) -> None:
    if strict():
        raise MissingMessageError(f"no catalog has the message {key!r} ({lang})")
    log.warning("i18n: no catalog has the message %r (%s)", key, lang)


def _translations_for(lang: str) -> Translations:
    return translations(lang if lang in LANGS else FALLBACK_LANG)


def translate(lang: str, key: str, **params) -> str:
    """The text for ``key`` in ``lang`` (falls back to English, then to the key), formatted with ``params``."""
    text = _translations_for(lang).gettext(key)
    if text == key:
        _missing(lang, key)
    return _format(lang, key, text, params)


def translate_plural(lang: str, singular: str, plural: str, n: int, **params) -> str:
    """``ngettext``: the form of ``singular``/``plural`` for the number ``n`` in ``lang``, formatted with ``params``
    (pass the number formatted for display yourself, e.g. ``count=fmt_number(n, lang)``)."""
    text = _translations_for(lang).ngettext(singular, plural, n)
    if text in (singular, plural):
        _missing(lang, singular)
    return _format(lang, singular, text, params)


@lru_cache(maxsize=None)
def babel_locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(lang, BABEL_LOCALES[DEFAULT_LANG]))


def _same_value_same_text(fmt):
    """Remember what ``fmt`` made of a value: Babel parses the pattern and walks the locale's data on every call
    (20-50 µs; a page formats dozens of amounts, dates and percentages a run: issue #18). The key is the value's
    type and repr, so values that compare equal but show differently (0.0 and -0.0, Decimal 1.5 and 1.50) stay apart;
    a value that cannot be a key is formatted every time."""
    @lru_cache(maxsize=8192)
    def remembered(_key, value, rest, options):
        return fmt(value, *rest, **dict(options))

    @wraps(fmt)
    def formatted(value, *rest, **options):
        try:
            return remembered((type(value), repr(value)), value, rest, tuple(sorted(options.items())))
        except TypeError:  # unhashable (an array, a list): no memory
            return fmt(value, *rest, **options)

    formatted.cache_info = remembered.cache_info
    return formatted


@_same_value_same_text
def fmt_number(value: float | int | Decimal, lang: str, decimals: int | None = None) -> str:
    if decimals is None:
        return format_decimal(value, locale=babel_locale(lang))
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


@_same_value_same_text
def fmt_money(amount: float | int | Decimal, lang: str, currency: str = "DKK", decimals: int = 0) -> str:
    number = "#,##0" + ("." + "0" * decimals if decimals else "")
    pattern = f"{number}\u00a0¤" if lang in ("de", "da") else f"¤\u00a0{number}"
    return format_currency(amount, currency, format=pattern, locale=babel_locale(lang), currency_digits=decimals != 0)


@_same_value_same_text
def fmt_percent(value: float, lang: str, decimals: int = 0) -> str:
    """``value`` is in percent (0-100), as the data files store it."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    return format_percent(value / 100, format=pattern, locale=babel_locale(lang))


@_same_value_same_text
def fmt_date(value: dt.date, lang: str, fmt: str = "medium") -> str:
    return format_date(value, format=fmt, locale=babel_locale(lang))


def fmt_datetime(value: dt.datetime, lang: str, fmt: str = "medium") -> str:
    return format_datetime(value, format=fmt, locale=babel_locale(lang))


def fmt_time(value: dt.datetime | dt.time, lang: str, fmt: str = "short") -> str:
    return format_time(value, format=fmt, locale=babel_locale(lang))


# CLDR's short duration units: de "2 Min. 23 Sek.", da "2 min. 23 sek."; English from CLDR's "en" ("2 min 23 sec"),
# since en_GB's short forms are plurals ("2 mins 23 secs").
_DURATION_LOCALES = {"de": "de_DE", "en": "en", "da": "da_DK"}


def fmt_duration(seconds: float, lang: str) -> str:
    """A length of time to the second for a reader: "12 Sek.", "3 Min. 5 Sek.", "1 Std. 2 Min." (de); below a
    minute seconds only, from an hour on hours and minutes; zero parts are left out ("3 Min.")."""
    locale = _DURATION_LOCALES.get(lang, BABEL_LOCALES[DEFAULT_LANG])
    total = max(0, int(round(seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        parts = [(hours, "hour")] + ([(minutes, "minute")] if minutes else [])
    else:
        parts = ([(minutes, "minute")] if minutes else []) + ([(secs, "second")] if secs or not minutes else [])
    return " ".join(format_unit(value, f"duration-{unit}", length="short", locale=locale) for value, unit in parts)
