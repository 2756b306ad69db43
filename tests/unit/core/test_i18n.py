"""simulators.core.i18n: Babel Translations per language (domains merged, English fallback), plurals, the .mo files
compiled when missing or stale, and format errors that are loud in tests and quiet (logged) for a visitor."""
import logging
import os
import shutil

import pytest

from simulators.core import i18n


@pytest.fixture
def lenient(monkeypatch):
    monkeypatch.delenv(i18n.STRICT_ENV, raising=False)


def test_the_tests_run_strict():
    assert i18n.strict(), "tests/conftest.py sets DDS_STRICT_I18N=1"


def test_every_domain_is_merged_into_one_translation_per_language():
    assert i18n.translate("de", "welcome.title") == i18n.catalog("de")["welcome.title"]  # core
    assert i18n.translate("da", "flow.moving.street") == "Vejnavn"  # borger
    assert i18n.translate("en", "compare.country.eu27") == i18n.catalog("en")["compare.country.eu27"]  # compare


@pytest.mark.parametrize("lang, one, many", [
    ("de", "1 Nachricht", "3 Nachrichten"), ("en", "1 message", "3 messages"), ("da", "1 besked", "3 beskeder"),
])
def test_plurals_follow_the_number(lang, one, many):
    def count(n):
        return i18n.translate_plural(lang, "post.list.count", "post.list.count_plural", n, count=n)
    assert (count(1), count(3)) == (one, many)
    assert count(0) == many.replace("3", "0")


def test_a_missing_placeholder_raises_in_strict_mode():
    with pytest.raises(i18n.MessageFormatError, match="flow.moving.err.max_persons"):
        i18n.translate("en", "flow.moving.err.max_persons", maximum=5)
    with pytest.raises(i18n.MessageFormatError):
        i18n.translate_plural("de", "post.list.count", "post.list.count_plural", 2, number=2)
    with pytest.raises(i18n.MissingMessageError):
        i18n.translate("en", "no.such.key")


def test_a_visitor_sees_the_unformatted_text_and_the_log_has_it(lenient, caplog):
    with caplog.at_level(logging.WARNING, logger="simulators.core.i18n"):
        text = i18n.translate("en", "flow.moving.err.max_persons", maximum=5)
        missing = i18n.translate("de", "no.such.key")
    assert text == i18n.catalog("en")["flow.moving.err.max_persons"] and "{max}" in text
    assert missing == "no.such.key"
    assert "flow.moving.err.max_persons" in caplog.text and "no.such.key" in caplog.text


def test_params_without_placeholders_and_texts_without_params_stay_as_they_are():
    assert i18n.translate("en", "welcome.title", unused=1) == i18n.catalog("en")["welcome.title"]
    assert "{max}" in i18n.translate("en", "flow.moving.err.max_persons")  # no params: the template itself


def test_mo_files_are_compiled_when_missing_or_stale(tmp_path, monkeypatch):
    for lang in i18n.LANGS:
        shutil.copytree(i18n.LOCALES_DIR / lang / "LC_MESSAGES", tmp_path / lang / "LC_MESSAGES",
                        ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path)
    i18n.translations.cache_clear()
    i18n.catalog.cache_clear()
    try:
        assert i18n.translate("da", "welcome.title") == i18n.catalog("da")["welcome.title"]
        mo = tmp_path / "da" / "LC_MESSAGES" / "core.mo"
        assert mo.exists() and mo.read_bytes() == i18n.compile_po(mo.with_suffix(".po"), "da")
        po = mo.with_suffix(".po")
        po.write_text(po.read_text(encoding="utf-8").replace('msgid "welcome.title"\nmsgstr "',
                                                             'msgid "welcome.title"\nmsgstr "NY: '), encoding="utf-8")
        old = po.stat().st_mtime_ns - 10**9
        os.utime(mo, ns=(old, old))  # the .mo is older than its .po
        i18n.translations.cache_clear()
        i18n.catalog.cache_clear()
        assert i18n.translate("da", "welcome.title").startswith("NY: ")
        assert mo.stat().st_mtime_ns >= po.stat().st_mtime_ns
    finally:
        monkeypatch.undo()
        i18n.translations.cache_clear()
        i18n.catalog.cache_clear()
