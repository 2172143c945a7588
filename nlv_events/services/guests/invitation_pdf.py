"""Invitation letters (giấy mời) as one PDF, a page per guest, in the layout of Nghị định 30/2020."""

from __future__ import annotations

import io

import segno
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from nlv_events import __version__
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.printing.fonts import SERIF
from nlv_events.printing.official import Letterhead, header_table, official_document, text
from nlv_events.printing.styles import table_style
from nlv_events.services.guests.invitations import InvitationOptions, Letter, qr_text


def _style(name: str, size: float, **options) -> ParagraphStyle:
    options.setdefault("fontName", SERIF)
    options.setdefault("leading", size * 1.3)
    return ParagraphStyle(name, fontSize=size, **options)


STYLES = {
    "number": _style("number", 13, alignment=TA_CENTER),
    "title": _style("title", 14, fontName=f"{SERIF}-Bold", alignment=TA_CENTER, spaceBefore=18, spaceAfter=14),
    "to": _style("to", 14, alignment=TA_LEFT, leftIndent=1 * cm, spaceAfter=10),
    "body": _style("body", 14, alignment=TA_JUSTIFY, firstLineIndent=1 * cm, spaceAfter=6),
    "sign_title": _style("sign_title", 13, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
    "sign_name": _style("sign_name", 13, fontName=f"{SERIF}-Bold", alignment=TA_CENTER),
    "recipients_head": _style("recipients_head", 12, fontName=f"{SERIF}-BoldItalic"),
    "recipients": _style("recipients", 11),
}


class QrCode(Flowable):
    """A QR code drawn as vector squares (no image)."""

    def __init__(self, payload: str, size: float = 28 * mm) -> None:
        super().__init__()
        self.matrix = [list(row) for row in segno.make(payload, error="m").matrix]
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        # The same code on every page: drawn once into a form (XObject) that each page then references.
        canvas = self.canv
        name = f"qr{abs(hash(tuple(map(tuple, self.matrix))))}"
        if not canvas.hasForm(name):
            canvas.beginForm(name)
            cell = self.size / len(self.matrix)
            canvas.setFillGray(0)
            for row_index, row in enumerate(self.matrix):
                bottom = self.size - (row_index + 1) * cell
                column = 0
                while column < len(row):  # one rectangle per run of dark modules
                    if not row[column]:
                        column += 1
                        continue
                    run = column
                    while run < len(row) and row[run]:
                        run += 1
                    canvas.rect(column * cell, bottom, (run - column) * cell, cell, stroke=0, fill=1)
                    column = run
            canvas.endForm()
        canvas.saveState()
        canvas.doForm(name)
        canvas.restoreState()


class Stamp(Flowable):
    """A block that is the same on every page (the header, the signature block): laid out and drawn once into a
    PDF form, which each page then references — 120 letters cost one header, not 120."""

    def __init__(self, inner: Flowable, name: str) -> None:
        super().__init__()
        self.inner, self.name = inner, name
        self._sizes: dict[tuple[float, float], tuple[float, float]] = {}

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        key = (available_width, available_height)
        if key not in self._sizes:
            self._sizes[key] = self.inner.wrap(available_width, available_height)
        self.width, self.height = self._sizes[key]
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if not canvas.hasForm(self.name):
            canvas.beginForm(self.name)
            self.inner.drawOn(canvas, 0, 0)
            canvas.endForm()
        canvas.doForm(self.name)


def header(letterhead: Letterhead, options: InvitationOptions, width: float) -> Table:
    """The decree's header (official.header_table) with "Số: …/GM-TVQG" under the issuing body."""
    number = options.number.strip() or "\u00a0" * 6  # room to write the number by hand
    return header_table(letterhead, width, number=f"{number}/{options.symbol}")


def signature(options: InvitationOptions, width: float, qr: Flowable | None = None) -> Table:
    """Nơi nhận on the left (with the QR code under it), the signer's title and name on the right."""
    recipients = [Paragraph(text(_("Recipients:")), STYLES["recipients_head"])]
    recipients += [Paragraph(text(line), STYLES["recipients"]) for line in options.recipient_lines()]
    if qr is not None:
        recipients += [Spacer(1, 6 * mm), qr]
    signer = [Paragraph(text(line), STYLES["sign_title"]) for line in options.signer_lines()]
    signer += [Spacer(1, 22 * mm), Paragraph(text(options.signer_name), STYLES["sign_name"])]
    table = Table([[recipients, signer]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return table


def letter_story(letter: Letter, head: Flowable, sign: Flowable) -> list[Flowable]:
    story: list[Flowable] = [
        head,
        Paragraph(_("INVITATION"), STYLES["title"]),
        Paragraph(text(_("To: {addressee}").format(addressee=letter.addressee)), STYLES["to"]),
    ]
    story += [Paragraph(text(line), STYLES["body"]) for line in letter.body]
    story += [Spacer(1, 8), sign]
    return story


def render(record: EventRecord, letters: list[Letter], options: InvitationOptions,
           letterhead: Letterhead | None = None) -> bytes:
    """One PDF with a page per letter."""
    buffer = io.BytesIO()
    info = {"title": _("Invitations – {title}").format(title=record.title), "author": "NLV Events",
            "creator": f"NLV Events {__version__}"}
    document = official_document(buffer, **info)
    letterhead = letterhead or Letterhead.from_settings(day=options.day)
    # The header, signature block and QR code are the same on every page: built once, drawn 120 times.
    head = Stamp(header(letterhead, options, document.width), "letterhead")
    sign = Stamp(signature(options, document.width, QrCode(qr_text(record)) if options.qr else None), "signature")
    story: list[Flowable] = []
    for index, letter in enumerate(letters):
        if index:
            story.append(PageBreak())
        story += letter_story(letter, head, sign)
    document.build(story)
    return buffer.getvalue()
