"""Streamlit pieces of the payoff "Ihre fünf Minuten" (pages/payoff.py): what the visitor just did, next to the
same life event in Germany, on one screen at 1920×1080, readable from two metres; the figures come from
simulators.compare.payoff, each with its sources on screen."""
from __future__ import annotations

import html

import streamlit as st

from simulators.borger import cases, load_flows
from simulators.compare import journeys, payoff as payoff_data
from simulators.compare.indicators import country_name
from simulators.compare.journeys import Amount
from simulators.compare.payoff import Payoff, Side
from simulators.core.sources import Source
from simulators.post import postbox
from ui.compare import journey_view
from ui.compare.journey_view import day_range
from ui.compare.view import FLAGS
from ui.shell import session, theme
from ui.shell.i18n import duration, lang, money, number, t, tn
from ui.shell.resources import store

PAGE = "pages/payoff.py"
QUERY = "submission"  # ?submission=<id>: the payoff of that submission (default: the visit's latest)


def _journey_events() -> dict[str, str | None]:
    return {flow_id: flow.journey_event for flow_id, flow in load_flows().items()}


def current(wanted: str | None = None) -> Payoff | None:
    """The payoff of the visit's submission ``wanted`` (or its latest, see simulators.compare.payoff), or None
    when there is no visit or it sent nothing yet."""
    visit = session.visit()
    if visit is None:
        return None
    events = _journey_events()
    chosen = payoff_data.pick_submission(cases.sent(store(), visit.visit_id), events, wanted)
    if chosen is None:
        return None
    return payoff_data.payoff(visit.started_at, chosen, events.get(chosen.get("flow_id")),
                              postbox.list_letters(store(), visit.visit_id), journeys.load())


def link() -> None:
    """On the life-event page: the way to the payoff, once the visit has sent something."""
    visit = session.visit()
    if visit is not None and cases.submissions(store(), visit.visit_id):
        st.page_link(PAGE, label=t("compare.payoff.link"), icon="🏁")


def flow_title(p: Payoff) -> str:
    flow = load_flows().get(p.flow_id)
    return t(flow.title_key) if flow else p.flow_id


def _sources(sources: tuple[Source, ...]) -> str:
    return "; ".join(s.title for s in sources)


def _source_line(dk: tuple[Source, ...], de: tuple[Source, ...]) -> str:
    parts = [f"{FLAGS[c]} {_sources(found)}" for c, found in (("DK", dk), ("DE", de)) if found]
    return t("compare.journeys.source", sources=" · ".join(parts)) if parts else ""


def _cost(amount: Amount) -> tuple[str, str]:
    """(value, what it is) of a cost."""
    if amount.amount is None:
        return "–", amount.texts[lang()]
    if amount.amount == 0 and amount.amount_max is None:
        return t("compare.journeys.free"), amount.texts[lang()]
    text = money(amount.amount, amount.currency, 0 if float(amount.amount).is_integer() else 2)
    if amount.amount_max is not None:
        text = f"{text} – {money(amount.amount_max, amount.currency)}"
    return text, amount.texts[lang()]


def _cell(value: str, note: str = "", country: str = "") -> str:
    note_html = f'<div class="dds-pay-note">{html.escape(note)}</div>' if note else ""
    return (f'<div class="dds-pay-cell" data-country="{country}"><div class="dds-pay-value">{html.escape(value)}</div>'
            f"{note_html}</div>")


def _costs_cell(side: Side) -> str:
    if not side.costs:
        return _cell("–", t("compare.journeys.no_cost"), side.country)
    values = [_cost(a) for a in side.costs]
    value = " + ".join(v for v, _ in values)
    return _cell(value, "; ".join(n for _, n in values), side.country)


def _days_note(side: Side) -> str:
    """What follows by itself after the citizen is done (short: the table's cell)."""
    s = side.summary
    if not s.follow_ups or s.days <= s.citizen_days:
        return ""
    return tn("compare.payoff.follow_ups", "compare.payoff.follow_ups_plural", s.follow_ups,
              count=number(s.follow_ups), days=day_range(s.days, s.days_max))


def _assumed(dk: Side, de: Side) -> str:
    """The days row's assumption (steps without a sourced duration count as zero days), per country."""
    parts = [f"{FLAGS[side.country]} {t('compare.journeys.summary.unsourced', n=number(side.unsourced_days))}"
             for side in (dk, de) if side.unsourced_days]
    return " · ".join(parts)


