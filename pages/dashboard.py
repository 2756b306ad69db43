"""The exhibitor's dashboard: live figures from the anonymous booth counters, for a big screen, with CSV export."""
from ui.shell.boot import ensure_router

ensure_router()  # before anything else: this page must run inside app.py
import datetime as dt

import streamlit as st

from simulators.booth import stats as booth_stats
from simulators.borger import load_flows
from ui.booth import charts as booth_charts
from ui.shell import guards, theme
from ui.shell.i18n import duration, lang, number, t, time
from ui.shell.resources import store

guards.page_allowed("pages/dashboard.py")

METHOD_KEYS = {"own_phone": "booth.method.own_phone", "onscreen_phone": "booth.method.onscreen_phone",
               "four_digit_code": "booth.method.four_digit_code", "code_display": "booth.method.code_display",
               "audio_code_reader": "booth.method.audio_code_reader", "chip": "booth.method.chip"}
FUNNEL_KEYS = {"visit_start": "booth.funnel.visit_start", "login": "booth.funnel.login",
               "flow_completed": "booth.funnel.flow_completed", "letter_opened": "booth.funnel.letter_opened",
               "compare_viewed": "booth.funnel.compare_viewed"}
LANG_KEYS = {"de": "booth.lang.de", "en": "booth.lang.en", "da": "booth.lang.da"}
CSV_FORMAT_KEYS = {"excel_de": "booth.dash.csv.excel_de", "standard": "booth.dash.csv.standard"}
PERIOD_KEYS = {"today": "booth.dash.period.today", "all": "booth.dash.period.all"}
MODE_KEYS = {"all": "booth.dash.modes.all", "kiosk": "booth.dash.modes.kiosk",
             "explore": "booth.dash.modes.explore", "presenter": "booth.dash.modes.presenter"}
REFRESH_SECONDS = 5

theme.inject("booth-dashboard")

heading, period_column, mode_column = st.columns([5, 2, 3], vertical_alignment="bottom")
with heading:
    st.header(t("booth.dash.title"))
    st.caption(t("booth.dash.lead", seconds=REFRESH_SECONDS))
period_labels = {code: t(key) for code, key in PERIOD_KEYS.items()}
mode_labels = {code: t(key) for code, key in MODE_KEYS.items()}
period = period_column.segmented_control(t("booth.dash.period"), list(PERIOD_KEYS), default="today",
                                         format_func=period_labels.get, key="dash_period", required=True)
mode_choice = mode_column.segmented_control(t("booth.dash.modes"), list(MODE_KEYS), default="all",
                                            format_func=mode_labels.get, key="dash_modes", required=True)


def window() -> tuple[float | None, tuple[str, ...] | None]:
    since = booth_stats.day_start(dt.datetime.now()) if period == "today" else None
    modes = None if mode_choice == "all" else (mode_choice,)
    return since, modes


def summary_csv() -> str:  # called on click, in another thread: reads the counters as they are then
    since, modes = window()
    return booth_stats.summary_csv(booth_stats.summarise(store().events(since), since=since, modes=modes),
                                   csv_format)


def events_csv() -> str:
    since, _ = window()
    return booth_stats.events_csv(store().events(since), csv_format)


def flow_label(code: str) -> str:
    flow = load_flows().get(code)
    return t(flow.title_key) if flow else code


@st.fragment(run_every=REFRESH_SECONDS)
def figures() -> None:
    since, modes = window()
    s = booth_stats.summarise(store().events(since), since=since, modes=modes)
    with st.container(key="dash_figures"):
        row = st.columns([1, 1, 1, 1, 1, 1.4])  # tiles and funnel count the same: visits that reached each stage
        row[0].metric(t("booth.dash.visits_today") if since else t("booth.dash.visits_all"), number(s.visits),
                      border=True)
        for column, stage in zip(row[1:5], booth_stats.FUNNEL[1:]):
            column.metric(t(FUNNEL_KEYS[stage]), number(s.reached[stage]), border=True)
        median = s.median_visit_seconds
        row[5].container(key="dash_median").metric(  # "3 Min. 5 Sek.": a wider tile, a smaller figure
            t("booth.dash.median"), "–" if median is None else duration(median), border=True,
            help=t("booth.dash.median_help", visits=number(s.timed_visits)))
        st.caption(t("booth.dash.counting"))
        chart = {"config": {"displayModeBar": False, "staticPlot": True}}
        funnel_col, methods_col, flows_col = st.columns([10, 8, 11], gap="large")
        funnel_col.subheader(t("booth.dash.funnel"))
        funnel_col.plotly_chart(booth_charts.funnel([t(FUNNEL_KEYS[k]) for k, _ in s.funnel],
                                                    [n for _, n in s.funnel], height=280), key="dash_funnel", **chart)
        methods_col.subheader(t("booth.dash.methods"))
        methods_col.plotly_chart(booth_charts.bars([t(METHOD_KEYS[k]) if k in METHOD_KEYS else k
                                                    for k in s.logins_by_method], list(s.logins_by_method.values()),
                                                   height=280), key="dash_methods", **chart)
        flows_col.subheader(t("booth.dash.flows_by_type"))
        if s.flows_completed:
            flows_col.plotly_chart(booth_charts.bars([flow_label(k) for k in s.flows_completed],
                                                     list(s.flows_completed.values()), height=280),
                                   key="dash_flows", **chart)
        else:
            flows_col.info(t("booth.dash.no_flows"))
        langs_col, hours_col = st.columns([3, 7], gap="large")
        langs_col.subheader(t("booth.dash.languages"))
        langs_col.plotly_chart(booth_charts.bars([t(LANG_KEYS[k]) if k in LANG_KEYS else k for k in s.languages],
                                                 list(s.languages.values()), height=150), key="dash_langs", **chart)
        hours_col.subheader(t("booth.dash.by_hour"))
        hours = range(min(s.visits_by_hour, default=9), max(s.visits_by_hour, default=17) + 1)
        hours_col.plotly_chart(booth_charts.columns([f"{h:02d}" for h in hours],
                                                    [s.visits_by_hour.get(h, 0) for h in hours], height=150),
                               key="dash_hours", **chart)
    st.caption(t("booth.dash.source") + " " + t("booth.dash.updated", time=time(dt.datetime.now(), "medium")))


figures()
csv_labels = {code: t(key) for code, key in CSV_FORMAT_KEYS.items()}
footer = st.columns([2, 1, 1], vertical_alignment="bottom")
csv_format = footer[0].segmented_control(  # German (and Danish) Excel splits columns at ";", reads "66,7"
    t("booth.dash.csv.format"), list(CSV_FORMAT_KEYS), default="excel_de" if lang() in ("de", "da") else "standard",
    format_func=csv_labels.get, key="dash_csv_format", required=True)
suffix = "-excel" if csv_format == "excel_de" else ""
footer[1].download_button(t("booth.dash.export_summary"), summary_csv, file_name=f"booth-summary{suffix}.csv",
                          mime="text/csv", on_click="ignore", icon="📥", key="dash_csv_summary", width="stretch")
footer[2].download_button(t("booth.dash.export_events"), events_csv, file_name=f"booth-events{suffix}.csv",
                          mime="text/csv", on_click="ignore", icon="📥", key="dash_csv_events", width="stretch")
