"""The Word version's table rows are written as WordprocessingML text (docx_parts) rather than through python-docx's
objects, which took 1.2 s for a year of 300 events. The text must be what python-docx writes: Word and LibreOffice
see the same document. Each case here is built both ways, python-docx's way spelt out as the renderer did it, and
the two documents' XML compared."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Pt
from lxml import etree

from nlv_events.printing import docx_parts, docx_renderer, model

HYPHEN_BETWEEN_DIGITS = re.compile(r"(?<=\d)-(?=\d)")
ALIGNMENT = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def objects_cell_text(cell, content, size, bold=False, italic=False, keep=False) -> None:
    """A cell filled through python-docx's paragraph, run and font objects, as the renderer did before."""
    lines = content.lines if isinstance(content, model.Cell) else content
    align = content.align if isinstance(content, model.Cell) else "center"
    for index, item in enumerate(lines or [model.line("")]):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = ALIGNMENT[align]
        paragraph.paragraph_format.space_after = 0
        paragraph.paragraph_format.line_spacing = 1.0
        paragraph.paragraph_format.keep_with_next = keep or None
        for run_item in item:
            pieces = HYPHEN_BETWEEN_DIGITS.split(run_item.text)
            for number, piece in enumerate(pieces):
                run = paragraph.add_run(piece)
                run.font.size = Pt(size)
                run.font.bold = run_item.bold or bold or None
                run.font.italic = run_item.italic or italic or None
                if number < len(pieces) - 1:
                    run._r.append(OxmlElement("w:noBreakHyphen"))


def objects_table(document, table: model.Table, widths_pt: list[float]) -> None:
    """A table built row by row and cell by cell through python-docx, merged cells and all."""
    widths = [Pt(width) for width in widths_pt]
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.autofit = False
    docx_parts.set_cell_borders(grid, True)
    docx_parts.cell_margins(grid, docx_renderer.PAD_TOP, docx_renderer.PAD_SIDE, docx_renderer.PAD_BOTTOM)
    docx_parts.column_widths(grid, widths)
    header = grid.rows[0]
    docx_parts.row_property(header, "tblHeader")
    docx_parts.row_property(header, "cantSplit")
    for cell, column in zip(header.cells, table.columns, strict=True):
        objects_cell_text(cell, [model.line(column.header)], docx_renderer.CELL_SIZE, bold=True, keep=True)
    for row, added in zip(table.rows, grid.rows[1:], strict=True):
        docx_parts.row_property(added, "cantSplit")
        cells = added.cells
        target = cells[0].merge(cells[row.span - 1]) if row.span > 1 else cells[0]
        bold = row.kind != "body"
        objects_cell_text(target, row.cells[0], docx_renderer.CELL_SIZE, bold=bold, keep=row.keep_with_next)
        for offset, content in enumerate(row.cells[1:], start=row.span):
            objects_cell_text(cells[offset], content, docx_renderer.CELL_SIZE, bold=bold,
                              italic=table.columns[offset].italic, keep=row.keep_with_next)  # fmt: skip


def body_xml(word) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return etree.tostring(etree.fromstring(zipfile.ZipFile(buffer).read("word/document.xml")), method="c14n")


MIXED_LINE = (model.Run("Đậm ", bold=True), model.Run("nghiêng", italic=True), model.Run(" thường & <thẻ> "))
CELLS = {
    "runs in three faces, spaces kept at the ends": model.Cell([MIXED_LINE]),
    "a telephone number and a year range": model.Cell.of("ĐT: 0912-345-678, năm 2022-2023; Hà Nội - Huế"),
    "a tab, line breaks and a no-break space": model.Cell.of("\tMục một\nMục hai\r\nMục\u00a0ba\u00a0", "right"),
    "no lines at all": model.Cell([], "center"),
    "an empty text": model.Cell.of(""),
    "several people, one a line": model.Cell(
        [model.line("PGS.TS. Nguyễn Văn A"), model.line("Vụ trưởng", italic=True)]
    ),
}


@pytest.mark.parametrize("name", CELLS)
@pytest.mark.parametrize(("size", "bold", "italic", "keep"), [(12, False, False, False), (13, True, True, True),
                                                                (12.5, False, True, False)])  # fmt: skip
def test_a_cell_written_as_text_is_the_cell_python_docx_builds(name, size, bold, italic, keep):
    built, written = Document(), Document()
    objects_cell_text(built.add_table(rows=1, cols=1).cell(0, 0), CELLS[name], size, bold, italic, keep)
    docx_parts.cell_text(written.add_table(rows=1, cols=1).cell(0, 0), CELLS[name], size, bold, italic, keep)
    assert body_xml(written) == body_xml(built)


def test_a_table_written_as_text_is_the_table_python_docx_builds_with_merged_headings_and_short_rows():
    columns = [model.Column("STT", fit=True, align="center"), model.Column("Tên & <mô tả>"),
               model.Column("Ghi chú", italic=True), model.Column("Số", fit=True, align="right")]  # fmt: skip
    rows = [
        model.Row([model.Cell.of("I. TRIỂN LÃM")], kind="group", span=4, keep_with_next=True),
        model.Row([model.Cell.of("1", "center"), *CELLS.values()][:4]),
        model.Row([model.Cell.of("2", "center"), model.Cell.of(" Tọa đàm")]),  # the other cells left out
        model.Row([model.Cell.of("Cộng"), model.Cell.of("9", "right")], kind="subtotal", span=3),
    ]
    table = model.Table(columns, rows)
    widths = [28.5, 170.25, 90.0, 40.75]
    built, written = Document(), Document()
    objects_table(built, table, widths)
    docx_renderer._table(written, table, widths)
    assert body_xml(written) == body_xml(built)
    assert b"0912" in body_xml(written)  # the cases above are in the table, not a vacuous comparison
    assert "Tên &amp; &lt;mô tả&gt;".encode() in body_xml(written)
