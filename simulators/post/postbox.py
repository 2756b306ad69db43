"""Digital Post for one visit: letters are stored items (kind "letter") scoped to the visit.

A stored letter keeps its template id and parameters, not rendered text, so it is shown in whatever language
the visitor picks. Letters the visitor writes keep their own subject and text (``subject_text``/``body_text``)
and have ``direction`` "out"; everything else is incoming. Folders: the system folders below plus the visitor's
own (kind "post_folder"). Deleting moves a letter to "deleted" and remembers where it was, so it can be restored.
All functions take the visit id and never touch another visit's items.
"""
from __future__ import annotations

import datetime as dt
import uuid

from simulators.core import clock
from simulators.post import letters
from simulators.core.store import Store

KIND = "letter"
FOLDER_KIND = "post_folder"
SYSTEM_FOLDERS = ("inbox", "sent", "archive", "deleted")
FOLDER_NAME_MAX = 40
MAX_OWN_FOLDERS = 10


def deliver(store: Store, visit_id: str, requests: list[dict], origin: str = "action",
            now: dt.datetime | None = None) -> list[dict]:
    """Store new letters for a visit. A request: {"template", "params", optional "sender", "date", "thread_id"}."""
    now = now or clock.now().replace(microsecond=0)
    delivered = []
    for request in requests:
        meta = letters.templates()[request["template"]]
        letter = {
            "letter_id": uuid.uuid4().hex,
            "template": request["template"],
            "params": request.get("params", {}),
            "sender": request.get("sender") or meta.get("sender", ""),
            "date": str(request.get("date") or now.isoformat()),
            "folder": "inbox",
            "read": False,
            "replyable": bool(meta.get("replyable", False)),
            "attachment": bool(meta.get("attachment", False)),
            "origin": origin,
            "thread_id": request.get("thread_id"),
        }
        store.put(KIND, letter["letter_id"], letter, visit_id=visit_id)
        delivered.append(letter)
    return delivered


def list_letters(store: Store, visit_id: str, folder: str | None = None) -> list[dict]:
    found = [item.data for item in store.find(KIND, visit_id=visit_id)]
    if folder is not None:
        found = [letter for letter in found if letter["folder"] == folder]
    return sorted(found, key=lambda letter: letter["date"], reverse=True)


def get_letter(store: Store, visit_id: str, letter_id: str) -> dict | None:
    """The letter, only if it belongs to this visit."""
    item = store.get(KIND, letter_id)
    return item.data if item is not None and item.visit_id == visit_id else None


def _save(store: Store, visit_id: str, letter: dict) -> dict:
    store.put(KIND, letter["letter_id"], letter, visit_id=visit_id)
    return letter


def is_outgoing(letter: dict) -> bool:
    return letter.get("direction") == "out"


# ---- folders ---------------------------------------------------------------------------------------------
def folders(store: Store, visit_id: str) -> list[dict]:
    """System folders first, then the visitor's own in the order they were made: [{"id", "name", "system"}]."""
    own = [{"id": item.id, "name": item.data["name"], "system": False}
           for item in store.find(FOLDER_KIND, visit_id=visit_id)]
    return [{"id": f, "name": None, "system": True} for f in SYSTEM_FOLDERS] + own


def create_folder(store: Store, visit_id: str, name: str) -> tuple[dict | None, str | None]:
    """A new own folder, or (None, message key) when the name is empty, too long, taken, or there are too many."""
    name = " ".join((name or "").split())
    existing = folders(store, visit_id)
    if not name:
        return None, "post.error.folder_name_empty"
    if len(name) > FOLDER_NAME_MAX:
        return None, "post.error.folder_name_too_long"
    if any((f["name"] or "").casefold() == name.casefold() for f in existing):
        return None, "post.error.folder_exists"
    if sum(not f["system"] for f in existing) >= MAX_OWN_FOLDERS:
        return None, "post.error.too_many_folders"
    folder_id = "f" + uuid.uuid4().hex[:15]
    store.put(FOLDER_KIND, folder_id, {"name": name}, visit_id=visit_id)
    return {"id": folder_id, "name": name, "system": False}, None


