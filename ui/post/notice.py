"""The "you have new Digital Post" notification, as the real service sends an SMS or e-mail.

``show()`` runs on every run of the mailbox page: once the visitor is logged in, it announces each new letter
caused by the visitor's actions exactly once (a toast) and returns the visit's letters it read for that, so the page
lists them without reading the store again (issue #18: a mailbox read is ~0.2 ms of JSON for 25 letters).
``seed(visit_id)`` delivers the persona's life letters once per visit, for a visit begun without them (a visit
begun by ``ui.shell.session.begin_visit`` has them from Start; the mailbox page calls this for any other).
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


def show() -> list[dict]:
    current = session.visit()
    if not current or not current.logged_in:
        return []
    visit_id = current.visit_id
    all_letters = postbox.list_letters(store(), visit_id)  # read once a run: the notices and the page's list
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
        for letter in pending:  # as stored now (the page's views are remembered per letter as stored)
            letter["notified"] = True
    return all_letters


SEEDED_VISIT = "post_seeded_visit"  # the visit this browser session saw seeded: a visit stays seeded for good


def seed(visit_id: str) -> None:
    """The persona's life in letters, delivered once per visit. The store is asked once per visit and tab, not on
    every run of the mailbox (issue #18: ~0.3 ms a run)."""
    if st.session_state.get(SEEDED_VISIT) == visit_id:
        return
    if not life_letters.is_seeded(store(), visit_id):
        persona = session.persona()
        if persona is None:
            return
        life_letters.seed_mailbox(store(), visit_id, persona, population())
    st.session_state[SEEDED_VISIT] = visit_id
