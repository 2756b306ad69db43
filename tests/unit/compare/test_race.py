"""The race: the data (simulators.compare.race) plays both journeys on one time axis, counted as a citizen feels it
("done for you" apart from the follow-ups), with message keys for its texts; the figure (ui.compare.race) animates
it for every language, has no title of its own and no toolbar, and starts by itself (autoplay_html)."""
import pytest

from simulators.compare import journeys
from simulators.compare.race import (Label, StepGroup, done_for_citizen, duration_sources, finish, label_at, race,
                                     state_at, step_ends)
from simulators.core.i18n import LANGS
from ui.compare import race as race_view
from ui.compare.race import race_figure

ALL = journeys.load()


def test_race_state_progresses_to_each_journeys_total():
    dk, de = ALL[("tax", "DK")], ALL[("tax", "DE")]
    total_de = step_ends(de)[-1][0]
    assert state_at(de, 0) == (0, 1)
    assert state_at(de, 20)[1] == 3  # account (14 days) done, filing (no duration), waiting for the assessment
    assert state_at(de, total_de + 5) == (total_de, 0)
    assert state_at(dk, 0) == (0, 0)  # nothing to wait for


def test_race_says_who_is_done_when_as_message_keys():
    dk, de = ALL[("tax", "DK")], ALL[("tax", "DE")]
    tax = race(dk, de)
    assert [(lane.country, lane.finish, lane.done) for lane in tax.lanes] == [
        ("DK", 0.0, 0.0), ("DE", step_ends(de)[-1][0], step_ends(de)[-1][0])]
    assert tax.total == step_ends(de)[-1][0] and tax.times[0] == 0 and tax.times[-1] == tax.total
    assert tax.lanes[1].groups == (StepGroup(14.0, (1, 2)), StepGroup(tax.total, (3,)))  # two steps end on day 14
    # Denmark: the pre-filled statement is ready by itself; the citizen checks it online, done on day 0
    assert label_at(dk, 0) == (Label("compare.race.done_for_you", {"days": 0}),)
    assert label_at(de, 20) == (Label("compare.race.step", {"step": 3, "total": 3}),)
    assert label_at(de, tax.total + 1) == (Label("compare.race.done_for_you", {"days": round(tax.total)}),)


def test_moving_denmark_is_done_for_the_citizen_on_day_0_and_the_health_card_follows():
    """The issue's case: Denmark done for the citizen on day 0 with no visit, the health card a follow-up;
    Germany done only after the Bürgeramt appointment (seen failing before the fix: the race said "done after
    14 days" for Denmark, counting the card as a step of the citizen)."""
    dk, de = ALL[("moving", "DK")], ALL[("moving", "DE")]
    moving = race(dk, de)
    assert (moving.lanes[0].done, moving.lanes[0].finish, moving.lanes[0].follow_ups) == (0.0, 14.0, 2)
    assert (moving.lanes[1].done, moving.lanes[1].finish, moving.lanes[1].follow_ups) == (24.0, 24.0, 0)
    assert moving.total == 24.0
    assert label_at(dk, 5) == (Label("compare.race.done_for_you", {"days": 0}), Label("compare.race.follow_ups_running"))
    # the CPR update has no sourced duration, so the race names the last *sourced* follow-up, not "all"
    assert label_at(dk, 24) == (Label("compare.race.done_for_you", {"days": 0}),
                                Label("compare.race.follow_ups_last_sourced", {"days": 14}))
    assert label_at(de, 10) == (Label("compare.race.step", {"step": 2, "total": 3}),)
    assert label_at(de, 24) == (Label("compare.race.done_for_you", {"days": 24}),)


