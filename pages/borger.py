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
from ui.shell import session
from ui.shell.i18n import lang, t
from ui.shell.safe_text import md

PAGE = "pages/borger.py"
POST_PAGE = "pages/digital_post.py"
COLUMNS = 4

visit, persona = layout.guard(PAGE)
KIOSK = session.mode() == "kiosk"
if KIOSK:  # a service tile was tapped: straight into its flow, without drawing this page first (issue #18)
    tapped = next((flow_id for flow_id in FLOWS if st.session_state.get(f"bdk_service_{flow_id}")), None)
    if tapped:
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
    with st.expander(t("borger.sources")):
        for label_key, reference in flow.sources:
            st.markdown(f"- {t(label_key)}: `{reference}`")


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
    links = st.columns(3)
    links[0].page_link("pages/overblik.py", label=t("borger.open_overblik"), icon="📋")
    if layout.page_registered(POST_PAGE):
        links[1].page_link(POST_PAGE, label=t("borger.open_digital_post"), icon="📬")
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
    service_cols = st.columns(COLUMNS)
    services = touch_order(FLOWS.values(), persona, clock.today()) if KIOSK else list(FLOWS.values())
    for index, flow in enumerate(services):
        column, key = service_cols[index % COLUMNS], f"bdk_service_{flow.id}"
        if not KIOSK:
            column.button(t(flow.title_key), key=key, width="stretch", type="primary", on_click=go,
                          kwargs={"article": flow.id})
        else:  # the kiosk: a tap goes into the flow (top of this page), no article between: the visitor came to act
            column.button(t(flow.title_key), key=key, width="stretch", type="primary")
    st.subheader(t("borger.topics_title"))
    tile_cols = st.columns(COLUMNS)
    for index, item in enumerate(TOPICS):
        tile_cols[index % COLUMNS].button(f"{item.icon}  {t(item.title_key)}", key=f"bdk_topic_{item.id}",
                                          width="stretch", on_click=go, kwargs={"topic": item.id})
    st.caption(f"📚 **{t('borger.source')}:** {t('borger.topics_source')}")


article_id, topic_id = st.query_params.get("article"), st.query_params.get("topic")
if article_id in FLOWS:
    article_page(FLOWS[article_id])
elif topic(topic_id or ""):
    topic_page(topic(topic_id))
else:
    front_page()
