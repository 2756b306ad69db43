"""The app's PDFs (letters, the delegation briefing) in IBM Plex Sans (static/fonts, OFL), embedded as a subset
with a Unicode map, so æ, ø, å and ß render and the text can be extracted; characters the font cannot draw
(emoji) are dropped instead of breaking the PDF."""
from __future__ import annotations

from functools import lru_cache

from fpdf import FPDF

from simulators.core.paths import STATIC_DIR
from simulators.core.visitor_text import neutralise

FONT_DIR = STATIC_DIR / "fonts"
FONT = "IBMPlexSans"


def add_fonts(pdf: FPDF) -> None:
    """Register the regular ("") and bold ("B") styles of ``FONT`` with ``pdf``."""
    pdf.add_font(FONT, "", str(FONT_DIR / "IBMPlexSans-Regular.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "IBMPlexSans-Bold.ttf"))


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """Code points both font files have a glyph for."""
    from fontTools.ttLib import TTFont

    sets = [set(TTFont(FONT_DIR / f"IBMPlexSans-{style}.ttf").getBestCmap()) for style in ("Regular", "Bold")]
    return frozenset(sets[0] & sets[1])


def printable(text: str) -> str:
    """``text`` without the characters the font cannot draw (emoji etc.) and without bidi or other control
    characters (simulators.core.visitor_text.neutralise: a visitor's right-to-left override cannot reverse a
    printed line); no-break spaces become spaces."""
    text = neutralise(text).replace("\u00a0", " ").replace("\u202f", " ")
    drawable = _drawable()
    return "".join(ch for ch in text if ch == "\n" or ord(ch) in drawable)
