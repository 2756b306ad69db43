"""The presenters' "race": Denmark's and Germany's journey for one life event played on one time axis.

A plotly animation (frames + play button + slider), so it runs in the browser with no server round trips and no
network. Each bar grows with the days that pass; markers show where a step ends. Only required steps take part;
steps without a sourced duration count as 0 days (the subtitle says so: an assumption of the race).
"""
from __future__ import annotations

import plotly.graph_objects as go

from ui.compare.chart_style import COLOURS, FONT, PHONE_PLOT_WIDTH, style, translator
from simulators.core.i18n import fmt_number
from simulators.compare.indicators import country_name
from simulators.compare.journeys import EVENT_KEYS, Journey

FRAMES = 36
PLOT_HEIGHT = 250
CONTROLS_OFFSET = 72  # px from the plot's bottom edge to the play button and slider (below the axis title)


def step_ends(journey: Journey) -> list[tuple[float, int]]:
    """(day the step is done, step number) for each required step, in order."""
    ends, clock = [], 0.0
    for number, step in enumerate(journey.required_steps(), start=1):
        clock += step.days or 0
        ends.append((clock, number))
    return ends


def frame_times(total: float) -> list[float]:
    return [total * i / FRAMES for i in range(FRAMES + 1)]


def state_at(journey: Journey, day: float) -> tuple[float, int]:
    """(progress in days, number of the step under way, or 0 when done) at ``day``."""
    ends = step_ends(journey)
    total = ends[-1][0] if ends else 0.0
    if day >= total:
        return total, 0
    current = next(number for end, number in ends if end > day)
    return day, current


def _label(tr, lang: str, journey: Journey, day: float) -> str:
    progress, current = state_at(journey, day)
    steps = len(journey.required_steps())
    if current == 0:
        if progress == 0:
            return tr("compare.race.done_no_wait")
        return tr("compare.race.done", days=fmt_number(round(progress), lang))
    return tr("compare.race.step", step=current, total=steps)


def _groups(journey: Journey, lang: str) -> list[tuple[float, str, str]]:
    """Step ends merged where several steps end on the same day: (day, "2–4", step texts)."""
    merged: list[tuple[float, list[int]]] = []
    for end, number in step_ends(journey):
        if merged and merged[-1][0] == end:
            merged[-1][1].append(number)
        else:
            merged.append((end, [number]))
    steps = journey.required_steps()
    return [(end, f"{numbers[0]}" if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}",
             "<br>".join(f"{n}. {steps[n - 1].text(lang)[:70]}" for n in numbers)) for end, numbers in merged]


def race_figure(dk: Journey, de: Journey, lang: str) -> go.Figure:
    tr = translator(lang)
    rows = {"DK": (1.0, dk), "DE": (0.0, de)}  # numeric y so the state text can sit above each bar
    total = max(step_ends(j)[-1][0] for _, j in rows.values()) or 1.0
    times = frame_times(total)

    def moving(day: float) -> list:
        traces = []
        for country, (y, journey) in rows.items():
            traces.append(go.Bar(x=[state_at(journey, day)[0]], y=[y], orientation="h", width=0.32,
                                 name=country_name(country, lang), legendgroup=country, meta={"country": country},
                                 marker={"color": COLOURS[country]}, showlegend=False, hoverinfo="skip"))
            traces.append(go.Scatter(x=[0], y=[y + 0.3], mode="text", text=[_label(tr, lang, journey, day)],
                                     textposition="middle right", textfont={"size": 18, "color": COLOURS[country]},
                                     showlegend=False, hoverinfo="skip", meta={"country": country}))
        return traces

    markers = []
    for country, (y, journey) in rows.items():
        groups = _groups(journey, lang)
        markers.append(go.Scatter(
            x=[g[0] for g in groups], y=[y - 0.3] * len(groups), mode="markers+text", name=country_name(country, lang),
            legendgroup=country, meta={"country": country}, showlegend=False, text=[g[1] for g in groups],
            textposition="bottom center", textfont={"size": 14, "color": "#454545"},
            marker={"symbol": "triangle-up", "size": 12, "color": "#707070"},
            customdata=[g[2] for g in groups], hovertemplate="%{customdata}<extra></extra>"))
    fig = go.Figure(moving(times[-1]) + markers)  # the still image shows the finish
    fig.frames = [go.Frame(data=moving(t), traces=[0, 1, 2, 3], name=f"{i}") for i, t in enumerate(times)]
    below_axis = -CONTROLS_OFFSET / PLOT_HEIGHT  # paper units: just under the axis title
    slider_steps = [{"method": "animate", "label": f"{round(t)}" if i % 9 == 0 or i == len(times) - 1 else "",
                     "args": [[f"{i}"], {"mode": "immediate", "frame": {"duration": 0, "redraw": False},
                                         "transition": {"duration": 0}}]} for i, t in enumerate(times)]
    fig.update_layout(
        barmode="overlay",
        updatemenus=[{"type": "buttons", "showactive": False, "x": 0, "y": below_axis, "xanchor": "left",
                      "yanchor": "top", "pad": {"t": 0, "r": 0}, "font": {"size": 18, "family": FONT},
                      "bgcolor": "#F5F5F5", "bordercolor": "#8E8E8E",
                      "buttons": [{"label": tr("compare.race.play"), "method": "animate",
                                   "args": [None, {"frame": {"duration": 140, "redraw": False}, "fromcurrent": False,
                                                   "transition": {"duration": 120}, "mode": "immediate"}]}]}],
        sliders=[{"active": len(times) - 1, "x": 0, "len": 1.0, "y": below_axis - 48 / PLOT_HEIGHT,
                  "yanchor": "top", "currentvalue": {"prefix": f"{tr('compare.race.day')} ", "font": {"size": 16}},
                  "font": {"size": 13}, "pad": {"t": 0, "b": 0}, "steps": slider_steps}],
    )
    fig.update_xaxes(range=[-total * 0.06, total * 1.08])
    fig.update_yaxes(range=[-0.7, 1.55], tickvals=[1, 0], ticktext=[country_name("DK", lang), country_name("DE", lang)],
                     tickfont={"size": 17}, showgrid=False, zeroline=False)
    return style(fig, lang, tr("compare.race.title", event=tr(EVENT_KEYS[dk.event])), tr("compare.race.caption"),
                 x_title=tr("compare.race.axis"), plot_height=PLOT_HEIGHT, legend=False,
                 subtitle=tr("compare.race.subtitle"), extra_bottom=150,
                 legend_space=PHONE_PLOT_WIDTH - 9 * max(len(country_name(c, lang)) for c in rows))
