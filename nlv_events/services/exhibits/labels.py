"""Item labels for the display cases: one A6 or A5 card per item, large type, caption and call number."""

from __future__ import annotations

import io
import os

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A5, A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, KeepInFrame, PageBreak, PageTemplate, Paragraph, Table

from nlv_events import __version__
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ItemEntry
from nlv_events.i18n import _
from nlv_events.printing.fonts import SERIF, register_fonts
from nlv_events.printing.official import text
from nlv_events.printing.styles import table_style
from nlv_events.services.exhibits import structure
from nlv_events.services.workspace.files import atomic_output

SIZES = {"a6": A6, "a5": A5}
MARGIN = 10 * mm


def _styles(scale: float) -> dict[str, ParagraphStyle]:
    register_fonts()

    def style(name: str, size: float, **options) -> ParagraphStyle:
        options.setdefault("fontName", SERIF)
        return ParagraphStyle(name, fontSize=size * scale, leading=size * scale * 1.2, **options)

    return {
        "title": style("title", 24, fontName=f"{SERIF}-Bold", alignment=TA_CENTER, spaceAfter=8 * scale),
        "line": style("line", 16, alignment=TA_CENTER, spaceAfter=3 * scale),
        "caption": style("caption", 16, fontName=f"{SERIF}-Italic", alignment=TA_LEFT, spaceBefore=8 * scale),
        "call_number": style("call_number", 13, alignment=TA_CENTER, spaceBefore=8 * scale),
    }


def _card(item: ItemEntry, style: dict[str, ParagraphStyle]) -> list:
    flowables = [Paragraph(text(item.title), style["title"])]
    if item.creator:
        flowables.append(Paragraph(text(item.creator), style["line"]))
    imprint = ", ".join(part for part in (item.publisher, item.year) if part)
    if imprint:
        flowables.append(Paragraph(text(imprint), style["line"]))
    if item.caption:
        flowables.append(Paragraph(text(item.caption), style["caption"]))
    if item.call_number:
        flowables.append(
            Paragraph(text(_("Call number: {number}").format(number=item.call_number)), style["call_number"])
        )
    if item.lender:
        flowables.append(Paragraph(text(_("Lent by {lender}").format(lender=item.lender)), style["call_number"]))
    return flowables


def render(items: list[ItemEntry], size: str = "a6") -> bytes:
    if size not in SIZES:
        raise UserError(_("Unknown label size “{size}”: use a6 or a5.").format(size=size))
    page = SIZES[size]
    style = _styles(1.0 if size == "a6" else 1.4)
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        initialFontName=SERIF,
        title=_("Item labels"),
        author="NLV Events",
        creator=f"NLV Events {__version__}",
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        document.width,
        document.height,
        id="card",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="card", frames=[frame])])
    story: list = []
    for index, item in enumerate(items):
        if index:
            story.append(PageBreak())
        # The card's content centred in a thin frame; a long caption shrinks to the card rather than spilling
        # onto a second one.
        content = KeepInFrame(document.width - 8 * mm, document.height - 8 * mm, _card(item, style), mode="shrink")
        card = Table([[content]], colWidths=[document.width], rowHeights=[document.height])
        card.setStyle(table_style(("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")))
        story.append(card)
    document.build(story)
    return buffer.getvalue()


def write(event_id: int, path: str | os.PathLike[str], size: str = "a6") -> None:
    structure.exhibition_or_error(event_id)
    items = structure.load(event_id).items
    if not items:
        raise UserError(_("The exhibition has no items to label yet."))
    pdf = render(items, size)
    with atomic_output(path, "wb") as stream:
        stream.write(pdf)
