"""Guard (issue #19, 2b): a figure has one home. Across all of data/ (indicators/values.csv, figures.toml,
pension_age.csv, divorce_fees.csv, daycare_prices.csv, tax/, journeys.toml; ``simulators.core.figure_homes``) the
same (measure, country, period) never has two different values; every figure there names its measure and period;
and the texts of journeys.toml and learn.toml take their figures from that home as ``{placeholders}``, never
spelled out. Plus the checks of ``simulators.core.figures.load`` (unit, period, sources, one id).

Seen failing on the data as it was at the start of issue #19 (``git archive`` of the start commit's data/,
checked with these functions): ``test_every_figure_in_data_names_its_measure_and_period`` failed with 14 amounts
of journeys.toml that named no measure and period (among them the child benefit "DKK 4,746 (2023)", Kindergeld
"€250 (2023)" and the 2023 passport fee DKK 891, i.e. copies with no home) and
``test_journey_and_learn_texts_take_their_figures_from_their_home`` with 102 texts (34 entries × 3 languages)
that spelled figures out, among them the 2 facts of learn.toml that copied indicator values of values.csv ("98 %",
"22 %", "95.0 %", "4.86 million") and the journey steps whose text repeated their own ``days`` ("2 weeks" beside
``days = 14``). No (measure, country, period) had two
different values inside data/ then: the contradictions the issue lists were between data/ and the code or the
catalogs (the child benefit table and the tax rates lived in Python, the pension age in code and a catalog), which
are in data/ now, where ``test_one_value_per_measure_country_and_period`` covers them.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulators.core import figure_homes, figures
from simulators.core.i18n import LANGS
from simulators.core.paths import DATA_DIR
from tests.unit.core.test_catalog_figures import figures_in


def journey_and_learn_texts(data_dir: Path) -> list[tuple[str, str]]:
    """(where, text) of every text of journeys.toml and learn.toml in every language."""
    found = []
    journeys = figure_homes._toml(data_dir / "journeys.toml").get("journey", [])
    for journey in journeys:
        name = f"journey {journey['event']}/{journey['country']}"
        parts = [("deadline", journey.get("deadline")), ("note", journey.get("note"))]
        parts += [(f"amount {i}", a) for i, a in enumerate(journey.get("amount", []), 1)]
        parts += [(f"step {i}", s) for i, s in enumerate(journey.get("step", []), 1)]
        parts += [(f"document {i}", d) for i, d in enumerate(journey.get("document", []), 1)]
        for part, entry in parts:
            for lang in LANGS:
                if entry and entry.get(lang):
                    found.append((f"{name} {part} ({lang})", entry[lang]))
    for fact in figure_homes._toml(data_dir / "learn.toml").get("fact", []):
        for lang in LANGS:
            found.append((f"learn {fact['id']} ({lang})", fact[lang]))
            found.append((f"learn {fact['id']} title ({lang})", fact["title"][lang]))
    return found


def literal_figures(data_dir: Path) -> list[str]:
    return [f"{where}: {digits}" for where, text in journey_and_learn_texts(data_dir)
            if (digits := figures_in(text))]


def test_one_value_per_measure_country_and_period():
    found, _ = figure_homes.homes(DATA_DIR)
    clashes = figure_homes.conflicts(found)
    listing = [f"{key}: " + ", ".join(f"{h.value} ({h.file} {h.where})" for h in group)
               for key, group in clashes.items()]
    assert not clashes, "two values for one figure:\n" + "\n".join(listing)


def test_every_figure_in_data_names_its_measure_and_period():
    _, problems = figure_homes.homes(DATA_DIR)
    assert not problems, "\n".join(problems)


def test_journey_and_learn_texts_take_their_figures_from_their_home():
    found = literal_figures(DATA_DIR)
    assert not found, "figures spelled out in data texts (use a {placeholder} of figures.toml):\n" + "\n".join(found)


def test_every_placeholder_of_a_data_text_names_a_figure():
    for where, text in journey_and_learn_texts(DATA_DIR):
        for lang in LANGS:
            from simulators.core import i18n
            filled = text.format_map(i18n._Keep(i18n.figure_params(text, lang)))
            assert "{" not in filled, f"{where}: unknown placeholder in {text!r}"


def test_figures_load_and_every_figure_has_a_source_and_a_period():
    loaded = figures.load()
    assert len(loaded) > 50
    for figure in loaded.values():
        assert figure.sources or (figure.assumption and figure.note), figure.id  # an assumption says why
        assert all(s.url.startswith("http") for s in figure.sources), figure.id
        assert 1990 <= figure.year <= 2035, figure.id


# ---- the checks bite ------------------------------------------------------------------------------------------
def copy_of_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    for name in ("figures.toml", "journeys.toml", "learn.toml", "journeys_sources.toml", "divorce_fees.csv"):
        shutil.copy(DATA_DIR / name, target / name)
    shutil.copytree(DATA_DIR / "indicators", target / "indicators")
    return target


def test_a_second_value_for_the_same_period_is_found(tmp_path):
    data = copy_of_data(tmp_path)
    fees = (data / "divorce_fees.csv").read_text(encoding="utf-8")
    (data / "divorce_fees.csv").write_text(fees.replace("2024-01-01,825,", "2024-01-01,850,"), encoding="utf-8")
    journeys = (data / "journeys.toml").read_text(encoding="utf-8")
    (data / "journeys.toml").write_text(journeys + '\n[[journey]]\nevent = "x"\ncountry = "DK"\n[[journey.amount]]\n'
                                        'kind = "cost"\namount = 825\ncurrency = "DKK"\nmeasure = '
                                        '"dk_divorce_application_fee"\nperiod = "2024-01-01"\n', encoding="utf-8")
    found, problems = figure_homes.homes(data)
    clashes = figure_homes.conflicts(found)
    assert list(clashes) == [("dk_divorce_application_fee", "DK", "2024-01-01")]
    assert sorted({h.value for h in clashes[("dk_divorce_application_fee", "DK", "2024-01-01")]}) == [825, 850]


def test_an_amount_without_a_measure_and_a_spelled_out_figure_are_found(tmp_path):
    data = copy_of_data(tmp_path)
    journeys = (data / "journeys.toml").read_text(encoding="utf-8")
    (data / "journeys.toml").write_text(journeys + '\n[[journey]]\nevent = "x"\ncountry = "DE"\n[[journey.amount]]\n'
                                        'kind = "benefit"\namount = 250\ncurrency = "EUR"\n'
                                        'de = "Kindergeld 250 €"\nen = "child benefit €250"\n'
                                        'da = "børnepenge 250 €"\n',
                                        encoding="utf-8")
    _, problems = figure_homes.homes(data)
    assert len(problems) == 1 and "250 EUR" in problems[0]
    assert [f for f in literal_figures(data) if "journey x/DE" in f] == [
        "journey x/DE amount 1 (de): ['250']", "journey x/DE amount 1 (en): ['250']",
        "journey x/DE amount 1 (da): ['250']"]


def test_figures_toml_refuses_a_second_home_and_an_unknown_source():
    sources = figures.read_sources()
    entry = {"id": "a", "country": "DK", "period": "2026", "value": 1, "unit": "days", "source": "borger_moving"}
    with pytest.raises(ValueError, match="one home"):
        figures.parse({"figure": [entry, {**entry, "id": "b", "measure": "a"}]}, sources, {}, {})
    with pytest.raises(ValueError, match="unknown source"):
        figures.parse({"figure": [{**entry, "source": "nowhere"}]}, sources, {}, {})
    with pytest.raises(ValueError, match="unit"):
        figures.parse({"figure": [{**entry, "unit": "parsecs"}]}, sources, {}, {})
