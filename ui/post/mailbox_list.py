"""The mailbox overview: the folder bar with unread counts, the folder tools, and the list of letters with its
sender filter and search. Rules (counts, filter, search, paging) come from simulators.post.postbox / post_views."""
from __future__ import annotations

from typing import Callable

import streamlit as st

from simulators.post import views as post_views
from simulators.post import postbox
from simulators.post.letters import escape_markdown
from ui.post import state as post_state
from ui.shell import theme
from ui.shell.i18n import date, number, t, time, tn

PAGE_SIZE = 12
LETTERS_KEY = "post_letters"  # the rows: one button group (letter_rows)
FOLDERS_KEY = "post_folders"  # the folder bar: one button group (folder_bar)
SYSTEM_FOLDER_KEYS = {"inbox": "post.folder.inbox", "sent": "post.folder.sent", "archive": "post.folder.archive",
                      "deleted": "post.folder.deleted"}
FOLDER_ICONS = {"inbox": "📥", "sent": "📤", "archive": "🗄️", "deleted": "🗑️"}


def folder_name(folder: dict) -> str:
    return t(SYSTEM_FOLDER_KEYS[folder["id"]]) if folder["system"] else folder["name"]


def folder_label(folder: dict, unread: int) -> str:
    icon = FOLDER_ICONS.get(folder["id"], "📁")
    name = escape_markdown(folder_name(folder))
    return f"{icon} **{name} ({unread})**" if unread else f"{icon} {name}"


def folder_bar(all_folders: list[dict], all_letters: list[dict]) -> None:
    """The folders as one button group with the current one chosen (issue #18: one button a folder cost ~0.1 ms a
    run each). A tap on another folder opens it; a tap on the current one (which unchooses it) shows its list again,
    as the visitor reading a letter expects."""
    theme.inject("post-mailbox")  # the bar, the rows and the compose form's file field: once a run of the page
    unread = postbox.unread_counts(all_letters)
    labels = {folder["id"]: folder_label(folder, unread.get(folder["id"], 0)) for folder in all_folders}
    st.session_state[FOLDERS_KEY] = st.session_state[post_state.FOLDER]
    st.pills(t("post.folders.label"), list(labels), format_func=labels.__getitem__, key=FOLDERS_KEY,
             label_visibility="collapsed", on_change=folder_tapped)


def folder_tapped() -> None:
    chosen = st.session_state.get(FOLDERS_KEY)
    post_state.go_folder(chosen if chosen is not None else st.session_state[post_state.FOLDER])


def tools(current: dict) -> None:
    with st.container(horizontal=True, key="post_tools"):
        st.button(t("post.compose.new"), key="post_write_new", icon="✉️", type="primary",
                  on_click=post_state.start_compose)
        new_folder = st.popover(t("post.folders.new"), icon="➕", key=post_state.NEW_FOLDER, on_change="rerun")
        with new_folder:
            if new_folder.open:  # drawn only when open: a text box on every run of the mailbox cost ~0.3 ms (#18)
                st.text_input(t("post.folders.name"), key="post_new_folder_name", max_chars=postbox.FOLDER_NAME_MAX)
                st.button(t("post.folders.create"), key="post_new_folder_create",
                          on_click=post_state.create_folder, args=("post_new_folder_name",))
        if not current["system"]:
            st.button(t("post.folders.delete", name=escape_markdown(current["name"])), key="post_delete_folder",
                      icon="🗑️", on_click=post_state.delete_folder, args=(current["id"],))


def letter_list(folder_letters: list[dict], folder: dict, view_of: Callable[[dict, bool], dict]) -> None:
    """The folder's letters as a list with its sender filter and search; ``view_of(letter, body)`` renders one
    (simulators.post.views.render): headlines unless a search needs the bodies (issue #18)."""
    st.subheader(escape_markdown(folder_name(folder)))
    filters = st.columns([2, 3], vertical_alignment="bottom")
    # labels fixed now: AppTest (and reruns) may call format_func outside this run's language context
    sent = folder["id"] == "sent"
    everyone = t("post.list.all_recipients") if sent else t("post.list.all_senders")
    headlines = [view_of(letter, False) for letter in folder_letters]
    labels = {"": everyone, **{p: p for p in post_views.party_options(headlines)}}
    party = filters[0].selectbox(t("post.list.recipient_filter") if sent else t("post.list.sender_filter"),
                                 list(labels), format_func=labels.__getitem__, key="post_filter_sender")
    query = filters[1].text_input(t("post.list.search"), key="post_search", placeholder=t("post.list.search_hint"),
                                  max_chars=post_views.MAX_QUERY_CHARS)
    views = [view_of(letter, True) for letter in folder_letters] if post_views.needs_body(query) else headlines
    found = post_views.filter_views(views, party or None, query)
    if not found:
        st.info(t("post.list.empty_search") if (party or query.strip()) else t("post.list.empty"))
        return
    rows, pages = post_views.page(found, st.session_state[post_state.PAGE], PAGE_SIZE)
    st.caption(tn("post.list.count", "post.list.count_plural", len(found), count=number(len(found))))
    letter_rows(rows)
    if pages > 1:
        _pager(st.session_state[post_state.PAGE], pages)


def row_label(view: dict) -> str:
    """One letter's row: who and when, then the subject, both escaped (the party or the subject may be the visitor's
    own text); an unread letter's label is bold and starts with the blue dot (post-mailbox.css marks its row)."""
    unread = not view["read"]
    prefix = t("post.list.to") + " " if view["outgoing"] else ""
    party = escape_markdown(prefix + view["party_name"])
    marks = [t("post.list.unread_mark")] if unread else []
    marks += ["📎"] if view["attachment"] or view["upload"] else []
    when = " · ".join([date(view["date"].date())] + marks)
    subject = escape_markdown(view["subject"])
    return f"🔵 **{party}** · {when}  \n**{subject}**" if unread else f"{party} · {when}  \n{subject}"


def letter_rows(views: list[dict]) -> None:
    """The page's letters as one group of buttons (issue #18: one button a letter was ~1.5–2 ms of a served run);
    a tap opens the letter (``letter_tapped``). Streamlit tells the options apart by their labels, so a label that
    repeats (two equal messages sent on one day) gets its number."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for view in views:
        label = row_label(view)
        seen[label] = seen.get(label, 0) + 1
        labels[view["letter_id"]] = label if seen[label] == 1 else f"{label} ({seen[label]})"
    st.pills(t("post.list.letters"), list(labels), format_func=labels.__getitem__, key=LETTERS_KEY,
             label_visibility="collapsed", on_change=letter_tapped, width="stretch")


def letter_tapped() -> None:
    """The group is a one-time choice: it shows none chosen when the visitor comes back to the list."""
    chosen = st.session_state.get(LETTERS_KEY)
    st.session_state[LETTERS_KEY] = None
    if chosen is not None:
        post_state.open_letter(chosen)


def _pager(number: int, pages: int) -> None:
    with st.container(horizontal=True, vertical_alignment="center", key="post_pager"):
        st.button(t("post.list.previous"), key="post_page_prev", icon="◀️", disabled=number <= 1,
                  on_click=post_state.turn_page, args=(-1,))
        st.caption(t("post.list.page", page=number, pages=pages), width="content")
        st.button(t("post.list.next"), key="post_page_next", icon="▶️", disabled=number >= pages,
                  on_click=post_state.turn_page, args=(1,))


def opened_at(view: dict) -> str:
    return f"{date(view['date'].date(), 'long')}, {time(view['date'])}"
