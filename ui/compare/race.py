"""The presenters' "race" drawn: Denmark's and Germany's journey for one life event played on one time axis.

A plotly animation (frames + play button + slider), so it runs in the browser with no server round trips and no
network. Each bar grows with the days that pass; markers show where a step ends. The race itself — where each
country is on a day, when steps end, who finished when — is simulators.compare.race; this module only draws it.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ui.compare.chart_style import COLOURS, FONT, PHONE_PLOT_WIDTH, style, translator
from simulators.core.i18n import fmt_number
from simulators.compare import race as race_data
from simulators.compare.indicators import country_name
from simulators.compare.journeys import EVENT_KEYS, Journey

PLOT_HEIGHT = 250
CONTROLS_OFFSET = 72  # px from the plot's bottom edge to the play button and slider (below the axis title)
Y = {"DK": 1.0, "DE": 0.0}  # numeric y so the state text can sit above each bar


def _label(tr, lang: str, journey: Journey, day: float) -> str:
    label = race_data.label_at(journey, day)
    params = dict(label.params)
    if "days" in params:
        params["days"] = fmt_number(params["days"], lang)
    return tr(label.key, **params)


def _marker_text(group: race_data.StepGroup) -> str:
    """"2" for one step, "2–4" for several that end on the same day."""
    numbers = group.numbers
    return f"{numbers[0]}" if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"


def _marker_hover(journey: Journey, group: race_data.StepGroup, lang: str) -> str:
    steps = journey.required_steps()
    return "<br>".join(f"{n}. {steps[n - 1].text(lang)[:70]}" for n in group.numbers)


def race_figure(dk: Journey, de: Journey, lang: str) -> go.Figure:
    tr = translator(lang)
    race = race_data.race(dk, de)
    total, times = race.total, race.times

    def moving(day: float) -> list:
        traces = []
        for lane in race.lanes:
            country, y, journey = lane.country, Y[lane.country], lane.journey
            traces.append(go.Bar(x=[race_data.state_at(journey, day)[0]], y=[y], orientation="h", width=0.32,
                                 name=country_name(country, lang), legendgroup=country, meta={"country": country},
                                 marker={"color": COLOURS[country]}, showlegend=False, hoverinfo="skip"))
            traces.append(go.Scatter(x=[0], y=[y + 0.3], mode="text", text=[_label(tr, lang, journey, day)],
                                     textposition="middle right", textfont={"size": 18, "color": COLOURS[country]},
                                     showlegend=False, hoverinfo="skip", meta={"country": country}))
        return traces

    markers = []
    for lane in race.lanes:
        country, groups = lane.country, lane.groups
        markers.append(go.Scatter(
            x=[g.day for g in groups], y=[Y[country] - 0.3] * len(groups), mode="markers+text",
            name=country_name(country, lang), legendgroup=country, meta={"country": country}, showlegend=False,
            text=[_marker_text(g) for g in groups], textposition="bottom center",
            textfont={"size": 14, "color": "#454545"}, marker={"symbol": "triangle-up", "size": 12, "color": "#707070"},
            customdata=[_marker_hover(lane.journey, g, lang) for g in groups],
            hovertemplate="%{customdata}<extra></extra>"))
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
    return style(fig, lang, tr("compare.race.title", event=tr(EVENT_KEYS[race.event])), tr("compare.race.caption"),
                 x_title=tr("compare.race.axis"), plot_height=PLOT_HEIGHT, legend=False,
                 subtitle=tr("compare.race.subtitle"), extra_bottom=150,
                 legend_space=PHONE_PLOT_WIDTH - 9 * max(len(country_name(lane.country, lang)) for lane in race.lanes))
