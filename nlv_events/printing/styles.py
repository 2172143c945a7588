"""Paragraph styles of the printouts, as data in one place (sizes follow Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import TableStyle

from nlv_events.printing.fonts import SERIF, register_fonts


@cache
def styles(scale: float = 1.0) -> dict[str, ParagraphStyle]:
    """The styles by name; `scale` shrinks every size for the A5 booklet."""
    register_fonts()

    def style(name: str, size: float, **options) -> ParagraphStyle:
        options.setdefault("fontName", SERIF)
        options.setdefault("leading", size * 1.25 * scale)
        return ParagraphStyle(name, fontSize=size * scale, **options)

    return {
        "header_left": style("header_left", 12, alignment=TA_CENTER),
        "header_left_bold": style("header_left_bold", 12, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
        "header_right_bold": style("header_right_bold", 12, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
        "motto": style("motto", 13, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
        "number_line": style("number_line", 13, alignment=TA_CENTER, spaceBefore=4 * scale),
        "date_line": style("date_line", 13, fontName=f"{SERIF}-Italic", alignment=TA_CENTER),
        "doc_type": style("doc_type", 14, fontName=f"{SERIF}-Bold", alignment=TA_CENTER, spaceBefore=12 * scale),
        "subject": style("subject", 14, fontName=f"{SERIF}-Bold", alignment=TA_CENTER, spaceAfter=4 * scale),
        "info": style("info", 13, alignment=TA_CENTER, spaceAfter=2 * scale),
        "body": style("body", 13, alignment=TA_JUSTIFY, firstLineIndent=1 * cm * scale, spaceAfter=6 * scale),
        "cell": style("cell", 12, alignment=TA_LEFT),
        "cell_center": style("cell_center", 12, alignment=TA_CENTER),
        "cell_right": style("cell_right", 12, alignment=TA_RIGHT),
        "cell_bold": style("cell_bold", 12, fontName=f"{SERIF}-Bold"),
        "cell_head": style("cell_head", 12, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
        "cell_note": style("cell_note", 11, fontName=f"{SERIF}-Italic"),
        "day_head": style("day_head", 12.5, fontName=f"{SERIF}-Bold"),
        "section": style("section", 13, fontName=f"{SERIF}-Bold", spaceBefore=10 * scale, spaceAfter=4 * scale),
        "page_number": style("page_number", 13, alignment=TA_CENTER),
    }


def table_style(*commands: tuple) -> TableStyle:
    """A TableStyle that starts from the bundled font: ReportLab's Table otherwise selects Helvetica for every
    cell, even cells that hold only paragraphs, and the PDF then references a font with no Vietnamese."""
    register_fonts()
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF), *commands])
