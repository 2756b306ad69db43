"""The delegation briefing: a few pages of PDF, in one language, to leave behind after a presentation.

1. The headline comparison: the six cards of the comparison page as one table, every figure formatted as on
   screen (``headlines.figure_text``) with its period and source.
2. The race for the chosen life events: both countries' required steps on one time axis in days, drawn from
   ``simulators.compare.race`` (no screenshot), with the numbered steps, their durations and sources.
3. What Germany can learn (data/learn.toml) and every source with its address.

Drawn with fpdf2 from the data the app shows; IBM Plex Sans embedded (simulators.core.pdf_fonts), so æ, ø, å and
ß render and the text can be extracted. Every page says SIMULATION and carries the source note; no logos. Pure:
no Streamlit; the presenter's button is ui/booth/briefing.py.
"""
from __future__ import annotations

import datetime as dt
import math

from fpdf import FPDF
from fpdf.fonts import FontFace

from simulators.compare import headlines, indicators, journeys, race as race_data
from simulators.compare.headlines import Card
from simulators.compare.indicators import country_name, period_label
from simulators.compare.journeys import CHANNEL_KEYS, EVENT_KEYS, EVENTS, UPPER_KEYS, Journey
from simulators.core import clock
from simulators.core.i18n import LANGS, fmt_date, fmt_number, source_name, translate, translate_plural
from simulators.core.pdf_fonts import FONT, add_fonts, printable
from simulators.core.sources import Source

MAX_EVENTS = 4
INK = (26, 26, 26)
GREY = (90, 90, 90)
RULE = (200, 200, 200)
GREEN = (68, 131, 30)  # the app's accent colour (borger.dk green), a colour, not a logo
GREEN_TINT = (233, 242, 227)
RED = (204, 0, 0)
COUNTRY_COLOURS = {"DK": (200, 16, 46), "DE": (26, 26, 26), "EU27": (31, 78, 158)}
FOLLOW_UP_COLOURS = {"DK": (239, 160, 172), "DE": (168, 168, 168)}  # what follows by itself, after the citizen
TABLE_COUNTRIES = ("DK", "DE", "EU27")
MARGIN = 20.0  # mm, left and right
TOP = 24.0  # mm, below the running header


class _BriefingPDF(FPDF):
    running_head = ""
    footer_text = ""
    page_text = ""
    simulation = ""

    def header(self) -> None:
        self.set_fill_color(*GREEN)
        self.rect(0, 0, self.w, 4, style="F")
        self.set_xy(MARGIN, 8)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.cell(self.epw - 34, 5, self.running_head)
        self.set_xy(self.w - MARGIN - 30, 7.5)
        self.set_font(FONT, "B", 8)
        self.set_text_color(*RED)
        self.set_draw_color(*RED)
        self.set_line_width(0.3)
        self.cell(30, 6, self.simulation, border=1, align="C")
        self.set_draw_color(*RULE)
        self.line(MARGIN, 16, self.w - MARGIN, 16)
        self.set_text_color(*INK)
        self.set_xy(MARGIN, TOP)

    def footer(self) -> None:
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(MARGIN, self.h - 16, self.w - MARGIN, self.h - 16)
        self.set_xy(MARGIN, self.h - 14.5)
        self.set_font(FONT, "", 7)
        self.set_text_color(*GREY)
        self.multi_cell(self.epw - 30, 3.4, self.footer_text, align="L")
        self.set_xy(self.w - MARGIN - 28, self.h - 14.5)
        self.cell(28, 3.4, self.page_text.replace("{page}", str(self.page_no())), align="R")


def _check(lang: str, events) -> tuple[str, ...]:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (one of {', '.join(LANGS)})")
    chosen = tuple(dict.fromkeys(events))
    if not 1 <= len(chosen) <= MAX_EVENTS or any(e not in EVENTS for e in chosen):
        raise ValueError(f"life events must be 1 to {MAX_EVENTS} of {', '.join(EVENTS)}, not {list(events)!r}")
    return chosen


