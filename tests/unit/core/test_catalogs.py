"""Every message exists in all three languages, none is unused, and none is used without existing."""
import re
from pathlib import Path

import pytest

from simulators.core import i18n

ROOT = Path(__file__).resolve().parents[3]
CODE_DIRS = ["app.py", "pages", "ui", "simulators"]
KEY_PATTERN = re.compile(r"""["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")
# calls whose first argument is a message key
CALL_PATTERN = re.compile(r"""\b(?:t|translate\([^,()]+,)\s*\(?\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")


def code_text() -> str:
    parts = []
    for name in CODE_DIRS:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        parts += [f.read_text(encoding="utf-8") for f in files]
    return "\n".join(parts)


def all_keys() -> set[str]:
    return set().union(*(i18n.catalog(lang).keys() for lang in i18n.LANGS))


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_message_is_translated_in_every_language(lang):
    catalog = i18n.catalog(lang)
    missing = sorted(k for k in all_keys() if not catalog.get(k, "").strip())
    assert not missing, f"{lang} lacks translations for {missing[:20]}"


def test_every_catalog_message_is_used_by_the_code():
    literals = set(KEY_PATTERN.findall(code_text()))
    unused = sorted(all_keys() - literals)
    assert not unused, f"catalog messages no code uses: {unused[:30]}"


def test_every_key_the_code_translates_exists():
    used = set(CALL_PATTERN.findall(code_text()))
    unknown = sorted(k for k in used if k not in all_keys())
    assert not unknown, f"t(...) keys missing from the catalogs: {unknown[:30]}"


def test_placeholders_agree_across_languages():
    import string

    for key in i18n.catalog("en"):
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(i18n.catalog(lang)[key]) if f}
                  for lang in i18n.LANGS}
        assert fields["de"] == fields["en"] == fields["da"], (key, fields)


def test_removing_one_translation_is_detected(tmp_path, monkeypatch):
    """The check above bites: drop one message from one catalog and it reports it."""
    from babel.messages.pofile import read_po, write_po

    for lang in i18n.LANGS:
        (tmp_path / lang).mkdir()
        for po in i18n.catalog_files(lang):
            (tmp_path / lang / po.name).write_bytes(po.read_bytes())
    victim = tmp_path / "da" / "core.po"
    with victim.open("rb") as handle:
        catalog = read_po(handle)
    del catalog["welcome.title"]
    with victim.open("wb") as handle:
        write_po(handle, catalog)
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path)
    i18n.catalog.cache_clear()
    try:
        assert "welcome.title" not in i18n.catalog("da")
        with pytest.raises(AssertionError):
            test_every_message_is_translated_in_every_language("da")
    finally:
        monkeypatch.undo()
        i18n.catalog.cache_clear()
