"""A prepared table drawn by `GridTable` is what ReportLab's `Table` draws for the same cells, byte for byte: the
same text at the same coordinates, the same grid, broken around the same spanning cells, placed the same way in
its frame."""

import datetime as dt
import io

import pytest
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from nlv_events.core.event_reading import load_record
from nlv_events.core.models import Event
from nlv_events.printing import pdf_table_rows
from nlv_events.printing.decree import DecreeOptions
from nlv_events.printing.fonts import SERIF, face, register_fonts
from nlv_events.printing.pdf_grid import GridTable
from nlv_events.services.reports import programme, year_report


class ReportLabTable(Table):
    """ReportLab's own table, leaving out the empty cells as GridTable does (ReportLab wrote an empty text object
    for each: nothing to see, and most of a year-end list's figure and note cells are empty)."""

    def _drawCell(self, cellval, cellstyle, pos, size):
        if isinstance(cellval, str) and cellval == "":
            return
        super()._drawCell(cellval, cellstyle, pos, size)


def reportlab_table(values, styles, spans, widths, heights, line_width, line_colour) -> Table:
    """The ReportLab table of the same cells: a GRID, and a SPAN for each row whose first cell spans columns."""
    commands = [("GRID", (0, 0), (-1, -1), line_width, line_colour)]
    commands += [("SPAN", (0, row), (span - 1, row)) for row, span in enumerate(spans) if span > 1]
    return ReportLabTable(values, colWidths=widths, rowHeights=heights, style=TableStyle(commands), cellStyles=styles)


def cell_style(font: str, align: str, valign: str) -> CellStyle:
    style = CellStyle(f"{font}-{align}-{valign}")
    style.fontname, style.fontsize, style.leading = font, 12, 13.3
    style.alignment, style.valign = align, valign
    style.topPadding, style.bottomPadding, style.leftPadding, style.rightPadding = 1, 1.5, 3, 3
    return style


def page_code(make, *arguments, frame_width: float | None = None) -> list[str]:
    """What the table `make(*arguments)` writes on a page: drawn at a point, or added to a frame wider than it."""
    register_fonts()
    canvas = Canvas(io.BytesIO())
    table = make(*arguments)
    if frame_width is None:
        table.wrapOn(canvas, 700, 700)
        table.drawOn(canvas, 40.5, 60.25)
    else:
        assert Frame(30, 30, frame_width, 780, showBoundary=0).add(table, canvas)
    return list(canvas._code)


WIDTHS = [41.3, 120.75, 88.0, 66.6]


def plain_table():
    """Text cells: lines of several faces and alignments, empty cells, the header row in the middle of its cells."""
    header = [cell_style(face(True), "CENTRE", "MIDDLE")] * 4
    body = [cell_style(SERIF, "RIGHT", "TOP"), cell_style(SERIF, "LEFT", "TOP"),
            cell_style(face(False, True), "CENTER", "TOP"), cell_style(SERIF, "LEFT", "BOTTOM")]  # fmt: skip
    values = [
        ["TT", "Tên sự kiện", "Thời gian", "Ghi chú"],
        ["1", "Hội thảo khoa học “Văn hóa đọc”\ntrong thời đại số", "21/4/2024", ""],
        ["2", "Triển lãm “Mùa xuân trên biển đảo”", "", "Phối hợp\nvới Bảo tàng"],
        ["3", "", "8:00 – 11:30", "(tiếp)"],
    ]
    heights = [29.1, 29.1, 42.4, 15.8]
    return values, [header, body, body, body], [1, 1, 1, 1], WIDTHS, heights, 0.5, colors.black


def spanning_table():
    """Group headings spanning two and three columns among ordinary rows, as a year-end list has them."""
    bold = cell_style(face(True), "LEFT", "TOP")
    body = [cell_style(SERIF, "CENTRE", "TOP")] + [cell_style(SERIF, "LEFT", "TOP")] * 3
    values = [
        ["I. TRIỂN LÃM, TRƯNG BÀY", "", "", "12"],
        ["1", "Triển lãm sách", "Phòng 36", ""],
        ["Tổng cộng", "", "", "20"],
        ["2", "Tọa đàm", "", "Hội trường"],
        ["II. HỘI THẢO (tiếp)", "", "", ""],
    ]
    spans = [3, 1, 3, 1, 4]
    styles = [[bold, bold, bold, bold], body, [bold] * 4, body, [bold] * 4]
    return values, styles, spans, WIDTHS, [15.8, 15.8, 15.8, 29.1, 15.8], 0.5, colors.black


