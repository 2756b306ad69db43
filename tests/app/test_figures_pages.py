"""Issue #19 in AppTest: the figures a delegation checks, on screen.

- A persona born in 1975 sees pension age 70 and its dates (2045) in the pension flow and the table under the pension
  article (data/pension_age.csv), its own row marked.
- The comparison page tags a secondary source as "Sekundärquelle" (the Behörden Spiegel figure of Eurostat's 2024
  e-government use for Germany, marked secondary in data/indicators/sources.csv).
- Mit Overblik's withheld tax is estimated with this year's (2026) rates, not 2025's.

Seen failing before the fix: the same pages driven by AppTest in a ``git archive`` of the start commit (the tests
themselves need the new message keys, so a script checked what they check) showed, for a persona born 29.6.1975,
"Not yet: you reach pension age on 29 June 2044 and can apply … from 29 December 2043" (69 years) and the article
"… from 1.1.1967 69 years" with no table; the comparison page named "Behoerden Spiegel" twice without a tag; Mit
Overblik's tax line said "2025 rates: skm.dk (official) …".
"""
from __future__ import annotations

import datetime as dt

import pytest

from simulators.borger.flows.pension import pension_dates
from simulators.core import i18n
from simulators.population.persona import persona_record, pick_persona
from tests.app.test_borger_pages import html_text, page_text
from tests.helpers.apptest import make_app
from tests.helpers.borger_app import TODAY, logged_in_app, open_flow
from ui.shell.resources import population


def persona_born(year: int) -> int:
    for seed in range(200):
        person_id = pick_persona(population(), seed, min_age=TODAY.year - year - 1, max_age=TODAY.year - year)
        if persona_record(population(), person_id)["birth_date"].year == year:
            return person_id
    raise AssertionError(f"no persona born {year}")


@pytest.mark.parametrize("lang", ("de", "en", "da"))
def test_a_persona_born_1975_sees_pension_age_70_in_the_flow_and_the_article(lang):
    person_id = persona_born(1975)
    born = persona_record(population(), person_id)["birth_date"]
    dates = pension_dates(born)
    assert dates["reached"].year == 2045 and dates["age_months"] == 840
    at, _ = logged_in_app(lang, person_id)
    open_flow(at, "pension")
    assert not at.exception
    warning = at.warning[0].value
    assert warning == i18n.translate(lang, "flow.pension.not_yet", years="70",
                                     reached_date=i18n.fmt_date(dates["reached"], lang, "long"),
                                     apply_date=i18n.fmt_date(dates["apply_from"], lang, "long"))
    at.query_params["article"] = "pension"
    at.switch_page("pages/borger.py").run()
    assert not at.exception
    table = html_text(at)
    assert i18n.translate(lang, "flow.pension.age_whole_yours", years="70") in table
    assert i18n.translate(lang, "flow.pension.born_from", from_date=i18n.fmt_date(dt.date(1971, 1, 1), lang, "long")) \
        in table
    assert i18n.translate(lang, "flow.pension.born_between", from_date=i18n.fmt_date(dt.date(1967, 1, 1), lang, "long"),
                          to_date=i18n.fmt_date(dt.date(1970, 12, 31), lang, "long")) in table
    assert i18n.fmt_date(dt.date(2025, 5, 22), lang, "long") in page_text(at)  # the date of the decision


def test_the_comparison_page_tags_a_secondary_source():
    at = make_app("de")
    at.switch_page("pages/compare.py").run()
    assert not at.exception
    assert "Behoerden Spiegel (Sekundärquelle)" in page_text(at)


def test_mit_overblik_estimates_this_years_tax_with_this_years_rates():
    from tests.helpers.borger_app import persona_for

    at, _ = logged_in_app("de", persona_for("tax"))
    at.switch_page("pages/overblik.py").run()
    assert not at.exception
    text = page_text(at)
    assert i18n.translate("de", "borger.pay.withheld_tax", year="2026") in text
    assert i18n.translate("de", "borger.pay.withheld_tax", year="2025") not in text
