"""Streamlit pieces of the life-event page: the race as its headline, one country's journey as a step timeline
with its summary (counted as a citizen feels it: what you do, your visits in person, the papers you need, the
days until you are done; what follows by itself apart), and the "What Germany can learn" facts. Texts from data
are shown with st.markdown or escaped in st.html."""
from __future__ import annotations

import html

import streamlit as st

from simulators.compare import journeys
from simulators.compare import race as race_data
from simulators.compare.indicators import country_name
from ui.compare import race as race_view
from ui.compare.race import race_figure
from simulators.compare.journeys import (CHANNEL_ICONS, CHANNEL_KEYS, KIND_ICONS, KIND_KEYS, Amount, Fact, Journey,
                                         JourneyStep, Summary)
from simulators.core.i18n import source_name
from simulators.core.sources import Source
from ui.compare.view import FLAGS
from ui.shell import theme
from ui.shell.i18n import lang, money, number, t, tn
from ui.compare.prebuilt_figure import prebuilt

PER_KEYS = {"month": "compare.journeys.per.month", "quarter": "compare.journeys.per.quarter",
            "each": "compare.journeys.per.each"}
ASSUMPTION_KEYS = {"step": "compare.journeys.assumption.step", "channel": "compare.journeys.assumption.channel",
                   "required": "compare.journeys.assumption.required"}
# a step's second, labelled duration (never joined with the first into a range): journeys.UPPER_KEYS says what it
# is; the summary says what the whole journey takes with it
UPPER_KEYS = journeys.UPPER_KEYS
UPPER_TOTAL_KEYS = {"worst_case": "compare.journeys.upper_total.worst_case",
                    "slowest_office": "compare.journeys.upper_total.slowest_office",
                    "objection": "compare.journeys.upper_total.objection"}


@st.cache_resource(show_spinner=False, max_entries=64)
def race(event: str, lang_code: str, compact: bool = False):
    """The race figure of one event in one language (built once: frames are costly to validate). cache_resource
    hands out the same Figure; cache_data would unpickle, i.e. rebuild and re-validate it, on every rerun."""
    every = journeys.load()
    return prebuilt(race_figure(every[(event, "DK")], every[(event, "DE")], lang_code, compact))


def race_block(event: str, box: str = "race_box", compact: bool = False, heading: bool = True) -> None:
    """The race with its title as text above it (big, never in a corner of the chart, never under a toolbar),
    who is done when for the citizen in one line, what solid and hatched mean, and the chart, which starts by
    itself once it is in view (ui.compare.race.autoplay_html)."""
    theme.inject("compare-journeys")
    every = journeys.load()
    dk, de = every[(event, "DK")], every[(event, "DE")]
    with st.container(key=box):
        if heading:
            st.html(f'<h2 class="dds-race-title">{html.escape(race_title(event))}</h2>')
        if not compact:  # the payoff says it in its own words above
            verdict = " · ".join(f'<span data-country="{j.country}">{html.escape(part)}</span>'
                                 for j, part in zip((dk, de), race_verdict(dk, de)))
            st.html(f'<p class="dds-race-verdict">{verdict}</p>')
        how = "" if compact else f'{t("compare.race.how")} '
        st.caption(f'{how}{t("compare.race.legend")} {t("compare.race.subtitle")}')
        st.plotly_chart(race(event, lang(), compact), width="stretch", config=race_view.CONFIG, key=f"{box}_chart",
                        alt=t("compare.race.alt", event=t(journeys.EVENT_KEYS[event])))
        st.html(race_view.autoplay_html(box, race_view.race_token(event, lang())), unsafe_allow_javascript=True)


def race_title(event: str) -> str:
    return t("compare.race.title", event=t(journeys.EVENT_KEYS[event]))


def done_text(journey: Journey) -> str:
    """When the citizen is done ("✓ done for you: day 0"), as the race says it."""
    label = race_data.done_label(journey)
    return t(label.key, **{k: number(v) if k == "days" else v for k, v in label.params.items()})


def race_verdict(dk: Journey, de: Journey) -> tuple[str, str]:
    """("Denmark: ✓ done for you: day 0", "Germany: ✓ done for you: day 24"): the race's end in one line."""
    return tuple(f"{country_name(j.country, lang())}: {done_text(j)}" for j in (dk, de))


def _days(days: float, days_max: float | None = None, upper: str = "range") -> str:
    if days_max is not None and days_max > days and upper in UPPER_KEYS:  # two labelled figures, not a range
        first = t("compare.journeys.days", days=number(days, 0 if float(days).is_integer() else 2))
        second = t("compare.journeys.days", days=number(days_max, 0 if float(days_max).is_integer() else 1))
        return f"{first} · {t(UPPER_KEYS[upper], days=second)}"
    if days_max is not None and days_max > days:
        return t("compare.journeys.days_range", days=number(days, 0), max=number(days_max, 0))
    return t("compare.journeys.days", days=number(days, 0 if float(days).is_integer() else 2))


def _sources(sources: tuple[Source, ...]) -> str:
    """"Source: …", a secondary source tagged as such."""
    names = "; ".join(source_name(s, lang()) for s in sources)
    return t("compare.journeys.source", sources=names) if sources else ""


