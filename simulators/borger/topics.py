"""The 17 topic sections of the borger.dk front page (DOMAIN.md §3.1; the list is from a SECONDARY source,
a public agent skill file, cross-checked against URL slugs seen on borger.dk — see data/SOURCES.md)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    id: str  # the URL slug on borger.dk, without the slash
    title_key: str
    icon: str


TOPICS: tuple[Topic, ...] = (
    Topic("familie-og-boern", "borger.topic.family", "👨‍👩‍👧"),
    Topic("skole-og-uddannelse", "borger.topic.school", "🎓"),
    Topic("sundhed-og-sygdom", "borger.topic.health", "🩺"),
    Topic("internet-og-sikkerhed", "borger.topic.internet", "🔒"),
    Topic("pension-og-efterloen", "borger.topic.pension", "👵"),
    Topic("handicap", "borger.topic.disability", "♿"),
    Topic("arbejde-dagpenge-ferie", "borger.topic.work", "💼"),
    Topic("oekonomi-skat-su", "borger.topic.finance", "💰"),
    Topic("aeldre", "borger.topic.elderly", "🧓"),
    Topic("bolig-og-flytning", "borger.topic.housing", "🏠"),
    Topic("miljoe-og-energi", "borger.topic.environment", "🌱"),
    Topic("transport-trafik-rejser", "borger.topic.transport", "🚆"),
    Topic("danskere-i-udlandet", "borger.topic.abroad", "✈️"),
    Topic("udlaendinge-i-danmark", "borger.topic.foreigners", "🌍"),
    Topic("samfund-og-rettigheder", "borger.topic.society", "⚖️"),
    Topic("politi-retsvaesen-forsvar", "borger.topic.police", "🚓"),
    Topic("kultur-og-fritid", "borger.topic.culture", "📚"),
)
TOPIC_IDS: tuple[str, ...] = tuple(t.id for t in TOPICS)


def topic(topic_id: str) -> Topic | None:
    return next((t for t in TOPICS if t.id == topic_id), None)
