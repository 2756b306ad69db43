"""``make catalogs``, the step between ``pybabel extract`` and ``pybabel update``: one template per domain.

``pybabel extract`` (with the ``keys`` method of ``locales/extract.py``) writes every message the code uses into
one raw template. This step

- gives every message its translator comment (``#.``): the area of the app, what the text is used as (title,
  field label, error message, …), the English source text (message ids are keys, so translators need it) and
  the placeholders to keep;
- writes ``locales/messages.pot`` (only when something other than its date changed, so a run without code
  changes changes no file);
- splits the template by domain (``locales.extract.DOMAINS``, by the key's first segment) into
  ``<out>/<domain>.pot`` for ``pybabel update -D <domain>``.

Usage: ``python -m locales.catalogs <raw.pot> <out dir>`` (the Makefile runs it).
"""
from __future__ import annotations

import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from locales.extract import DOMAINS, DYNAMIC_KEYS, LOCALES_DIR, domain_of, placeholders

TEMPLATE = LOCALES_DIR / "messages.pot"
ROLE = "role: "
ENGLISH_CHARS = 120


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def render(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=True)  # no wrapping, as `pybabel update --no-wrap`
    return buffer.getvalue()


def english() -> dict:
    """The English catalog (the source text): msgid -> text, or (singular, plural) for plurals."""
    texts: dict = {}
    for path in sorted((LOCALES_DIR / "en" / "LC_MESSAGES").glob("*.po")):
        for message in read(path, "en_GB"):
            if message.id:
                texts[message.id] = message.string
    return texts


def area(key: str) -> str:
    parts = key.split(".")
    if parts[0] == "flow" and len(parts) > 2:
        return f'borger.dk self-service flow "{parts[1]}"'
    if parts[0] == "nav":
        return "navigation menu (page title)"
    return DOMAINS[domain_of(key)][0]


def _quote(text: str) -> str:
    text = " ".join(str(text).split())
    return f'"{text[:ENGLISH_CHARS - 1]}…"' if len(text) > ENGLISH_CHARS else f'"{text}"'


def describe(key: str, roles: list[str]) -> str:
    """What the text is used as, from the roles the extractor saw (most specific first)."""
    segments = key.split(".")
    if "err" in segments or "error" in segments:
        roles = [("error message" if role in ("message", "text") else role) for role in roles]
    elif "not_eligible" in key or segments[-1] in ("already", "not_yet"):
        roles = [("why the visitor cannot use this service" if role == "message" else role) for role in roles]
    specific = [role for role in roles if not role.startswith("label (")]
    return ", ".join(dict.fromkeys(specific or roles)) or "text"


def translator_comments(msgid, roles: list[str], source) -> list[str]:
    key = msgid[0] if isinstance(msgid, (tuple, list)) else msgid
    lines = [f"{area(key)}: {describe(key, roles)}"]
    if isinstance(source, (tuple, list)):
        lines.append("English: " + " / ".join(_quote(s) for s in source) + " (singular / plural)")
        fields = set().union(*(placeholders(s) for s in source))
    elif source:
        lines.append("English: " + _quote(source))
        fields = placeholders(source)
    else:
        lines.append("English: (not written yet)")
        fields = set()
    if fields:
        lines.append("Keep the placeholders: " + ", ".join("{" + f + "}" for f in sorted(fields)))
    return lines


def templates(raw: Path, out_dir: Path) -> dict[str, Catalog]:
    catalog = read(raw)
    source = english()
    for prefix, reason in DYNAMIC_KEYS.items():
        for key in sorted(k for k in source if isinstance(k, str) and k.startswith(prefix)):
            catalog.add(key, auto_comments=[ROLE + f"built at run time ({reason})"])
    for message in catalog:
        if not message.id:
            continue
        roles = [c[len(ROLE):] for c in message.auto_comments if c.startswith(ROLE)]
        message.auto_comments = translator_comments(message.id, roles, source.get(message.id))
    _write_template(catalog)
    split: dict[str, Catalog] = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
        domain = domain_of(key)
        if domain not in split:
            split[domain] = Catalog(project=catalog.project, version=catalog.version,
                                    creation_date=catalog.creation_date, fuzzy=False)
        split[domain][message.id] = message
    out_dir.mkdir(parents=True, exist_ok=True)
    for domain in DOMAINS:
        (out_dir / f"{domain}.pot").write_bytes(render(split.get(domain) or Catalog(fuzzy=False)))
    return split


def _write_template(catalog: Catalog) -> None:
    """Write messages.pot unless only its POT-Creation-Date would change."""
    if TEMPLATE.exists():
        catalog.creation_date = read(TEMPLATE).creation_date
        if render(catalog) == TEMPLATE.read_bytes():
            return
    catalog.creation_date = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    TEMPLATE.write_bytes(render(catalog))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("Usage: ")[1])
    templates(Path(sys.argv[1]), Path(sys.argv[2]))
