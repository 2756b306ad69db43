"""The headline facts that rotate on the kiosk's attract screen, taken from the sourced indicator data.

A fact is a title key plus figures (country, ``indicators.Value``, how to show it, a label key); every figure
carries its own source and period, so the screen can name them. A fact whose data is missing is left out
rather than shown incomplete.
"""
from __future__ import annotations

from dataclasses import dataclass

from simulators.compare.indicators import IndicatorData, Value
from simulators.core import figures as data_figures

UN_MEMBER_STATES = data_figures.value("un_member_states")  # the totals of the ranks, from data/figures.toml
EU_MEMBER_STATES = data_figures.value("eu_member_states")


@dataclass(frozen=True)
class FactFigure:
    country: str     # "DK", "DE" or "EU27"
    value: Value
    kind: str        # "rank" | "percent" | "score" | "count"
    label_key: str   # takes {year} (the period) and, for ranks, {total}
    decimals: int = 0
    total: int | None = None


@dataclass(frozen=True)
class Fact:
    id: str
    title_key: str
    figures: tuple[FactFigure, ...]
    note_key: str | None = None  # e.g. "different measures", shown under the figures

    def sources(self) -> list:
        """Distinct sources of the figures, in order."""
        return list({f.value.source.source_id: f.value.source for f in self.figures}.values())


@dataclass(frozen=True)
class FigureSpec:
    country: str
    indicator: str
    kind: str
    label_key: str
    decimals: int = 0
    total: int | None = None


@dataclass(frozen=True)
class FactSpec:
    id: str
    title_key: str
    figures: tuple[FigureSpec, ...]
    common_year: bool = True  # compare the same period for every country (else each one's latest)
    note_key: str | None = None  # a caveat the screen shows with the figures (as the comparison cards do)


SPECS: tuple[FactSpec, ...] = (
    FactSpec("egdi", "booth.fact.egdi.title", (
        FigureSpec("DK", "egdi_rank_world", "rank", "booth.fact.egdi.label", total=UN_MEMBER_STATES),
        FigureSpec("DE", "egdi_rank_world", "rank", "booth.fact.egdi.label", total=UN_MEMBER_STATES))),
    FactSpec("egov_use", "booth.fact.egov_use.title", tuple(
        FigureSpec(c, "egov_used_public_authority_website_or_app_12m", "percent", "booth.fact.egov_use.label")
        for c in ("DK", "DE", "EU27"))),
    FactSpec("eid", "booth.fact.eid.title", (
        FigureSpec("DK", "dk_mitid_share_15plus_migrated", "percent", "booth.fact.eid.label_dk"),
        FigureSpec("DE", "de_eid_online_function_used_ever", "percent", "booth.fact.eid.label_de")),
        common_year=False, note_key="booth.fact.eid.note"),
    FactSpec("prefilled", "booth.fact.prefilled.title", tuple(
        FigureSpec(c, "dd_prefilled_forms", "score", "booth.fact.prefilled.label") for c in ("DK", "DE", "EU27"))),
    FactSpec("mailbox", "booth.fact.mailbox.title", (
        FigureSpec("DK", "dk_digital_post_share_citizens", "percent", "booth.fact.mailbox.label_dk"),
        FigureSpec("DE", "de_bundid_accounts", "count", "booth.fact.mailbox.label_de")), common_year=False,
        note_key="booth.fact.mailbox.note"),
    FactSpec("desi", "booth.fact.desi.title", (
        FigureSpec("DK", "desi_overall_rank_eu27", "rank", "booth.fact.desi.label", total=EU_MEMBER_STATES),
        FigureSpec("DE", "desi_overall_rank_eu27", "rank", "booth.fact.desi.label", total=EU_MEMBER_STATES))),
)


def build(spec: FactSpec, data: IndicatorData) -> Fact | None:
    year = None
    if spec.common_year:
        countries = tuple(dict.fromkeys(f.country for f in spec.figures))
        year = data.latest_common_year(spec.figures[0].indicator, countries)
        if year is None:
            return None
    figures = []
    for f in spec.figures:
        value = data.value(f.indicator, f.country, year)
        if value is None:
            return None
        decimals = 0 if float(value.value).is_integer() else max(1, f.decimals)  # "60 %" beside "98.5 %"
        figures.append(FactFigure(f.country, value, f.kind, f.label_key, decimals, f.total))
    return Fact(spec.id, spec.title_key, tuple(figures), spec.note_key)


def attract_facts(data: IndicatorData) -> list[Fact]:
    return [fact for spec in SPECS if (fact := build(spec, data)) is not None]


def fact_at(facts: list[Fact], now: float, seconds_each: float) -> tuple[int, Fact | None]:
    """Which fact the screen shows at ``now`` (all kiosks in step, no state needed)."""
    if not facts:
        return 0, None
    index = int(now // seconds_each) % len(facts)
    return index, facts[index]
