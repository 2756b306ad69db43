"""Digital Post: the persona's mailbox, with the letters of its life and those the visitor's actions caused.

Layout only; the rules live in simulators.post.postbox, post_views, post_compose and life_letters.
"""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import streamlit as st

from simulators.post import views as post_views
from simulators.post import postbox
from ui.shell import guards
from ui.booth import progress
from ui.post import compose_form as post_compose_form
from ui.post import duty as post_duty
from ui.post import letter as post_letter
from ui.post import mailbox_list as post_list
from ui.post import notice as post_notice
from ui.post import state as post_state
from ui.shell import session
from ui.shell.i18n import lang, t
from ui.shell.resources import store

guards.page_allowed("pages/digital_post.py")
visit = guards.require_login()
progress.render("post")  # kiosk only: the journey's four steps
persona = session.persona()
if persona is None:
    st.info(t("guard.start_first"))
    st.stop()
visit_id = visit.visit_id
post_notice.seed(visit_id)  # the life's letters, once per visit
all_letters = post_notice.show()  # announce letters the visitor's actions caused; the visit's letters
post_state.init()
if post_state.open_from_link():  # ?letter=<id>: the receipt's "read your letter" (now read: the count changed)
    all_letters = postbox.list_letters(store(), visit_id)

st.title(t("post.title"))
st.caption(t("post.lead"))
post_duty.exempt_notice(persona)

flash = post_state.take_flash()
if flash:
    key, params = flash
    (st.error if key.startswith("post.error.") else st.success)(t(key, **params))

all_folders = postbox.folders(store(), visit_id)
known = {f["id"]: f for f in all_folders}
if st.session_state[post_state.FOLDER] not in known:  # an own folder deleted in another tab
    post_state.go_folder("inbox")
post_list.folder_bar(all_folders, all_letters)

compose = st.session_state[post_state.COMPOSE]
open_id = st.session_state[post_state.OPEN]
opened = postbox.get_letter(store(), visit_id, open_id) if open_id else None
if compose:
    answered = postbox.get_letter(store(), visit_id, compose) if compose != "new" else None
    post_compose_form.render(post_views.render(answered, lang(), persona) if answered else None, persona)
elif opened is not None:
    view = post_views.render(opened, lang(), persona)
    original = None if postbox.is_outgoing(opened) else post_views.render(opened, "da", persona)
    post_letter.render(view, original, persona, all_folders)
else:
    folder = known[st.session_state[post_state.FOLDER]]
    post_list.tools(folder)
    in_folder = [letter for letter in all_letters if letter["folder"] == folder["id"]]
    post_list.letter_list(in_folder, folder, lambda letter, body: post_views.render(letter, lang(), persona, body))
    post_duty.assumptions()

st.divider()
post_duty.explanation()
