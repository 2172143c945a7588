"""The neutral document's running blocks drawn for the PDF: text, pictures, and cards of large type."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, KeepInFrame, Paragraph

from nlv_events.printing import model
from nlv_events.printing.fonts import SERIF
from nlv_events.printing.pdf_glyphs import Glyphs, face
from nlv_events.printing.pdf_table_rows import ALIGN

CARD_PADDING = 4 * mm  # between a label's box and its text
FOLD_DASH = (2, 4)


def text(block: model.Text, style: dict[str, ParagraphStyle], glyphs: Glyphs) -> Paragraph:
    chosen = style[block.style]
    if block.align is not None:
        chosen = ParagraphStyle(f"{chosen.name}-{block.align}", parent=chosen, alignment=ALIGN[block.align])
    content = block.content if isinstance(block.content, tuple) else model.line(block.content)
    return Paragraph(glyphs.line(content), chosen)


def picture(block: model.Picture, width: float, height: float) -> Image:
    """The image as wide as the text (narrower if it would be taller than the page), its proportions kept."""
    image_width, image_height = ImageReader(io.BytesIO(block.data)).getSize()
    scale = min(width / image_width, height * 0.8 / image_height)
    return Image(io.BytesIO(block.data), width=image_width * scale, height=image_height * scale)


def card_paragraphs(lines: list[model.CardLine], width: float, glyphs: Glyphs) -> list[Paragraph]:
    """A card's lines as paragraphs; a `fit` line shrunk until it holds on one line of `width`."""
    paragraphs = []
    for item in lines:
        font = face(item.bold, item.italic)
        size = item.size
        if item.fit:
            natural = stringWidth(item.text, font, size)
            size = size if natural <= width else size * width / natural * 0.999
        style = ParagraphStyle(f"card-{font}-{size}-{item.align}", fontName=font, fontSize=size, leading=size * 1.2,
                               alignment=ALIGN[item.align], spaceBefore=item.space_before)  # fmt: skip
        paragraphs.append(Paragraph(glyphs.markup(item.text, font), style))
    return paragraphs


class CardFlowable(Flowable):
    """One card filling the frame: its lines centred on it (shrunk when they do not fit), in a box for a label;
    a tent card prints them on both halves, the back turned half a circle, with a dashed line where to fold."""

    def __init__(self, card: model.Card, glyphs: Glyphs, frame_height: float, page_width: float) -> None:
        super().__init__()
        self.card, self.glyphs, self.page_width = card, glyphs, page_width
        self.height = frame_height - 1  # the whole frame, a hair under so that it always fits it

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def _draw_face(self, width: float, height: float, inset: float) -> None:
        """The lines centred in the box (0, 0, width, height) of the current coordinates."""
        inner_width, inner_height = width - 2 * inset, height - 2 * inset
        lines = card_paragraphs(self.card.lines, inner_width, self.glyphs)
        content = KeepInFrame(inner_width, inner_height, lines, mode="shrink")
        used_width, used_height = content.wrapOn(self.canv, inner_width, inner_height)
        content.drawOn(self.canv, (width - used_width) / 2, (height - used_height) / 2)

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(SERIF, 10)
        if not self.card.tent:
            if self.card.frame:
                canvas.setLineWidth(0.8)
                canvas.rect(0, 0, self.width, self.height)
            self._draw_face(self.width, self.height, CARD_PADDING if self.card.frame else 0)
            return
        half = self.height / 2
        self._draw_face(self.width, half, 0)  # the front, read from the hall
        canvas.saveState()
        canvas.translate(self.width, self.height)  # the back: turned half a circle about the card's centre
        canvas.rotate(180)
        self._draw_face(self.width, half, 0)
        canvas.restoreState()
        canvas.saveState()
        canvas.setDash(*FOLD_DASH)
        canvas.setStrokeGray(0.7)
        canvas.setLineWidth(0.4)
        side = (self.page_width - self.width) / 2
        canvas.line(-side, half, self.width + side, half)  # where to fold, across the whole sheet
        canvas.restoreState()
