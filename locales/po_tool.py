"""Developer helper: add messages to locales/<lang>/<domain>.po from a {key: (de, en, da)} dict.

Usage from Python: ``from locales.po_tool import write; write(".", "mitid", {"mitid.title": ("…", "…", "…")})``.
Existing messages of that file are kept; a key given again is replaced.
"""
import sys, json
from pathlib import Path
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po, read_po
LOC = {"de": "de_DE", "en": "en_GB", "da": "da_DK"}
def write(root, domain, messages):
    for i, lang in enumerate(("de", "en", "da")):
        path = Path(root) / "locales" / lang / f"{domain}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        cat = Catalog(locale=LOC[lang], project="digital-denmark-showcase", fuzzy=False)
        if path.exists():
            with path.open("rb") as f:
                for m in read_po(f, locale=LOC[lang]):
                    if m.id: cat.add(m.id, m.string)
        for key, texts in messages.items():
            cat.add(key, texts[i])
        with path.open("wb") as f:
            write_po(f, cat, width=0, omit_header=False, sort_output=True)