def _document(tr: _Tr, day: dt.date) -> _BriefingPDF:
    pdf = _BriefingPDF(format="A4", unit="mm")
    add_fonts(pdf)
    pdf.set_title(tr("compare.briefing.title"))
    pdf.set_author("Digital Denmark Showcase")
    pdf.set_creator("Digital Denmark Showcase (simulation)")
    pdf.set_lang({"de": "de-DE", "en": "en-GB", "da": "da-DK"}[tr.lang])
    pdf.running_head = tr("compare.briefing.running_head")
    pdf.simulation = tr("compare.briefing.simulation")
    pdf.footer_text = tr("compare.briefing.footer", date=fmt_date(day, tr.lang, "long"))
    pdf.page_text = tr("compare.briefing.page", page="{page}", pages="{nb}")
    pdf.set_margins(MARGIN, TOP, MARGIN)
    pdf.set_auto_page_break(True, margin=22)
    return pdf


def _together(pdf: FPDF, scratch: FPDF, draw, *args) -> None:
    """``draw(pdf, *args)`` on one page: measured first on ``scratch``, a new page when it would not fit (fpdf2's
    ``unbreakable()`` drops tables)."""
    scratch.add_page()
    start, page = scratch.get_y(), scratch.page
    draw(scratch, *args)
    height = scratch.get_y() - start + (scratch.page - page) * scratch.eph
    if pdf.get_y() + height > pdf.page_break_trigger and pdf.get_y() > pdf.t_margin + 1:
        pdf.add_page()
    draw(pdf, *args)


def briefing_pdf(lang: str, events=("moving",), today: dt.date | None = None,
                 data: indicators.IndicatorData | None = None) -> bytes:
    """The briefing in ``lang`` for the life ``events`` (codes of journeys.EVENTS, at most MAX_EVENTS)."""
    chosen = _check(lang, events)
    data = data or indicators.load()
    day = today or clock.today()
    tr = _Tr(lang)
    pdf, scratch = _document(tr, day), _document(tr, day)
    pdf.add_page()
    cards = headlines.headline_cards(data)
    _cover(pdf, tr, day)
    _section(pdf, 1, tr("compare.briefing.figures.heading"))
    _paragraph(pdf, tr("compare.briefing.figures.lead"), size=9.5, colour=GREY)
    for card in cards:
        _together(pdf, scratch, _card, tr, card)
    every = journeys.load()
    _together(pdf, scratch, _race_intro, tr, every[(chosen[0], "DK")], every[(chosen[0], "DE")])
    for event in chosen[1:]:
        _together(pdf, scratch, _race, tr, every[(event, "DK")], every[(event, "DE")])
    facts = journeys.learn_facts()
    _together(pdf, scratch, _learn_intro, tr, facts[0])
    for fact in facts[1:]:
        _together(pdf, scratch, _fact, tr, fact)
    _sources(pdf, tr, cards, [every[(e, c)] for e in chosen for c in ("DK", "DE")], facts)
    return bytes(pdf.output())


