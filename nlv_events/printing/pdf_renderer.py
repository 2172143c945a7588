"""The ReportLab renderer of a neutral document: the decree's layout, and tables that break like a typist's."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from nlv_events import __version__
from nlv_events.i18n.formats import official_date_line
from nlv_events.printing import model
from nlv_events.printing.fonts import FALLBACK, SERIF, has_glyph, register_fonts
from nlv_events.printing.official import MARGINS, Rule, balanced_lines, numbered_canvas, official_document

PAGE_SIZES = {"a4": A4, "a4-landscape": landscape(A4), "a5": A5}
BOOKLET_MARGINS = {"top": 14 * mm, "bottom": 14 * mm, "left": 13 * mm, "right": 13 * mm}
CELL_SIZE = 12  # the decree's annex tables: 12 pt, never smaller
CELL_LEADING = 13.3  # the font's own line height (ascent + descent of Times New Roman at 12 pt)
PAD_TOP, PAD_BOTTOM, PAD_SIDE = 1, 1.5, 3
SIGNING_ROOM = 20 * mm  # the signature and the seal
MIN_ROWS_AT_FOOT = 2  # a table does not start at the foot of a page with fewer rows than this
MIN_ROWS_CARRIED = 3  # nor leave fewer than this many rows for the next page,
MIN_CONTENT_CARRIED = 2  # of which this many of content: not one event alone above the totals and the signatures
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def face(bold: bool = False, italic: bool = False) -> str:
    return SERIF + {(0, 0): "", (1, 0): "-Bold", (0, 1): "-Italic", (1, 1): "-BoldItalic"}[(bool(bold), bool(italic))]


class Glyphs:
    """Text checked against the fonts: a character the serif font lacks is drawn in the fallback font; one
    that no bundled font has (colour emoji) is left out and remembered, so the caller can warn."""

    def __init__(self, dropped: set[str]) -> None:
        self.dropped = dropped

    def covered(self, value: str, font: str) -> bool:
        return all(has_glyph(font, character) for character in value)

    def markup(self, value: str, font: str) -> str:
        parts = []
        for character in value:
            if has_glyph(font, character):
                parts.append(escape(character))
            elif has_glyph(FALLBACK, character):
                parts.append(f'<font name="{FALLBACK}">{escape(character)}</font>')
            elif not _is_joiner(character):
                self.dropped.add(character)
        return "".join(parts)

    def plain(self, value: str, font: str) -> str:
        kept = [character for character in value if has_glyph(font, character)]
        self.dropped.update(character for character in value if not has_glyph(font, character))
        return "".join(kept)

    def line(self, items: model.Line) -> str:
        markup = []
        for run in items:
            text = self.markup(run.text, face(run.bold, run.italic))
            if run.bold:
                text = f"<b>{text}</b>"
            if run.italic:
                text = f"<i>{text}</i>"
            markup.append(text)
        return "".join(markup)


def _is_joiner(character: str) -> bool:
    # Emoji sequences glue their parts with these; they draw nothing, so leaving them out is no loss.
    return character in "\u200d\ufe0e\ufe0f"


def wrap_text(value: str, font: str, size: float, width: float) -> list[str]:
    """`value` broken into lines no wider than `width`: at spaces, and inside a word (a URL) only when the
    word alone is wider than the column."""
    lines: list[str] = []
    for paragraph in value.split("\n"):
        for piece in simpleSplit(paragraph, font, size, width) or [""]:
            while stringWidth(piece, font, size) > width and len(piece) > 1:
                cut = len(piece) - 1
                while cut > 1 and stringWidth(piece[:cut], font, size) > width:
                    cut -= 1
                lines.append(piece[:cut])
                piece = piece[cut:]
            lines.append(piece)
    return lines


# ---------------------------------------------------------------------------------------------------- tables


@dataclass
class PreparedCell:
    """A cell as ReportLab draws it: pre-wrapped lines of one font (fast), or paragraphs (mixed faces)."""

    atoms: list  # str lines, or Paragraphs
    heights: list[float]
    font: str = SERIF
    align: model.Align = "left"

    @property
    def value(self):
        if self.atoms and isinstance(self.atoms[0], Paragraph):
            return list(self.atoms)
        return "\n".join(self.atoms)

    @property
    def height(self) -> float:
        return sum(self.heights)


@dataclass
class PreparedRow:
    cells: list[PreparedCell]
    span: int
    kind: model.RowKind
    keep_with_next: bool
    repeat: tuple[int, ...]
    height: float = 0.0
    header: bool = False
    widths: list[float] = field(default_factory=list)  # of its cells (a spanning cell: the columns' sum)

    def measure(self) -> None:
        self.height = max((cell.height for cell in self.cells), default=0) + PAD_TOP + PAD_BOTTOM


class TableMaker:
    """Prepares the rows of one neutral table at known column widths."""

    def __init__(self, table: model.Table, width: float, glyphs: Glyphs, scale: float = 1.0) -> None:
        self.table = table
        self.glyphs = glyphs
        self.size = CELL_SIZE * scale
        self.leading = CELL_LEADING * scale
        self.widths = column_widths(table, width, self.size)
        self.styles: dict[tuple[str, str], ParagraphStyle] = {}

    def _style(self, font: str, align: model.Align) -> ParagraphStyle:
        key = (font, align)
        if key not in self.styles:
            self.styles[key] = ParagraphStyle(
                f"cell-{font}-{align}", fontName=font, fontSize=self.size, leading=self.leading,
                alignment=_ALIGN[align], splitLongWords=1,
            )  # fmt: skip
        return self.styles[key]

    def cell(self, cell: model.Cell, width: float, column: model.Column | None) -> PreparedCell:
        available = width - 2 * PAD_SIDE
        italic = column.italic if column else False
        faces = {(run.bold, run.italic or italic) for item in cell.lines for run in item}
        single = len(faces) <= 1 and all(len(item) <= 1 for item in cell.lines)
        font = face(*next(iter(faces))) if faces else SERIF
        if single and all(self.glyphs.covered(run.text, font) for item in cell.lines for run in item):
            items = [wrap_text(item[0].text, font, self.size, available) for item in cell.lines]
            return PreparedCell(["\n".join(lines) for lines in items], [self.leading * len(lines) for lines in items],
                                font, cell.align)  # fmt: skip
        style = self._style(face(False, italic), cell.align)
        paragraphs = []
        heights = []
        for item in cell.lines:
            paragraph = Paragraph(self.glyphs.line(item), style)
            heights.append(paragraph.wrap(available, 10_000)[1])
            paragraphs.append(paragraph)
        return PreparedCell(paragraphs, heights, font, cell.align)

    def header(self) -> PreparedRow:
        cells = [
            self.cell(model.Cell.of(column.header, "center", bold=True), width, None)
            for column, width in zip(self.table.columns, self.widths, strict=True)
        ]
        row = PreparedRow(cells, 1, "body", True, (), header=True)
        row.measure()
        return row

    def row(self, row: model.Row) -> PreparedRow:
        widths = [sum(self.widths[: row.span]), *self.widths[row.span :]]
        columns = [None, *self.table.columns[row.span :]] if row.span > 1 else self.table.columns
        bold = row.kind in ("heading", "total")
        cells = []
        for cell, width, column in zip(row.cells, widths, columns, strict=False):
            if bold:
                cell = model.Cell([tuple(model.Run(run.text, True, run.italic) for run in item) for item in cell.lines],
                                  cell.align)  # fmt: skip
            cells.append(self.cell(cell, width, column))
        prepared = PreparedRow(cells, row.span, row.kind, row.keep_with_next, row.repeat, widths=widths)
        prepared.measure()
        return prepared

    def continued(self, row: PreparedRow, room: float) -> tuple[PreparedRow, PreparedRow] | None:
        """A row taller than a page cut where `room` runs out, between the items of its cells (a person, a
        paragraph): the head, and the rest, which repeats the `repeat` cells followed by "(tiếp)". None
        when not even the first item of each cell fits."""
        space = room - PAD_TOP - PAD_BOTTOM
        head_cells, rest_cells = [], []
        for index, cell in enumerate(row.cells):
            used, taken = 0.0, 0
            while taken < len(cell.atoms) and used + cell.heights[taken] <= space:
                used += cell.heights[taken]
                taken += 1
            atoms, heights = list(cell.atoms), list(cell.heights)
            if taken == 0 and atoms:  # one item taller than the room: cut inside it, between its lines
                parts = self._cut_item(atoms[0], space, row.widths[index])
                if parts is None:
                    return None
                atoms[0:1], heights[0:1] = [parts[0][0], parts[1][0]], [parts[0][1], parts[1][1]]
                taken = 1
            head_cells.append(PreparedCell(atoms[:taken], heights[:taken], cell.font, cell.align))
            if index in row.repeat and taken >= len(cell.atoms):  # whole in the head: said again, marked
                rest_cells.append(self._marked(cell))
            else:
                rest_cells.append(PreparedCell(atoms[taken:], heights[taken:], cell.font, cell.align))
        head = PreparedRow(head_cells, row.span, row.kind, False, row.repeat, widths=row.widths)
        rest = PreparedRow(rest_cells, row.span, row.kind, row.keep_with_next, row.repeat, widths=row.widths)
        head.measure()
        rest.measure()
        return head, rest

    def _cut_item(self, atom, space: float, width: float):
        """An item cut in two at `space`: ((head, height), (rest, height)), or None if no line fits."""
        if isinstance(atom, str):
            lines = atom.split("\n")
            keep = int(space // self.leading)
            if keep < 1 or keep >= len(lines):
                return None
            head, rest = lines[:keep], lines[keep:]
            return ("\n".join(head), keep * self.leading), ("\n".join(rest), len(rest) * self.leading)
        parts = atom.split(width - 2 * PAD_SIDE, space)
        if len(parts) != 2:
            return None
        return tuple((part, part.wrap(width - 2 * PAD_SIDE, 10_000)[1]) for part in parts)

    def _marked(self, cell: PreparedCell) -> PreparedCell:
        """The cell repeated on a continued row, with "(tiếp)" under it (once, however often it continues)."""
        mark = self.table.continued
        if cell.atoms and isinstance(cell.atoms[-1], str) and cell.atoms[-1].endswith(mark):
            return cell
        if cell.atoms and isinstance(cell.atoms[0], Paragraph):
            atom = Paragraph(escape(mark), self._style(face(False, True), cell.align))
            return PreparedCell([*cell.atoms, atom], [*cell.heights, self.leading], cell.font, cell.align)
        return PreparedCell([*cell.atoms, mark], [*cell.heights, self.leading], cell.font, cell.align)

    def build(self, rows: list[PreparedRow], header: PreparedRow | None) -> RLTable:
        """A ReportLab table of `rows` (under `header`), none of which may split any more."""
        all_rows = ([header] if header else []) + rows
        data = []
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), SERIF),
            ("FONTSIZE", (0, 0), (-1, -1), self.size),
            ("LEADING", (0, 0), (-1, -1), self.leading),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_SIDE),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD_SIDE),
        ]
        for index, row in enumerate(all_rows):
            values = [cell.value for cell in row.cells]
            if row.span > 1:
                values = [values[0], *([""] * (row.span - 1)), *values[1:]]
                commands.append(("SPAN", (0, index), (row.span - 1, index)))
            if row.header:
                commands += [("VALIGN", (0, index), (-1, index), "MIDDLE")]
            column = 0
            for cell in row.cells:
                if cell.font != SERIF:
                    commands.append(("FONTNAME", (column, index), (column, index), cell.font))
                if cell.align != "left":
                    commands.append(("ALIGN", (column, index), (column, index), cell.align.upper()))
                column += row.span if column == 0 else 1
            data.append(values + [""] * (len(self.widths) - len(values)))
        return RLTable(data, colWidths=self.widths, style=TableStyle(commands), splitByRow=1)


def column_widths(table: model.Table, width: float, size: float) -> list[float]:
    """Fitted columns as wide as their widest line (within reason), the others sharing what is left by weight;
    no column narrower than the longest word of its header."""
    register_fonts()
    padding = 2 * PAD_SIDE + 1
    bold = face(True)
    minimum = [
        max((stringWidth(word, bold, size) for word in column.header.split()), default=0) + padding
        for column in table.columns
    ]
    widths: list[float | None] = []
    for index, column in enumerate(table.columns):
        if column.narrow:
            font = face(False, column.italic)
            widths.append(max(minimum[index], _header_width(column.header, bold, size, 3) + padding,
                              _longest_word(table, index, font, size) + padding))  # fmt: skip
            continue
        if not column.fit:
            widths.append(None)
            continue
        font = face(False, column.italic)
        natural = max(minimum[index], _header_width(column.header, bold, size, 3) + padding)
        for row in table.rows:
            if index < row.span - 1 or (row.span > 1 and index == row.span - 1):
                continue  # a spanning cell does not size the columns under it
            position = index - row.span + 1 if row.span > 1 else index
            if position >= len(row.cells):
                continue
            for item in row.cells[position].lines:
                text = "".join(run.text for run in item)
                natural = max(natural, stringWidth(text, bold if row.kind != "body" else font, size) + padding)
        widths.append(min(natural, width * 0.2))
    for index, column in enumerate(table.columns):
        if widths[index] is None:  # a date or a name is never cut inside a word when the column can help it
            minimum[index] = max(minimum[index], min(_longest_word(table, index, face(False, column.italic), size),
                                                     width * 0.12) + padding)  # fmt: skip
    left = width - sum(value for value in widths if value is not None)
    shares = {
        index: column.weight * max(_typical_width(table, index, size), 6 * size) ** 0.5
        for index, (column, value) in enumerate(zip(table.columns, widths, strict=True))
        if value is None
    }
    total_share = sum(shares.values()) or 1
    result = [
        value if value is not None else max(minimum[index], left * shares[index] / total_share)
        for index, value in enumerate(widths)
    ]
    excess = sum(result) - width
    if excess > 0.01:  # the minimums took more than was left: take it back from the columns above theirs
        flexible = [index for index, value in enumerate(widths) if value is None]
        slack = {index: max(result[index] - minimum[index], 0.0) for index in flexible}
        total = sum(slack.values())
        for index in flexible:
            result[index] -= excess * (slack[index] / total if total else 1 / len(flexible))
    return result


def _header_width(header: str, font: str, size: float, lines: int) -> float:
    """The least width at which `header` wraps into at most `lines` lines."""
    words = header.split()
    candidates = sorted({stringWidth(" ".join(words[start:end]), font, size)
                         for start in range(len(words)) for end in range(start + 1, len(words) + 1)})  # fmt: skip
    for width in candidates:
        if len(simpleSplit(header, font, size, width + 0.01)) <= lines:
            return width
    return candidates[-1] if candidates else 0.0


def _longest_word(table: model.Table, index: int, font: str, size: float) -> float:
    words = {word for row in table.rows if row.span == 1 and index < len(row.cells)
             for word in row.cells[index].plain().split()}  # fmt: skip
    return max((stringWidth(word, font, size) for word in words), default=0.0)


def _typical_width(table: model.Table, index: int, size: float) -> float:
    """How wide the text of a column's body cells usually runs on one line (the ninth decile): a column of
    long titles gets more room than one of mostly empty notes."""
    lengths = sorted(
        stringWidth(row.cells[index].plain().replace("\n", " "), SERIF, size)
        for row in table.rows
        if row.span == 1 and index < len(row.cells)
    )
    if not lengths:
        return 0.0
    return lengths[int(0.9 * (len(lengths) - 1))]


class BrokenTable(Flowable):
    """A table that breaks between rows only: the header row at the top of each page's part, rows bound by
    `keep_with_next` kept on one page, no part left with fewer than three rows when that can be helped, and
    `trailer` (the signature block) kept with the last rows. Row heights are measured once, so a table of
    thousands of rows lays out in linear time."""

    def __init__(
        self, maker: TableMaker, header: PreparedRow, rows: list[PreparedRow], page_height: float,
        trailer: Flowable | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        self.maker = maker
        self.header = header
        self.rows = rows
        self.page_height = page_height
        self.trailer = trailer
        self._built: RLTable | None = None
        self._trailer_height = 0.0

    def _trailer_size(self, available_width: float) -> float:
        if self.trailer is None:
            return 0.0
        return self.trailer.wrap(available_width, self.page_height)[1] + 6

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.maker.widths)
        self._trailer_height = self._trailer_size(available_width)
        room = available_height + 1 - self.header.height - self._trailer_height
        measured = self._height_within(room)
        if measured <= room:
            self._built = self.maker.build(self.rows, self.header)
            height = self._built.wrap(available_width, available_height)[1] + self._trailer_height
            return self.width, height
        self._built = None
        return self.width, self.header.height + measured + self._trailer_height

    def _height_within(self, room: float) -> float:
        """The rows' height, measured only until it passes `room`: asked at every page of a long list, adding up
        all the rows still to print made the list's time grow with the square of its length."""
        height = 0.0
        for row in self.rows:
            height += row.height
            if height > room:
                break
        return height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        at_top = available_height >= self.page_height - 1
        room = available_height - self.header.height
        cumulative, fits = 0.0, 0
        for row in self.rows:
            if cumulative + row.height > room:
                break
            cumulative += row.height
            fits += 1
        count = len(self.rows)
        last_cut = self._last_cut_carrying_content()
        if fits < count and self._splits_here(self.rows[fits], room - cumulative):
            pieces = self.maker.continued(self.rows[fits], room - cumulative)
            if pieces is not None and (at_top or room - cumulative > 4 * self.maker.leading):
                rows = [*self.rows[:fits], *pieces, *self.rows[fits + 1 :]]
                return BrokenTable(self.maker, self.header, rows, self.page_height, self.trailer)._parts(
                    fits + 1, available_width, available_height
                )

        def allowed(cut: int, keep: bool, carried: bool, foot: bool) -> bool:
            if cut <= 0 or cut >= count:
                return False  # the last part always keeps a row, so the trailer has company
            if keep and self.rows[cut - 1].keep_with_next:
                return False
            if carried and (count - cut < MIN_ROWS_CARRIED or cut > last_cut):
                return False
            return not (foot and not at_top and cut < MIN_ROWS_AT_FOOT)

        for rules in ((True, True, True), (True, False, True), (False, False, False)):
            if not at_top and rules == (False, False, False):
                return []  # nothing fits as it should: start on the next page instead
            cuts = [cut for cut in range(fits, 0, -1) if allowed(cut, *rules)]
            if cuts:
                return self._parts(cuts[0], available_width, available_height)
        if at_top:
            if count == 1:  # one row and the trailer do not fit a page together: let the trailer go on alone
                return [self.maker.build(self.rows, self.header), *([self.trailer] if self.trailer else [])]
            return self._parts(max(1, min(fits, count - 1)), available_width, available_height)
        return []

    def _splits_here(self, row: PreparedRow, left: float) -> bool:
        """Whether `row` continues on the next page rather than moving there whole: when it is taller than a page,
        or when moving it would leave more than a third of this page empty (a row of a dozen people moved whole
        left pages two-thirds blank)."""
        if row.height > self.page_height - self.header.height:
            return True
        return row.height > self.page_height / 3 and left > self.page_height / 3

    def _last_cut_carrying_content(self) -> int:
        """The last cut that leaves MIN_CONTENT_CARRIED rows of content for the next page (0: none does). Read
        from the end, so a page break costs what the page holds, not what the rest of the list does."""
        seen = 0
        for index in range(len(self.rows) - 1, -1, -1):
            seen += self.rows[index].kind == "body"
            if seen == MIN_CONTENT_CARRIED:
                return index
        return 0

    def _parts(self, cut: int, available_width: float, available_height: float) -> list[Flowable]:
        while cut > 1:
            built = self.maker.build(self.rows[:cut], self.header)
            if built.wrap(available_width, available_height)[1] <= available_height:
                break
            cut -= 1  # measured a little short: give the page one row less
        first = self.maker.build(self.rows[:cut], self.header)
        rest = BrokenTable(self.maker, self.header, self.rows[cut:], self.page_height, self.trailer)
        return [first, PageBreak(), rest]  # the rest starts a page, under its header, never lower on this one

    def draw(self) -> None:
        if self._built is None:
            self._built = self.maker.build(self.rows, self.header)
            self._built.wrap(self.width, self.page_height)
        table_height = self._built._height
        self._built.drawOn(self.canv, 0, self._trailer_height)
        if self.trailer is not None:
            height = self._trailer_height - 6
            self.trailer.wrap(self.width, height)
            self.trailer.drawOn(self.canv, 0, 0)
        del table_height


