"""Router only: page config, theme, language, mode, header, idle watchdog and st.navigation."""
import streamlit as st

from ui.shell import emoji_lookup
from ui.shell import event_batching
from ui.shell import header
from ui.shell import navigation
from ui.shell import runtime_tuning
from ui.shell import session
from ui.shell import text_cleaning
from ui.shell import theme
from ui.shell import theme_message
from ui.shell import wakeup
from ui.booth import tour_panel
from ui.booth import watchdog
from ui.mitid import handoff

event_batching.install()  # once per process: a run's messages reach the event loop in bursts, not one by one
theme_message.install()  # once per process: the theme part of every run's first message is built once
emoji_lookup.install()  # once per process: a label's leading emoji found without hashing Streamlit's pattern
text_cleaning.install()  # once per process: an element's text cleaned once per distinct text, not every run
st.set_page_config(page_title="Digital Denmark — Simulation", page_icon="🇩🇰", layout="wide",
                   initial_sidebar_state="auto")  # a sidebar shows only in presenter mode (tour)
session.init()
wakeup.forget_this_session()  # a page that still waits for the store asks again below (ui/shell/wakeup.py)
theme.apply()
page = navigation.build()
handoff.leave_if_just_logged_in(page)  # MitID just approved: on to borger.dk before anything is drawn
header.render()
watchdog.run(page)  # interaction stamp, stale-visit purge; kiosk: touch styles and idle reset
tour_panel.render(page)  # presenter mode: the tour in the sidebar
runtime_tuning.count_run()  # gc.freeze() once warm, when DDS_GC_FREEZE_AFTER_RUNS is set
runtime_tuning.start_gc_stats()  # only with DDS_GC_STATS_FILE (bench/bench_load.py)
page.run()
