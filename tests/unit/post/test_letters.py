"""Letter templates (every file in data/letters/, also those of other flows) and their PDF."""
import io
import re
import shutil

import pypdf
import pytest

from simulators.core import i18n
from simulators.post import letters
from simulators.post import pdf as pdf_letters
from simulators.post import views as post_views

FIELDS = ("subject", "body")
PERSONA = {"person_id": 1, "full_name": "Søren Ærø Åberg", "first_name": "Søren", "last_name": "Åberg",
           "address_line1": "Østergade 12, 2. tv", "address_line2": "8000 Aarhus C", "municipality": "Aarhus",
           "region": "Region Midtjylland", "digital_post_exempt": False}


def sample_value(name: str):
    """A value of the kind a placeholder's name promises (see the letters module's suffix rules)."""
    if name.endswith("_datetime"):
        return "2025-03-14T09:30:00"
    if name.endswith("_date"):
        return "2025-03-14"
    if name.endswith(("_dkk", "_eur")):
        return 12345
    if name.endswith("_year"):
        return 2024
    if name.endswith("_quarter"):
        return "2025-Q2"
    return f"Sample {name} æøå"


def sample_params(template_id: str) -> dict:
    return {name: sample_value(name) for name in letters.placeholders(template_id)}


def problems(template_id: str) -> list[str]:
    """What is wrong with a template: a missing language or field, an unknown sender, a placeholder left."""
    template = letters.templates()[template_id]
    found = []
    for lang in i18n.LANGS:
        for field in FIELDS:
            if not str(template.get(lang, {}).get(field, "")).strip():
                found.append(f"{lang}.{field} missing")
    if found:
        return found
    if template.get("sender") not in letters.authorities():
        found.append(f"unknown sender {template.get('sender')!r}")
    for lang in i18n.LANGS:
        rendered = letters.render(template_id, lang, sample_params(template_id))
        for field in FIELDS:
            left = re.findall(r"\{[^{}]*\}", rendered[field])
            if left:
                found.append(f"{lang}.{field} leaves {left}")
    return found


TEMPLATES = sorted(letters.templates())


def test_there_are_templates_including_every_life_kind():
    kinds = ("digital_post_welcome", "mitid_switch", "tax_statement", "moved", "health_card", "child_born",
             "child_benefit", "daycare_offer", "hospital_appointment", "pension_granted")
    assert {f"life_{k}" for k in kinds} <= set(TEMPLATES)
    assert "post_ack" in TEMPLATES


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_every_template_is_complete_in_three_languages_and_fills_every_placeholder(template_id):
    assert problems(template_id) == []


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_every_placeholder_is_required_in_render(template_id):
    params = sample_params(template_id)
    if not params:
        pytest.skip("template has no placeholders")
    params.pop(sorted(params)[0])
    with pytest.raises(KeyError):
        letters.render(template_id, "da", params)


@pytest.fixture
def letters_dir(tmp_path, monkeypatch):
    """A copy of data/letters to break on purpose."""
    shutil.copytree(letters.LETTERS_DIR, tmp_path / "letters")
    monkeypatch.setattr(letters, "LETTERS_DIR", tmp_path / "letters")
    _forget_templates()
    yield tmp_path / "letters"
    monkeypatch.undo()
    _forget_templates()


def _forget_templates():
    for remembered in (letters.templates, letters.placeholders, letters._fields):
        remembered.cache_clear()


def test_a_template_without_a_language_is_detected(letters_dir):
    path = letters_dir / "life_health_card.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("[de]")] + text[text.index("[en]"):], encoding="utf-8")
    _forget_templates()
    assert "de.subject missing" in problems("life_health_card")


def test_a_placeholder_that_cannot_be_filled_is_detected(letters_dir):
    path = letters_dir / "life_mitid_switch.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("Kære {full_name}", "Kære {{full_name}}"),
                    encoding="utf-8")
    _forget_templates()
    assert any("leaves ['{full_name}']" in p for p in problems("life_mitid_switch"))


def test_parameters_are_formatted_by_their_name():
    assert letters.format_param("income_year", 2024, "da") == "2024"
    assert letters.format_param("benefit_quarter", "2024-Q3", "da") == "3. kvartal 2024"
    assert letters.format_param("benefit_quarter", "2024Q1", "de") == "1. Quartal 2024"
    assert letters.format_param("benefit_quarter", "2024-Q4", "en") == "Q4 2024"
    assert letters.format_param("start_date", "2025-05-01", "da") == "1. maj 2025"
    assert "14:05" in letters.format_param("appointment_datetime", "2025-05-01 14:05:00", "de")
    assert letters.format_param("amount_dkk", 5124, "da").replace("\u00a0", " ") == "5.124 kr."


def test_sender_names_fill_the_municipality_and_never_show_braces():
    assert letters.sender_name("kommune", "da", {"municipality": "Odense"}) == "Odense Kommune"
    assert letters.sender_name("kommune", "de", {"municipality": "Odense"}) == "Kommune Odense"
    assert "{" not in letters.sender_name("region", "en", {})
    assert letters.sender_name("skattestyrelsen", "da") == "Skattestyrelsen"


