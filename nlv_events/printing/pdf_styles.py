"""The PDF's paragraph styles by the neutral model's names (sizes after Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from nlv_events.printing.fonts import SERIF, register_fonts
from nlv_events.printing.header_layout import DATE_SIZE, HEADER_SIZE, MOTTO_SIZE, NUMBER_SIZE
from nlv_events.printing.pdf_glyphs import face


@cache
def text_styles(scale: float) -> dict[str, ParagraphStyle]:
    register_fonts()

    def style(name: str, size: float, **options) -> ParagraphStyle:
        options.setdefault("fontName", SERIF)
        options.setdefault("leading", size * 1.2 * scale)
        return ParagraphStyle(name, fontSize=size * scale, **options)

    return {
        "doc_type": style("doc_type", 14, fontName=face(True), alignment=TA_CENTER, spaceBefore=10 * scale),
        "subject": style("subject", 14, fontName=face(True), alignment=TA_CENTER, spaceAfter=3 * scale),
        "info": style("info", 13, alignment=TA_CENTER, spaceAfter=1 * scale),
        "body": style("body", 13, alignment=TA_LEFT, spaceAfter=3 * scale),
        "paragraph": style("paragraph", 13, alignment=TA_JUSTIFY, firstLineIndent=10 * mm * scale,
                           spaceAfter=4 * scale),
        # A letter (giấy mời) is set a size larger and more open than a report: 14 pt, one and a third lines.
        "addressee": style("addressee", 14, alignment=TA_LEFT, leftIndent=10 * mm * scale, spaceBefore=10 * scale,
                           spaceAfter=10 * scale, leading=14 * 1.3 * scale),
        "letter": style("letter", 14, alignment=TA_JUSTIFY, firstLineIndent=10 * mm * scale, spaceAfter=6 * scale,
                        leading=14 * 1.3 * scale),
        "section": style("section", 13, fontName=face(True), spaceBefore=8 * scale, spaceAfter=4 * scale),
        "note": style("note", 13, fontName=face(False, True), alignment=TA_CENTER, spaceAfter=2 * scale),
        "header": style("header", HEADER_SIZE, alignment=TA_CENTER, leading=14 * scale),
        "header_bold": style("header_bold", HEADER_SIZE, fontName=face(True), alignment=TA_CENTER, leading=14 * scale),
        "motto": style("motto", MOTTO_SIZE, fontName=face(True), alignment=TA_CENTER, leading=16 * scale),
        "date": style("date", DATE_SIZE, fontName=face(False, True), alignment=TA_CENTER, leading=16 * scale),
        "number": style("number", NUMBER_SIZE, alignment=TA_CENTER, leading=15 * scale),
        "recipients_label": style("recipients_label", 12, fontName=face(True, True), leading=14 * scale),
        "recipients": style("recipients", 11, leading=13 * scale),
        "authority": style("authority", 13, fontName=face(True), alignment=TA_CENTER, leading=15 * scale),
        "signer": style("signer", 13, fontName=face(True), alignment=TA_CENTER, leading=15 * scale),
        "hint": style("hint", 13, fontName=face(False, True), alignment=TA_CENTER, leading=15 * scale),
    }