class _Tr:
    """Message keys in one language, made printable (characters the font lacks dropped)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, key: str, **params) -> str:
        return printable(translate(self.lang, key, **params))

    def days(self, days: float) -> str:
        n = round(days)
        return printable(translate_plural(self.lang, "compare.briefing.days", "compare.briefing.days_plural", n,
                                          days=fmt_number(n, self.lang)))

    def label(self, label: race_data.Label) -> str:
        params = {k: fmt_number(v, self.lang) if k == "days" else v for k, v in label.params.items()}
        plural_key = getattr(label, "plural_key", None)  # race labels may carry a plural form
        if plural_key:
            return printable(translate_plural(self.lang, label.key, plural_key, label.n, **params))
        return printable(translate(self.lang, label.key, **params))


# ---- layout helpers -----------------------------------------------------------------------------------------------
def _section(pdf: FPDF, number: int, title: str) -> None:
    pdf.ln(2)
    pdf.set_font(FONT, "B", 15)
    pdf.set_text_color(*GREEN)
    pdf.cell(9, 8, str(number))
    pdf.set_text_color(*INK)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(1)


def _paragraph(pdf: FPDF, text: str, size: float = 10, colour=INK, bold: bool = False, height: float | None = None,
               after: float = 2) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, height or size * 0.5, printable(text), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_text_color(*INK)
    pdf.ln(after)


def _cover(pdf: FPDF, tr: _Tr, day: dt.date) -> None:
    pdf.set_font(FONT, "B", 9)
    pdf.set_text_color(*GREEN)
    pdf.cell(0, 5, tr("compare.briefing.kicker").upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "B", 22)
    pdf.multi_cell(0, 10, tr("compare.briefing.title"), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(*GREY)
    pdf.cell(0, 6, tr("compare.briefing.date", date=fmt_date(day, tr.lang, "long")), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    _paragraph(pdf, tr("compare.briefing.intro"), size=10.5, height=5.4)
    # The simulation note, boxed: what is real (the sourced figures) and what is not (the demo around them).
    pdf.set_fill_color(*GREEN_TINT)
    pdf.set_font(FONT, "", 8.5)
    pdf.multi_cell(0, 4.3, tr("compare.briefing.simulation_note"), fill=True, padding=(2.5, 3, 2.5, 3),
                   new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(3)


def _figure_rows(card: Card) -> list[tuple[str, dict]]:
    """(label key, {country: figure}) in the order the labels first appear (Denmark, Germany, EU)."""
    rows: dict[str, dict] = {}
    for country in TABLE_COUNTRIES:
        for figure in card.figures.get(country, []):
            rows.setdefault(figure.label_key, {})[country] = figure
    return list(rows.items())


def _card(pdf: FPDF, tr: _Tr, card: Card) -> None:
    """One headline card as a table: its title over the countries, a row per figure, the note below."""
    lang = tr.lang
    white = (255, 255, 255)
    heading = FontFace(emphasis="BOLD", color=white, fill_color=GREEN, size_pt=8.5)
    pdf.set_font(FONT, "", 8.5)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.set_fill_color(*white)
    with pdf.table(col_widths=(44, 28, 28, 28, 42), width=pdf.epw, first_row_as_headings=True,
                   headings_style=heading, line_height=4.2, padding=(1.4, 1.6, 1.4, 1.6),
                   text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "LEFT"), borders_layout="HORIZONTAL_LINES",
                   v_align="MIDDLE") as table:
        head = table.row()
        head.cell(tr(card.title_key), style=FontFace(emphasis="BOLD", color=white, fill_color=GREEN, size_pt=9))
        for country in TABLE_COUNTRIES:
            head.cell(printable(country_name(country, lang)), align="RIGHT")
        head.cell(tr("compare.briefing.col.period_source"))
        for label_key, by_country in _figure_rows(card):
            row = table.row()
            row.cell(tr(label_key), style=FontFace(size_pt=8.5, fill_color=white))
            for country in TABLE_COUNTRIES:
                figure = by_country.get(country)
                text = printable(headlines.figure_text(figure, lang)) if figure else "–"
                row.cell(text, style=FontFace(emphasis="BOLD" if figure else "", size_pt=8.5, fill_color=white,
                                              color=COUNTRY_COLOURS[country] if figure else GREY))
            stamps = dict.fromkeys(  # as the card's source line on screen: period and source (tagged if secondary)
                f"{period_label(f.value.year, lang)} · {source_name(f.value.source, lang, short=True)}"
                for f in by_country.values())
            row.cell(printable("\n".join(stamps)), style=FontFace(size_pt=7.5, color=GREY, fill_color=white))
        table.row().cell(tr("compare.briefing.note", note=tr(card.note_key)), colspan=5,
                         style=FontFace(color=GREY, size_pt=7.5, fill_color=GREEN_TINT))
    pdf.ln(4)


# ---- the race -----------------------------------------------------------------------------------------------------
def _tick_step(total: float) -> float:
    """A round distance between axis ticks, for about five to eight ticks."""
    for step in (1, 2, 5, 7, 10, 14, 20, 30, 50, 60, 100, 200, 365, 500):
        if total / step <= 8:
            return step
    return math.ceil(total / 8)


def _race_intro(pdf: FPDF, tr: _Tr, dk: Journey, de: Journey) -> None:
    _section(pdf, 2, tr("compare.briefing.race.heading"))
    _paragraph(pdf, tr("compare.briefing.race.lead"), size=9.5, colour=GREY)
    _race(pdf, tr, dk, de)


def _race(pdf: FPDF, tr: _Tr, dk: Journey, de: Journey) -> None:
    race = race_data.race(dk, de)
    event = tr(EVENT_KEYS[race.event])
    pdf.set_font(FONT, "B", 12.5)
    pdf.multi_cell(0, 6.5, tr("compare.briefing.race.title", event=event), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(1)
    _race_chart(pdf, tr, race)
    _race_table(pdf, tr, race)
    sources = dict.fromkeys(source_name(s, tr.lang) for s in dk.all_sources() + de.all_sources())
    _paragraph(pdf, tr("compare.briefing.sources_line", sources="; ".join(sources)), size=7.5, colour=GREY,
               height=3.5, after=1)
    _paragraph(pdf, tr("compare.briefing.race.assumption"), size=7.5, colour=GREY, height=3.5, after=5)


def _race_chart(pdf: FPDF, tr: _Tr, race: race_data.Race) -> None:
    left, width = pdf.l_margin, pdf.epw
    label_w, lane_gap, bar_h = 26.0, 17.0, 5.5
    plot_x, plot_w = left + label_w, width - label_w - 6
    total = race.total
    scale = plot_w / total
    top = pdf.get_y() + 6
    for index, lane in enumerate(race.lanes):
        y = top + index * lane_gap
        colour = COUNTRY_COLOURS[lane.country]
        pdf.set_font(FONT, "B", 9.5)
        pdf.set_text_color(*colour)
        pdf.set_xy(left, y)
        pdf.cell(label_w - 2, bar_h, printable(country_name(lane.country, tr.lang)))
        pdf.set_font(FONT, "", 8)
        pdf.set_xy(plot_x, y - 4.6)
        pdf.cell(plot_w, 4, " · ".join(tr.label(label) for label in race_data.label_at(lane.journey, total)))
        pdf.set_fill_color(245, 245, 245)
        pdf.rect(plot_x, y, plot_w, bar_h, style="F")
        if lane.finish > lane.done:
            pdf.set_fill_color(*FOLLOW_UP_COLOURS[lane.country])
            pdf.rect(plot_x, y, lane.finish * scale, bar_h, style="F")
        pdf.set_fill_color(*colour)
        pdf.rect(plot_x, y, max(lane.done * scale, 0.8), bar_h, style="F")
        pdf.set_fill_color(110, 110, 110)
        pdf.set_text_color(*GREY)
        pdf.set_font(FONT, "", 6.5)
        for group in lane.groups:
            x = plot_x + group.day * scale
            pdf.polygon([(x, y + bar_h + 0.6), (x - 1.2, y + bar_h + 2.6), (x + 1.2, y + bar_h + 2.6)], style="F")
            numbers = group.numbers
            text = f"{numbers[0]}" if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
            pdf.set_xy(x - 5, y + bar_h + 2.6)
            pdf.cell(10, 2.8, text, align="C")
    axis_y = top + len(race.lanes) * lane_gap - 4
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.2)
    pdf.line(plot_x, axis_y, plot_x + plot_w, axis_y)
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(*GREY)
    step = _tick_step(total)
    tick = 0.0
    while tick <= total + 1e-9:
        x = plot_x + tick * scale
        pdf.line(x, axis_y, x, axis_y + 1.2)
        pdf.set_xy(x - 6, axis_y + 1.3)
        pdf.cell(12, 3, fmt_number(tick, tr.lang, 0), align="C")
        tick += step
    pdf.set_xy(plot_x, axis_y + 4.5)
    pdf.cell(plot_w, 3.5, tr("compare.briefing.race.axis"), align="C")
    pdf.set_text_color(*INK)
    pdf.set_xy(left, axis_y + 10)


def _race_table(pdf: FPDF, tr: _Tr, race: race_data.Race) -> None:
    lang = tr.lang
    lanes = race.lanes
    white = (255, 255, 255)
    heading = FontFace(emphasis="BOLD", color=INK, fill_color=GREEN_TINT, size_pt=8.5)
    pdf.set_font(FONT, "", 8)
    pdf.set_draw_color(*RULE)
    pdf.set_fill_color(*white)
    with pdf.table(col_widths=(36, 67, 67), width=pdf.epw, first_row_as_headings=True, headings_style=heading,
                   line_height=3.8, padding=(1.2, 1.6, 1.2, 1.6), borders_layout="HORIZONTAL_LINES",
                   text_align=("LEFT", "LEFT", "LEFT"), repeat_headings=1, v_align="TOP") as table:
        head = table.row()
        head.cell("")
        for lane in lanes:
            head.cell(printable(country_name(lane.country, lang)),
                      style=FontFace(emphasis="BOLD", color=COUNTRY_COLOURS[lane.country], size_pt=8.5,
                                     fill_color=GREEN_TINT))
        summaries = [lane.journey.summary() for lane in lanes]
        for key, values in (
                ("compare.briefing.race.steps", [fmt_number(s.actions, lang) for s in summaries]),  # what the citizen does
                ("compare.briefing.race.visits", [fmt_number(s.visits, lang) for s in summaries]),
                ("compare.briefing.race.done", [tr.days(lane.done) for lane in lanes]),
                ("compare.briefing.race.finish", [tr.days(lane.finish) for lane in lanes]),
                ("compare.briefing.race.unsourced", [fmt_number(s.unsourced_durations, lang) for s in summaries])):
            row = table.row()
            row.cell(tr(key), style=FontFace(emphasis="BOLD", size_pt=8, fill_color=white))
            for value in values:
                row.cell(value, style=FontFace(size_pt=8.5, fill_color=white))
        row = table.row()
        row.cell(tr("compare.briefing.race.step_list"), style=FontFace(emphasis="BOLD", size_pt=8, fill_color=white))
        for lane in lanes:
            row.cell(_step_list(tr, lane.journey), style=FontFace(size_pt=7.5, fill_color=white))
    pdf.ln(1.5)


def _step_list(tr: _Tr, journey: Journey) -> str:
    """The required steps numbered as on the chart's triangles; optional ones after them, marked so."""
    lines = []
    for number, step in enumerate(journey.required_steps(), start=1):
        lines.append(f"{number}. {_step_line(tr, step)}")
    for step in (s for s in journey.steps if s.optional):
        lines.append(f"({tr('compare.briefing.race.optional')}) {_step_line(tr, step)}")
    return "\n".join(lines)


