"""The Digital Post list in tests: its rows are one button group (ui.post.mailbox_list.letter_rows, issue #18),
whose options are the letters' ids and whose labels are what the visitor reads."""
from __future__ import annotations

from simulators.post import postbox
from ui.post.mailbox_list import FOLDERS_KEY, LETTERS_KEY, PAGE_SIZE

ROWS = f".st-key-{LETTERS_KEY} button"  # every row, in the browser
FOLDERS = f".st-key-{FOLDERS_KEY} button"  # every folder of the folder bar, in the browser


def row_ids(at) -> list[str]:
    """The ids of the letters listed, in order (AppTest). The group's format function is the page's
    {letter id: label} lookup, so its mapping gives the ids behind the labels the test sees."""
    groups = [g for g in at.get("button_group") if g.key == LETTERS_KEY]
    if not groups:
        return []
    labels = groups[0].format_func.__self__
    ids = list(labels)
    # the lookup is the one the group was drawn from (a leading emoji, the unread dot, is drawn as the icon)
    assert len(ids) == len(groups[0].options)
    assert all(labels[i].endswith(shown) for i, shown in zip(ids, groups[0].options))
    return ids


def folder_labels(at) -> dict[str, str]:
    """The folder bar's labels by folder id (AppTest): the group's format function is the page's lookup."""
    return dict(at.pills(key=FOLDERS_KEY).format_func.__self__)


def open_folder(at, folder_id: str):
    """Tap a folder (AppTest). A tap on the current folder unchooses it in the group, which shows its list again."""
    group = at.pills(key=FOLDERS_KEY)
    group.set_value(None if group.value == folder_id else folder_id).run()
    assert not at.exception, at.exception
    return at


def open_row(at, letter_id: str):
    """Tap a letter's row (AppTest) and let the page draw the letter."""
    at.pills(key=LETTERS_KEY).set_value(letter_id).run()
    assert not at.exception, at.exception
    return at


def letter_row(page, store, visit_id: str, letter_id: str, folder: str = "inbox"):
    """That letter's row in the browser: the page lists a folder's letters in the store's order (newest first)."""
    ids = [letter["letter_id"] for letter in postbox.list_letters(store, visit_id, folder)]
    assert letter_id in ids[:PAGE_SIZE], f"{letter_id} is not on the first page of {folder}"
    return page.locator(ROWS).nth(ids.index(letter_id))
