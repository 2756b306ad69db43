"""Streamlit's leading-emoji check without hashing its 23 kB pattern on every call (issue #18).

Streamlit looks for a leading emoji in every non-ASCII option label of a pills or segmented control and in every
alert without an icon (``string_util.extract_leading_emoji``). It calls ``re.search(EMOJI_EXTRACTION_REGEX, text)``
with the compiled pattern, and ``re.search`` first looks the pattern up in its cache: that hashes the pattern
object, which Python does not remember for compiled patterns, 78 µs a call against 20 µs for the search itself
(this machine). borger.dk's 25 tiles made it ~2 ms of every front-page run (py-spy: ``re._compile`` 3.5 % of the
script threads' samples at 30 classroom visitors). Same answer, from ``EMOJI_EXTRACTION_REGEX.search``.

Replaces ``streamlit.string_util.extract_leading_emoji`` (an internal, pinned by requirements.txt); if it is
missing, ``install()`` changes nothing.
"""
from __future__ import annotations

from ui.shell.streamlit_internals import replace_once

_installed: dict[str, object] = {}


def install() -> bool:
    """Use the compiled pattern's own search (once per process). True if active."""
    return replace_once(_installed, "streamlit.string_util", None, "extract_leading_emoji", extract_leading_emoji,
                        "leading emoji are looked up through re.search")


def extract_leading_emoji(text: str) -> tuple[str, str]:
    """The first emoji of ``text`` and the rest (minus a separator), or ("", text): Streamlit's own contract."""
    if not text or text.isascii():  # ASCII cannot hold an emoji (Streamlit skips these too)
        return "", text
    from streamlit.emojis import EMOJI_EXTRACTION_REGEX

    found = EMOJI_EXTRACTION_REGEX.search(text)
    return ("", text) if found is None else (found.group(1), found.group(2))