def delete_folder(store: Store, visit_id: str, folder_id: str) -> bool:
    """Remove an own folder; its letters go back to the inbox (or Sent for the visitor's own messages)."""
    item = store.get(FOLDER_KIND, folder_id)
    if item is None or item.visit_id != visit_id:
        return False
    for letter in list_letters(store, visit_id, folder_id):
        _save(store, visit_id, {**letter, "folder": _home(letter)})
    return store.delete(FOLDER_KIND, folder_id)


def _home(letter: dict) -> str:
    return "sent" if is_outgoing(letter) else "inbox"


def move_targets(letter: dict, all_folders: list[dict]) -> list[str]:
    """Where a letter may be moved: incoming never to Sent, outgoing never to the inbox; Deleted is via delete()."""
    barred = {"deleted", letter["folder"], "inbox" if is_outgoing(letter) else "sent"}
    return [f["id"] for f in all_folders if f["id"] not in barred]


def move(store: Store, visit_id: str, letter_id: str, folder_id: str) -> str | None:
    """Move a letter; returns None on success or a message key."""
    letter = get_letter(store, visit_id, letter_id)
    if letter is None:
        return "post.error.letter_unknown"
    if folder_id not in move_targets(letter, folders(store, visit_id)):
        return "post.error.move_not_allowed"
    _save(store, visit_id, {**letter, "folder": folder_id})
    return None


def delete(store: Store, visit_id: str, letter_id: str) -> bool:
    letter = get_letter(store, visit_id, letter_id)
    if letter is None or letter["folder"] == "deleted":
        return False
    _save(store, visit_id, {**letter, "folder": "deleted", "previous_folder": letter["folder"]})
    return True


def restore(store: Store, visit_id: str, letter_id: str) -> str | None:
    """Back to where it was deleted from (or its home folder if that own folder is gone). Returns the folder."""
    letter = get_letter(store, visit_id, letter_id)
    if letter is None or letter["folder"] != "deleted":
        return None
    known = {f["id"] for f in folders(store, visit_id)}
    target = letter.get("previous_folder")
    target = target if target in known and target != "deleted" else _home(letter)
    _save(store, visit_id, {**{k: v for k, v in letter.items() if k != "previous_folder"}, "folder": target})
    return target


def purge(store: Store, visit_id: str, letter_id: str) -> bool:
    """Delete for good; only letters already in Deleted."""
    letter = get_letter(store, visit_id, letter_id)
    if letter is None or letter["folder"] != "deleted":
        return False
    return store.delete(KIND, letter_id)


def mark_read(store: Store, visit_id: str, letter_id: str, read: bool = True) -> dict | None:
    letter = get_letter(store, visit_id, letter_id)
    if letter is None:
        return None
    if letter["read"] == read:
        return letter
    return _save(store, visit_id, {**letter, "read": read})


def unread_counts(all_letters: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for letter in all_letters:
        if not letter["read"]:
            counts[letter["folder"]] = counts.get(letter["folder"], 0) + 1
    return counts


# ---- notifications (the real service sends an SMS or e-mail) -------------------------------------------------
def pending_notices(store: Store, visit_id: str, all_letters: list[dict] | None = None) -> list[dict]:
    """Letters caused by the visitor's actions that are new, unread and not yet announced, oldest first
    (``all_letters``: the visit's letters, if the caller has them already)."""
    found = [letter for letter in (list_letters(store, visit_id) if all_letters is None else all_letters)
             if letter.get("origin") == "action" and not is_outgoing(letter) and not letter["read"]
             and not letter.get("notified") and letter["folder"] != "deleted"]
    return sorted(found, key=lambda letter: letter["date"])


def notices_by_sender(pending: list[dict], sender_of) -> list[tuple[str, int]]:
    """One notice per sender, as the real service sends one SMS for new post rather than one per letter:
    ``(sender, number of letters)`` in the order of each sender's first letter; ``sender_of(letter)`` names it
    (two letters of one authority after one application gave two identical notices, issue #15)."""
    counts: dict[str, int] = {}
    for letter in pending:
        sender = sender_of(letter)
        counts[sender] = counts.get(sender, 0) + 1
    return list(counts.items())


def mark_notified(store: Store, visit_id: str, letter_ids: list[str]) -> None:
    for letter_id in letter_ids:
        letter = get_letter(store, visit_id, letter_id)
        if letter is not None and not letter.get("notified"):
            _save(store, visit_id, {**letter, "notified": True})
