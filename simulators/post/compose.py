"""Writing in Digital Post: a new message to an authority, or a reply to a letter that allows one.

Both land in Sent and cause an automatic acknowledgement in the inbox (template ``post_ack``), sent by the
recipient. Validation returns message keys with parameters, never text. Of an attached file only its name, type
and size are kept (the simulation does not store the visitor's file).
"""
from __future__ import annotations

import datetime as dt
import uuid

from simulators.core import clock
from simulators.post import letters
from simulators.post import postbox
from simulators.core.store import Store

SUBJECT_MAX = 100
BODY_MAX = 5000
FILE_MAX_MB = 5
FILE_MAX_BYTES = FILE_MAX_MB * 1024 * 1024
# Allowed attachment types: extension -> (MIME type, the bytes such a file starts with).
FILE_TYPES = {
    "pdf": ("application/pdf", b"%PDF-"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff"),
}
# "Vælg myndighed" groups authorities like borger.dk: state, regions, municipalities, others. Private senders
# (bank, insurer) are not public authorities and cannot be written to here.
GROUP_KEYS = {"state": "post.group.state", "region": "post.group.region",
              "municipality": "post.group.municipality", "church": "post.group.other"}
REPLY_PREFIX = {"da": "Sv:", "de": "AW:", "en": "Re:"}
# Letter parameters that name the sender (e.g. which municipality) and must follow a reply.
PARTY_PARAMS = ("municipality", "region")


def recipients() -> list[str]:
    """Authorities one may write to, in the order of GROUP_KEYS."""
    table = letters.authorities()
    order = list(GROUP_KEYS)
    return sorted((a for a, row in table.items() if row["kind"] in GROUP_KEYS),
                  key=lambda a: (order.index(table[a]["kind"]), a))


def group_key(authority_id: str) -> str:
    return GROUP_KEYS.get(letters.authorities().get(authority_id, {}).get("kind", ""), "post.group.other")


def file_extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def validate_attachment(name: str, data: bytes) -> list[tuple[str, dict]]:
    ext = file_extension(name)
    if ext not in FILE_TYPES:
        return [("post.error.file_type", {"allowed": "PDF, PNG, JPG"})]
    if not data:
        return [("post.error.file_empty", {})]
    if len(data) > FILE_MAX_BYTES:
        return [("post.error.file_too_large", {"max_mb": FILE_MAX_MB})]
    if not data.startswith(FILE_TYPES[ext][1]):
        return [("post.error.file_content", {"ext": ext.upper()})]
    return []


def validate(recipient: str | None, subject: str, body: str,
             attachment: tuple[str, bytes] | None = None) -> list[tuple[str, dict]]:
    """Everything wrong with a message, as (message key, params); an empty list means it can be sent."""
    errors: list[tuple[str, dict]] = []
    if recipient not in recipients():
        errors.append(("post.error.recipient_missing", {}))
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject:
        errors.append(("post.error.subject_empty", {}))
    elif len(subject) > SUBJECT_MAX:
        errors.append(("post.error.subject_too_long", {"max": SUBJECT_MAX, "length": len(subject)}))
    if not body:
        errors.append(("post.error.body_empty", {}))
    elif len(body) > BODY_MAX:
        errors.append(("post.error.body_too_long", {"max": BODY_MAX, "length": len(body)}))
    if attachment is not None:
        errors += validate_attachment(*attachment)
    return errors


def reply_subject(subject: str, lang: str) -> str:
    prefix = REPLY_PREFIX.get(lang, "Re:")
    text = subject.strip()
    if text.casefold().startswith(prefix.casefold()):
        return text[:SUBJECT_MAX]
    return f"{prefix} {text}"[:SUBJECT_MAX]


def send(store: Store, visit_id: str, recipient: str | None, subject: str, body: str,
         attachment: tuple[str, bytes] | None = None, reply_to: str | None = None,
         now: dt.datetime | None = None) -> tuple[list[tuple[str, dict]], dict | None, dict | None]:
    """Send a message (or a reply to ``reply_to``). Returns (errors, the sent message, the acknowledgement)."""
    original = None
    party_params: dict = {}
    if reply_to is not None:
        original = postbox.get_letter(store, visit_id, reply_to)
        if original is None or postbox.is_outgoing(original) or not original.get("replyable"):
            return [("post.error.not_replyable", {})], None, None
        recipient = original["sender"]
        party_params = {k: v for k, v in (original.get("params") or {}).items() if k in PARTY_PARAMS}
    errors = validate(recipient, subject, body, attachment)
    if errors:
        return errors, None, None
    now = now or clock.now().replace(microsecond=0)
    subject, body = subject.strip(), body.replace("\r\n", "\n").strip()
    thread_id = (original.get("thread_id") or original["letter_id"]) if original else uuid.uuid4().hex
    upload = None
    if attachment is not None:
        name, data = attachment
        upload = {"name": name[-120:], "type": FILE_TYPES[file_extension(name)][0], "size": len(data)}
    sent = {
        "letter_id": uuid.uuid4().hex, "direction": "out", "recipient": recipient, "params": party_params,
        "subject_text": subject, "body_text": body, "upload": upload, "date": now.isoformat(), "folder": "sent",
        "read": True, "replyable": False, "attachment": False, "origin": "visitor", "template": None,
        "thread_id": thread_id, "in_reply_to": reply_to,
    }
    store.put(postbox.KIND, sent["letter_id"], sent, visit_id=visit_id)
    ack_params = {**party_params, "message_subject": subject, "sent_datetime": now.isoformat()}
    ack = postbox.deliver(store, visit_id, [{"template": "post_ack", "params": ack_params, "sender": recipient,
                                             "thread_id": thread_id}],
                          origin="action", now=now + dt.timedelta(seconds=1))[0]
    return [], sent, ack
