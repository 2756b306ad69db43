"""The catalogs (locales/<lang>/LC_MESSAGES/<domain>.po) against the code: every message exists, non-empty, in de,
en and da (plural forms complete), with the same placeholders; every key the code uses exists; every key is used.

A *use* is a key in a key position as ``locales/extract.py`` defines it with ``ast`` (a string literal passed to
``t``/``tn``/``translate``/``ngettext``, a ``*_key``/``*_keys`` argument or dict entry, an entry of a ``*_KEYS``
registry that the code reads, a ``(key, params)`` pair, …), the same walk ``make catalogs`` extracts with; a
quoted string elsewhere is no use. Keys built at run time must be declared in ``extract.DYNAMIC_KEYS``.

Seen failing: with a message ``welcome.deliberately_unused`` added to core.po in all three languages (and to no
code), ``test_every_catalog_message_is_used_by_the_code`` failed with "catalog messages no code uses:
['welcome.deliberately_unused']"; the key was removed again. ``test_an_unused_key_is_detected`` repeats this on a
copy of the catalogs, and the old rule (any quoted string counts) had let 38 dead keys live (the occupation names,
``population.assumption_note``, ``post.notice.link*``).
"""
import shutil
from functools import lru_cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from locales import extract
from simulators.core import i18n

LOCALES = i18n.LOCALES_DIR


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=i18n.BABEL_LOCALES[lang] if lang else None)


@lru_cache(maxsize=None)
def catalogs(locales_dir: Path, lang: str) -> dict[str, Catalog]:
    """domain -> catalog of one language, read from the .po files (the source; the .mo are compiled from them)."""
    return {po.stem: read(po, lang) for po in sorted((locales_dir / lang / "LC_MESSAGES").glob("*.po"))}


@lru_cache(maxsize=None)
def messages(locales_dir: Path, lang: str) -> dict:
    """msgid (a key, or (singular, plural)) -> Message, every domain of one language."""
    return {m.id: m for catalog in catalogs(locales_dir, lang).values() for m in catalog if m.id}


def keys_of(msgid) -> tuple[str, ...]:
    return tuple(msgid) if isinstance(msgid, (tuple, list)) else (msgid,)


def catalog_keys(locales_dir: Path) -> set[str]:
    return {key for lang in i18n.LANGS for msgid in messages(locales_dir, lang) for key in keys_of(msgid)}


@lru_cache(maxsize=1)
def uses() -> tuple[extract.Use, ...]:
    return tuple(extract.scan())


def dynamic(key: str) -> bool:
    return key.startswith(tuple(extract.DYNAMIC_KEYS))


def unused_keys(locales_dir: Path) -> list[str]:
    return sorted(k for k in catalog_keys(locales_dir) - extract.used_keys(list(uses())) if not dynamic(k))


# ---- every message in every language ----------------------------------------------------------------------
def untranslated(locales_dir: Path, lang: str) -> list[str]:
    all_ids = {msgid for code in i18n.LANGS for msgid in messages(locales_dir, code)}
    mine = messages(locales_dir, lang)
    problems = []
    for msgid in sorted(all_ids, key=str):
        message = mine.get(msgid)
        if message is None:
            problems.append(f"{msgid}: missing")
            continue
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if message.pluralizable and len(forms) != catalogs(locales_dir, lang)["core"].num_plurals:
            problems.append(f"{msgid}: {len(forms)} plural forms")
        if not all(form and form.strip() for form in forms):
            problems.append(f"{msgid}: empty")
        if message.fuzzy:
            problems.append(f"{msgid}: fuzzy")
    return problems


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_message_is_translated_in_every_language(lang):
    problems = untranslated(LOCALES, lang)
    assert not problems, f"{lang}: {problems[:20]}"


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_language_has_every_domain_with_its_plural_forms(lang):
    found = catalogs(LOCALES, lang)
    assert sorted(found) == sorted(extract.DOMAINS)
    for domain, catalog in found.items():
        assert catalog.plural_forms == "nplurals=2; plural=(n != 1);", (lang, domain, catalog.plural_forms)


def test_every_key_lives_in_the_catalog_of_its_area():
    for lang in i18n.LANGS:
        for domain, catalog in catalogs(LOCALES, lang).items():
            strays = [m.id for m in catalog if m.id and extract.domain_of(keys_of(m.id)[0]) != domain]
            assert not strays, f"{lang}/{domain}.po holds keys of other areas: {strays[:10]}"


def test_placeholders_agree_across_languages():
    english = messages(LOCALES, "en")
    for msgid, message in english.items():
        fields = {}
        for lang in i18n.LANGS:
            text = messages(LOCALES, lang)[msgid].string
            forms = text if isinstance(text, (tuple, list)) else (text,)
            fields[lang] = set().union(*(extract.placeholders(form) for form in forms))
        assert fields["de"] == fields["en"] == fields["da"], (msgid, fields)


def test_every_message_has_a_translator_comment():
    for lang in i18n.LANGS:
        bare = [msgid for msgid, m in messages(LOCALES, lang).items()
                if not any(c.startswith("English: ") for c in m.auto_comments)]
        assert not bare, f"{lang}: messages without translator comment (run make catalogs): {bare[:10]}"


