"""Search over the simulated borger.dk: self-service solutions (flows) and topics, in the visitor's language
and in Danish (the words a Dane would type). Pure: it reads only the catalogs through simulators.core.i18n."""
from __future__ import annotations

import re
import unicodedata

from simulators.core import i18n
from simulators.borger.framework import Flow
from simulators.borger.topics import TOPICS

TITLE_WEIGHT, KEYWORD_WEIGHT, TEXT_WEIGHT = 5, 3, 1
MAX_QUERY_CHARS = 200  # a search reads this much of a query (issue #17: a 1 MB query is not searched, or echoed)


def normalise(text: str) -> str:
    """Casefolded, accents removed except the Danish letters (so "Umzug" finds "umzug", "flytning" "Flytning")."""
    text = str(text).casefold().replace("æ", "\0ae").replace("ø", "\0oe").replace("å", "\0aa")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace("\0ae", "æ").replace("\0oe", "ø").replace("\0aa", "å")


def tokens(query: str) -> list[str]:
    return [t for t in re.split(r"[^\wæøå]+", normalise(query)) if len(t) >= 2]


def _score(words: list[str], title: str, keywords: str, text: str) -> int:
    total = 0
    for word in words:
        hit = (TITLE_WEIGHT if word in title else 0) + (KEYWORD_WEIGHT if word in keywords else 0) + \
              (TEXT_WEIGHT if word in text else 0)
        if not hit:
            return 0  # every word must match somewhere
        total += hit
    return total


def search(query: str, lang: str, flows: dict[str, Flow]) -> list[dict]:
    """Matches, best first: {"kind": "service"|"topic", "id", "title_key", "score"}; the query's first
    ``MAX_QUERY_CHARS`` characters count."""
    words = tokens(str(query)[:MAX_QUERY_CHARS])
    if not words:
        return []
    langs = dict.fromkeys((lang, "da"))
    results = []
    for flow in flows.values():
        title = " ".join(normalise(i18n.translate(code, flow.title_key)) for code in langs)
        keywords = " ".join(normalise(i18n.translate(code, flow.keywords_key)) for code in langs) if flow.keywords_key else ""
        text = " ".join(normalise(i18n.translate(code, flow.article_key)) for code in langs)
        score = _score(words, title, keywords, text)
        if score:
            results.append({"kind": "service", "id": flow.id, "title_key": flow.title_key, "score": score})
    for topic in TOPICS:
        title = " ".join(normalise(i18n.translate(code, topic.title_key)) for code in langs)
        score = _score(words, "", title, "")  # a topic title weighs like a service's keyword: services first
        if score:
            results.append({"kind": "topic", "id": topic.id, "title_key": topic.title_key, "score": score})
    return sorted(results, key=lambda r: (-r["score"], r["kind"], r["id"]))