def _step_line(tr: _Tr, step) -> str:
    if step.days is None:
        duration = tr("compare.briefing.race.no_duration")
    elif step.days_max is not None and step.days_max > step.days and step.labelled_upper:
        # a second figure with its label (a worst case, the slowest office), never the top of a range (issue #19)
        duration = f"{tr.days(step.days)}; {tr(UPPER_KEYS[step.upper], days=tr.days(step.days_max))}"
    elif step.days_max is not None and step.days_max > step.days:
        duration = tr("compare.briefing.days_range", days=fmt_number(round(step.days), tr.lang),
                      max=fmt_number(round(step.days_max), tr.lang))
    else:
        duration = tr.days(step.days)
    flag = f" – {tr('compare.briefing.race.assumed')}" if step.assumptions else ""
    return f"[{tr(CHANNEL_KEYS[step.channel])}] {printable(step.text(tr.lang))} ({duration}){flag}"


# ---- what Germany can learn, sources ------------------------------------------------------------------------------
def _learn_intro(pdf: FPDF, tr: _Tr, fact) -> None:
    _section(pdf, 3, tr("compare.briefing.learn.heading"))
    _fact(pdf, tr, fact)


def _fact(pdf: FPDF, tr: _Tr, fact) -> None:
    y = pdf.get_y()
    _paragraph(pdf, fact.title[tr.lang], size=11, bold=True, height=5.5, after=0.8)
    _paragraph(pdf, fact.body.text(tr.lang), size=9.5, height=4.7, after=0.8)
    _paragraph(pdf, tr("compare.briefing.sources_line", sources="; ".join(source_name(s, tr.lang)
                                                                         for s in fact.body.sources)),
               size=7.5, colour=GREY, height=3.5, after=4)
    pdf.set_fill_color(*GREEN)
    pdf.rect(pdf.l_margin - 4, y + 0.8, 1.2, pdf.get_y() - y - 5, style="F")


def _sources(pdf: FPDF, tr: _Tr, cards: list[Card], chosen: list[Journey], facts) -> None:
    found: list[Source] = [f.value.source for card in cards for f in card.all_figures()]
    found += [s for journey in chosen for s in journey.all_sources()]
    found += [s for fact in facts for s in fact.body.sources]
    unique = list(dict.fromkeys((source_name(s, tr.lang), s.url) for s in found))
    if pdf.get_y() > pdf.h - 70:
        pdf.add_page()
    _section(pdf, 4, tr("compare.briefing.sources.heading"))
    _paragraph(pdf, tr("compare.briefing.sources.lead"), size=8.5, colour=GREY, height=4)
    for number, (title, url) in enumerate(unique, start=1):
        pdf.set_font(FONT, "", 7.5)
        pdf.set_text_color(*INK)
        pdf.cell(7, 3.6, f"{number}.")
        pdf.multi_cell(0, 3.6, printable(title), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.set_x(pdf.l_margin + 7)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(0, 3.4, printable(url), new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(0.8)
    pdf.set_text_color(*INK)
