"""Life events in Denmark and Germany side by side: the race as the headline, step timelines, and what Germany can
learn. ``?event=moving|newborn|passport|tax|divorce|car|business`` opens one event directly."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import streamlit as st

from simulators.compare import journeys
from ui.booth import events as booth_events
from ui.booth import progress
from ui.compare import journey_view, payoff_view
from ui.shell.guards import page_allowed
from ui.shell.i18n import t

page_allowed("pages/journeys.py")
progress.render("germany")  # kiosk only: the journey's four steps
booth_events.track_once("compare_viewed", "journey")  # the booth funnel's last stage
all_journeys = journeys.load()

st.title(t("compare.journeys.title"))
st.markdown(t("compare.journeys.intro"))
EVENT_KEY = "journeys_event"


def _event_to_url() -> None:
    st.query_params["event"] = st.session_state[EVENT_KEY]


requested = journeys.normalise_event(st.query_params.get("event"))  # a link such as ?event=divorce
if requested or EVENT_KEY not in st.session_state:
    st.session_state[EVENT_KEY] = requested or "moving"
event_labels = {e: f"{journeys.EVENT_ICONS[e]} {t(journeys.EVENT_KEYS[e])}" for e in journeys.EVENTS}
event = st.segmented_control(t("compare.journeys.pick"), list(event_labels), required=True, key=EVENT_KEY,
                             format_func=event_labels.get, on_change=_event_to_url)
dk, de = all_journeys[(event, "DK")], all_journeys[(event, "DE")]

journey_view.race_block(event)  # the headline: who is done when, starting by itself
payoff_view.link()  # after a self-service: "Your five minutes"

st.header(t("compare.journeys.heading", event=t(journeys.EVENT_KEYS[event])))
for column, journey in zip(st.columns(2, gap="large"), (dk, de)):
    with column:
        journey_view.summary(journey)
        journey_view.timeline(journey)

st.header(t("compare.learn.heading"))
st.markdown(t("compare.learn.intro"))
journey_view.learn_panel(journeys.learn_facts())

st.page_link("pages/compare.py", label=t("compare.link.indicators"), icon="📊")
with st.expander(t("compare.journeys.sources_expand")):
    for source in dict.fromkeys(dk.all_sources() + de.all_sources()):
        st.markdown(f"- {source.title}  \n  `{source.url}`")
