"""The "you have new Digital Post" notification, as the real service sends an SMS or e-mail.

``show()`` is cheap and safe to call on every run of every page (the header calls it): once the visitor is
logged in, it announces each new letter caused by the visitor's actions exactly once (a toast) and returns the
number of unread letters in the inbox.
``seed(visit_id)`` delivers the persona's life letters once per visit (the mailbox page calls it; a login could
too, so that the count includes them from the start).
"""
from __future__ import annotations

import streamlit as st

from simulators.post import letters
from simulators.post import life_letters
from simulators.post import views as post_views
from simulators.post import postbox
from ui.shell import session, theme
from ui.shell.i18n import lang, number, t
from ui.shell.resources import population, store
from ui.shell.safe_text import md


def show() -> int:
    current = session.visit()
    if not current or not current.logged_in:
        return 0
    visit_id = current.visit_id
    all_letters = postbox.list_letters(store(), visit_id)  # read once a run: notices and the unread count
    pending = postbox.pending_notices(store(), visit_id, all_letters)
    theme.inject("post-notice")  # toasts below the SIMULATION banner (on every run: a toast outlives the run)
    if pending:
        persona = session.persona()

        def sender_of(letter: dict) -> str:
            return letters.sender_name(letter["sender"], lang(), post_views.letter_values(letter, persona))

        for sender, count in postbox.notices_by_sender(pending, sender_of):  # one "SMS" per sender
            text = (t("post.notice.toast", sender=md(sender)) if count == 1
                    else t("post.notice.toast_many", sender=md(sender), count=number(count)))
            st.toast(text, icon="📬", duration="long")
        postbox.mark_notified(store(), visit_id, [letter["letter_id"] for letter in pending])
    return postbox.unread_counts(all_letters).get("inbox", 0)  # being announced does not change what is unread


def seed(visit_id: str) -> None:
    """The persona's life in letters, delivered once per visit."""
    if not life_letters.is_seeded(store(), visit_id):
        persona = session.persona()
        if persona is not None:
            life_letters.seed_mailbox(store(), visit_id, persona, population())
