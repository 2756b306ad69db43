"""What a curious visitor types to make the kiosk load something from another host, and how a test finds out
whether it worked: the marker payloads and a scan of every element an AppTest run drew.

A value typed by a visitor may be shown
- as plain text: ``st.text``, a widget's own value (``text_input``), a ``selectbox`` option (never Markdown);
- inside ``st.html``, HTML-escaped (the Markdown payload is inert there, an HTML tag must not be raw);
- inside anything that renders Markdown (``st.markdown``/``st.caption``/alerts/headings/toasts/button and other
  widget labels) only escaped: no raw ``](http``, no raw host, no tag, no bidi control character.
"""
from __future__ import annotations

import html
import re

HOST = "203.0.113.9"  # TEST-NET-3 (RFC 5737): never a real host
PAYLOAD = f"![t](http://{HOST}/a.png)"
HTML_PAYLOAD = f'<img src="http://{HOST}/b.png">'
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: would show the rest of a line reversed
VALUE = f"{PAYLOAD} {RLO}gade"  # what the tests type into a text field (36 characters)
BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
        "\u061c")

PLAIN_TYPES = {"text", "text_input", "text_area", "selectbox", "multiselect"}  # never read as Markdown
INPUT_TYPES = {"text_input", "text_area"}  # the visitor's own field: shows what was typed
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LINK = re.compile(r"(?<!\\)\]\(")  # "](" not escaped: a Markdown link or image


def _strings(message) -> list[str]:
    found = []
    for descriptor, value in message.ListFields():
        # a repeated field's container (of strings or of messages: a button group's options) has a length; the
        # container of messages has no __iter__ attribute, although it can be iterated
        repeated = hasattr(value, "__len__") and not isinstance(value, (str, bytes)) and \
            not hasattr(value, "ListFields")
        values = list(value) if repeated else [value]
        for item in values:
            if isinstance(item, str):
                found.append(item)
            elif hasattr(item, "ListFields"):
                found += _strings(item)
    return found


def elements(node):
    """Every element (leaf) of an AppTest tree, blocks walked, the event block (toasts) included."""
    children = getattr(node, "children", None)
    if children:
        for child in children.values():
            yield from elements(child)
    elif getattr(node, "proto", None) is not None:
        yield node


def strings_by_type(at) -> list[tuple[str, str]]:
    """(element type, one string field of its proto) for every element the last run drew."""
    return [(node.type, text) for node in elements(at._tree) for text in _strings(node.proto)]


def readable(kind: str, text: str) -> str:
    """What the visitor reads of one string: Markdown escapes resolved, HTML tags dropped and entities resolved,
    invisible joiners removed."""
    if kind == "html":
        text = html.unescape(re.sub(r"<[^>]*>", " ", text))
    elif kind not in PLAIN_TYPES:
        text = _ESCAPE.sub(r"\1", text)
    return text.replace("\u2060", "").replace("\u200b", "")


def unsafe_spots(at) -> list[str]:
    """Places where visitor text reaches the page in a form the browser would act on."""
    spots = []
    for kind, text in strings_by_type(at):
        if kind in INPUT_TYPES:
            continue
        if any(ch in text for ch in BIDI):
            spots.append(f"{kind}: bidi control character in {text[:120]!r}")
        if kind == "html":
            if HTML_PAYLOAD in text or f"<img src=\"http://{HOST}" in text:
                spots.append(f"html: raw tag in {text[:120]!r}")
        elif kind not in PLAIN_TYPES and (HOST in text or _LINK.search(text) or HTML_PAYLOAD in text):
            spots.append(f"{kind}: unescaped Markdown in {text[:120]!r}")
    return spots


def shown(at, wanted: str = PAYLOAD) -> bool:
    """The payload is on the page as text a visitor can read (in any element but the visitor's own field)."""
    return any(wanted in readable(kind, text) for kind, text in strings_by_type(at) if kind not in INPUT_TYPES)


def assert_safe(at, where: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    spots = unsafe_spots(at)
    assert not spots, f"{where}: " + "\n".join(spots)
