"""A letter as a PDF, made on demand with fpdf2: a plain letterhead with the sender's name (no logo), the word
SIMULATION on the page, the persona's name and address, the date, the subject and the text.

The font is IBM Plex Sans (simulators.core.pdf_fonts), embedded as a subset with a Unicode map, so æ, ø and å
render and the text can be extracted. Labels come from the catalogs (keys post.pdf.*).
"""
from __future__ import annotations

import datetime as dt

from fpdf import FPDF

from simulators.core import i18n
from simulators.core.pdf_fonts import FONT, add_fonts, printable as _printable

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


def letter_pdf(view: dict, persona: dict, lang: str, now: dt.datetime | None = None) -> bytes:
    """The PDF of a rendered letter ``view`` (see simulators.post.views.render) for ``persona``."""
    pdf = _LetterPDF(format="A4", unit="mm")
    add_fonts(pdf)
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