def _amount(amount: Amount) -> str:
    label = amount.texts[lang()]
    if amount.amount is None:
        return label
    if amount.amount == 0 and amount.amount_max is None:
        return f"{t('compare.journeys.free')} · {label}"
    text = money(amount.amount, amount.currency, 0 if float(amount.amount).is_integer() else 2)
    if amount.amount_max is not None:
        text = f"{text} – {money(amount.amount_max, amount.currency)}"
    if amount.per in PER_KEYS:
        text = f"{text} {t(PER_KEYS[amount.per])}"
    return f"{text} · {label}"


def _step(number_: int, step: JourneyStep) -> None:
    with st.container(border=True):
        icon, channel = CHANNEL_ICONS[step.channel], t(CHANNEL_KEYS[step.channel])
        head = f"**{number_}.** {icon} {channel} · {KIND_ICONS[step.kind]} _{t(KIND_KEYS[step.kind])}_"
        if step.optional:
            head += f" · _{t('compare.journeys.optional')}_"
        st.markdown(head)
        st.markdown(step.text(lang()))
        duration = (_days(step.days, step.days_max, step.upper) if step.days is not None
                    else t("compare.journeys.days_unsourced"))
        st.caption(f"⏱️ {duration}")
        for flag in step.assumptions:
            st.caption(f"⚠️ {t(ASSUMPTION_KEYS[flag])}")
        if step.sources:
            st.caption(_sources(step.sources))


def day_range(low: float, high: float) -> str:
    """"24" or "24–47" (whole days)."""
    text = number(low, 0)
    return f"{text}–{number(high, 0)}" if high > low else text


def figures(s: Summary) -> list[tuple[str, str]]:
    """(label, value) of what the citizen feels: actions, visits in person, papers, days until done for them."""
    return [(t("compare.journeys.label.actions"), number(s.actions)),
            (t("compare.journeys.label.visits"), number(s.visits)),
            (t("compare.journeys.label.documents"), number(s.documents)),
            (t("compare.journeys.label.done_days"), day_range(s.citizen_days, s.citizen_days_max))]


def follow_up_text(s: Summary) -> str:
    """What follows by itself, and when it has all arrived ("" when nothing follows)."""
    if not s.follow_ups:
        return ""
    if s.follow_ups_unsourced:
        return tn("compare.journeys.summary.follow_ups_sourced", "compare.journeys.summary.follow_ups_sourced_plural",
                  s.follow_ups, count=number(s.follow_ups), days=day_range(s.days, s.days_max))
    return tn("compare.journeys.summary.follow_ups", "compare.journeys.summary.follow_ups_plural", s.follow_ups,
              count=number(s.follow_ups), days=day_range(s.days, s.days_max))


def summary(journey: Journey) -> None:
    theme.inject("compare-journeys")
    s = journey.summary()
    st.markdown(f"### {FLAGS[journey.country]} {country_name(journey.country, lang())}")
    cells = "".join(f'<div class="dds-jsum-fig"><div class="dds-jsum-label">{html.escape(label)}</div>'
                    f'<div class="dds-jsum-value">{html.escape(value)}</div></div>' for label, value in figures(s))
    st.html(f'<div class="dds-jsum" data-country="{journey.country}">{cells}</div>')
    for step in journeys.labelled_uppers(journey.citizen_path()):  # a second figure with its label, not a range
        with_upper = s.citizen_days + step.days_max - step.days
        st.caption(f"⚠️ {t(UPPER_TOTAL_KEYS[step.upper], days=number(with_upper, 0))}")
    if s.follow_ups:
        st.markdown(f"{KIND_ICONS['follow_up']} {follow_up_text(s)}")
    notes = []
    if s.optional_steps:
        notes.append(t("compare.journeys.summary.optional", n=number(s.optional_steps)))
    if s.unsourced_durations:
        notes.append(t("compare.journeys.summary.unsourced", n=number(s.unsourced_durations)))
    if notes:
        st.caption(" · ".join(notes))
    if journey.documents:
        st.markdown(f"**{t('compare.journeys.label.documents')}:** "
                    + "; ".join(d.text(lang()) for d in journey.documents))
        st.caption(_sources(tuple(dict.fromkeys(src for d in journey.documents for src in d.sources))))
    st.markdown(f"**{t('compare.journeys.label.deadline')}:** " + (journey.deadline.text(lang()) if journey.deadline
                                                                     else t("compare.journeys.no_deadline")))
    if journey.deadline:
        st.caption(_sources(journey.deadline.sources))
    for kind, key in (("cost", "compare.journeys.label.cost"), ("benefit", "compare.journeys.label.benefit")):
        for amount in (a for a in journey.amounts if a.kind == kind):
            st.markdown(f"**{t(key)}:** {_amount(amount)}")
            st.caption(_sources(amount.sources))
    if not any(a.kind == "cost" for a in journey.amounts):
        st.markdown(f"**{t('compare.journeys.label.cost')}:** {t('compare.journeys.no_cost')}")


def timeline(journey: Journey) -> None:
    for index, step in enumerate(journey.steps, start=1):
        _step(index, step)
    if journey.note:
        st.info(journey.note.text(lang()), icon="💡")
        st.caption(_sources(journey.note.sources))


def learn_panel(facts: tuple[Fact, ...]) -> None:
    for column, fact in zip(st.columns(len(facts)), facts):
        with column, st.container(border=True):
            st.markdown(f"#### {fact.icon} {fact.title[lang()]}")
            st.markdown(fact.body.text(lang()))
            st.caption(_sources(fact.body.sources))