def test_nothing_to_do_and_unsourced_waits_are_said_as_such():
    newborn_dk = ALL[("newborn", "DK")]  # midwife, Morbrev, automatic child benefit: the parents do nothing
    assert done_for_citizen(newborn_dk) == 0 and finish(newborn_dk) == 2
    assert label_at(newborn_dk, 0)[0] == Label("compare.race.nothing_to_do")
    divorce_dk = ALL[("divorce", "DK")]  # the grant has no sourced duration: not "day 0"
    assert label_at(divorce_dk, 0) == (Label("compare.race.done_no_wait"),)
    car_de = ALL[("car", "DE")]  # "drive off immediately" is sourced: day 0
    assert label_at(car_de, 0) == (Label("compare.race.done_for_you", {"days": 0}),)


def test_the_race_cites_the_sources_of_the_durations_it_plays():
    titles = [s.title for s in duration_sources(ALL[("moving", "DK")], ALL[("moving", "DE")])]
    assert titles == ["Hørsholm Kommune – Flytning", "Tagesspiegel Checkpoint – Wartezeiten Bürgeramt Berlin (2023)"]


@pytest.mark.parametrize("lang", LANGS)
def test_race_figure_plays_both_countries_on_one_axis(lang):
    dk, de = ALL[("divorce", "DK")], ALL[("divorce", "DE")]
    fig = race_figure(dk, de, lang)
    assert {t.meta["country"] for t in fig.data} == {"DK", "DE"}
    assert len(fig.frames) >= 30 and fig.layout.updatemenus[0].buttons[0].method == "animate"
    last = fig.frames[-1].data
    assert max(t.x[0] for t in last if t.type == "bar") == pytest.approx(365)
    assert not (fig.layout.title and fig.layout.title.text)  # the page shows the title as text above the chart
    assert fig.layout.meta["race"] == race_view.race_token("divorce", lang)
    assert fig.layout.yaxis.showticklabels is False  # each lane's text names its country (room on a phone)


def test_race_figure_draws_the_citizens_part_solid_and_the_follow_ups_hatched():
    dk, de = ALL[("moving", "DK")], ALL[("moving", "DE")]
    fig = race_figure(dk, de, "en")
    dk_bars = [t for t in fig.frames[-1].data if t.type == "bar" and t.meta["country"] == "DK"]
    follow_up, citizen = dk_bars
    assert follow_up.x[0] == 14 and follow_up.marker.pattern.shape == "/" and citizen.x[0] == 0
    stars = {t.meta["country"]: t.x[0] for t in fig.data if t.type == "scatter" and t.marker.symbol == "star"}
    assert stars == {"DK": 0, "DE": 24}
    texts = [t.text[0] for t in fig.data if t.type == "scatter" and t.mode == "text"]
    assert texts == ["Denmark: ✓ done for you: day 0<br>last sourced follow-up: day 14", "Germany: ✓ done for you: day 24"]


def test_compact_race_has_no_slider_and_is_lower():
    dk, de = ALL[("moving", "DK")], ALL[("moving", "DE")]
    full, compact = race_figure(dk, de, "de"), race_figure(dk, de, "de", compact=True)
    assert full.layout.sliders and not compact.layout.sliders
    assert compact.layout.height < full.layout.height and compact.layout.updatemenus  # ▶ stays


def test_the_race_has_no_toolbar_and_starts_itself_once_in_view():
    assert race_view.CONFIG["displayModeBar"] is False  # on a phone the toolbar covered the chart's top
    script = race_view.autoplay_html("race_box", race_view.race_token("moving", "de"))
    assert script.startswith("<script ") and 'data-race-token="moving-de"' in script
    assert 'data-race-box="race_box"' in script and "'.st-key-' + box + ' .js-plotly-plot'" in script
    assert "IntersectionObserver" in script
    # the same script text for every race, so the proxy's Content-Security-Policy allows it by one hash
    assert race_view.AUTOPLAY_JS in race_view.autoplay_html("other", race_view.race_token("divorce", "da"))
    assert "updatemenu-button" in script and "http" not in script  # the figure's own ▶, nothing fetched
