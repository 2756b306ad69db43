"""One opened letter: toolbar (reply, mark unread, move, delete/restore, PDF), sender, date, text, attachments,
and the Danish original beside the translation. Letter text is always shown escaped (st.html +
ui.shell.safe_text.html_text: no markup, no bidi control, long runs wrappable)."""
from __future__ import annotations

import html

import streamlit as st

from simulators.borger import cases
from simulators.post import pdf as pdf_letters
from simulators.post import postbox
from simulators.post.letters import escape_markdown
from ui.post import state as post_state
from ui.shell import navigation
from ui.shell.resources import store
from ui.shell import safe_text, theme
from ui.shell.safe_text import html_text, plain
from ui.shell.i18n import lang, number, t
from ui.post.mailbox_list import folder_name, opened_at

PAYOFF_PAGE = "pages/payoff.py"


def paper(subject: str, body: str, language_note: str = "") -> None:
    """The letter's text as a sheet of paper; everything escaped, so typed markup shows as text."""
    note = f'<div class="dds-letter-lang">{html.escape(language_note)}</div>' if language_note else ""
    width = "" if language_note else " dds-letter-single"  # one sheet alone: keep lines readable
    st.html(f'{theme.style_tag("post-letter")}<div class="dds-letter{width}" data-testid="dds-letter">{note}'
            f'<div class="dds-letter-subject">{html_text(subject, None)}</div>'
            f'<div class="dds-letter-body">{html_text(body, None)}</div></div>')


def _pdf_maker(view: dict, persona: dict):
    """The PDF is made only when the visitor downloads it; the language is fixed now, not at click time."""
    language = lang()
    return lambda: pdf_letters.letter_pdf(view, persona, language)


def render(view: dict, original: dict | None, persona: dict, all_folders: list[dict]) -> None:
    current = next((f for f in all_folders if f["id"] == view["folder"]), all_folders[0])
    st.button(t("post.letter.back", folder=escape_markdown(folder_name(current))), key="post_back", icon="⬅️",
              on_click=post_state.close_letter)
    _toolbar(view, persona, all_folders)
    st.subheader(escape_markdown(view["subject"]))
    who = t("post.letter.to") if view["outgoing"] else t("post.letter.from")
    st.markdown(f"**{who}:** {escape_markdown(view['party_name'])}  \n"
                f"**{t('post.letter.date')}:** {opened_at(view)}")
    if persona.get("digital_post_exempt") and not view["outgoing"]:
        st.info(t("post.letter.paper_copy"), icon="📄")
    if view["assumption"]:
        st.caption(t("post.letter.assumption"))
    if not view["outgoing"]:
        st.caption(t("post.letter.source_note"))
    if view.get("journey_event") and st.button(t("post.letter.germany"), key="post_to_germany", type="primary",
                                               icon="🇩🇪", width="stretch"):
        page, params = _germany(view)
        st.switch_page(page, query_params=params)
    if original is not None and lang() != "da":
        beside = st.toggle(t("post.letter.show_danish"), key="post_show_danish")
        if beside:
            left, right = st.columns(2)
            with left:
                paper(view["subject"], view["body"], t("post.letter.translation"))
            with right:
                paper(original["subject"], original["body"], t("post.letter.danish_original"))
        else:
            paper(view["subject"], view["body"])
    else:
        paper(view["subject"], view["body"])
    _attachments(view, persona)


def _germany(view: dict) -> tuple[str, dict]:
    """Where "Wie wäre das in Deutschland? →" leads: the payoff of the visitor's own application the letter answers
    (pages/payoff.py), else the journeys page on the letter's life event."""
    visit_id = post_state.visit_id()
    sent = cases.submission_of_letter(store(), visit_id, postbox.get_letter(store(), visit_id, view["letter_id"]))
    if sent is not None and navigation.registered(PAYOFF_PAGE):
        return PAYOFF_PAGE, {"submission": sent["submission_id"]}
    return "pages/journeys.py", {"event": view["journey_event"]}


def _toolbar(view: dict, persona: dict, all_folders: list[dict]) -> None:
    letter_id = view["letter_id"]
    deleted = view["folder"] == "deleted"
    with st.container(horizontal=True, key="post_letter_tools"):
        if view["replyable"] and not deleted:
            st.button(t("post.letter.reply"), key="post_reply", icon="↩️", type="primary",
                      on_click=post_state.start_compose, args=(letter_id,))
        if not view["outgoing"] and not deleted:
            st.button(t("post.letter.mark_unread"), key="post_mark_unread", icon="🔵",
                      on_click=post_state.mark_unread, args=(letter_id,))
        if deleted:
            st.button(t("post.letter.restore"), key="post_restore", icon="♻️", type="primary",
                      on_click=post_state.restore, args=(letter_id,))
            st.button(t("post.letter.purge"), key="post_purge", icon="✖️",
                      on_click=post_state.purge, args=(letter_id,))
        else:
            targets = postbox.move_targets({"folder": view["folder"],
                                            "direction": "out" if view["outgoing"] else "in"}, all_folders)
            names = {f["id"]: plain(folder_name(f)) for f in all_folders}
            with st.popover(t("post.letter.move"), icon="📂", key="post_move"):
                st.selectbox(t("post.letter.move_to"), targets, format_func=names.__getitem__,
                             key="post_move_target")
                st.button(t("post.letter.move_do"), key="post_move_do", on_click=post_state.move,
                          args=(letter_id, "post_move_target"))
            st.button(t("post.letter.delete"), key="post_delete", icon="🗑️", on_click=post_state.delete,
                      args=(letter_id,))
        if not view["outgoing"]:
            st.download_button(t("post.letter.save_pdf"), data=_pdf_maker(view, persona),
                               file_name=view["attachment_file"], mime="application/pdf", key="post_save_pdf",
                               icon="⬇️", on_click="ignore")


def _attachments(view: dict, persona: dict) -> None:
    if view["attachment"]:
        st.markdown(f"**{t('post.letter.attachments')}**")
        st.download_button(escape_markdown(view["attachment_file"]), icon="📎", key="post_attachment",
                           data=_pdf_maker(view, persona),
                           file_name=view["attachment_file"], mime="application/pdf", on_click="ignore")
        st.caption(t("post.letter.attachment_note"))
    if view["upload"]:
        upload = view["upload"]
        st.markdown(f"**{t('post.letter.attachments')}**")
        size = t("post.letter.size_kb", size=number(max(1, round(upload["size"] / 1024))))
        safe_text.text(f"📎 {upload['name']} ({size})")
        st.caption(t("post.letter.upload_note"))
