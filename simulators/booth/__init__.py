"""The booth: idle watchdog, anonymous statistics, the presenter's tour, the attract screen."""
