"""borger.dk (simulation) after login: the 17 topic tiles, search, a topic page and an article page per life
event with its "Genveje til selvbetjening" box (``?topic=<slug>``, ``?article=<flow id>``). Layout only.
In kiosk mode (no keyboard) the service tiles lead straight into the flow, the shortest by touch first
(``simulators.borger.framework.touch_order``), and there is no search field."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import html

import streamlit as st

from simulators.borger import FLOWS
from simulators.borger.framework import touch_order
from simulators.borger.search import MAX_QUERY_CHARS, search
from simulators.borger.topics import TOPICS, topic
from simulators.core import clock
from ui.booth import progress
from ui.borger import layout
from ui.shell import navigation
from ui.shell import session
from ui.shell.i18n import lang, t
from ui.shell.safe_text import md

PAGE = "pages/borger.py"
POST_PAGE = "pages/digital_post.py"

visit, persona = layout.guard(PAGE)
KIOSK = session.mode() == "kiosk"
SERVICES_KEY, TOPICS_KEY, TAPPED_FLOW = "bdk_services", "bdk_topics", "bdk_tapped_flow"
if KIOSK:  # a service tile was tapped: straight into its flow, without drawing this page first (issue #18)
    tapped = st.session_state.pop(TAPPED_FLOW, None)
    if tapped in FLOWS:
        st.switch_page("pages/selfservice.py", query_params={"flow": tapped})
progress.render("borger")
layout.header(persona)


def go(**params) -> None:
    """A button's callback: the topic or article to show. Set before the run, so one run shows it (issue #18: a
    rerun after the button's own run took two)."""
    for name in ("topic", "article"):
        if name in st.query_params:
            del st.query_params[name]
    for name, value in params.items():
        st.query_params[name] = value


def tile_tapped(key: str, param: str) -> None:
    """A tile group's callback: the tile is a one-time choice, so the group shows none chosen when the visitor comes
    back. A service at the kiosk goes into its flow (top of this page); otherwise its article or topic opens."""
    chosen = st.session_state.get(key)
    st.session_state[key] = None
    if chosen is None:
        return
    if KIOSK and key == SERVICES_KEY:  # the visitor came to act: no article between
        st.session_state[TAPPED_FLOW] = chosen
    else:
        go(**{param: chosen})


def tiles(key: str, options: list[str], label: str, param: str, format_func) -> None:
    """A grid of tiles as one widget (issue #18: 25 buttons in columns were ~40 of this page's ~60 elements, each
    built, sent and drawn on every run); static/css/borger.css lays the options out as tiles."""
    st.pills(label, options, format_func=format_func, key=key, label_visibility="collapsed", on_change=tile_tapped,
             args=(key, param), width="stretch")


def shortcut_box(flow) -> None:
    with st.container(border=True, key=f"bdk_shortcuts_{flow.id}"):
        st.html(f'<div class="bdk-shortcuts"><b>{html.escape(t("borger.shortcuts"))}</b></div>')
        st.page_link("pages/selfservice.py", label=t("borger.start_flow", title=t(flow.title_key)), icon="➡️",
                     query_params={"flow": flow.id})
        st.caption(t("borger.requires_login_note"))


def article_page(flow) -> None:
    home = topic(flow.topic)
    st.button(t("borger.back_to", place=t(home.title_key) if home else "borger.dk"), type="tertiary",
              key="bdk_back_topic", icon="⬅️", on_click=go, kwargs={"topic": flow.topic} if home else {})
    st.title(t(flow.title_key))
    body, box = st.columns([3, 2], gap="large")
    with body:
        st.markdown(t(flow.article_key))
        if flow.article_notes is not None:
            layout.notes(flow.article_notes(persona, clock.today()))
    with box:
        shortcut_box(flow)
    layout.sources(flow)


def topic_page(current) -> None:
    st.button(t("borger.back_to", place="borger.dk"), type="tertiary", key="bdk_back_home", icon="⬅️", on_click=go)
    st.title(f"{current.icon} {t(current.title_key)}")
    services = [f for f in FLOWS.values() if f.topic == current.id]
    if not services:
        st.info(t("borger.topic_empty"))
    for flow in services:
        st.button(t(flow.title_key), key=f"bdk_article_{flow.id}", icon="📄", on_click=go,
                  kwargs={"article": flow.id})


def front_page() -> None:
    st.title(t("borger.welcome", name=md(persona["first_name"])))
    with st.container(horizontal=True, key="bdk_links"):
        st.page_link("pages/overblik.py", label=t("borger.open_overblik"), icon="📋")
        if navigation.registered(POST_PAGE):
            st.page_link(POST_PAGE, label=t("borger.open_digital_post"), icon="📬")
    query = "" if KIOSK else st.text_input(t("borger.search_label"), key="bdk_search",
                                           placeholder=t("borger.search_placeholder"), max_chars=MAX_QUERY_CHARS)
    if query.strip():
        found = search(query, lang(), FLOWS)
        if not found:
            st.info(t("borger.search_none"))
        for hit in found[:8]:
            kind = t("borger.search_service") if hit["kind"] == "service" else t("borger.search_topic")
            st.button(f"{t(hit['title_key'])} · {kind}", key=f"bdk_hit_{hit['kind']}_{hit['id']}", type="tertiary",
                      icon="🔎", on_click=go, kwargs={"article" if hit["kind"] == "service" else "topic": hit["id"]})
    st.subheader(t("borger.services_title"))
    services = touch_order(FLOWS.values(), persona, clock.today()) if KIOSK else list(FLOWS.values())
    # Labels fixed in this run's language: a widget may format its options outside the run (AppTest does).
    service_titles = {flow.id: t(flow.title_key) for flow in services}
    tiles(SERVICES_KEY, list(service_titles), t("borger.services_title"), "article", service_titles.get)
    st.subheader(t("borger.topics_title"))
    titles = {item.id: f"{item.icon}  {t(item.title_key)}" for item in TOPICS}
    tiles(TOPICS_KEY, list(titles), t("borger.topics_title"), "topic", titles.get)
    st.caption(f"📚 **{t('borger.source')}:** {t('borger.topics_source')}")


article_id, topic_id = st.query_params.get("article"), st.query_params.get("topic")
if article_id in FLOWS:
    article_page(FLOWS[article_id])
elif topic(topic_id or ""):
    topic_page(topic(topic_id))
else:
    front_page()
