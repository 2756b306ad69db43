"""What the mailbox shows of a stored letter: the rendered view in a language, and the list's filter and search.

A *view* is a plain dict: letter_id, folder, read, outgoing, party (sender id, or the recipient for the
visitor's own messages), party_name, subject, body (None in a headline: ``render(..., body=False)``), date
(datetime), attachment, attachment_file (PDF name), upload (the visitor's attached file: name/type/size), replyable,
assumption, origin, template.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict

from simulators.post import letters
from simulators.post.postbox import is_outgoing


def letter_values(letter: dict, persona: dict | None) -> dict:
    """Placeholder values: the persona's fields, overridden by the letter's own parameters."""
    return {**letters.persona_params(persona), **(letter.get("params") or {})}


def letter_date(letter: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(str(letter["date"]))


_RENDERED: OrderedDict[tuple, dict] = OrderedDict()  # (lang, body, letter, values) as text -> view; least recent first
_RENDERED_MAX = 4096  # ~25 letters a visit in three languages: a class of 50 at once, a few MB
_RENDERED_LOCK = threading.Lock()


def render(letter: dict, lang: str, persona: dict | None, body: bool = True) -> dict:
    """The letter's view in ``lang`` (a fresh dict). Remembered per letter, language and placeholder values: the
    mailbox shows every letter of a folder on every run, and formatting one (dates, amounts, the sender's name in
    three languages) costs a quarter of a millisecond (issue #18). ``body=False``: a headline for the list, its
    body None (the list needs it only to search; see ``needs_body``)."""
    values = letter_values(letter, persona)
    # repr, not sorted JSON: a third of the time, and equal text still means equal letter and values (plain data
    # from the store); a letter with its keys in another order is only rendered once more
    key = (lang, body, repr(letter), repr(values))
    with _RENDERED_LOCK:
        view = _RENDERED.get(key)
        if view is not None:
            _RENDERED.move_to_end(key)
    if view is None:
        view = _render(letter, lang, values, body)
        with _RENDERED_LOCK:
            _RENDERED[key] = view
            while len(_RENDERED) > _RENDERED_MAX:
                _RENDERED.popitem(last=False)
    return {**view, "upload": dict(view["upload"]) if isinstance(view["upload"], dict) else view["upload"]}


def _render(letter: dict, lang: str, values: dict, with_body: bool = True) -> dict:
    if is_outgoing(letter):
        party = letter.get("recipient", "")
        subject = letter.get("subject_text", "")
        body = letter.get("body_text", "") if with_body else None
        meta = {"assumption": False}
    else:
        party = letter.get("sender", "")
        meta = letters.render(letter["template"], lang, values, strict=False, body=with_body)
        subject, body = meta["subject"], meta["body"]
    date = letter_date(letter)
    template = letters.templates().get(letter.get("template") or "", {})
    stem = template.get("attachment_name") or (letter.get("template") or "besked").replace("_", "-")
    return {
        "letter_id": letter["letter_id"], "folder": letter["folder"], "read": bool(letter["read"]),
        "outgoing": is_outgoing(letter), "party": party, "party_name": letters.sender_name(party, lang, values),
        "subject": subject, "body": body, "date": date,
        "attachment": bool(letter.get("attachment")), "attachment_file": f"{stem}-{date:%Y-%m-%d}.pdf",
        "upload": letter.get("upload"), "replyable": bool(letter.get("replyable")) and not is_outgoing(letter),
        "assumption": bool(meta.get("assumption")), "origin": letter.get("origin", ""),
        "template": letter.get("template"), "journey_event": template.get("journey_event"),
    }


def party_options(views: list[dict]) -> list[str]:
    """The distinct sender (or recipient) names in a list, sorted, for the sender filter."""
    return sorted({view["party_name"] for view in views}, key=str.casefold)


MAX_QUERY_CHARS = 200  # the search reads this much of a query (issue #17: a 1 MB query is not searched)


def needs_body(query) -> bool:
    """Whether a list searched for ``query`` needs its letters' bodies (any word to look for)."""
    return bool(str(query or "")[:MAX_QUERY_CHARS].split())


def matches(view: dict, query: str) -> bool:
    """Every word of the query (its first ``MAX_QUERY_CHARS`` characters) occurs (case-insensitively) in the
    subject, the text or the sender's name. A view without its body (a headline) matches only an empty query."""
    words = str(query)[:MAX_QUERY_CHARS].casefold().split()
    if not words:
        return True
    if view["body"] is None:
        raise ValueError("a search needs the letters' bodies: render them with body=True (needs_body)")
    haystack = " ".join((view["subject"], view["body"], view["party_name"])).casefold()
    return all(word in haystack for word in words)


def filter_views(views: list[dict], party_name: str | None = None, query: str = "") -> list[dict]:
    """Filter by sender name and search words; newest first."""
    found = [view for view in views
             if (not party_name or view["party_name"] == party_name) and matches(view, query or "")]
    return sorted(found, key=lambda view: view["date"], reverse=True)


def page(views: list[dict], number: int, size: int) -> tuple[list[dict], int]:
    """One page of a list (1-based, clamped) and the number of pages."""
    pages = max(1, -(-len(views) // size))
    number = min(max(1, number), pages)
    return views[(number - 1) * size: number * size], pages
