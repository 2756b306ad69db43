"""Shared pieces of the simulated borger.dk pages: login guard with idle logout, the DKFDS two-row header
("borger.dk (simulation)", the logged-in persona, "Log af"; solution title and authority), and renderers for the
flow framework's notes and display values (simulators.borger.framework)."""
from __future__ import annotations

import datetime as dt
import html
import time

import streamlit as st

from simulators.post import letters
from simulators.borger import portal
from simulators.borger.framework import Option, format_params
from simulators.core.visits import Persona, Visit
from ui.shell import guards
from ui.shell import safe_text
from ui.shell import session
from ui.shell import theme
from ui.shell.i18n import date, lang, money, number, t

NOTE_ICONS = {"info": "ℹ️", "warning": "⚠️", "success": "✅", "assumption": "🧩", "source": "📚"}


def guard(path: str) -> tuple[Visit, Persona]:
    """Mode and login guard; ends the login after the idle time. Returns (visit, persona)."""
    guards.page_allowed(path)
    visit = guards.require_login()
    now = time.time()
    if portal.idle_expired(visit.borger_seen_at, now):
        session.log_out(forget_activity=True)
        session.track("borger_idle_logout")
        st.warning(t("borger.idle_logged_out", minutes=portal.IDLE_MINUTES))
        guards.require_login()
    if portal.should_record_activity(visit.borger_seen_at, now):
        visit = session.record_activity(now) or visit
    return visit, session.persona()


def log_off() -> None:
    session.log_out(forget_activity=True)
    session.track("logout", "borger")
    st.switch_page("pages/welcome.py")


def header(persona: dict, flow=None) -> None:
    """DKFDS header: row 1 portal name, logged-in user, "Log af"; row 2 (flow pages) solution and authority."""
    theme.inject("borger")
    # One row of three messages, not columns of eight (issue #18: every borger.dk page draws it on every run);
    # the green rule under it is the container's border (static/css/borger.css).
    with st.container(key="bdk_header", horizontal=True, vertical_alignment="center", gap="small"):
        st.html('<div class="bdk-top"><div class="bdk-portal"><span>borger</span>.dk'
                f'<small>{html.escape(t("borger.portal_simulation"))}</small></div>'
                f'<div class="bdk-user">👤 {html.escape(t("borger.logged_in_as", name=persona["full_name"]))}'
                f'<br><small>⏱️ {html.escape(t("borger.idle_note", minutes=portal.IDLE_MINUTES))}</small></div></div>')
        if st.button(t("borger.log_off"), key="bdk_log_off", width="content"):
            log_off()
    if flow is not None:
        st.html(f'<div class="bdk-solution"><b>{html.escape(t(flow.title_key))}</b>'
                f'<span>{html.escape(authority_name(flow.authority, persona))}</span></div>')


def authority_name(authority_id: str | None, persona: dict, params: dict | None = None) -> str:
    if not authority_id:
        return ""
    values = {**letters.persona_params(persona), **(params or {})}
    return letters.sender_name(authority_id, lang(), values)


def text(key: str, params: dict | None = None) -> str:
    """A catalog text with params formatted for the language (dates, money, percentages), for a Markdown element
    (alerts, captions, st.markdown): a param that may be visitor text (a typed postcode, a search) shows literally
    (ui.shell.safe_text.md_params)."""
    return t(key, **safe_text.md_params(params, format_params(params or {}, lang())))


def plain_text(key: str, params: dict | None = None) -> str:
    """``text`` for a plain element or ``html.escape`` (no Markdown escapes; bidi controls still removed)."""
    formatted = format_params(params or {}, lang())
    return t(key, **{k: safe_text.plain(v) if isinstance(v, str) else v for k, v in formatted.items()})


def option_label(option: Option, markdown: bool = False) -> str:
    """An option's label: for a Markdown label (radio, checkbox) with ``markdown``, else plain (selectbox)."""
    if option.label_key:
        return text(option.label_key, option.params) if markdown else plain_text(option.label_key, option.params)
    label = option.label if option.label is not None else option.value
    return safe_text.md(label) if markdown else safe_text.plain(label)


def shown(value: dict | None) -> str:
    """A framework Display value as plain text (for ``html.escape``)."""
    if not value:
        return "–"
    if "key" in value:
        return plain_text(value["key"], value.get("params"))
    if "date" in value:
        return date(dt.date.fromisoformat(value["date"]), "long")
    if "dkk" in value:
        return money(value["dkk"])
    if "number" in value:
        return number(value["number"])
    if "list" in value:
        return ", ".join(shown(v) for v in value["list"]) or "–"
    return safe_text.plain(value.get("text", "–"))


def notes(items: list[dict] | None) -> None:
    for note in items or []:
        kind = note.get("kind", "text")
        if kind == "rows":
            rows(note.get("rows", []), note.get("key"), note.get("params"))
            continue
        body = text(note["key"], note.get("params"))
        if kind == "info":
            st.info(body, icon=NOTE_ICONS["info"])
        elif kind == "warning":
            st.warning(body, icon=NOTE_ICONS["warning"])
        elif kind == "success":
            st.success(body, icon=NOTE_ICONS["success"])
        elif kind in ("assumption", "source"):
            label = t("borger.assumption") if kind == "assumption" else t("borger.source")
            st.caption(f"{NOTE_ICONS[kind]} **{label}:** {body}")
        else:
            st.markdown(body)


def sources(flow) -> None:
    """The flow's legal and data sources, folded away: one list, one element (issue #18: a flow page draws it on
    every run). Catalog labels and references only, never visitor text."""
    with st.expander(t("borger.sources")):
        st.markdown("\n".join(f"- {t(label_key)}: `{reference}`" for label_key, reference in flow.sources))


def rows(items: list[dict], caption_key: str | None = None, caption_params: dict | None = None) -> None:
    """Label/value rows as a two-column table (escaped text in st.html)."""
    cells = "".join(
        f'<tr><td style="padding:.35rem .8rem .35rem 0;color:#454545">{html.escape(plain_text(r["label_key"], r.get("params")))}'
        f'</td><td style="padding:.35rem 0;font-weight:600;text-align:right">{html.escape(shown(r.get("value")))}</td></tr>'
        for r in items)
    caption = f'<caption style="text-align:left;font-weight:700;padding-bottom:.3rem">' \
              f'{html.escape(plain_text(caption_key, caption_params))}</caption>' if caption_key else ""
    st.html(f'<table style="border-collapse:collapse;width:100%;max-width:640px;border-top:1px solid #DCDCDC">'
            f"{caption}{cells}</table>")


def steps_indicator(titles: list[str], current: int) -> None:
    """The vertical DKFDS step indicator; ``current`` == len(titles) means "check your answers"."""
    items = []
    for i, title in enumerate(titles + [t("borger.check_answers")]):
        css = "done" if i < current else "current" if i == current else ""
        mark = "✓ " if i < current else f"{i + 1}. " if i < len(titles) else ""
        items.append(f'<li class="{css}">{html.escape(mark + title)}</li>')
    st.html(f'<ol class="bdk-steps" aria-label="{html.escape(t("borger.steps_label"))}">{"".join(items)}</ol>')