# ---- the code against the catalogs ------------------------------------------------------------------------
def test_every_catalog_message_is_used_by_the_code():
    unused = unused_keys(LOCALES)
    assert not unused, f"catalog messages no code uses: {unused[:30]}"


def test_every_key_the_code_uses_exists():
    known = catalog_keys(LOCALES)
    unknown = sorted({f"{key} ({use.path}:{use.lineno})" for use in uses() for key in keys_of(use.key)
                      if key not in known})
    assert not unknown, f"keys the code uses but no catalog has: {unknown[:30]}"


def test_plurals_are_used_as_plurals():
    plural_ids = {msgid for msgid in messages(LOCALES, "en") if isinstance(msgid, tuple)}
    used_as_plural = {use.key for use in uses() if isinstance(use.key, tuple)}
    assert used_as_plural == plural_ids
    singular_uses = {use.key for use in uses() if isinstance(use.key, str)}
    assert not singular_uses & {key for msgid in plural_ids for key in msgid}, "a plural key used with t()"


def test_the_template_lists_exactly_what_the_code_uses():
    """locales/messages.pot is up to date (else: make catalogs)."""
    template = {m.id for m in read(LOCALES / "messages.pot") if m.id}
    used = {use.key for use in uses()} | {k for k in catalog_keys(LOCALES) if dynamic(k)}
    assert template == used, (sorted(map(str, template - used))[:10], sorted(map(str, used - template))[:10])


def test_dynamic_keys_are_declared_with_a_reason_and_exist():
    for prefix, reason in extract.DYNAMIC_KEYS.items():
        assert reason.strip() and any(k.startswith(prefix) for k in catalog_keys(LOCALES)), prefix


# ---- the checks bite ---------------------------------------------------------------------------------------
def copy_of_catalogs(tmp_path: Path) -> Path:
    target = tmp_path / "locales"
    for lang in i18n.LANGS:
        shutil.copytree(LOCALES / lang / "LC_MESSAGES", target / lang / "LC_MESSAGES",
                        ignore=shutil.ignore_patterns("*.mo"))
    return target


def edit(path: Path, change) -> None:
    catalog = read(path)
    change(catalog)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0)


def test_an_unused_key_is_detected(tmp_path):
    locales = copy_of_catalogs(tmp_path)
    for lang in i18n.LANGS:
        edit(locales / lang / "LC_MESSAGES" / "core.po",
             lambda catalog: catalog.add("welcome.deliberately_unused", "Text"))
    assert unused_keys(locales) == ["welcome.deliberately_unused"]


def test_a_missing_translation_is_detected(tmp_path):
    locales = copy_of_catalogs(tmp_path)
    edit(locales / "da" / "LC_MESSAGES" / "core.po", lambda catalog: catalog.delete("welcome.title"))
    plural = ("post.list.count", "post.list.count_plural")

    def drop_plural_form(catalog):
        catalog[plural].string = ("{count} Nachricht", "")
    edit(locales / "de" / "LC_MESSAGES" / "post.po", drop_plural_form)
    assert untranslated(locales, "da") == ["welcome.title: missing"]
    assert untranslated(locales, "de") == [f"{plural}: empty"]
    assert untranslated(locales, "en") == []


# ---- what counts as a use (locales/extract.py) ---------------------------------------------------------------
SNIPPET = '''
TAGLINE_KEY = "demo.tagline"
UNREAD_KEYS = {"a": "demo.unread_registry"}
READ_KEYS = {"a": "demo.read_registry"}
label = READ_KEYS.get(code, "demo.fallback")
just_a_string = "demo.plain_string"

def render(chip):
    title = "demo.title_chip" if chip else "demo.title"
    t(title)
    t(TAGLINE_KEY)
    tn("demo.count", "demo.count_plural", 3, count=3)
    translate(lang, "demo.translated")
    Field("street", "text", "demo.positional_label", hint_key="demo.hint")
    notes = [{"kind": "info", "key": "demo.note"}, {"label_key": "demo.row"}, {"text": "demo.not_a_key_position"}]
    errors["x"] = ("demo.error", {"max": 5})
    print("demo.printed")
    return False, "demo.reason", {}

@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    label_key: str
'''


def test_only_key_positions_count_as_uses():
    import ast

    project = extract.project_of({"snippet.py": ast.parse(SNIPPET)})
    found = extract.used_keys(extract.uses_in(SNIPPET, "snippet.py", project))
    assert found == {"demo.tagline", "demo.read_registry", "demo.fallback", "demo.title_chip", "demo.title",
                     "demo.count", "demo.count_plural", "demo.translated", "demo.positional_label", "demo.hint",
                     "demo.note", "demo.row", "demo.error", "demo.reason"}
    # not: an unread registry, a plain assignment, a dict value under a non-key name, a print
    assert not found & {"demo.unread_registry", "demo.plain_string", "demo.not_a_key_position", "demo.printed"}
