"""Durations for readers (the dashboard's time per visit): Babel's short units in de/en/da, never "0:12 min"."""
import pytest

from simulators.core.i18n import fmt_duration

CASES = {  # seconds -> de, en, da
    12: ("12 Sek.", "12 sec", "12 sek."),
    185: ("3 Min. 5 Sek.", "3 min 5 sec", "3 min. 5 sek."),
    143.0: ("2 Min. 23 Sek.", "2 min 23 sec", "2 min. 23 sek."),
    120: ("2 Min.", "2 min", "2 min."),
    59.6: ("1 Min.", "1 min", "1 min."),
    0: ("0 Sek.", "0 sec", "0 sek."),
    3725: ("1 Std. 2 Min.", "1 hr 2 min", "1 t. 2 min."),
    -4: ("0 Sek.", "0 sec", "0 sek."),
}


@pytest.mark.parametrize("seconds", list(CASES))
@pytest.mark.parametrize("index,lang", enumerate(("de", "en", "da")))
def test_durations_read_as_minutes_and_seconds(seconds, index, lang):
    """Fails on HEAD (ImportError: there was no duration helper; the dashboard showed "0:12 min" everywhere)."""
    assert fmt_duration(seconds, lang) == CASES[seconds][index]


def test_an_unknown_language_falls_back_to_german():
    assert fmt_duration(12, "fr") == "12 Sek."
