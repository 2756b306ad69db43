"""Guard (issue #19, 2a): no figure lives in a catalog. Every number a visitor sees comes from ``data/`` with a
source and a reference date (``data/figures.toml`` and the data tables) and reaches the text as a ``{placeholder}``
that ``simulators.core.i18n`` fills and formats with Babel; a catalog message (de, en and da, every domain) may hold
a digit only inside a ``{placeholder}``, in a year (19xx/20xx), or in one of the few non-figures of
``ALLOWED`` below, each with its reason.

Seen failing on the catalogs as they were at the start of issue #19 (before the figures moved to data/; run on a
``git archive`` of the start commit with this allow-list): ``test_no_figure_is_written_into_a_catalog`` failed
with 297 messages holding a figure (99 de, 98 en, 100 da), among them ``flow.pension.article`` ("… from 1.1.1967
69 years …"), ``flow.passport.article`` (the 2023 prices), ``flow.tax.source_rates`` (the 2025 rates),
``booth.tour.mitid.notes`` ("31 Oct 2023 … 98 % … over 15") and ``mitid.hood.share`` ("over 15"). During the work it
also caught texts that other changes added meanwhile ("counted as 0 days" in the briefing's race keys) and one of
this issue's own new texts ("69 and 70 years"). ``test_the_guard_bites`` keeps showing that it catches a figure and
lets the allowed cases through.
"""
from __future__ import annotations

import re

import pytest

from simulators.core import i18n
from tests.unit.core.test_catalogs import LOCALES, keys_of, messages

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]?\d)")
DIGITS = re.compile(r"\d+(?:[.,:/]\d+)*")

# Non-figures a message may spell out: (pattern, reason). Keep this list short; a figure that a visitor could
# check against a source belongs in data/, not here.
ALLOWED: tuple[tuple[str, str], ...] = (
    (r"(?<!\d)11[24](?!\d)", "112 and 114 are the Danish emergency and police telephone numbers, not figures"),
    (r"(?<![\d.,])\d+(?:-| )?(?:digit|digits|stellig\w*|Ziffern|cifret|cifrede|cifre)\b",
     "the length of an identifier the visitor types (CPR, PIN, one-time code, IMEI, postcode): an input format"),
    (r"(?i)(?:\be\.\s?g\.|\bz\.\s?b\.|\bfx\.?|\bf\.\s?eks\.)\s.*?(?=\.(?:\s|$)|[;()\n]|$)",
     "an example of what to type (e.g. 12B, 14:30, 28.04.2026, 6105851234): sample input, not a fact"),
    (r"\b[A-Za-z]+-?\d+\+?[A-Za-z]*|RFC \d+|§\s?\d+",
     "a name or citation with digits in it: EU27/EU28, D21, tv2fyn.dk, the F11 key, RFC 6238, § 17 BMG"),
    (r"\(0[–-]1\)|0[–-]100|\b1 = \w+|/ 100|(?:out of|von|ud af) 100",
     "the scale of a score or index (0–1, 0–100, 1 = best): its unit, not a value"),
)
ALLOWED_RE = [re.compile(pattern) for pattern, _ in ALLOWED]


def figures_in(text: str) -> list[str]:
    """The digits of ``text`` that are not in a placeholder, a year or an allowed non-figure."""
    rest = PLACEHOLDER.sub(" ", text)
    for pattern in ALLOWED_RE:
        rest = pattern.sub(" ", rest)
    rest = YEAR.sub(" ", rest)
    return DIGITS.findall(rest)


def offenders(locales_dir) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for lang in i18n.LANGS:
        for msgid, message in messages(locales_dir, lang).items():
            forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
            digits = [d for form in forms for d in figures_in(form or "")]
            if digits:
                found[f"{lang} {keys_of(msgid)[0]}"] = digits
    return found


def test_no_figure_is_written_into_a_catalog():
    found = offenders(LOCALES)
    listing = "\n".join(f"{key}: {digits}" for key, digits in sorted(found.items()))
    assert not found, f"{len(found)} catalog messages hold a figure (move it to data/figures.toml):\n{listing}"


def test_every_allowed_non_figure_has_a_reason():
    assert len(ALLOWED) <= 8, "the allow-list of non-figures must stay short"
    for pattern, reason in ALLOWED:
        assert re.compile(pattern) and len(reason.split()) >= 4, pattern


@pytest.mark.parametrize("text, expected", [
    ("Pension age 69 from 1.1.1967", ["69", "1.1.1967"]),
    ("DKK 891 (2023)", ["891"]),
    ("{share} of Danes over 15 (2023)", ["15"]),
    ("98 %", ["98"]),
    ("at the latest 5 days after moving", ["5"]),
    ("Call 112, otherwise 114", []),
    ("A CPR number has 10 digits, e.g. 6105851234.", []),
    ("HH:MM, e.g. 14:30", []),
    ("{value} / 100 · EU27 · Index (0–1) · 1 = best", []),
    ("from {start_date} ({rates__year}), 4-digit code, 4-stelligem Code, RFC 6238", []),
    ("Z. B. 28.04.2026. D21, tv2fyn.dk, F11, § 17 BMG", []),
    ("up to 2 weeks, e.g. 14:30; then 3 days", ["2", "3"]),
    ("2025 rates, 2026 tax", []),
])
def test_the_guard_bites(text, expected):
    assert figures_in(text) == expected
