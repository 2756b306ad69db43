"""What the mailbox page is showing right now (folder, open letter, compose form) and the actions on it.

Actions run as button callbacks, before the rerun, so the page draws the new state at once. Letters and their
states live in the store (simulators.post.postbox); only the view state lives here, in st.session_state.
"""
from __future__ import annotations

import streamlit as st

from simulators.post import postbox
from ui.shell import session
from ui.shell.resources import store

FOLDER = "post_folder"
OPEN = "post_open"
COMPOSE = "post_compose"  # None, "new", or the id of the letter being answered
PAGE = "post_page"
FLASH = "post_flash"  # (message key, params) shown once after an action
NEW_FOLDER = "post_new_folder"  # the "new folder" popover: open or closed (its content is drawn only when open)


def init() -> None:
    st.session_state.setdefault(FOLDER, "inbox")
    st.session_state.setdefault(OPEN, None)
    st.session_state.setdefault(COMPOSE, None)
    st.session_state.setdefault(PAGE, 1)


def visit_id() -> str:
    return session.visit().visit_id


def flash(key: str, **params) -> None:
    st.session_state[FLASH] = (key, params)


def take_flash() -> tuple[str, dict] | None:
    return st.session_state.pop(FLASH, None)


def go_folder(folder_id: str) -> None:
    st.session_state[FOLDER] = folder_id
    st.session_state[OPEN] = None
    st.session_state[COMPOSE] = None
    st.session_state[PAGE] = 1


def open_letter(letter_id: str) -> None:
    letter = postbox.mark_read(store(), visit_id(), letter_id, True)
    if letter is not None:
        st.session_state[OPEN] = letter_id
        st.session_state[COMPOSE] = None
        session.track("letter_opened", letter.get("template") or "own_message")


def open_from_link() -> bool:
    """``?letter=<id>`` (the borger.dk receipt's "read your letter"): open that letter once, if it is this visit's,
    and drop the parameter, so "back" shows the folder. True if the link asked (a letter may now be read)."""
    letter_id = st.query_params.get("letter")
    if letter_id:
        del st.query_params["letter"]
        go_folder("inbox")
        open_letter(letter_id)
    return bool(letter_id)


def close_letter() -> None:
    st.session_state[OPEN] = None


def mark_unread(letter_id: str) -> None:
    postbox.mark_read(store(), visit_id(), letter_id, False)
    st.session_state[OPEN] = None
    flash("post.flash.marked_unread")


def move(letter_id: str, target_key: str) -> None:
    target = st.session_state.get(target_key)
    error = postbox.move(store(), visit_id(), letter_id, target) if target else "post.error.move_not_allowed"
    if error:
        flash(error)
        return
    st.session_state[OPEN] = None
    flash("post.flash.moved")


def delete(letter_id: str) -> None:
    if postbox.delete(store(), visit_id(), letter_id):
        st.session_state[OPEN] = None
        flash("post.flash.deleted")


def restore(letter_id: str) -> None:
    if postbox.restore(store(), visit_id(), letter_id):
        st.session_state[OPEN] = None
        flash("post.flash.restored")


def purge(letter_id: str) -> None:
    if postbox.purge(store(), visit_id(), letter_id):
        st.session_state[OPEN] = None
        flash("post.flash.purged")


def start_compose(reply_to: str | None = None) -> None:
    st.session_state[COMPOSE] = reply_to or "new"


def close_compose() -> None:
    st.session_state[COMPOSE] = None


def create_folder(name_key: str) -> None:
    folder, error = postbox.create_folder(store(), visit_id(), st.session_state.get(name_key, ""))
    if error:
        flash(error)
        return
    st.session_state[name_key] = ""
    st.session_state[NEW_FOLDER] = False  # done: the popover closes on the new folder
    go_folder(folder["id"])
    flash("post.flash.folder_created")


def delete_folder(folder_id: str) -> None:
    if postbox.delete_folder(store(), visit_id(), folder_id):
        go_folder("inbox")
        flash("post.flash.folder_deleted")


def turn_page(step: int) -> None:
    st.session_state[PAGE] = max(1, st.session_state.get(PAGE, 1) + step)
