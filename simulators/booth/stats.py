"""Aggregates of the anonymous booth counters for the exhibitor's dashboard (pure pandas, no Streamlit).

Input: rows of ``Store.events()`` — ``{seq, ts, visit_tag, event, detail, lang, mode}``. A visit's events share a
random ``visit_tag``; nothing in them names a person. ``detail`` is always a code (a login method, a flow id, the
reason a visit ended), which the tests check (tests/helpers/privacy.py).

Tiles and funnel count the same thing: visits that reached a stage, in any order, each visit once per stage
(``reached``). The breakdowns (logins by method, applications by flow, letters opened) count every event.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

import pandas as pd

from simulators.core import visits

COLUMNS = ("seq", "ts", "visit_tag", "event", "detail", "lang", "mode")
LOGIN_METHODS = ("own_phone", "onscreen_phone", "four_digit_code", "code_display", "audio_code_reader", "chip")
FUNNEL = ("visit_start", "login", "flow_completed", "letter_opened", "compare_viewed")
LANGS = ("de", "en", "da")
MODES = ("explore", "kiosk", "presenter")
CSV_FORMATS = {"standard": {"sep": ",", "decimal": "."},  # pandas, R, LibreOffice with English settings
               "excel_de": {"sep": ";", "decimal": ","}}  # Excel with German (and Danish) regional settings
# Visits ended by the server purge sat idle for half an hour: their length says nothing about the visitor.
UNTIMED_END_REASONS = ("stale",)


def to_frame(events: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(list(events), columns=list(COLUMNS))
    frame["ts"] = frame["ts"].astype(float)
    for name in ("visit_tag", "event", "detail", "lang", "mode"):
        frame[name] = frame[name].fillna("").astype(str)
    return frame


def day_start(now: dt.datetime) -> float:
    """Midnight of ``now``'s day (local time of the booth) as a timestamp."""
    return now.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


@dataclass
class BoothSummary:
    visits: int = 0
    reached: dict[str, int] = field(default_factory=dict)  # FUNNEL stage -> visits that reached it, in any order
    logins: int = 0  # login events (a visit may log in more than once)
    logins_by_method: dict[str, int] = field(default_factory=dict)
    flows_completed: dict[str, int] = field(default_factory=dict)
    letters_opened: int = 0
    visits_with_letter_opened: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    modes: dict[str, int] = field(default_factory=dict)
    funnel: list[tuple[str, int]] = field(default_factory=list)
    median_visit_seconds: float | None = None
    timed_visits: int = 0
    visits_by_hour: dict[int, int] = field(default_factory=dict)
    end_reasons: dict[str, int] = field(default_factory=dict)


def _counts(series: pd.Series, order: tuple[str, ...] = ()) -> dict[str, int]:
    counted = series.value_counts()
    result = {key: int(counted.get(key, 0)) for key in order}
    for key, value in counted.sort_values(ascending=False).items():
        if key and key not in result:
            result[str(key)] = int(value)
    return result


def cap_per_visit(frame: pd.DataFrame) -> pd.DataFrame:
    """Only the first ``visits.event_cap(event)`` events of each kind per visit tag (in the rows' order, the store's
    ``seq``): a scripted session repeating an event counts as what one visit can legitimately produce."""
    if frame.empty:
        return frame
    rank = frame.groupby(["visit_tag", "event"], sort=False).cumcount()
    cap = frame.event.map(visits.EVENT_CAP).fillna(visits.EVENT_CAP_DEFAULT)
    return frame[rank < cap]


def summarise(events: list[dict] | pd.DataFrame, since: float | None = None, until: float | None = None,
              modes: tuple[str, ...] | None = None, tz: dt.tzinfo | None = None) -> BoothSummary:
    """The dashboard's figures for the visits that started in [since, until) (and in ``modes``, if given).

    Every later event of such a visit counts, even past ``until``, so a visit is never cut in half.
    """
    frame = cap_per_visit(events if isinstance(events, pd.DataFrame) else to_frame(events))
    starts = frame[frame.event == "visit_start"]
    if since is not None:
        starts = starts[starts.ts >= since]
    if until is not None:
        starts = starts[starts.ts < until]
    if modes is not None:
        starts = starts[starts["mode"].isin(modes)]
    starts = starts.drop_duplicates("visit_tag")
    tags = set(starts.visit_tag)
    mine = frame[frame.visit_tag.isin(tags)]
    summary = BoothSummary(visits=len(starts))
    summary.logins_by_method = _counts(mine[mine.event == "login"].detail, LOGIN_METHODS)
    summary.logins = int((mine.event == "login").sum())
    summary.flows_completed = _counts(mine[mine.event == "flow_completed"].detail)
    opened = mine[mine.event == "letter_opened"]
    summary.letters_opened = len(opened)
    summary.visits_with_letter_opened = opened.visit_tag.nunique()
    summary.languages = _counts(starts.lang, LANGS)
    summary.modes = _counts(starts["mode"], MODES)
    summary.funnel = funnel(mine, tags)
    summary.reached = dict(summary.funnel)
    durations = visit_durations(mine)
    summary.timed_visits = len(durations)
    summary.median_visit_seconds = float(durations.median()) if len(durations) else None
    hours = pd.to_datetime(starts.ts, unit="s", utc=True).dt.tz_convert(tz or _local_tz()).dt.hour
    summary.visits_by_hour = {int(h): int(n) for h, n in hours.value_counts().sort_index().items()}
    summary.end_reasons = _counts(mine[mine.event == "visit_end"].detail)
    return summary


