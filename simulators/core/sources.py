"""A cited source, as the comparison's data tables name them (data/indicators/sources.csv,
data/journeys_sources.toml): every figure and journey step on screen carries its sources."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    source_id: str
    title: str
    url: str
    short: str = ""  # a short name for chart captions (the indicators have one; the journeys' sources do not)
    secondary: bool = False  # a non-authoritative source (news, blog, commercial page, code file): tagged on screen
