"""A printable stall sign: the shop's VietQR, its name and account, as a PDF with a
Vietnamese font embedded (fpdf2; a subset of Noto Sans, else DejaVu Sans, found as the
completion slips find theirs).

>>> pdf = stall_sign("970405", "8888201504321", "HOANG THI LAN", "Mat ong Ba Lan", "en")
>>> pdf[:5]
b'%PDF-'
"""
from __future__ import annotations

import io

from ...course.certificates import font_files
from ...i18n import t
from .banks import bank
from .qr_image import qr_png
from .vietqr import vietqr_payload

FAMILY = "lk-sign"


def stall_sign(bin_: str, account: str, holder: str, shop: str, lang: str = "vi") -> bytes:
    """The PDF bytes of an A5 sign: shop name, "scan to pay", the QR, holder, bank, account.

    The QR is a static VietQR (the payer types the amount); bad values raise
    :class:`~literacy_kit.payments.logic.vietqr.InvalidVietQR` before anything is drawn.
    """
    from fpdf import FPDF

    payload = vietqr_payload(bin_, account)
    known = bank(bin_)
    regular, bold = font_files()
    pdf = FPDF(orientation="portrait", unit="mm", format=(148, 210))  # A5
    pdf.set_margins(14, 12, 14)
    pdf.set_auto_page_break(False)
    pdf.add_font(FAMILY, "", str(regular))
    pdf.add_font(FAMILY, "B", str(bold))
    pdf.set_title(shop)
    pdf.set_lang(lang)
    pdf.set_creator("literacy_kit")
    pdf.add_page()
    width = pdf.epw

    def line(text: str, size: float, style: str = "", gap: float = 2.0):
        pdf.set_font(FAMILY, style, size)
        pdf.multi_cell(width, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    line(shop, 22, "B", gap=3)
    line(t("payments_kit.sign.title", lang), 14, "B", gap=3)
    side = 92
    pdf.image(io.BytesIO(qr_png(payload, scale=10)), x=(pdf.w - side) / 2, y=pdf.get_y(), w=side, h=side)
    pdf.set_y(pdf.get_y() + side + 4)
    line(t("payments_kit.sign.account", lang, holder=holder), 13, "B", gap=1)
    line(t("payments_kit.sign.bank", lang, bank=known.short if known else bin_, account=account), 12, gap=4)
    line(t("payments_kit.sign.check", lang), 10, gap=3)
    pdf.set_draw_color(198, 40, 40)
    pdf.set_line_width(0.5)
    pdf.set_font(FAMILY, "B", 9)
    pdf.multi_cell(width, 5, t("payments_kit.sign.sample", lang), border=1, align="C", padding=2,
                   new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
