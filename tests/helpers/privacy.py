"""The privacy check the tests apply to the anonymous booth counters (``Store.events()`` rows): every field is a
machine code (a login method, a flow id, the reason a visit ended), never a name, a CPR number or free text."""
from __future__ import annotations

import re

_CODE = re.compile(r"^[a-z0-9][a-z0-9_.:\-]{0,63}$")
_TAG = re.compile(r"^[0-9a-f]{8,32}$")


def is_code(text: str) -> bool:
    """A machine code (lower-case letters, digits, ``_.:-``), not a name, a CPR number or free text."""
    return bool(_CODE.match(text or "")) and not re.search(r"\d{6}-?\d{4}", text)


def offending_events(events: list[dict]) -> list[dict]:
    """Events holding anything but codes (empty detail/lang/mode are allowed); the dashboard must get none."""
    bad = []
    for row in events:
        fields_ok = (is_code(row.get("event", "")) and bool(_TAG.match(row.get("visit_tag", "")))
                     and all(not row.get(name) or is_code(row[name]) for name in ("detail", "lang", "mode")))
        if not fields_ok:
            bad.append(row)
    return bad
