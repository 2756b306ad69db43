"""A letter as a PDF, made on demand with fpdf2: a plain letterhead with the sender's name (no logo), the word
SIMULATION on the page, the persona's name and address, the date, the subject and the text.

The font is IBM Plex Sans (static/fonts, OFL), embedded as a subset with a Unicode map, so æ, ø and å render and
the text can be extracted. Labels come from the catalogs (keys post.pdf.*).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from fpdf import FPDF

from simulators.core import i18n
from simulators.core.paths import STATIC_DIR

FONT_DIR = STATIC_DIR / "fonts"
FONT = "IBMPlexSans"
GREEN = (68, 131, 30)  # DKFDS / borger.dk green, a colour, not a logo
RED = (204, 0, 0)
GREY = (90, 90, 90)


class _LetterPDF(FPDF):
    footer_text = ""
    watermark = ""

    def header(self) -> None:  # on every page: the green band and the diagonal SIMULATION mark
        self.set_fill_color(*GREEN)
        self.rect(0, 0, self.w, 6, style="F")
        _watermark(self, self.watermark)

    def footer(self) -> None:
        self.set_y(-16)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.multi_cell(0, 4, f"{self.footer_text}   {self.page_no()}/{{nb}}", align="C")


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """Code points both font files have a glyph for."""
    from fontTools.ttLib import TTFont

    sets = [set(TTFont(FONT_DIR / f"IBMPlexSans-{style}.ttf").getBestCmap()) for style in ("Regular", "Bold")]
    return frozenset(sets[0] & sets[1])


def _printable(text: str) -> str:
    """Drop characters the font cannot draw (emoji etc.), so a visitor's subject never breaks the PDF."""
    text = str(text).replace("\u00a0", " ").replace("\u202f", " ")
    drawable = _drawable()
    return "".join(ch for ch in text if ch == "\n" or ord(ch) in drawable)


def letter_pdf(view: dict, persona: dict, lang: str, now: dt.datetime | None = None) -> bytes:
    """The PDF of a rendered letter ``view`` (see simulators.post.views.render) for ``persona``."""
    pdf = _LetterPDF(format="A4", unit="mm")
    pdf.add_font(FONT, "", str(FONT_DIR / "IBMPlexSans-Regular.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "IBMPlexSans-Bold.ttf"))
    pdf.set_title(_printable(view["subject"]))
    pdf.set_author(_printable(view["party_name"]))
    pdf.set_creator("Digital Denmark Showcase (simulation)")
    pdf.footer_text = i18n.translate(lang, "post.pdf.footer")
    pdf.watermark = i18n.translate(lang, "post.pdf.simulation")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    width = pdf.epw

    # Letterhead: the sender's name and a boxed SIMULATION label.
    pdf.set_font(FONT, "B", 15)
    pdf.set_text_color(26, 26, 26)
    pdf.set_xy(22, 14)
    pdf.multi_cell(width * 0.62, 7, _printable(view["party_name"]))
    pdf.set_xy(22 + width * 0.64, 14)
    pdf.set_font(FONT, "B", 11)
    pdf.set_text_color(*RED)
    pdf.set_draw_color(*RED)
    pdf.multi_cell(width * 0.36, 7, i18n.translate(lang, "post.pdf.simulation"), border=1, align="C")
    pdf.set_font(FONT, "", 8)
    pdf.set_x(22 + width * 0.64)
    pdf.multi_cell(width * 0.36, 4, i18n.translate(lang, "post.pdf.not_real"), align="C")

    # Recipient block (as in a window envelope) and the date on the right.
    pdf.set_text_color(26, 26, 26)
    pdf.set_y(52)
    pdf.set_font(FONT, "", 11)
    for line in (persona.get("full_name", ""), persona.get("address_line1", ""), persona.get("address_line2", "")):
        if line:
            pdf.cell(width * 0.6, 5.5, _printable(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(22 + width * 0.6, 52)
    pdf.cell(width * 0.4, 5.5, i18n.fmt_date(view["date"].date(), lang, "long"), align="R")

    pdf.set_y(86)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(width, 6.5, _printable(view["subject"]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(width, 5.6, _printable(view["body"]), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _watermark(pdf: FPDF, text: str) -> None:
    """A large, light, diagonal SIMULATION across the page."""
    pdf.set_font(FONT, "B", 64)
    pdf.set_text_color(242, 214, 214)
    x, y = pdf.w / 2, pdf.h / 2 + 30
    with pdf.rotation(40, x, y):
        pdf.set_xy(x - pdf.get_string_width(text) / 2, y)
        pdf.cell(pdf.get_string_width(text), 20, text)
    pdf.set_text_color(26, 26, 26)
    pdf.set_xy(pdf.l_margin, pdf.t_margin)
