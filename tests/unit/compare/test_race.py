"""The race: the data (simulators.compare.race) plays both journeys on one time axis, with message keys for its
texts; the figure (ui.compare.race) animates it for every language."""
import pytest

from simulators.compare import journeys
from simulators.compare.race import Label, StepGroup, label_at, race, state_at, step_ends
from simulators.core.i18n import LANGS
from ui.compare.race import race_figure

ALL = journeys.load()


def test_race_state_progresses_to_each_journeys_total():
    dk, de = ALL[("tax", "DK")], ALL[("tax", "DE")]
    total_de = step_ends(de)[-1][0]
    assert state_at(de, 0) == (0, 1)
    assert state_at(de, 20)[1] == 3  # account (14 days) done, filing (no duration), waiting for the assessment
    assert state_at(de, total_de + 5) == (total_de, 0)
    assert state_at(dk, 0) == (0, 0)  # nothing to wait for


def test_race_says_who_finished_when_as_message_keys():
    dk, de = ALL[("tax", "DK")], ALL[("tax", "DE")]
    tax = race(dk, de)
    assert [(lane.country, lane.finish) for lane in tax.lanes] == [("DK", 0.0), ("DE", step_ends(de)[-1][0])]
    assert tax.total == step_ends(de)[-1][0] and tax.times[0] == 0 and tax.times[-1] == tax.total
    assert tax.lanes[1].groups == (StepGroup(14.0, (1, 2)), StepGroup(tax.total, (3,)))  # two steps end on day 14
    assert label_at(dk, 0) == Label("compare.race.done_no_wait")
    assert label_at(de, 20) == Label("compare.race.step", {"step": 3, "total": 3})
    assert label_at(de, tax.total + 1) == Label("compare.race.done", {"days": round(tax.total)})


@pytest.mark.parametrize("lang", LANGS)
def test_race_figure_plays_both_countries_on_one_axis(lang):
    dk, de = ALL[("divorce", "DK")], ALL[("divorce", "DE")]
    fig = race_figure(dk, de, lang)
    assert {t.meta["country"] for t in fig.data} == {"DK", "DE"}
    assert len(fig.frames) >= 30 and fig.layout.updatemenus[0].buttons[0].method == "animate"
    last = fig.frames[-1].data
    assert max(t.x[0] for t in last if t.type == "bar") == pytest.approx(365)
    assert fig.layout.title.text.replace("<br>", " ").startswith(
        {"de": "Scheidung", "en": "Divorce", "da": "Skilsmisse"}[lang])
