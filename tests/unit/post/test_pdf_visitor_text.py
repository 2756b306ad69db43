"""A PDF letter prints visitor text without bidi or control characters (issue #17): the visitor's own message with a
right-to-left override in its subject and text, and a persona whose address came from a move.

On main (where the function was ``simulators.post.pdf._printable``): the printable test failed — a NUL byte went
into the PDF text (the font maps U+0000); the letter test passed already, by accident: IBM Plex Sans has no glyph
for the bidi controls, so they were dropped with the emoji. Now ``simulators.core.pdf_fonts.printable`` neutralises
them on purpose (``simulators.core.visitor_text.neutralise``), whatever the font covers.
"""
from __future__ import annotations

import io

import pypdf

from simulators.core.pdf_fonts import printable
from simulators.core.visitor_text import BIDI_CONTROLS
from simulators.post import pdf as pdf_letters
from simulators.post import views as post_views
from tests.helpers.personas import make_persona

RLO = "\u202e"


def test_printable_removes_bidi_and_control_characters():
    assert printable(f"Vester{RLO}gade\u2067 12\x00\x07") == "Vestergade 12"


def test_a_letter_pdf_has_no_bidi_control_characters():
    persona = {**make_persona(), "address_line1": f"![t](http://203.0.113.9/a.png) {RLO}gade 5"}
    letter = {"letter_id": "x", "direction": "out", "recipient": "skattestyrelsen", "params": {},
              "subject_text": f"Spørgsmål {RLO}om skat", "body_text": f"Hej{RLO} med dig\nanden linje",
              "date": "2026-11-28T10:00:00", "folder": "sent", "read": True, "attachment": False}
    view = post_views.render(letter, "da", persona)
    data = pdf_letters.letter_pdf({**view, "outgoing": False}, persona, "da")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert not set(text) & BIDI_CONTROLS
    assert "Spørgsmål om skat" in " ".join(text.split()) and "gade 5" in text