# ---------------------------------------------------------------------------------------------------- blocks


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
        "section": style("section", 13, fontName=face(True), spaceBefore=8 * scale, spaceAfter=4 * scale),
        "note": style("note", 13, fontName=face(False, True), alignment=TA_CENTER, spaceAfter=2 * scale),
        "header": style("header", 12, alignment=TA_CENTER, leading=14 * scale),
        "header_bold": style("header_bold", 12, fontName=face(True), alignment=TA_CENTER, leading=14 * scale),
        "motto": style("motto", 14, fontName=face(True), alignment=TA_CENTER, leading=16 * scale),
        "date": style("date", 14, fontName=face(False, True), alignment=TA_CENTER, leading=16 * scale),
        "number": style("number", 13, alignment=TA_CENTER, leading=15 * scale),
        "recipients_label": style("recipients_label", 12, fontName=face(True, True), leading=14 * scale),
        "recipients": style("recipients", 11, leading=13 * scale),
        "authority": style("authority", 13, fontName=face(True), alignment=TA_CENTER, leading=15 * scale),
        "signer": style("signer", 13, fontName=face(True), alignment=TA_CENTER, leading=15 * scale),
        "hint": style("hint", 13, fontName=face(False, True), alignment=TA_CENTER, leading=15 * scale),
    }


