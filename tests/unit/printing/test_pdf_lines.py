"""A table's lines written from their formatting remembered per document are what ReportLab writes, byte for byte."""

import datetime as dt
import io

import pytest
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from nlv_events.printing import pdf_lines
from nlv_events.printing.decree import DecreeOptions
from nlv_events.printing.fonts import SERIF, face, register_fonts
from nlv_events.services.reports import year_report

# More distinct characters than one subset of an embedded face holds (256): the later lines use a second one.
MANY = "".join(chr(code) for code in range(0x41, 0x5B)) + "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
LINES = ["Hội thảo khoa học “Văn hóa đọc”", "", "14/03/2024", "Hội thảo khoa học “Văn hóa đọc”", "24 3936\u00a04219",
         "(…)", MANY, MANY.upper(), "Ω ∑ ≤ → ★", "Thư viện Quốc gia Việt Nam", "14/03/2024"]  # fmt: skip
DRAW = {"LEFT": Canvas.drawString, "CENTRE": Canvas.drawCentredString, "RIGHT": Canvas.drawRightString}


def _pages_code(draw_page) -> list[list[str]]:
    """What `draw_page` writes on each of two pages (the second page's lines are remembered from the first)."""
    register_fonts()
    canvas = Canvas(io.BytesIO())
    pages = []
    for _page in range(2):
        draw_page(canvas)
        pages.append(list(canvas._code))
        canvas.showPage()
    return pages


@pytest.mark.parametrize("align", ["LEFT", "CENTRE", "RIGHT"])
@pytest.mark.parametrize("font", [SERIF, face(True), face(False, True)])
def test_lines_are_written_as_reportlab_writes_them(font, align):
    def by_reportlab(canvas):
        canvas.setFont(font, 12, 13.3)
        y = 700.0
        for text in LINES:
            DRAW[align](canvas, 123.45, y, text)
            y -= 13.3

    def remembered(canvas):
        canvas.setFont(font, 12, 13.3)
        assert pdf_lines.can_draw(canvas)
        pdf_lines.draw_lines(canvas, LINES, 123.45, 700.0, 13.3, align)

    pages = _pages_code(by_reportlab)
    assert all(len(page) >= len(LINES) for page in pages)  # a line written on each page
    assert _pages_code(remembered) == pages


def test_the_year_list_is_the_same_file_as_reportlab_draws_it(demo_db, monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamp or random file id: two runs compare byte for byte
    options = DecreeOptions(date=dt.date(2022, 12, 30))
    remembered = bytes(year_report.render(2022, options))
    # every line through ReportLab's drawString family (where the cells' lines start is checked against ReportLab's
    # own Table in test_pdf_grid.py)
    monkeypatch.setattr(pdf_lines, "can_draw", lambda canvas: False)
    assert remembered == bytes(year_report.render(2022, options))


@pytest.mark.parametrize("align", ["LEFT", "CENTRE", "RIGHT"])
def test_cells_drawn_at_recurring_positions_are_written_as_reportlab_writes_them(align):
    # a cell's lines looked up once per text, and each x and baseline formatted once per document: the columns and
    # rows of a long list put thousands of lines at the same few x and the same baselines, whole or fractional
    cells = ["14/03/2024", "08:00–11:30\n26/12/2022", "Hội trường tầng 1\nThư viện Quốc gia", "", "14/03/2024"]
    places = [(x, y) for x in (0, 36.0, 123.45, 400.125, -2.5) for y in (700.0, 686.7, 0.0, 13.3, 700)]

    def by_reportlab(canvas):
        canvas.setFont(SERIF, 12, 13.3)
        for x, y in places:
            for cell in cells:
                for number, text in enumerate(cell.split("\n")):
                    DRAW[align](canvas, x, y - number * 13.3, text)

    def remembered(canvas):
        canvas.setFont(SERIF, 12, 13.3)
        for x, y in places:
            for cell in cells:
                pdf_lines.draw_text(canvas, cell, x, y, 13.3, align)

    assert _pages_code(remembered) == _pages_code(by_reportlab)
