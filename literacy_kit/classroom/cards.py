"""Login cards: a PDF with eight cards per A4 page for the trainer to print and cut.

Each card holds the learner's name, id and PIN, and the classroom's address as text and
as a QR code (segno; the phone's camera opens the address). The font is the one
completion slips embed (Noto Sans, else DejaVu Sans), so Vietnamese names print with
their diacritics on any printer. A PIN appears on a card only when it is issued: the
PIN file keeps hashes (see :mod:`.pins`).
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..course.certificates import font_files
from ..i18n import t

FAMILY = "lk-card"
COLUMNS, ROWS = 2, 4
PAGE_W, PAGE_H = 210.0, 297.0
CARD_W, CARD_H = PAGE_W / COLUMNS, PAGE_H / ROWS
QR_SIZE = 34.0


@dataclass(frozen=True)
class LoginCard:
    learner_id: str
    name: str
    pin: str


def qr_png(address: str) -> bytes:
    """A PNG of the QR code of ``address`` (error correction M, quiet zone kept)."""
    import segno

    out = io.BytesIO()
    segno.make_qr(address, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


def render_cards(cards: list[LoginCard], address: str, lang: str = "vi") -> bytes:
    """The PDF bytes of ``cards``, eight per A4 page, with dashed cutting lines."""
    from fpdf import FPDF

    regular, bold = font_files()
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font(FAMILY, "", str(regular))
    pdf.add_font(FAMILY, "B", str(bold))
    pdf.set_title(t("classroom.card_title", lang))
    pdf.set_lang(lang)
    pdf.set_creator("literacy_kit")
    qr = io.BytesIO(qr_png(address))
    per_page = COLUMNS * ROWS
    for index, card in enumerate(cards):
        if index % per_page == 0:
            pdf.add_page()
            _cut_lines(pdf)
        slot = index % per_page
        x, y = (slot % COLUMNS) * CARD_W, (slot // COLUMNS) * CARD_H
        _card(pdf, card, address, qr, x, y, lang)
    return bytes(pdf.output())


def _cut_lines(pdf) -> None:
    pdf.set_draw_color(150, 150, 150)
    pdf.set_line_width(0.2)
    pdf.set_dash_pattern(dash=2, gap=2)
    for column in range(1, COLUMNS):
        pdf.line(column * CARD_W, 0, column * CARD_W, PAGE_H)
    for row in range(1, ROWS):
        pdf.line(0, row * CARD_H, PAGE_W, row * CARD_H)
    pdf.set_dash_pattern()


def _card(pdf, card: LoginCard, address: str, qr, x: float, y: float, lang: str) -> None:
    pad = 6.0
    text_w = CARD_W - QR_SIZE - 3 * pad
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(x + pad, y + pad)
    pdf.set_font(FAMILY, "B", 10)
    pdf.cell(CARD_W - 2 * pad, 5, t("classroom.card_title", lang), new_x="LMARGIN", new_y="NEXT")

    def field(label: str, value: str, size: float, top: float) -> None:
        pdf.set_xy(x + pad, top)
        pdf.set_font(FAMILY, "", 7.5)
        pdf.set_text_color(80, 80, 80)
        pdf.cell(text_w, 3.5, label)
        pdf.set_xy(x + pad, top + 3.6)
        pdf.set_font(FAMILY, "B", size)
        pdf.set_text_color(0, 0, 0)
        pdf.cell(text_w, size * 0.45, value)

    name = card.name if pdf.get_string_width(card.name) < text_w * 2 else card.name[:40]
    field(t("classroom.card_name", lang), name, 11, y + pad + 7)
    field(t("classroom.card_id", lang), card.learner_id, 15, y + pad + 18)
    field(t("classroom.card_pin", lang), " ".join(card.pin), 17, y + pad + 31)
    qr.seek(0)
    pdf.image(qr, x=x + CARD_W - pad - QR_SIZE, y=y + pad + 6, w=QR_SIZE, h=QR_SIZE)
    pdf.set_xy(x + pad, y + CARD_H - pad - 16)
    pdf.set_font(FAMILY, "", 7.5)
    pdf.set_text_color(80, 80, 80)
    pdf.cell(CARD_W - 2 * pad, 3.5, t("classroom.card_address", lang))
    pdf.set_xy(x + pad, y + CARD_H - pad - 12.5)
    pdf.set_font(FAMILY, "B", 10)
    pdf.set_text_color(0, 0, 0)
    pdf.cell(CARD_W - 2 * pad, 4.5, address)
    pdf.set_xy(x + pad, y + CARD_H - pad - 7.5)
    pdf.set_font(FAMILY, "", 7)
    pdf.multi_cell(CARD_W - 2 * pad, 3.2, t("classroom.card_hint", lang))


def write_cards(path: Path, cards: list[LoginCard], address: str, lang: str = "vi") -> Path:
    """Write the PDF atomically and return its path."""
    import os

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(render_cards(cards, address, lang))
    os.chmod(temporary, 0o600)   # it holds PINs in clear
    os.replace(temporary, path)
    return path
