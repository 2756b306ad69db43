"""The presenters' "race" drawn: Denmark's and Germany's journey for one life event played on one time axis.

A plotly animation (frames + play button + slider), so it runs in the browser with no server round trips and no
network; ``autoplay`` starts it by itself once it is in view. Each lane grows with the days that pass: solid while
the citizen's part lasts, up to the star that marks "done for you"; hatched for what follows by itself (a card
by post) until all follow-ups arrived. Triangles show where a step ends. The race itself — where each country is
on a day, when steps end, who was done when — is simulators.compare.race; this module only draws it.

The figure has no title of its own: the page puts the title above it as text (a chart title in the corner of a
full-width chart is too small from two metres, and a phone's chart toolbar would cover it).
"""
from __future__ import annotations

import base64
import hashlib
import html

import plotly.graph_objects as go

from ui.compare.chart_style import COLOURS, FONT, style, translator
from simulators.core.i18n import fmt_number, source_name
from simulators.compare import race as race_data
from simulators.compare.indicators import country_name
from simulators.compare.journeys import Journey

PLOT_HEIGHT = 270
COMPACT_PLOT_HEIGHT = 190  # the payoff screen: the race shares one 1080 px screen with the figures
CONTROLS_OFFSET = 72  # px from the plot's bottom edge to the play button and slider (below the axis title)
CONTROLS, CONTROLS_COMPACT = 150, 62  # px below the axis title for the play button and slider (compact: no slider)
Y = {"DK": 1.0, "DE": 0.0}  # numeric y so the state text can sit above each bar
FOLLOW_UP_COLOURS = {"DK": "#EFA0AC", "DE": "#A8A8A8"}  # the hatched part: what follows by itself
MOVING_TRACES = 6  # per lane: follow-up bar, citizen bar, state text (the frames update these)
CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True, "scrollZoom": False}
# The autoplay script is the same text for every race (its box and token come from the script tag's data-
# attributes), so a Content-Security-Policy can allow exactly it by its hash (AUTOPLAY_CSP_HASH, in
# deploy/nginx.conf.template; tests/unit/test_deploy_security.py keeps the two in step).
AUTOPLAY_JS = """
(() => {
  const me = document.currentScript, token = me.dataset.raceToken, box = me.dataset.raceBox, started = Date.now();
  function find() {  // the chart in the container, once it shows this race (its layout.meta) and has its button
    const chart = document.querySelector('.st-key-' + box + ' .js-plotly-plot');
    const meta = chart && chart.layout && chart.layout.meta;
    return meta && meta.race === token && chart.querySelector('.updatemenu-button') ? chart : null;
  }
  function play(chart) {
    if (chart.dataset.raceAutoplay === token) return;
    chart.dataset.raceAutoplay = token;
    chart.dataset.racePlayed = "started";
    if (chart.on) chart.on('plotly_animated', () => { chart.dataset.racePlayed = "done"; });
    chart.querySelector('.updatemenu-button').dispatchEvent(new MouseEvent('click', {bubbles: true}));
  }
  function watch() {
    const chart = find();
    if (!chart) { if (Date.now() - started < 30000) setTimeout(watch, 150); return; }
    if (chart.dataset.raceAutoplay === token) return;
    if (!('IntersectionObserver' in window)) { play(chart); return; }
    const seen = new IntersectionObserver((entries) => {
      if (entries.some(e => e.isIntersecting && e.intersectionRatio >= 0.5)) { seen.disconnect(); play(chart); }
    }, {threshold: [0, 0.5, 1]});
    seen.observe(chart);
  }
  watch();
})();
"""
AUTOPLAY_CSP_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(AUTOPLAY_JS.encode()).digest()).decode() + "'"


def _say(lang: str, label: race_data.Label) -> str:
    params = dict(label.params)
    if "days" in params:
        params["days"] = fmt_number(params["days"], lang)
    return translator(lang)(label.key, **params)


def _label(lang: str, journey: Journey, day: float) -> str:
    """The lane's state; "done for you" and the follow-ups on two lines (one would not fit a phone)."""
    return "<br>".join(_say(lang, label) for label in race_data.label_at(journey, day))


def _marker_text(group: race_data.StepGroup) -> str:
    """"2" for one step, "2–4" for several that end on the same day."""
    numbers = group.numbers
    return f"{numbers[0]}" if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"


def _marker_hover(journey: Journey, group: race_data.StepGroup, lang: str) -> str:
    steps = journey.required_steps()
    return "<br>".join(f"{n}. {steps[n - 1].text(lang)[:70]}" for n in group.numbers)


