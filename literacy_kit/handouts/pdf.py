"""A printed page for trainers and learners: A4, large type, an embedded font with every
Vietnamese letter (the same fonts as the completion slips, found on this machine, never
downloaded).

fpdf2 draws the pages; this module only adds the few shapes every handout uses (title,
heading, paragraph, bullet list, a two-column table, a tick box, a phone-screen outline)
so each handout in :mod:`.render` reads as a list of what is on the page.
"""
from __future__ import annotations

from ..course.certificates import font_files

FAMILY = "lk-handout"
BODY = 12          # pt: learners read these at arm's length, some with weak eyes
SMALL = 10
LINE = 0.55        # line height in mm per pt of font size


class Handout:
    """One PDF document; call the drawing methods in reading order, then :meth:`output`.

    >>> doc = Handout("Test", "en")
    >>> doc.title("Title")
    >>> doc.output()[:5]
    b'%PDF-'
    """

    def __init__(self, title: str, lang: str, landscape: bool = False):
        from fpdf import FPDF

        regular, bold = font_files()
        self.pdf = FPDF(orientation="landscape" if landscape else "portrait", unit="mm", format="A4")
        self.pdf.set_margins(16, 14, 16)
        self.pdf.set_auto_page_break(True, margin=14)
        self.pdf.add_font(FAMILY, "", str(regular))
        self.pdf.add_font(FAMILY, "B", str(bold))
        self.pdf.set_title(title)
        self.pdf.set_lang(lang)
        self.pdf.set_creator("literacy_kit")
        self.pdf.add_page()

    @property
    def width(self) -> float:
        return self.pdf.epw

    def _text(self, text: str, size: float, style: str = "", align: str = "L",
              width: float | None = None, gap: float = 1.5) -> None:
        self.pdf.set_font(FAMILY, style, size)
        self.pdf.multi_cell(width or self.width, size * LINE, text, align=align,
                            new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def title(self, text: str, subtitle: str = "") -> None:
        self._text(text, 18, "B", gap=1)
        if subtitle:
            self._text(subtitle, BODY, gap=1)
        y = self.pdf.get_y()
        self.pdf.set_draw_color(21, 101, 192)
        self.pdf.set_line_width(0.8)
        self.pdf.line(self.pdf.l_margin, y, self.pdf.l_margin + self.width, y)
        self.pdf.ln(4)

    def heading(self, text: str) -> None:
        if self.pdf.get_y() > self.pdf.h - 40:   # a heading never ends a page alone
            self.pdf.add_page()
        self._text(text, 14, "B", gap=1)

    def paragraph(self, text: str, size: float = BODY, style: str = "") -> None:
        self._text(text, size, style)

    def bullets(self, items, size: float = BODY, marker: str = "•") -> None:
        self.pdf.set_font(FAMILY, "", size)
        for item in items:
            self.pdf.cell(6, size * LINE, marker)
            self.pdf.multi_cell(self.width - 6, size * LINE, item, align="L", new_x="LMARGIN", new_y="NEXT")
            self.pdf.ln(1)
        self.pdf.ln(1.5)

    def table(self, headers: list[str] | None, rows: list[list[str]], widths: list[float],
              size: float = SMALL) -> None:
        """A table with wrapped cells; ``widths`` are fractions of the page width."""
        self.pdf.set_font(FAMILY, "", size)
        col_widths = tuple(self.width * w for w in widths)
        with self.pdf.table(col_widths=col_widths, line_height=size * LINE, padding=1.5, text_align="LEFT",
                            first_row_as_headings=headers is not None,
                            headings_style=_headings_style()) as table:
            for row in ([headers] if headers else []) + rows:
                line = table.row()
                for cell in row:
                    line.cell(cell)
        self.pdf.ln(3)

    def choice(self, number: int, stem: str, options: list[tuple[str, str]], size: float = BODY) -> None:
        """A numbered question with a box to tick before each option (paper check sheets)."""
        self._text(f"{number}. {stem}", size, "B", gap=1)
        self.pdf.set_font(FAMILY, "", size)
        for label, text in options:
            x, y = self.pdf.get_x(), self.pdf.get_y()
            self.pdf.rect(x + 4, y + 0.8, 4.5, 4.5)
            self.pdf.set_x(x + 11)
            self.pdf.multi_cell(self.width - 11, size * LINE, f"{label}. {text}", align="L",
                                new_x="LMARGIN", new_y="NEXT")
            self.pdf.ln(1)
        self.pdf.ln(2)

    def write_line(self, label: str, value: str, size: float = BODY) -> None:
        """``label: value``; an empty value prints a dotted line to write on by hand."""
        self.pdf.set_font(FAMILY, "B", size)
        self.pdf.multi_cell(self.width * 0.5, size * LINE, label, align="L", new_x="RIGHT", new_y="TOP")
        self.pdf.set_font(FAMILY, "", size)
        self.pdf.multi_cell(self.width * 0.5, size * LINE, value or "." * 40, align="L",
                            new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)

    def screen(self, number: int, title: str, action: str, note: str = "") -> None:
        """One step as a numbered phone-screen outline: the screen's title (may be empty)
        and what to tap or type there."""
        height = 34 if note else 26
        if self.pdf.get_y() + height > self.pdf.h - self.pdf.b_margin:
            self.pdf.add_page()
        x, y = self.pdf.l_margin, self.pdf.get_y()
        self.pdf.set_draw_color(55, 71, 79)
        self.pdf.set_line_width(0.5)
        self.pdf.rect(x, y, 24, height - 4, round_corners=True, style="D")
        self.pdf.set_font(FAMILY, "B", 18)
        self.pdf.set_xy(x, y + (height - 4) / 2 - 4)
        self.pdf.cell(24, 8, str(number), align="C")
        self.pdf.set_xy(x + 28, y)
        if title:
            self.pdf.set_font(FAMILY, "B", BODY)
            self.pdf.multi_cell(self.width - 28, BODY * LINE, title, align="L", new_x="LEFT", new_y="NEXT")
        self.pdf.set_font(FAMILY, "", BODY)
        self.pdf.multi_cell(self.width - 28, BODY * LINE, action, align="L", new_x="LEFT", new_y="NEXT")
        if note:
            self.pdf.set_font(FAMILY, "", SMALL)
            self.pdf.multi_cell(self.width - 28, SMALL * LINE, note, align="L", new_x="LEFT", new_y="NEXT")
        self.pdf.set_xy(self.pdf.l_margin, max(self.pdf.get_y(), y + height - 2))
        self.pdf.ln(2)

    def boxed(self, text: str, size: float = SMALL) -> None:
        """A framed note (the simulation mark, the not-graded notice)."""
        self.pdf.set_draw_color(198, 40, 40)
        self.pdf.set_line_width(0.5)
        self.pdf.set_font(FAMILY, "B", size)
        self.pdf.multi_cell(self.width, size * LINE, text, border=1, align="C", padding=2,
                            new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(3)

    def new_page(self) -> None:
        self.pdf.add_page()

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _headings_style():
    from fpdf.fonts import FontFace

    return FontFace(family=FAMILY, emphasis="BOLD", fill_color=(227, 242, 253))