def header_block(block: model.HeaderBlock, width: float, glyphs: Glyphs) -> RLTable:
    """The decree's header: issuing body and number left; national name, motto (its rule as wide as the
    motto) and the place-and-date line right."""
    from nlv_events.i18n import _

    style = text_styles(1.0)
    republic = _("SOCIALIST REPUBLIC OF VIETNAM")
    motto = _("Independence - Freedom - Happiness")
    left_width = width * 0.45
    line_width = left_width - 12
    left: list = [
        Paragraph(balanced_lines(glyphs.plain(block.parent.upper(), SERIF), style["header"], line_width),
                  style["header"]),
        Paragraph(balanced_lines(glyphs.plain(block.organisation.upper(), face(True)), style["header_bold"],
                                 line_width), style["header_bold"]),
        Rule(left_width * 0.35),
    ]  # fmt: skip
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
    table = RLTable([[left, right]], colWidths=[left_width, right_width])
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
    table = RLTable([[left, right]], colWidths=[width * 0.5, width * 0.5])
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


def render(document: model.Document) -> bytes:
    """`document` as PDF bytes; characters no bundled font has are collected in `document.dropped`."""
    register_fonts()
    glyphs = Glyphs(document.dropped)
    buffer = io.BytesIO()
    margins = BOOKLET_MARGINS if document.page == "a5" else MARGINS
    template = official_document(
        buffer, PAGE_SIZES[document.page], margins, title=document.title, author="NLV Events",
        creator=f"NLV Events {__version__}",
    )  # fmt: skip
    width, page_height = template.width, template.height
    style = text_styles(document.scale)
    story: list[Flowable] = []
    if document.header is not None:
        story.append(header_block(document.header, min(width, 165 * mm), glyphs))
    if document.organisation_line:
        story.append(Paragraph(glyphs.markup(document.organisation_line.upper(), face(True)), style["header_bold"]))
    last_table = max((index for index, block in enumerate(document.blocks) if isinstance(block, model.Table)),
                     default=-1)  # fmt: skip
    # What follows the last table (notes, the signature) travels with its last rows: never a page of its own.
    closing: list[Flowable] = [_text(block, style, glyphs) for block in document.blocks[last_table + 1 :]]
    if document.signature is not None:
        closing += [Spacer(1, 6), signature_block(document.signature, width, glyphs)]
    for index, block in enumerate(document.blocks[: last_table + 1]):
        if isinstance(block, model.Text):
            story.append(_text(block, style, glyphs))
            continue
        maker = TableMaker(block, width, glyphs, document.scale)
        header = maker.header()
        rows = [maker.row(row) for row in block.rows]
        if index and _is_heading(document.blocks[index - 1]) and rows:
            # the heading over a table never stays alone at the foot of a page: it goes over with the table when
            # the table's first rows cannot start under it
            story.insert(-1, CondPageBreak(_paragraph_height(story[-1], width) + _opening_height(header, rows)))
        trailer = None
        if index == last_table and closing:
            trailer = _stack(closing, width)
            if trailer.wrap(width, page_height)[1] > page_height / 2:
                # too long to travel as one piece (many cancelled events): it flows on after the table, and only
                # the signature is kept with what comes before it
                trailer = None
                story_tail = [*closing[:-3], KeepTogether(closing[-3:])] if len(closing) >= 3 else closing
        if rows:
            story.append(BrokenTable(maker, header, rows, page_height, trailer))
        elif trailer is not None:
            story.append(trailer)
        if index == last_table and closing and trailer is None:
            story += story_tail if rows else closing
    if last_table < 0:
        story += closing
    template.build(story, canvasmaker=numbered_canvas(lambda page, pages: str(page)))
    return buffer.getvalue()


def _is_heading(block: model.Block) -> bool:
    return isinstance(block, model.Text) and block.style == "section"


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


def _text(block: model.Text, style: dict[str, ParagraphStyle], glyphs: Glyphs) -> Paragraph:
    chosen = style[block.style]
    if block.align is not None:
        chosen = ParagraphStyle(f"{chosen.name}-{block.align}", parent=chosen, alignment=_ALIGN[block.align])
    content = block.content if isinstance(block.content, tuple) else model.line(block.content)
    return Paragraph(glyphs.line(content), chosen)
