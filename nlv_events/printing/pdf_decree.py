"""The decree's blocks drawn for the PDF: the two-column header with its rules, the signature with "Nơi nhận"."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from nlv_events.i18n import _
from nlv_events.i18n.formats import official_date_line
from nlv_events.printing import header_layout, model
from nlv_events.printing.fonts import SERIF
from nlv_events.printing.pdf_glyphs import Glyphs, escape, face
from nlv_events.printing.pdf_styles import text_styles

SIGNING_ROOM = 20 * mm  # the signature and the seal
QR_SIZE = 28 * mm


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


class QrCode(Flowable):
    """A QR code drawn as vector squares (no image), once into a form that every page showing it references."""

    def __init__(self, payload: str, size: float = QR_SIZE) -> None:
        super().__init__()
        import segno  # here: only a registered document carries a code, and segno loads gzip, zlib and its writers

        self.matrix = [list(row) for row in segno.make(payload, error="m").matrix]
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
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


def _side_by_side(left: list, right: list, widths: list[float]) -> RLTable:
    """Two columns of flowables in a borderless table, top-aligned, with no padding at the sides."""
    table = RLTable([[left, right]], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _broken(lines: list[str], glyphs: Glyphs, font: str) -> str:
    """Lines of a header name as one paragraph's markup, a break between them."""
    return "<br/>".join(escape(glyphs.plain(line, font)) for line in lines)


def header_block(block: model.HeaderBlock, width: float, glyphs: Glyphs) -> RLTable:
    """The decree's header: issuing body and number left; national name, motto (its rule as wide as the
    motto) and the place-and-date line right."""
    style = text_styles(1.0)
    republic = _("SOCIALIST REPUBLIC OF VIETNAM")
    motto = _("Independence - Freedom - Happiness")
    left_width = width * header_layout.LEFT_SHARE
    line_width = left_width - header_layout.LEFT_SLACK
    parent = header_layout.balanced_lines(block.parent.upper(), header_layout.HEADER_SIZE, line_width)
    organisation = header_layout.balanced_lines(
        block.organisation.upper(), header_layout.HEADER_SIZE, line_width, bold=True
    )
    left: list = [
        Paragraph(_broken(parent, glyphs, SERIF), style["header"]),
        Paragraph(_broken(organisation, glyphs, face(True)), style["header_bold"]),
        Rule(left_width * header_layout.ORGANISATION_RULE_SHARE),
    ]
    if block.number:
        left += [Spacer(1, 2), Paragraph(escape(_("No.: {number}").format(number=block.number)), style["number"])]
    motto_width = stringWidth(motto, style["motto"].fontName, style["motto"].fontSize)
    right_width = width - left_width
    right = [
        Paragraph(escape(republic), style["header_bold"]),
        Paragraph(escape(motto), style["motto"]),
        Rule(min(motto_width, right_width)),
        Spacer(1, 4),
        Paragraph(escape(official_date_line(block.city, block.date)), style["date"]),
    ]
    return _side_by_side(left, right, [left_width, right_width])


def signature_block(signature: model.Signature, width: float, glyphs: Glyphs) -> RLTable:
    """ "Nơi nhận" at the left, the authority, room to sign and the signer's name at the right."""
    style = text_styles(1.0)
    left: list = []
    hint = [Paragraph(glyphs.markup(signature.hint, face(False, True)), style["hint"])] if signature.hint else []
    if signature.preparer_label:
        left.append(Paragraph(escape(signature.preparer_label), style["authority"]))
        left += hint
        left.append(Spacer(1, SIGNING_ROOM + style["authority"].leading * (len(signature.authority) - 1)))
        left.append(Paragraph(glyphs.markup(signature.preparer, face(True)), style["signer"]))
    elif signature.recipients:
        left.append(Paragraph(escape(signature.recipients_label), style["recipients_label"]))
        left += [Paragraph("- " + glyphs.markup(item, SERIF) + ";", style["recipients"]) for item in
                 signature.recipients[:-1]]  # fmt: skip
        left.append(Paragraph("- " + glyphs.markup(signature.recipients[-1], SERIF) + ".", style["recipients"]))
    right: list = [Paragraph(glyphs.markup(item, face(True)), style["authority"]) for item in signature.authority]
    right += hint
    right.append(Spacer(1, SIGNING_ROOM))
    if signature.name:
        right.append(Paragraph(glyphs.markup(signature.name, face(True)), style["signer"]))
    if signature.qr:
        left += [Spacer(1, 6 * mm), QrCode(signature.qr)]
    return _side_by_side(left, right, [width * 0.5, width * 0.5])