def test_escape_markdown_keeps_the_text_and_neutralises_markup():
    text = "**bold** [link](http://x) <script>alert(1)</script> :red[x]"
    escaped = letters.escape_markdown(text)  # simulators.core.visitor_text.escape_markdown (word joiners too)
    assert re.sub(r"\\(.)", r"\1", escaped).replace("\u2060", "") == text
    assert "**" not in escaped and not re.search(r"(?<!\\)\]\(", escaped)


def _pdf_text(data: bytes) -> str:
    """The PDF's text with whitespace collapsed (line breaks fall wherever the layout wraps)."""
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages).split())


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_pdf_has_the_persona_the_sender_and_the_simulation_mark(lang):
    letter = {"letter_id": "x", "template": "life_tax_statement", "sender": "skattestyrelsen",
              "params": {"income_year": 2024, "income_dkk": 412000}, "date": "2025-03-17T08:10:00",
              "folder": "inbox", "read": False, "attachment": True}
    view = post_views.render(letter, lang, PERSONA)
    data = pdf_letters.letter_pdf(view, PERSONA, lang)
    assert data.startswith(b"%PDF-")
    text = _pdf_text(data)
    assert "Søren Ærø Åberg" in text and "Østergade 12, 2. tv" in text
    assert view["party_name"] in text
    assert "SIMULATION" in text
    assert "2024" in text


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_every_template_makes_a_pdf(template_id):
    letter = {"letter_id": "x", "template": template_id, "sender": letters.templates()[template_id]["sender"],
              "params": sample_params(template_id), "date": "2025-03-17T08:10:00", "folder": "inbox", "read": False}
    view = post_views.render(letter, "da", PERSONA)
    text = _pdf_text(pdf_letters.letter_pdf(view, PERSONA, "da"))
    assert PERSONA["full_name"] in text


def test_pdf_survives_characters_the_font_lacks():
    letter = {"letter_id": "x", "template": "post_ack", "sender": "kommune", "date": "2025-03-17T08:10:00",
              "params": {"message_subject": "Hej 😀 漢字 <b>x</b>", "sent_datetime": "2025-03-17T08:09:00"},
              "folder": "inbox", "read": False}
    view = post_views.render(letter, "en", PERSONA)
    text = _pdf_text(pdf_letters.letter_pdf(view, PERSONA, "en"))
    assert "<b>x</b>" in text and "Hej" in text


def test_a_year_is_never_written_as_a_number_with_a_separator():
    """Issue #15: "Sätze 2.026" (seen failing before the fix: the param named "year" went through fmt_number)."""
    assert letters.format_param("year", 2026, "de") == "2026"
    assert letters.format_param("year", 2026, "en") == "2026"
    assert letters.format_param("count", 2026, "de") == "2.026"  # a quantity keeps its separator


@pytest.mark.parametrize("lang", ["da", "de", "en"])
def test_child_benefit_letters_say_which_child_they_are_about(lang):
    """Issue #15: two children's payments looked like the same letter in the mailbox (seen failing before the fix:
    the subject named only the quarter)."""
    params = {"full_name": "Mette Nørgaard", "child_name": "Ida", "benefit_quarter": "2026-Q4", "amount_dkk": 5124}
    assert "Ida" in letters.render("life_child_benefit", lang, params)["subject"]


def test_only_a_truly_unsourced_arrival_in_digital_post_is_labelled():
    """Issue #15: the police's written receipt for a theft is sourced (politi.dk) and Digital Post is mandatory for
    written post from authorities, so that letter carries no assumption label (seen failing before the fix); the
    moving confirmation has no source for its arrival in Digital Post and keeps it."""
    assert letters.templates()["police_report_receipt"].get("assumption", False) is False
    assert letters.templates()["moving_confirmation"]["assumption"] is True


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_templates_use_plain_placeholder_names(template_id):
    """letters.render formats only the params its text shows (issue #18); exact while no placeholder reads an
    attribute or an index or has a format spec or a conversion."""
    import string

    for lang in i18n.LANGS:
        for field in ("subject", "body"):
            text = letters.templates()[template_id][lang][field]
            assert [f for _, f, spec, conv in string.Formatter().parse(text)
                    if f and ("." in f or "[" in f or spec or conv)] == []


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_a_letter_reads_the_same_whatever_params_ride_along(template_id):
    """The persona's fields come with every letter's params; formatting only those shown changes nothing, and a
    headline's subject is the full letter's."""
    params = {**letters.persona_params({"full_name": "Mette Hansen", "municipality": "Aarhus"}),
              **sample_params(template_id), "unused_date": "2026-01-02", "unused_dkk": 5}
    for lang in i18n.LANGS:
        text = letters.templates()[template_id][lang]
        everything = letters._Blank({**i18n.figure_params(text["subject"] + text["body"], lang),
                                     **{n: letters.format_param(n, v, lang) for n, v in params.items()}})
        rendered = letters.render(template_id, lang, params, strict=False)
        assert rendered["subject"] == text["subject"].format_map(everything)
        assert rendered["body"] == text["body"].format_map(everything)
        headline = letters.render(template_id, lang, params, strict=False, body=False)
        assert headline == {**rendered, "body": None}
