"""The official layout of Nghị định 30/2020/NĐ-CP: two-column header, margins, page numbers from page 2."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table

from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _, current_language
from nlv_events.i18n.formats import official_date_line
from nlv_events.printing.fonts import SERIF
from nlv_events.printing.styles import styles, table_style

# The decree's margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGINS = {"top": 20 * mm, "bottom": 20 * mm, "left": 30 * mm, "right": 15 * mm}


@dataclass
class Letterhead:
    """The organisation lines printed at the top (settings, so another library can use the app)."""

    parent: str
    organisation: str
    city: str
    day: dt.date

    @classmethod
    def from_settings(cls, settings: Settings | None = None, day: dt.date | None = None) -> Letterhead:
        settings = settings or current_settings()
        suffix = "_en" if current_language() == "en" else ""
        return cls(
            parent=settings.get(f"organisation.parent{suffix}"),
            organisation=settings.get(f"organisation.name{suffix}"),
            city=settings.get(f"organisation.city{suffix}"),
            day=day or dt.date.today(),
        )


def text(value: str | None) -> str:
    """User text made safe for a Paragraph (which reads a little XML)."""
    return escape(value or "")


class Rule(Flowable):
    """A short solid line, centred, as under the issuing body and the national motto."""

    def __init__(self, width: float, thickness: float = 0.6) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.available_width = available_width
        return available_width, 5

    def draw(self) -> None:
        left = (self.available_width - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(left, 1, left + self.rule_width, 1)


def balanced_lines(line: str, style: ParagraphStyle, width: float) -> str:
    """`line` escaped for a Paragraph; when it is too wide, broken into two lines, after a comma where that
    fits, else where the lines are most even ("BỘ VĂN HÓA,<br/>THỂ THAO VÀ DU LỊCH", never a lone last word)."""

    def measure(words: list[str]) -> float:
        return stringWidth(" ".join(words), style.fontName, style.fontSize)

    if measure([line]) <= width:
        return text(line)
    words = line.split()
    cuts = range(1, len(words))
    fitting = [cut for cut in cuts if measure(words[:cut]) <= width and measure(words[cut:]) <= width]
    after_comma = [cut for cut in fitting if words[cut - 1].endswith(",")]
    candidates = after_comma or fitting or list(cuts)
    if not candidates:
        return text(line)
    best = min(candidates, key=lambda cut: abs(measure(words[:cut]) - measure(words[cut:])))
    return f"{text(' '.join(words[:best]))}<br/>{text(' '.join(words[best:]))}"


def header_table(letterhead: Letterhead, width: float, number: str | None = None) -> Table:
    """The borderless two-column header: issuing body on the left, the national name and motto on the right;
    with `number`, the document's "Số: 15/KH-TVQG" under the issuing body, level with the date line."""
    style = styles()
    republic = _("SOCIALIST REPUBLIC OF VIETNAM")
    motto = _("Independence - Freedom - Happiness")
    left_width = width * 0.44
    line_width = left_width - 12  # a gutter, so the two columns never touch
    left = [
        Paragraph(balanced_lines(letterhead.parent.upper(), style["header_left"], line_width), style["header_left"]),
        Paragraph(
            balanced_lines(letterhead.organisation.upper(), style["header_left_bold"], line_width),
            style["header_left_bold"],
        ),
        Rule(left_width * 0.4),
    ]
    if number:
        left.append(Paragraph(text(_("No.: {number}").format(number=number)), style["number_line"]))
    motto_width = stringWidth(motto, style["motto"].fontName, style["motto"].fontSize)  # the rule spans the motto
    right = [
        Paragraph(republic, style["header_right_bold"]),
        Paragraph(motto, style["motto"]),
        Rule(motto_width),
        Paragraph(text(official_date_line(letterhead.city, letterhead.day)), style["date_line"]),
    ]
    table = Table([[left, right]], colWidths=[left_width, width - left_width])
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return table


def numbered_canvas(label: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas that, once every page is laid out, writes `label(page, pages)` centred in the top margin of
    every page but the first (the decree puts no number on page 1)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if number > 1:
                    width, height = self._pagesize
                    self.setFont(SERIF, 13)
                    self.drawCentredString(width / 2, height - 12 * mm, label(number, total))
                super().showPage()
            super().save()

    return NumberedCanvas


def official_document(target, page_size=A4, margins: dict[str, float] | None = None, **info) -> BaseDocTemplate:
    margins = margins or MARGINS
    document = BaseDocTemplate(
        target,
        pagesize=page_size,
        leftMargin=margins["left"],
        rightMargin=margins["right"],
        topMargin=margins["top"],
        bottomMargin=margins["bottom"],
        # Without this ReportLab starts every page in Helvetica, a base-14 font the PDF would then reference.
        initialFontName=SERIF,
        **info,
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return document


A4_LANDSCAPE = landscape(A4)
