"""Table rows prepared for the PDF: cells pre-wrapped at measured column widths, rows that can be cut between
the items of their cells, and a page's rows as a `GridTable`."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.tables import CellStyle

from nlv_events.printing import model
from nlv_events.printing.fonts import SERIF, register_fonts
from nlv_events.printing.pdf_glyphs import Glyphs, TextWidths, escape, face, wrap_text
from nlv_events.printing.pdf_grid import GridTable

CELL_SIZE = 12  # the decree's annex tables: 12 pt, never smaller
CELL_LEADING = 13.3  # the font's own line height (ascent + descent of Times New Roman at 12 pt)
PAD_TOP, PAD_BOTTOM, PAD_SIDE = 1, 1.5, 3
GRID_WIDTH = 0.5  # the lines between the cells, in points
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


@dataclass(slots=True)
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


@dataclass(slots=True)
class PreparedRow:
    cells: list[PreparedCell]
    span: int
    kind: model.RowKind
    keep_with_next: bool
    repeat: tuple[int, ...]
    height: float = 0.0
    header: bool = False
    widths: list[float] = field(default_factory=list)  # of its cells (a spanning cell: the columns' sum)
    source: model.Row | None = None  # the row it was prepared from (a group's heading is said again from it)

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
        # a text's lines by (text, font, width): a long list repeats its venues, dates, roles and figures in
        # thousands of cells, and wrapping is most of preparing a row
        self._wrapped: dict[tuple[str, str, float], list[str]] = {}
        self._text_widths: dict[str, TextWidths] = {}  # by face: the words of those texts measured once a table
        self._cell_styles: dict[tuple[str, str, str], CellStyle] = {}
        self._plain: dict[tuple, PreparedCell] = {}
        self._layouts: dict[int, tuple[list[float], list[model.Column | None]]] = {}

    def _style(self, font: str, align: model.Align) -> ParagraphStyle:
        key = (font, align)
        if key not in self.styles:
            self.styles[key] = ParagraphStyle(
                f"cell-{font}-{align}", fontName=font, fontSize=self.size, leading=self.leading,
                alignment=ALIGN[align], splitLongWords=1,
            )  # fmt: skip
        return self.styles[key]

    def cell(self, cell: model.Cell, width: float, column: model.Column | None) -> PreparedCell:
        # Most cells are lines of one face each (or empty), and a long list repeats them (its days, venues, formats,
        # figures): each is prepared once per width. Only plain lines are shared; nothing changes a prepared cell.
        lines = cell.lines
        italic = column is not None and column.italic
        if len(lines) == 1 and len(lines[0]) == 1:  # the most common cell, keyed without a loop
            run = lines[0][0]
            key: tuple = (run.text, run.bold, run.italic or italic, cell.align, width)
        elif any(len(item) != 1 for item in lines):  # runs in several faces (or none): prepared as they come
            return self._prepared(cell, width, column)
        else:
            key = (tuple((run.text, run.bold, run.italic or italic) for (run,) in lines), cell.align, width)
        prepared = self._plain.get(key)
        if prepared is None:
            prepared = self._prepared(cell, width, column)
            if not prepared.atoms or isinstance(prepared.atoms[0], str):
                self._plain[key] = prepared
        return prepared

    def _prepared(self, cell: model.Cell, width: float, column: model.Column | None) -> PreparedCell:
        available = width - 2 * PAD_SIDE
        italic = column.italic if column else False
        faces = {(run.bold, run.italic or italic) for item in cell.lines for run in item}
        single = len(faces) <= 1 and all(len(item) <= 1 for item in cell.lines)
        font = face(*next(iter(faces))) if faces else SERIF
        if single and all(self.glyphs.covered(run.text, font) for item in cell.lines for run in item):
            items = [self._wrap(item[0].text, font, available) for item in cell.lines]
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

    def _wrap(self, text: str, font: str, width: float) -> list[str]:
        key = (text, font, width)
        lines = self._wrapped.get(key)
        if lines is None:
            widths = self._text_widths.get(font)
            if widths is None:
                widths = self._text_widths[font] = TextWidths(font, self.size)
            lines = self._wrapped[key] = wrap_text(text, font, self.size, width, widths)
        return lines

    def header(self) -> PreparedRow:
        cells = [
            self.cell(model.Cell.of(column.header, "center", bold=True), width, None)
            for column, width in zip(self.table.columns, self.widths, strict=True)
        ]
        row = PreparedRow(cells, 1, "body", True, (), header=True)
        row.measure()
        return row

    def row(self, row: model.Row) -> PreparedRow:
        widths, columns = self._layout(row.span)
        bold = row.kind in ("heading", "total")
        cells = []
        for cell, width, column in zip(row.cells, widths, columns, strict=False):
            if bold:
                cell = model.Cell([tuple(model.Run(run.text, True, run.italic) for run in item) for item in cell.lines],
                                  cell.align)  # fmt: skip
            cells.append(self.cell(cell, width, column))
        prepared = PreparedRow(cells, row.span, row.kind, row.keep_with_next, row.repeat, widths=widths, source=row)
        prepared.measure()
        return prepared

    def _layout(self, span: int) -> tuple[list[float], list[model.Column | None]]:
        """The widths and columns of a row's cells when its first cell spans `span` columns, worked out once (the
        rows share the lists, which nothing changes)."""
        layout = self._layouts.get(span)
        if layout is None:
            widths = [sum(self.widths[:span]), *self.widths[span:]]
            columns = [None, *self.table.columns[span:]] if span > 1 else list(self.table.columns)
            layout = self._layouts[span] = (widths, columns)
        return layout

    def continued_heading(self, heading: PreparedRow) -> PreparedRow | None:
        """A group's heading row said again at the top of the next page, marked "(tiếp)" (once)."""
        if heading.source is None:
            return None
        text = heading.source.cells[0].plain()
        mark = self.table.continued
        cell = model.Cell.of(text if text.endswith(mark) else f"{text} {mark}", heading.source.cells[0].align)
        return self.row(model.Row([cell, *heading.source.cells[1:]], heading.source.kind, heading.source.span,
                                  keep_with_next=True))  # fmt: skip

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

    def build(self, rows: list[PreparedRow], header: PreparedRow | None) -> GridTable:
        """The page's part of the table: `rows` (under `header`), none of which may split any more, with their
        measured heights, each cell in the shared style of its kind of cell (font, alignment, padding)."""
        all_rows = ([header] if header else []) + rows
        data = []
        styles = []
        blank = len(self.widths)
        for row in all_rows:
            values = [cell.value for cell in row.cells]
            valign = "MIDDLE" if row.header else "TOP"
            plain = self._cell_style(SERIF, "left", valign)
            row_styles = [plain] * blank
            if row.span > 1:
                values = [values[0], *([""] * (row.span - 1)), *values[1:]]
            column = 0
            for cell in row.cells:
                if column < blank:
                    row_styles[column] = self._cell_style(cell.font, cell.align, valign)
                column += row.span if column == 0 else 1
            data.append(values + [""] * (blank - len(values)))
            styles.append(row_styles)
        return GridTable(data, styles, [row.span for row in all_rows], self.widths, [row.height for row in all_rows],
                         GRID_WIDTH, colors.black)  # fmt: skip

    def _cell_style(self, font: str, align: model.Align, valign: str) -> CellStyle:
        key = (font, align, valign)
        style = self._cell_styles.get(key)
        if style is None:
            style = self._cell_styles[key] = CellStyle(repr(key))
            style.fontname, style.fontsize, style.leading = font, self.size, self.leading
            style.alignment, style.valign = align.upper(), valign
            style.topPadding, style.bottomPadding = PAD_TOP, PAD_BOTTOM
            style.leftPadding = style.rightPadding = PAD_SIDE
        return style


