"""The ReportLab renderer of a neutral document: the decree's layout, and tables that break like a typist's.

The parts by role: pdf_page (pages, margins, page numbers), pdf_decree (header and signature), pdf_styles and
pdf_blocks (text, pictures, cards), pdf_table_rows and pdf_table_break (tables), pdf_glyphs (fonts per character),
collector (the garbage collector paused during the layout).
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepInFrame,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from nlv_events import __version__
from nlv_events.core import bulk
from nlv_events.printing import model
from nlv_events.printing.fonts import SERIF, register_fonts
from nlv_events.printing.pdf_blocks import CardFlowable, picture, text
from nlv_events.printing.pdf_decree import header_block, signature_block
from nlv_events.printing.pdf_glyphs import Glyphs, face
from nlv_events.printing.pdf_page import Stamp, let_go, numbered_canvas, page_template
from nlv_events.printing.pdf_styles import text_styles
from nlv_events.printing.pdf_table_break import MIN_ROWS_AT_FOOT, BrokenTable
from nlv_events.printing.pdf_table_rows import PreparedRow, TableMaker

HEADER_WIDTH = 165 * mm  # the decree's header never spreads wider than a portrait page's text


class _Story:
    """The flowables of one document, block by block."""

    def __init__(self, document: model.Document, width: float, page_height: float, page_width: float) -> None:
        self.document = document
        self.glyphs = Glyphs(document.dropped)
        self.style = text_styles(document.scale)
        self.width, self.page_height, self.page_width = width, page_height, page_width
        self.stamps: dict[int, Stamp] = {}
        self.flowables: list[Flowable] = []
        seen = [id(block) for block in document.blocks if isinstance(block, (model.HeaderBlock, model.Signature))]
        self.repeated = {key for key in seen if seen.count(key) > 1}

    def _once(self, block: model.HeaderBlock | model.Signature, make) -> Flowable:
        """A header or signature that stands on every page (a letter per guest) is drawn once, as a form."""
        if id(block) not in self.repeated:
            return make()
        if id(block) not in self.stamps:
            self.stamps[id(block)] = Stamp(make(), f"block{len(self.stamps)}")
        return self.stamps[id(block)]

    def header(self, block: model.HeaderBlock) -> Flowable:
        return self._once(block, lambda: header_block(block, min(self.width, HEADER_WIDTH), self.glyphs))

    def signature(self, block: model.Signature) -> list[Flowable]:
        return [Spacer(1, 6), self._once(block, lambda: signature_block(block, self.width, self.glyphs))]

    def block(self, block: model.Block) -> list[Flowable]:
        """A block other than a table as flowables."""
        if isinstance(block, model.Text):
            return [text(block, self.style, self.glyphs)]
        if isinstance(block, model.PageBreak):
            return [PageBreak()]
        if isinstance(block, model.Picture):
            return [picture(block, self.width, self.page_height)]
        if isinstance(block, model.Card):
            card = CardFlowable(block, self.glyphs, self.page_height, self.page_width)
            return [PageBreak(), card] if self.flowables else [card]  # a page per card
        if isinstance(block, model.HeaderBlock):
            return [self.header(block)]
        if isinstance(block, model.Signature):
            return self.signature(block)
        raise TypeError(f"not a block: {block!r}")

    def build(self) -> list[Flowable]:
        document = self.document
        if document.header is not None:
            self.flowables.append(self.header(document.header))
        if document.organisation_line:
            self.flowables.append(Paragraph(self.glyphs.markup(document.organisation_line.upper(), face(True)),
                                            self.style["header_bold"]))  # fmt: skip
        opening = len(self.flowables)
        blocks = document.blocks
        last_table = max((index for index, block in enumerate(blocks) if isinstance(block, model.Table)), default=-1)
        # What follows the last table (notes, the signature) travels with its last rows: never a page of its own.
        closing = [flowable for block in blocks[last_table + 1 :] for flowable in self.block(block)]
        if document.signature is not None:
            closing += self.signature(document.signature)
        for index, block in enumerate(blocks[: last_table + 1]):
            if isinstance(block, model.Table):
                self._table(block, index, closing if index == last_table else [])
            else:
                self.flowables += self.block(block)
        if last_table < 0:
            self.flowables += _with_its_last_lines(closing) if document.signature is not None else closing
        if document.one_page:
            self._shrink_to_one_page(opening)
        return self.flowables

    def _table(self, block: model.Table, index: int, closing: list[Flowable]) -> None:
        maker = TableMaker(block, self.width, self.glyphs, self.document.scale)
        header = maker.header()
        rows = [maker.row(row) for row in block.rows]
        lead_in = _lead_in(self.document.blocks, index)
        if lead_in and rows:
            # the heading (and the note under it: "Phía sân khấu") over a table never stays alone at the foot of a
            # page: they go over with the table when the table's first rows cannot start under them
            above = sum(_paragraph_height(flowable, self.width) for flowable in self.flowables[-lead_in:])
            self.flowables.insert(-lead_in, CondPageBreak(above + _opening_height(header, rows)))
        trailer = _stack(closing, self.width) if closing else None
        if trailer is not None and trailer.wrap(self.width, self.page_height)[1] > self.page_height / 2:
            # too long to travel as one piece (many cancelled events): it flows on after the table, and only the
            # signature is kept with what comes before it
            trailer = None
        if rows:
            self.flowables.append(BrokenTable(maker, header, rows, self.page_height, trailer))
        elif trailer is not None:
            self.flowables.append(trailer)
        if closing and trailer is None:
            self.flowables += _with_its_last_lines(closing) if rows else closing

    def _shrink_to_one_page(self, opening: int) -> None:
        """Everything under the header shrunk, if need be, to the rest of the first page."""
        head, body = self.flowables[:opening], self.flowables[opening:]
        used = sum(flowable.wrap(self.width, self.page_height)[1] for flowable in head)
        self.flowables = [*head, KeepInFrame(self.width, self.page_height - used - 6, body, mode="shrink")]


def _with_its_last_lines(closing: list[Flowable]) -> list[Flowable]:
    """The closing flowables with the signature (the last two: a spacer and the block) kept on one page with the
    paragraph before it: a signature never stands on a page of its own."""
    return [*closing[:-3], KeepTogether(closing[-3:])]


def render(document: model.Document) -> bytes:
    """`document` as PDF bytes; characters no bundled font has are collected in `document.dropped`."""
    register_fonts()
    buffer = io.BytesIO()
    template = page_template(buffer, document, title=document.title, author="NLV Events",
                             creator=f"NLV Events {__version__}")  # fmt: skip
    with bulk.many_objects():
        story = _Story(document, template.width, template.height, template.pagesize[0]).build()
        try:
            if document.page_numbers:
                template.build(story, canvasmaker=numbered_canvas(str))
            else:
                template.build(story)
        finally:
            let_go(template)
    return buffer.getvalue()


def _is_heading(block: model.Block) -> bool:
    return isinstance(block, model.Text) and block.style == "section"


def _lead_in(blocks: list[model.Block], index: int) -> int:
    """How many blocks right above the table at `index` belong to it: its heading and the notes between them."""
    start = index
    while start and isinstance(blocks[start - 1], model.Text) and blocks[start - 1].style == "note":
        start -= 1
    if start and _is_heading(blocks[start - 1]):
        return index - start + 1
    return 0


def _paragraph_height(paragraph: Flowable, width: float) -> float:
    return paragraph.wrap(width, 10_000)[1] + paragraph.getSpaceBefore() + paragraph.getSpaceAfter()


def _opening_height(header: PreparedRow, rows: list[PreparedRow]) -> float:
    """The height a table needs to start on a page: its header and the rows BrokenTable will not leave behind
    (at least MIN_ROWS_AT_FOOT, and a row bound to the next one with it)."""
    height = header.height
    for count, row in enumerate(rows, start=1):
        height += row.height
        if count >= MIN_ROWS_AT_FOOT and not row.keep_with_next:
            break
    return height


def _stack(flowables: list[Flowable], width: float) -> RLTable:
    """Flowables held together as one (a borderless one-cell table)."""
    table = RLTable([[flowables]], colWidths=[width])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return table
