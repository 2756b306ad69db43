"""The headline cards of the comparison page: Denmark beside Germany (and the EU average where the source has one).

Every figure on a card is a ``Value`` from the indicator data, so it carries its source, period and note. Cards
hold message keys; ``figure_text`` and ``source_line`` format a figure for a language — the page and the
delegation briefing (simulators.compare.briefing) both use them: a figure reads the same on screen and on paper.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from simulators.compare.indicators import IndicatorData, Value, period_label
from simulators.core import figures as data_figures
from simulators.core.i18n import fmt_number, fmt_percent, source_name, translate

COUNTRIES = ("DK", "DE", "EU27")
# the totals of the ranks ("of 27", "of 193"), from data/figures.toml
EU_MEMBER_STATES = data_figures.value("eu_member_states")
UN_MEMBER_STATES = data_figures.value("un_member_states")


@dataclass(frozen=True)
class CardFigure:
    value: Value
    kind: str  # "rank" | "score" | "index" | "percent" | "count"
    label_key: str
    total: int | None = None  # ranks: "of 27", "of 193"
    decimals: int = 0


@dataclass(frozen=True)
class Card:
    key: str
    title_key: str
    note_key: str
    figures: dict[str, list[CardFigure]] = field(default_factory=dict)  # country -> lines, first is the headline

    def all_figures(self) -> list[CardFigure]:
        return [figure for lines in self.figures.values() for figure in lines]


def _add(figures: dict, country: str, value: Value | None, kind: str, label_key: str, **extra) -> None:
    if value is not None:
        figures.setdefault(country, []).append(CardFigure(value, kind, label_key, **extra))


def desi_card(data: IndicatorData) -> Card:
    figures: dict[str, list[CardFigure]] = {}
    for country in ("DK", "DE"):
        _add(figures, country, data.value("desi_overall_rank_eu27", country, "2022"), "rank",
             "compare.card.label.rank_eu27", total=EU_MEMBER_STATES)
    for country in COUNTRIES:
        _add(figures, country, data.value("desi_overall_score", country, "2022"), "score",
             "compare.card.label.score_100", decimals=1)
    return Card("desi", "compare.card.desi.title", "compare.card.desi.note", figures)


def egov_benchmark_card(data: IndicatorData) -> Card:
    edition = data.latest_common_year("egovbench_overall_score", ("DK", "DE"))
    rank_edition = data.latest_common_year("egovbench_overall_rank_eu27", ("DK", "DE"))
    figures: dict[str, list[CardFigure]] = {}
    for country in COUNTRIES:
        _add(figures, country, data.value("egovbench_overall_score", country, edition), "score",
             "compare.card.label.score_100")
    for country in ("DK", "DE"):
        _add(figures, country, data.value("egovbench_overall_rank_eu27", country, rank_edition), "rank",
             "compare.card.label.rank_eu27_edition", total=EU_MEMBER_STATES)
    return Card("egovbench", "compare.card.egovbench.title", "compare.card.egovbench.note", figures)


def egdi_card(data: IndicatorData) -> Card:
    year = data.latest_common_year("egdi_score", ("DK", "DE"))
    figures: dict[str, list[CardFigure]] = {}
    for country in ("DK", "DE"):
        _add(figures, country, data.value("egdi_rank_world", country, year), "rank",
             "compare.card.label.rank_world", total=UN_MEMBER_STATES)
        _add(figures, country, data.value("egdi_score", country, year), "index",
             "compare.card.label.index_1", decimals=4)
    return Card("egdi", "compare.card.egdi.title", "compare.card.egdi.note", figures)


def egov_use_card(data: IndicatorData) -> Card:
    indicator = "egov_used_public_authority_website_or_app_12m"
    year = data.latest_common_year(indicator, COUNTRIES)
    figures: dict[str, list[CardFigure]] = {}
    for country in COUNTRIES:
        value = data.value(indicator, country, year)
        decimals = 0 if value is None or value.value == int(value.value) else 1
        _add(figures, country, value, "percent", "compare.card.label.egov_use", decimals=decimals)
    return Card("egov_use", "compare.card.egov_use.title", "compare.card.egov_use.note", figures)


def eid_card(data: IndicatorData) -> Card:
    figures: dict[str, list[CardFigure]] = {}
    _add(figures, "DK", data.value("dk_mitid_share_15plus_migrated", "DK"), "percent", "compare.card.label.mitid")
    _add(figures, "DE", data.value("de_eid_online_function_used_ever", "DE"), "percent",
         "compare.card.label.online_id_used")
    _add(figures, "DE", data.value("de_eid_online_function_ready_pin_set", "DE"), "percent",
         "compare.card.label.online_id_pin")
    _add(figures, "EU27", data.value("eid_used_for_online_services_12m", "EU27"), "percent",
         "compare.card.label.eid_eurostat")
    return Card("eid", "compare.card.eid.title", "compare.card.eid.note", figures)


def mailbox_card(data: IndicatorData) -> Card:
    figures: dict[str, list[CardFigure]] = {}
    _add(figures, "DK", data.value("dk_digital_post_share_citizens", "DK"), "percent",
         "compare.card.label.digital_post_share", decimals=1)
    _add(figures, "DK", data.value("dk_digital_post_users_citizens", "DK"), "count",
         "compare.card.label.digital_post_users")
    _add(figures, "DE", data.value("de_bundid_accounts", "DE"), "count", "compare.card.label.bundid_accounts")
    return Card("mailbox", "compare.card.mailbox.title", "compare.card.mailbox.note", figures)


def headline_cards(data: IndicatorData) -> list[Card]:
    return [desi_card(data), egov_benchmark_card(data), egdi_card(data), egov_use_card(data), eid_card(data),
            mailbox_card(data)]


def figure_text(figure: CardFigure, lang: str) -> str:
    """A card's figure as the visitor reads it: "Platz 1 von 27", "79,6 / 100", "95,0 %", "4,86 Mio."."""
    value = figure.value.value
    if figure.kind == "rank":
        return translate(lang, "compare.rank_of", rank=fmt_number(int(value), lang),
                         total=fmt_number(figure.total, lang))
    if figure.kind == "percent":
        return fmt_percent(value, lang, figure.decimals)
    if figure.kind == "count":
        return translate(lang, "compare.millions", value=fmt_number(value / 1_000_000, lang, 2))
    if figure.kind == "score":
        return translate(lang, "compare.score_of_100", value=fmt_number(value, lang, figure.decimals))
    return fmt_number(value, lang, figure.decimals)


def source_line(figure: CardFigure, lang: str) -> str:
    """What the figure is, its period and its source: "Rang unter den EU27 · 2022 · Quelle: DESI 2022"."""
    return translate(lang, "compare.card.source_line", label=translate(lang, figure.label_key),
                     period=period_label(figure.value.year, lang),
                     source=source_name(figure.value.source, lang, short=True))