def race_token(event: str, lang: str) -> str:
    """What the figure carries in ``layout.meta.race`` and the autoplay script waits for."""
    return f"{event}-{lang}"


def autoplay_html(box: str, token: str) -> str:
    """A script that clicks the race's own ▶ once the chart in the container with Streamlit key ``box`` shows the
    race ``token`` (its ``layout.meta``) and is at least half in view; once per token (event and language), so a
    rerun of the page does not restart it. Plotly has no autoplay of its own; without JavaScript the figure
    still shows the finish and ▶ plays it. It marks the chart ``data-race-played`` ("started", then "done")."""
    return (f'<script data-race-box="{html.escape(box, quote=True)}" data-race-token="{html.escape(token, quote=True)}">'
            f"{AUTOPLAY_JS}</script>")


def race_figure(dk: Journey, de: Journey, lang: str, compact: bool = False) -> go.Figure:
    """The race of ``dk`` and ``de``; ``compact``: a lower plot and no slider (▶ only), for the payoff screen."""
    tr = translator(lang)
    race = race_data.race(dk, de)
    total, times = race.total, race.times
    plot_height = COMPACT_PLOT_HEIGHT if compact else PLOT_HEIGHT

    def moving(day: float) -> list:
        traces = []
        for lane in race.lanes:
            country, y, journey = lane.country, Y[lane.country], lane.journey
            common = {"y": [y], "orientation": "h", "width": 0.32, "legendgroup": country, "showlegend": False,
                      "hoverinfo": "skip", "meta": {"country": country}}
            traces.append(go.Bar(x=[race_data.state_at(journey, day)[0]], name=tr("compare.race.follow_up_part"),
                                 marker={"color": FOLLOW_UP_COLOURS[country], "line": {"width": 0},
                                         "pattern": {"shape": "/", "fgcolor": COLOURS[country], "size": 9,
                                                     "solidity": 0.25}}, **common))
            traces.append(go.Bar(x=[race_data.citizen_progress(journey, day)], name=country_name(country, lang),
                                 marker={"color": COLOURS[country]}, **common))
            text = f"{country_name(country, lang)}: {_label(lang, journey, day)}"  # no tick labels: the text names it
            traces.append(go.Scatter(x=[-total * 0.05], y=[y + 0.19], mode="text", text=[text],
                                     textposition="top right", textfont={"size": 19, "color": COLOURS[country]},
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
        markers.append(go.Scatter(
            x=[lane.done], y=[Y[country]], mode="markers", name=tr("compare.race.done_marker"),
            legendgroup=country, meta={"country": country, "done": lane.done}, showlegend=False,
            marker={"symbol": "star", "size": 22, "color": "#FFFFFF", "line": {"color": COLOURS[country], "width": 3}},
            hovertemplate=f"{_say(lang, race_data.done_label(lane.journey))}<extra></extra>"))
    fig = go.Figure(moving(times[-1]) + markers)  # the still image shows the finish
    fig.frames = [go.Frame(data=moving(t), traces=list(range(MOVING_TRACES)), name=f"{i}") for i, t in enumerate(times)]
    below_axis = -CONTROLS_OFFSET / plot_height  # paper units: just under the axis title
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
        sliders=[] if compact else [
            {"active": len(times) - 1, "x": 0, "len": 1.0, "y": below_axis - 48 / plot_height,
             "yanchor": "top", "currentvalue": {"prefix": f"{tr('compare.race.day')} ", "font": {"size": 16}},
             "font": {"size": 13}, "pad": {"t": 0, "b": 0}, "steps": slider_steps}],
    )
    fig.update_xaxes(range=[-total * 0.06, total * 1.08])
    # no tick labels: each lane's text names its country, so the text has the plot's whole width (a phone's too)
    fig.update_yaxes(range=[-0.7, 1.8], showticklabels=False, showgrid=False, zeroline=False)
    sources = ("; ".join(source_name(source, lang) for source in race_data.duration_sources(dk, de))
               or tr("compare.race.caption"))
    fig = style(fig, lang, "", sources, x_title=tr("compare.race.axis"), plot_height=plot_height, legend=False,
                extra_bottom=CONTROLS_COMPACT if compact else CONTROLS)
    top = 12  # no title in the figure (see the module's docstring): only room for the first lane's text
    fig.update_layout(title=None, height=fig.layout.height - fig.layout.margin.t + top, margin={"t": top},
                      meta={"race": race_token(race.event, lang)})
    return fig
