"""The delegation briefing PDF (simulators/compare/briefing.py) in de/en/da, read back with pypdf: every headline
figure as the comparison page formats it, with its period and source; the race of each chosen life event with its
steps; what Germany can learn; SIMULATION and the source note on every page; æ, ø, å and ß intact; no images."""
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from simulators.compare import briefing, headlines, indicators, journeys, race as race_data
from simulators.core.i18n import source_name, translate
from simulators.core.pdf_fonts import printable

LANGS = ("de", "en", "da")
EVENTS = ("moving", "divorce")
DAY = dt.date(2026, 11, 28)


def norm(text: str) -> str:
    """Printable text with every run of white space as one space (table cells and paragraphs wrap)."""
    return re.sub(r"\s+", " ", printable(text)).strip()


@pytest.fixture(scope="module")
def pdfs() -> dict[str, PdfReader]:
    return {lang: PdfReader(io.BytesIO(briefing.briefing_pdf(lang, EVENTS, today=DAY))) for lang in LANGS}


def text_of(reader: PdfReader) -> str:
    return norm(" ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("lang", LANGS)
def test_every_headline_figure_with_its_period_and_source(pdfs, lang):
    """Fails on HEAD (ImportError: there was no briefing). The figures come from the function the comparison page
    itself now formats them with (headlines.figure_text), so paper and screen cannot differ."""
    text = text_of(pdfs[lang])
    cards = headlines.headline_cards(indicators.load())
    assert len(cards) == 6
    for card in cards:
        assert norm(translate(lang, card.title_key)) in text
        assert norm(translate(lang, card.note_key)) in text
        for figure in card.all_figures():
            assert norm(headlines.figure_text(figure, lang)) in text, (card.key, figure.value.indicator)
            assert norm(translate(lang, figure.label_key)) in text
            period = indicators.period_label(figure.value.year, lang)
            assert norm(f"{period} · {source_name(figure.value.source, lang, True)}") in text, card.key
            assert norm(source_name(figure.value.source, lang)) in text  # and in full in the list at the end


def test_a_figure_reads_the_same_in_each_language():
    cards = headlines.headline_cards(indicators.load())
    desi_dk = cards[0].figures["DK"]
    assert [headlines.figure_text(f, "de") for f in desi_dk] == ["Platz 2 von 27", "69,3 / 100"]
    score = cards[0].figures["DE"][1]
    assert (headlines.figure_text(score, "de"), headlines.figure_text(score, "en")) == ("52,9 / 100", "52.9 / 100")


@pytest.mark.parametrize("lang", LANGS)
def test_the_race_of_each_chosen_event_with_its_steps(pdfs, lang):
    text = text_of(pdfs[lang])
    every = journeys.load()
    for event in EVENTS:
        event_name = translate(lang, journeys.EVENT_KEYS[event])
        assert norm(translate(lang, "compare.briefing.race.title", event=event_name)) in text
        race = race_data.race(every[(event, "DK")], every[(event, "DE")])
        for lane in race.lanes:
            for step in lane.journey.required_steps():
                assert norm(step.text(lang)) in text, (event, lane.country)
            for source in lane.journey.all_sources():
                assert norm(source_name(source, lang)) in text
    assert norm(translate(lang, "compare.briefing.race.assumption")) in text  # the assumption, labelled
    unchosen = translate(lang, "compare.briefing.race.title", event=translate(lang, journeys.EVENT_KEYS["passport"]))
    assert norm(unchosen) not in text


@pytest.mark.parametrize("lang", LANGS)
def test_what_germany_can_learn(pdfs, lang):
    text = text_of(pdfs[lang])
    assert norm(translate(lang, "compare.briefing.learn.heading")) in text
    for fact in journeys.learn_facts():
        assert norm(fact.title[lang]) in text
        assert norm(fact.body.text(lang)) in text
        for source in fact.body.sources:
            assert norm(source_name(source, lang)) in text


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_says_simulation_and_carries_the_source_note(pdfs, lang):
    reader = pdfs[lang]
    assert 3 <= len(reader.pages) <= 8  # a few pages
    footer = norm(translate(lang, "compare.briefing.footer", date="")).split("{")[0][:40]
    for number, page in enumerate(reader.pages, start=1):
        page_text = norm(page.extract_text())
        assert "SIMULATION" in page_text, number
        assert footer[:30] in page_text, number
        assert not page.images, f"page {number} holds an image (no logos, no screenshots)"
    assert norm(translate(lang, "compare.briefing.simulation_note")) in text_of(reader)


def test_danish_and_german_letters_stay_intact(pdfs):
    danish, german = text_of(pdfs["da"]), text_of(pdfs["de"])
    assert "Færdig for borgeren efter" in danish
    assert "Ét grundregister – oplysninger gives kun én gang" in danish
    assert "Hvad Tyskland kan lære" in danish
    assert "Messgröße" in german and "Dänemark" in german
    assert pdfs["de"].metadata.title == "Digitale Verwaltung: Dänemark und Deutschland im Vergleich"


@pytest.mark.parametrize("lang,events", [("fr", ("moving",)), ("de", ()), ("de", ("holiday",)),
                                         ("de", journeys.EVENTS[:briefing.MAX_EVENTS + 1])])
def test_bad_choices_are_refused_with_a_reason(lang, events):
    with pytest.raises(ValueError, match="language|life events"):
        briefing.briefing_pdf(lang, events, today=DAY)


def test_repeated_events_count_once():
    reader = PdfReader(io.BytesIO(briefing.briefing_pdf("en", ("passport", "passport"), today=DAY)))
    title = translate("en", "compare.briefing.race.title", event=translate("en", journeys.EVENT_KEYS["passport"]))
    assert text_of(reader).count(norm(title)) == 1
