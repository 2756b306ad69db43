"""The app's clock: DDS_TODAY fixes the calendar day (the test session sets it), otherwise the real day."""
import datetime as dt

import pytest

from simulators.core import clock
from simulators.population.citizens import TODAY as POPULATION_DAY


def test_the_test_session_runs_on_the_populations_day():
    assert clock.today() == POPULATION_DAY
    assert clock.now().date() == POPULATION_DAY


def test_dds_today_fixes_the_day_and_keeps_the_time_of_day(monkeypatch):
    monkeypatch.setenv(clock.ENV, "2025-02-28")
    assert clock.today() == dt.date(2025, 2, 28)
    before = dt.datetime.now()
    now = clock.now()
    assert now.date() == dt.date(2025, 2, 28)
    assert abs(dt.datetime.combine(before.date(), now.time()) - before) < dt.timedelta(seconds=5)


@pytest.mark.parametrize("value", [None, "", "  "])
def test_without_dds_today_the_real_day(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(clock.ENV, raising=False)
    else:
        monkeypatch.setenv(clock.ENV, value)
    assert clock.today() == dt.date.today() or clock.today() == dt.date.today() - dt.timedelta(days=1)  # midnight
    assert abs(clock.now() - dt.datetime.now()) < dt.timedelta(seconds=5)


def test_a_malformed_dds_today_says_what_is_wrong(monkeypatch):
    monkeypatch.setenv(clock.ENV, "28.11.2026")
    with pytest.raises(ValueError, match="DDS_TODAY"):
        clock.today()
