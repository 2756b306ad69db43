"""Search over services and topics, in the visitor's language and in Danish."""
import pytest

from simulators.borger import FLOWS
from simulators.borger.search import normalise, search, tokens


@pytest.mark.parametrize("query, lang, first", [
    ("Umzug", "de", "moving"), ("flytning", "de", "moving"), ("moving", "en", "moving"),
    ("Reisepass", "de", "passport"), ("pas", "da", "passport"),
    ("folkepension", "en", "pension"), ("Rente", "de", "pension"),
    ("årsopgørelse", "da", "tax"), ("Steuer", "de", "tax"), ("tax refund", "en", "tax"),
])
def test_finds_the_service(query, lang, first):
    results = search(query, lang, FLOWS)
    assert results and results[0]["kind"] == "service" and results[0]["id"] == first


def test_finds_topics_and_nothing_for_nonsense():
    assert any(r["kind"] == "topic" and r["id"] == "kultur-og-fritid" for r in search("Kultur", "de", FLOWS))
    assert search("xyzzy", "en", FLOWS) == []
    assert search("  ", "en", FLOWS) == [] and search("a", "en", FLOWS) == []


def test_every_word_must_match():
    assert search("passport moving", "en", FLOWS) == []


def test_normalise_keeps_danish_letters_and_drops_other_accents():
    assert normalise("Årsopgørelse Café") == "årsopgørelse cafe"
    assert tokens("Meld-flytning, nu!") == ["meld", "flytning", "nu"]
