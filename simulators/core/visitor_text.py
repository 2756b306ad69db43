"""Text a visitor typed, made safe to show: the one place that knows how (issue #17).

Pure functions, no Streamlit: ``ui.shell.safe_text`` uses them for every element that shows such text, and the PDF
letters (simulators.post.pdf) for what they print.

- ``neutralise``: bidi control characters (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) and other control
  characters (NUL …; newlines and tabs stay) removed, so a right-to-left override cannot reverse what follows it.
- ``for_display``: neutralised, cut to ``limit`` characters with "…", and long unbroken runs given a break
  opportunity (U+200B ZERO WIDTH SPACE every ``RUN`` characters), so a 20,000-character word wraps instead of
  stretching and freezing the page.
- ``escape_markdown``: ``for_display``, then made inert for Streamlit's Markdown while reading the same: a WORD
  JOINER (U+2060, invisible) before every ``:``, ``.`` and ``@`` (GFM's bare ``www.``/``http://``/e-mail
  autolinks, ``:emoji:`` shortcodes and ``:color[…]`` directives are found after parsing, where backslashes are
  gone), a backslash before every character that is active anywhere in a line (``\\ ` * _ [ ] < > | ~ $ : &``:
  images, links, autolinks, HTML, entities, emphasis, code, tables, strike-through, math, directives), and before
  the first character of a line that would start a block (``# > + - =``, a number's ``)``): headings, quotes,
  lists, rules (and a joiner before a line's indentation: no code block). Characters that are inert in running text (``( ) . ! ' -`` inside a line) stay as they are, so a
  name like "Anne-Marie" is the same string.
"""
from __future__ import annotations

import re

from simulators.core.short_texts import remembered_per_short_text

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
RUN = 40            # longest unbroken run shown without a break opportunity
DISPLAY_MAX = 5000  # nothing a visitor typed is longer on screen (Digital Post's text limit)
ZWSP, WORD_JOINER = "\u200b", "\u2060"
INLINE_ACTIVE = "\\`*_[]<>|~$:&"
_INLINE_RE = re.compile("([" + re.escape(INLINE_ACTIVE) + "])")
_BLOCK_START_RE = re.compile(r"(^|\n)([ \t]*)([#>+=-]|\d+(?=\)))")
_JOIN_BEFORE = re.compile(r"(?=[:.@])")
_INDENTED_LINE = re.compile(r"(^|\n)(?=[ \t])")
_LONG_RUN = re.compile(r"\S{%d,}" % (RUN + 1))
# Unicode's control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F; newline and tab stay.
# One regex instead of a category look-up per character (Digital Post's list shows ~15 texts a run: issue #18).
_REMOVED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def neutralise(text) -> str:
    """``text`` as a string without bidi controls and control characters (newline and tab stay; CR becomes LF)."""
    text = "" if text is None else str(text)
    return _REMOVED.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def clip(text: str, limit: int | None) -> str:
    """At most ``limit`` characters, the last one "…" when something was cut."""
    if limit is None or len(text) <= limit:
        return text
    return text[:max(limit - 1, 0)] + "…"


def wrap_runs(text: str, every: int = RUN) -> str:
    """A break opportunity (U+200B) after every ``every`` characters of a run without white space."""
    return _LONG_RUN.sub(lambda m: ZWSP.join(m[0][i:i + every] for i in range(0, len(m[0]), every)), text)


def for_display(text, limit: int | None = DISPLAY_MAX) -> str:
    """Plain text ready for ``st.text``, a widget's plain label or ``html.escape``: neutralised, cut, wrappable."""
    return wrap_runs(clip(neutralise(text), limit))


REMEMBERED_MAX_CHARS = 400  # names, subjects, folder names: the texts shown on every run (issue #18)


@remembered_per_short_text(maxsize=4096, longest=REMEMBERED_MAX_CHARS)  # ~9 µs each, ~30 a Digital Post run
def escape_markdown(text, limit: int | None = DISPLAY_MAX) -> str:
    """Text to put inside Markdown (``st.markdown``, captions, alerts, headings, button labels): shown literally."""
    joined = _JOIN_BEFORE.sub(WORD_JOINER, for_display(text, limit))  # first: an escape must stay next to its char
    inline = _INLINE_RE.sub(r"\\\1", joined)
    blocks = _BLOCK_START_RE.sub(_escape_block_start, inline)
    return _INDENTED_LINE.sub(r"\1" + WORD_JOINER, blocks)  # an indented line would start a code block


def _escape_block_start(match: re.Match) -> str:
    start, indent, marker = match.groups()
    if marker[0].isdigit():  # "1)" starts an ordered list: escape the ")" ("1." has a word joiner before its dot)
        return f"{start}{indent}{marker}\\"
    return f"{start}{indent}\\{marker}"
