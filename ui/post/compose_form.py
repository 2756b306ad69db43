"""Write a new message to an authority ("Skriv ny besked" → "Vælg myndighed" → subject → text → attachment),
or reply to a letter that allows it. Rules and limits live in simulators.post.compose."""
from __future__ import annotations

import streamlit as st

from simulators.post import compose as post_compose
from simulators.post.letters import escape_markdown, sender_name
from ui.post import state as post_state
from ui.shell.i18n import lang, number, t
from ui.shell.resources import store
from ui.shell.safe_text import md_params


def render(original: dict | None, persona: dict) -> None:
    """``original``: the rendered view of the letter being answered, or None for a new message."""
    st.button(t("post.compose.cancel"), key="post_compose_cancel", icon="⬅️", on_click=post_state.close_compose)
    st.subheader(t("post.compose.title_reply") if original else t("post.compose.title_new"))
    with st.form("post_compose_form", border=True, enter_to_submit=False):
        if original:
            st.markdown(f"**{t('post.letter.to')}:** {escape_markdown(original['party_name'])}")
            recipient = None
            subject_default = post_compose.reply_subject(original["subject"], lang())
        else:
            labels = {a: _recipient_label(a, persona) for a in post_compose.recipients()}
            recipient = st.selectbox(t("post.compose.recipient"), list(labels), index=None,
                                     format_func=labels.__getitem__,
                                     placeholder=t("post.compose.recipient_hint"), key="post_compose_recipient")
            subject_default = ""
        # one character more than the rule: Streamlit cuts to max_chars on the server too, and compose.validate
        # should see (and name) a value that was too long rather than have it cut silently (ui/borger/form.py)
        subject = st.text_input(t("post.compose.subject"), value=subject_default, key="post_compose_subject",
                                max_chars=post_compose.SUBJECT_MAX + 1)
        body = st.text_area(t("post.compose.body"), height=220, key="post_compose_body",
                            max_chars=post_compose.BODY_MAX + 1)
        upload = st.file_uploader(t("post.compose.attachment"), type=sorted(post_compose.FILE_TYPES),
                                  max_upload_size=post_compose.FILE_MAX_MB, key="post_compose_file")
        st.caption(t("post.compose.limits", subject_max=number(post_compose.SUBJECT_MAX),
                     body_max=number(post_compose.BODY_MAX), file_mb=number(post_compose.FILE_MAX_MB)))
        send = st.form_submit_button(t("post.compose.send"), type="primary", icon="📨", key="post_compose_send")
    if send:
        attachment = (upload.name, upload.getvalue()) if upload is not None else None
        errors, _, _ = post_compose.send(store(), post_state.visit_id(), recipient, subject or "", body or "",
                                         attachment, reply_to=original["letter_id"] if original else None)
        if errors:
            for key, params in errors:
                shown = {k: number(v) if isinstance(v, int) else v for k, v in params.items()}
                st.error(t(key, **md_params(params, shown)), icon="⚠️")  # a file name's extension: the visitor's
            return
        post_state.go_folder("sent")
        post_state.flash("post.flash.sent")
        st.rerun()


def _recipient_label(authority_id: str, persona: dict) -> str:
    name = sender_name(authority_id, lang(), {"municipality": persona.get("municipality"),
                                               "region": persona.get("region")})
    return f"{t(post_compose.group_key(authority_id))} – {name}"