def _local_tz() -> dt.tzinfo:
    return dt.datetime.now().astimezone().tzinfo


def funnel(frame: pd.DataFrame, tags: set[str]) -> list[tuple[str, int]]:
    """How many of the visits ``tags`` reached each stage, in any order (a visitor may open the comparison before
    logging in), each visit once however often it repeats a stage. The first stage is every visit."""
    return [(stage, len(set(tags) & set(frame[frame.event == stage].visit_tag))) for stage in FUNNEL]


def reached_percent(summary: BoothSummary) -> dict[str, float]:
    """Each stage's visits as a percentage of all visits (one decimal; 0 when there were none)."""
    return {stage: round(100 * count / summary.visits, 1) if summary.visits else 0.0
            for stage, count in summary.reached.items()}


def visit_durations(frame: pd.DataFrame) -> pd.Series:
    """Seconds from visit_start to visit_end, per visit that has ended (server purges excluded)."""
    starts = frame[frame.event == "visit_start"].groupby("visit_tag").ts.min()
    ends = frame[(frame.event == "visit_end") & ~frame.detail.isin(UNTIMED_END_REASONS)].groupby("visit_tag").ts.min()
    both = pd.concat([starts.rename("start"), ends.rename("end")], axis=1, join="inner")
    return (both["end"] - both["start"]).clip(lower=0).reset_index(drop=True)


def summary_rows(summary: BoothSummary) -> list[tuple[str, str, float]]:
    """The summary as (section, code, value) rows — the CSV export and the tests share this shape."""
    rows: list[tuple[str, str, float]] = [("visits", "total", summary.visits)]
    rows += [("visits_reached", k, v) for k, v in summary.reached.items()]  # the tiles and the funnel
    rows += [("visits_reached_percent", k, v) for k, v in reached_percent(summary).items()]
    rows += [("logins", k, v) for k, v in summary.logins_by_method.items()]
    rows.append(("logins", "total", summary.logins))
    rows += [("flows_completed", k, v) for k, v in summary.flows_completed.items()]
    rows.append(("flows_completed", "total", sum(summary.flows_completed.values())))
    rows += [("letters_opened", "total", summary.letters_opened),
             ("letters_opened", "visits", summary.visits_with_letter_opened)]
    rows += [("language", k, v) for k, v in summary.languages.items()]
    rows += [("mode", k, v) for k, v in summary.modes.items()]
    if summary.median_visit_seconds is not None:
        rows.append(("median_visit_seconds", "all", round(float(summary.median_visit_seconds), 1)))
    rows.append(("timed_visits", "all", summary.timed_visits))
    rows += [("visits_by_hour", f"{h:02d}", v) for h, v in summary.visits_by_hour.items()]
    rows += [("visit_end", k, v) for k, v in summary.end_reasons.items()]
    return rows


def _csv_format(fmt: str) -> dict[str, str]:
    if fmt not in CSV_FORMATS:
        raise ValueError(f"unknown csv format {fmt!r} (one of {', '.join(CSV_FORMATS)})")
    return CSV_FORMATS[fmt]


def _csv_value(value: float, decimal: str) -> str:
    """Counts as whole numbers, measured values (percentages, seconds) with one decimal in ``decimal``."""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", decimal)
    return str(int(value))


def summary_csv(summary: BoothSummary, fmt: str = "standard") -> str:
    """The summary as ``section,code,value`` rows; ``fmt="excel_de"`` writes ``;`` and decimal commas, which Excel
    with German regional settings opens into columns and numbers."""
    options = _csv_format(fmt)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=options["sep"], lineterminator="\n")
    writer.writerow(["section", "code", "value"])
    writer.writerows((section, code, _csv_value(value, options["decimal"]))
                     for section, code, value in summary_rows(summary))
    return buffer.getvalue()


def events_csv(events: list[dict] | pd.DataFrame, fmt: str = "standard") -> str:
    """The raw anonymous counters, with an ISO timestamp added for spreadsheets (``fmt`` as in ``summary_csv``)."""
    options = _csv_format(fmt)
    frame = events if isinstance(events, pd.DataFrame) else to_frame(events)
    out = frame.copy()
    out.insert(2, "time_utc", pd.to_datetime(out.ts, unit="s", utc=True).dt.strftime("%Y-%m-%dT%H:%M:%SZ"))
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, sep=options["sep"], decimal=options["decimal"], lineterminator="\n")
    return buffer.getvalue()
