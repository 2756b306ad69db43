"""What curious visitors type: hypothesis strategies for hostile and odd input."""
from __future__ import annotations

from hypothesis import strategies as st

SCRIPT = "<script>alert('dds-xss')</script>"
PAYLOADS = [
    "", " ", "\t\n", "\u00a0", "\u200b", "\x00", "\r\n\r\n",
    SCRIPT, "<img src=x onerror=alert(1)>", "<b>bold</b>", "javascript:alert(1)", "\"><svg onload=alert(1)>",
    "'; DROP TABLE items; --", "' OR '1'='1", "%", "_", "\\", "\"", "'", "`", "{}", "{0}", "{full_name}", "%s%n",
    "😀🇩🇰👨‍👩‍👧‍👦", "ﷺ", "\u202etxt.exe", "Ærø Østergård Åse", "ß" * 50, "İ", "\ufeff",
    "a" * 10_000, "😀" * 10_000, "<" * 10_000, "9" * 10_000, " " * 10_000,
    "-1", "0", "-0", "1e309", "NaN", "inf", "-99999999999999999999999", "2024-02-30", "0000-00-00",
    "9999-12-31", "1900-01-01", "31-12-2024", "010203-4567", "320112-3456", "0101011234", "01010112345",
]
NUMBERS = [0, -1, -(10 ** 30), 10 ** 30, 2 ** 63, -(2 ** 63) - 1, 1.5, -0.0, float("inf"), float("-inf"),
           float("nan"), 1e308, True, False]


def no_surrogates(**kwargs):
    """Unicode text a browser can send (lone surrogates cannot travel in UTF-8 protobuf strings)."""
    return st.text(alphabet=st.characters(blacklist_categories=("Cs",)), **kwargs)


def nasty_text() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(PAYLOADS), no_surrogates(max_size=60),
                     st.builds(lambda a, b: a + b, st.sampled_from(PAYLOADS), no_surrogates(max_size=20)))


def nasty_number() -> st.SearchStrategy:
    return st.one_of(st.sampled_from(NUMBERS), st.integers(), st.floats(allow_nan=True, allow_infinity=True))


def nasty_value() -> st.SearchStrategy:
    """Anything a form field may end up holding: text, numbers, None, lists of text, booleans."""
    return st.one_of(nasty_text(), nasty_number(), st.none(), st.lists(nasty_text(), max_size=4), st.booleans())