def column_widths(table: model.Table, width: float, size: float) -> list[float]:
    """Fitted columns as wide as their widest line (within reason), the others sharing what is left by weight;
    no column narrower than the longest word of its header."""
    register_fonts()
    if table.equal_columns:
        return [width / len(table.columns)] * len(table.columns)
    padding = 2 * PAD_SIDE + 1
    bold = face(True)
    texts, fitted_lines = _column_contents(table)
    minimum = [
        max((stringWidth(word, bold, size) for word in column.header.split()), default=0) + padding
        for column in table.columns
    ]
    widths: list[float | None] = []
    for index, column in enumerate(table.columns):
        if column.narrow:
            font = face(False, column.italic)
            widths.append(max(minimum[index], _header_width(column.header, bold, size, 3) + padding,
                              _longest_word(texts[index], font, size) + padding))  # fmt: skip
            continue
        if not column.fit:
            widths.append(None)
            continue
        natural = max(minimum[index], _header_width(column.header, bold, size, 3) + padding)
        lines = fitted_lines[index]
        natural = max([natural, *(stringWidth(text, line_face, size) + padding for text, line_face in lines)])
        widths.append(min(natural, width * 0.2))
    for index, column in enumerate(table.columns):
        if widths[index] is None:  # a date or a name is never cut inside a word when the column can help it
            minimum[index] = max(minimum[index], min(_longest_word(texts[index], face(False, column.italic), size),
                                                     width * 0.12) + padding)  # fmt: skip
    left = width - sum(value for value in widths if value is not None)
    shares = {
        index: column.weight * max(_typical_width(texts[index], size), 6 * size) ** 0.5
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


def _column_contents(table: model.Table) -> tuple[dict[int, list[str]], dict[int, set[tuple[str, str]]]]:
    """What sizes each column, read in one pass over the rows: the plain text of each cell of a column sized by
    its words (row by row, where a row has a cell of its own there), and each distinct line of a fitted column with
    its face (a spanning cell does not size the columns under it; each figure or time measured once, however many
    rows repeat it).

    One pass a row, not one a column: a long list's 10 000 rows no longer fit in the processor's caches, and
    walking them again for each of eleven columns cost the long list more a row than a short one (issue #35)."""
    columns = table.columns
    worded = [index for index, column in enumerate(columns) if column.narrow or not column.fit]
    fitted = [(index, face(False, column.italic)) for index, column in enumerate(columns)
              if column.fit and not column.narrow]  # fmt: skip
    texts: dict[int, list[str]] = {index: [] for index in worded}
    lines: dict[int, set[tuple[str, str]]] = {index: set() for index, _face in fitted}
    bold = face(True)
    for row in table.rows:
        cells, span = row.cells, row.span
        count = len(cells)
        if span == 1:
            for index in worded:
                if index < count:
                    texts[index].append(cells[index].plain())
        for index, font in fitted:
            if span > 1 and index < span:
                continue  # under the spanning cell
            position = index - span + 1 if span > 1 else index
            if position >= count:
                continue
            line_face = bold if row.kind != "body" else font
            for item in cells[position].lines:
                lines[index].add(("".join(run.text for run in item), line_face))
    return texts, lines


def _longest_word(texts: list[str], font: str, size: float) -> float:
    words = {word for text in set(texts) for word in text.split()}  # each text split once
    return max((stringWidth(word, font, size) for word in words), default=0.0)


def _typical_width(texts: list[str], size: float) -> float:
    """How wide the text of a column's body cells usually runs on one line (the ninth decile): a column of
    long titles gets more room than one of mostly empty notes."""
    width = {text: stringWidth(text.replace("\n", " "), SERIF, size) for text in set(texts)}  # each text measured once
    lengths = sorted(width[text] for text in texts)
    if not lengths:
        return 0.0
    return lengths[int(0.9 * (len(lengths) - 1))]