def paragraph_table():
    """Cells of paragraphs (a run in another face inside a line), at the top, the middle and the foot of a row."""
    register_fonts()
    style = ParagraphStyle("cell", fontName=SERIF, fontSize=12, leading=13.3)
    values = [
        [[Paragraph("TS. <b>Nguyễn Văn A</b>", style), Paragraph("Phó Giám đốc", style)], "1",
         [Paragraph("<i>Khai mạc</i>", style)], "x"],
        ["2", [Paragraph("Phát biểu <b>chào mừng</b> của lãnh đạo Thư viện", style)], "", []],
    ]  # fmt: skip
    styles = [
        [cell_style(SERIF, "LEFT", "TOP"), cell_style(SERIF, "RIGHT", "MIDDLE"),
         cell_style(SERIF, "CENTRE", "MIDDLE"), cell_style(SERIF, "RIGHT", "BOTTOM")],
        [cell_style(SERIF, "LEFT", "TOP"), cell_style(SERIF, "RIGHT", "BOTTOM"),
         cell_style(SERIF, "LEFT", "TOP"), cell_style(SERIF, "LEFT", "TOP")],
    ]  # fmt: skip
    return values, styles, [1, 1], WIDTHS, [45.0, 58.5], 0.75, colors.darkblue


def standard_face_table():
    """A face that is not embedded TrueType: its lines go through ReportLab's drawString, as before."""
    values = [["Tên", "Nơi"], ["Hội nghị", "Hà Nội\nTP. HCM"]]
    styles = [[cell_style("Helvetica", "LEFT", "TOP"), cell_style("Helvetica", "CENTRE", "TOP")]] * 2
    return values, styles, [1, 1], WIDTHS[:2], [15.8, 29.1], 0.5, colors.black


@pytest.mark.parametrize("table", [plain_table, spanning_table, paragraph_table, standard_face_table])
def test_a_page_of_the_table_is_what_reportlab_draws(table):
    arguments = table()
    drawn = page_code(GridTable, *arguments)
    assert any(operator.endswith(" Tm") or " Tm " in operator for operator in drawn)  # text written
    assert any(operator.endswith(" l S") for operator in drawn)  # and lines stroked
    assert drawn == page_code(reportlab_table, *table())


def test_the_grid_is_broken_around_a_spanning_cell():
    """The line down between the first two columns is not drawn through the heading that spans them."""
    drawn = "\n".join(page_code(GridTable, *spanning_table()))
    plain = "\n".join(page_code(GridTable, *plain_table()))
    assert drawn.count(" m ") > plain.count(" m ")  # the lines down come in pieces around the headings
    assert drawn == "\n".join(page_code(reportlab_table, *spanning_table()))


def test_the_table_is_centred_in_its_frame_as_reportlab_centres_it():
    frame_width = sum(WIDTHS) + 100
    drawn = page_code(GridTable, *plain_table(), frame_width=frame_width)
    assert drawn == page_code(reportlab_table, *plain_table(), frame_width=frame_width)
    assert drawn != page_code(GridTable, *plain_table())


def test_whole_documents_are_the_files_reportlab_tables_made(demo_db, monkeypatch):
    """The year-end list (headings spanning columns, thousands of cells over many pages) and a programme (people in
    paragraphs) are the same files as when each page's rows were a ReportLab table."""
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamp or random file id: two runs compare byte for byte
    options = DecreeOptions(date=dt.date(2022, 12, 30))
    record = load_record(Event.get(Event.ref == "demo-2022-review"))
    assert record.programme and any(row.people for row in record.programme)

    def files() -> list[bytes]:
        return [bytes(year_report.render(2022, options)), bytes(programme.render(record, "a4", options))]

    ours = files()
    monkeypatch.setattr(pdf_table_rows, "GridTable", reportlab_table)
    assert ours == files()


def test_a_grid_without_width_or_colour_is_stroked_as_reportlab_strokes_it():
    """ReportLab leaves the canvas's line width as it is for a width of 0, and its colour for no colour."""
    values, styles, spans, widths, heights, _width, _colour = plain_table()
    for line_width, colour in ((0, colors.black), (0.5, None)):
        drawn = page_code(GridTable, values, styles, spans, widths, heights, line_width, colour)
        assert drawn == page_code(reportlab_table, values, styles, spans, widths, heights, line_width, colour)


def test_a_cell_of_paragraphs_narrower_than_its_padding_is_refused_as_reportlab_refuses_it():
    """A clear ValueError naming the width, as ReportLab's own table gives, not an error from inside the paragraph."""
    values, styles, spans, _widths, heights, line_width, colour = paragraph_table()
    narrow = [4.0, 120.75, 88.0, 66.6]  # the first column's cells hold paragraphs; 4 pt is less than its padding
    for make in (GridTable, reportlab_table):
        with pytest.raises(ValueError, match="negative availWidth"):
            page_code(make, values, styles, spans, narrow, heights, line_width, colour)

