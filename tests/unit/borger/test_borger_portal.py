"""The idle rule of the simulated borger.dk login and the persona suggestion for a flow the persona cannot use."""

from simulators.borger import portal


def test_idle_after_fifteen_minutes_only():
    assert portal.IDLE_MINUTES == 15
    assert not portal.idle_expired(None, 10_000.0)
    assert not portal.idle_expired(1_000.0, 1_000.0 + 15 * 60)
    assert portal.idle_expired(1_000.0, 1_000.0 + 15 * 60 + 1)


def test_activity_is_recorded_at_most_every_twenty_seconds():
    assert portal.should_record_activity(None, 5.0)
    assert not portal.should_record_activity(100.0, 119.0)
    assert portal.should_record_activity(100.0, 120.0)
