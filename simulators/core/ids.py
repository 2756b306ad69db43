"""The formats of the identifiers that come from outside (a URL, a phone, a form) and are looked up in the store.

Checked before any lookup, in this one place, so that input the store cannot take never reaches it: PostgreSQL
refuses a NUL byte in text (``psycopg.DataError``) where SQLite takes it, the id columns have a length, and an id
the app never makes cannot name anything. Such input is answered like any unknown id (the visit link, the phone
token) or with a format message (a typed MitID user ID). ``storable`` is the store's own last line of defence.
"""
from __future__ import annotations

import re

ID_MAX = 64  # the store's id and visit_id columns (simulators/core/store.py)
KEY_MAX = 128  # the store's key column
TOKEN_MIN, TOKEN_MAX = 20, 128  # a phone token is secrets.token_urlsafe(32): 43 characters
USER_ID_MAX = 64  # MitID user IDs are short; the demo ones are the persona's 13 characters and a suffix

_URLSAFE = re.compile(r"[A-Za-z0-9_-]+")  # secrets.token_urlsafe's alphabet: visit ids, request ids, tokens
_USER_ID = re.compile(r"[A-Za-z0-9._@+-]+")  # letters, digits and the few signs a user ID may have


def _urlsafe(value: object, low: int, high: int) -> bool:
    return isinstance(value, str) and low <= len(value) <= high and _URLSAFE.fullmatch(value) is not None


def visit_id(value: object) -> bool:
    """A visit id as ``visits.new_visit_id`` makes them (and as the URL's ``?v=`` carries them)."""
    return _urlsafe(value, 1, ID_MAX)


def request_id(value: object) -> bool:
    """A MitID login request id (``MitIDService.start``)."""
    return _urlsafe(value, 1, ID_MAX)


def token(value: object) -> bool:
    """A phone token (the QR code's ``?token=``)."""
    return _urlsafe(value, TOKEN_MIN, TOKEN_MAX)


def user_id(value: object) -> bool:
    """A MitID user ID as typed (spaces around it and any case are fine: the login normalises them)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return 1 <= len(text) <= USER_ID_MAX and _USER_ID.fullmatch(text) is not None


def storable(value: object, limit: int = ID_MAX) -> bool:
    """Whether the store can hold this id or key at all (no NUL byte, not longer than its column)."""
    return value is None or (isinstance(value, str) and len(value) <= limit and "\x00" not in value)