def rows(p: Payoff) -> list[tuple[str, str, str, str]]:
    """(label, Denmark cell, Germany cell, source line) of the comparison, as HTML (every text escaped)."""
    dk, de = p.dk, p.de
    return [
        (t("compare.payoff.row.visits"), _cell(number(dk.visits), country="DK"), _cell(number(de.visits), country="DE"),
         _source_line(dk.visit_sources, de.visit_sources)),
        (t("compare.payoff.row.documents"),
         _cell(number(len(dk.documents)), "; ".join(d.text(lang()) for d in dk.documents), "DK"),
         _cell(number(len(de.documents)), "; ".join(d.text(lang()) for d in de.documents), "DE"),
         _source_line(dk.document_sources, de.document_sources)),
        (t("compare.payoff.row.days"), _cell(day_range(dk.days, dk.days_max), _days_note(dk), "DK"),
         _cell(day_range(de.days, de.days_max), _days_note(de), "DE"),
         " · ".join(part for part in (_source_line(dk.day_sources, de.day_sources), _assumed(dk, de)) if part)),
        (t("compare.payoff.row.fees"), _costs_cell(dk), _costs_cell(de),
         _source_line(tuple(dict.fromkeys(s for a in dk.costs for s in a.sources)),
                      tuple(dict.fromkeys(s for a in de.costs for s in a.sources)))),
    ]


def hero(p: Payoff) -> str:
    """The one sentence: what you did here, and what the same takes in Germany."""
    done = (t("compare.payoff.hero_time", time=duration(p.seconds)) if p.seconds is not None
            else t("compare.payoff.hero_no_time"))
    if not p.matched:  # the table compares another event: no German figure in the visitor's sentence
        return done
    visits = tn("compare.payoff.visits", "compare.payoff.visits_plural", p.de.visits, count=number(p.de.visits))
    germany = t("compare.payoff.hero_germany", days=day_range(p.de.days, p.de.days_max), visits=visits)
    return f"{done} {germany}"


def show(p: Payoff):
    """Title, the visit's own figures, the comparison table with its sources (left) and the race (right).
    Returns the right column, under the race, for the page's buttons."""
    theme.inject("compare-payoff")
    event = t(journeys.EVENT_KEYS[p.event])
    unmatched = ("" if p.matched else  # on the hero's line: one screen has no room for another
                 f' <span class="dds-pay-unmatched">{html.escape(t("compare.payoff.unmatched", event=event))}</span>')
    st.html(f'<h1 class="dds-pay-title">🏁 {html.escape(t("compare.payoff.title", flow=flow_title(p)))}</h1>'
            f'<p class="dds-pay-hero">{html.escape(hero(p))}{unmatched}</p>')
    left, right = st.columns([11, 9], gap="large")
    with left:
        letters = tn("compare.payoff.letters", "compare.payoff.letters_plural", p.letters, count=number(p.letters))
        time_text = duration(p.seconds) if p.seconds is not None else "–"
        st.html('<div class="dds-pay-visit">'
                f'<div><div class="dds-pay-label">⏱️ {html.escape(t("compare.payoff.time_online"))}</div>'
                f'<div class="dds-pay-big">{html.escape(time_text)}</div></div>'
                f'<div><div class="dds-pay-label">📬 {html.escape(t("compare.payoff.letters_label"))}</div>'
                f'<div class="dds-pay-big">{html.escape(letters)}</div></div></div>'
                f'<div class="dds-pay-src">{html.escape(t("compare.payoff.visit_source"))}</div>')
        denmark = t("compare.payoff.you_in_denmark") if p.matched else country_name("DK", lang())
        head = (f'<div class="dds-pay-row dds-pay-head"><div></div>'
                f'<div>{FLAGS["DK"]} {html.escape(denmark)}</div>'
                f'<div>{FLAGS["DE"]} {html.escape(country_name("DE", lang()))}</div></div>')
        body = "".join(f'<div class="dds-pay-row"><div class="dds-pay-label">{html.escape(label)}</div>{dk}{de}</div>'
                       f'<div class="dds-pay-src">{html.escape(src)}</div>' for label, dk, de, src in rows(p))
        st.html(f'<div class="dds-pay-table">{head}{body}</div>')
    with right:
        journey_view.race_block(p.event, box="payoff_race", compact=True)
    return right
