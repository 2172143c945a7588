"""The work a long table costs, counted rather than timed: each page's table is built once, and what is the same
for many cells (a glyph set, a day, a figure) is worked out once."""

import datetime as dt

import pypdfium2
import pytest
from babel import dates, numbers

from nlv_events import i18n
from nlv_events.i18n.formats import format_day, format_number, format_span
from nlv_events.printing.decree import DecreeOptions
from nlv_events.printing.fonts import FALLBACK, SERIF, draws_all, has_glyph
from nlv_events.printing.pdf_table_rows import TableMaker
from nlv_events.services.reports import year_report


def test_each_page_of_the_year_list_builds_its_table_once(demo_db, monkeypatch):
    built = []
    original = TableMaker.build

    def counting(self, rows, header):
        built.append(len(rows))
        return original(self, rows, header)

    monkeypatch.setattr(TableMaker, "build", counting)
    pdf = year_report.render(2022, DecreeOptions(date=dt.date(2022, 12, 30)))
    pages = len(pypdfium2.PdfDocument(bytes(pdf)))
    assert pages >= 3
    # one table a page (the code before built each page's table twice: once to measure it, once to print it)
    assert len(built) <= pages


@pytest.mark.parametrize("font", [SERIF, FALLBACK])
def test_a_text_is_drawn_whole_exactly_when_each_character_is(font):
    for text in ["Văn hóa đọc – Đảng", "24 3936\u00a04219\n\tx", "★ check ✓", "Hán Nôm 漢喃", "😀", ""]:
        assert draws_all(font, text) == all(has_glyph(font, character) for character in text), text


def test_days_and_figures_follow_the_language_they_are_asked_in():
    day = dt.date(2022, 4, 21)
    for language, locale, pattern in [("en", "en_GB", "d MMM yyyy"), ("vi", "vi", "dd/MM/yyyy")] * 2:
        i18n.setup_i18n(language)  # remembered answers are the language's own, however often it changes
        assert format_day(day) == dates.format_date(day, pattern, locale=locale)
        assert format_number(66270) == numbers.format_decimal(66270, locale=locale)
        assert format_number(2.5) == numbers.format_decimal(2.5, locale=locale)
        start, end = dt.datetime(2022, 12, 26, 8), dt.datetime(2022, 12, 26, 11, 30)
        assert format_span(start, end) == f"08:00–11:30 {dates.format_date(start, pattern, locale=locale)}"


def test_the_collector_is_paused_while_a_list_prints_and_restored_after(demo_db, monkeypatch):
    import gc

    from nlv_events.printing import pdf_renderer

    during = []
    original = pdf_renderer.render

    def watching(document):
        during.append(gc.isenabled())
        return original(document)

    monkeypatch.setattr(pdf_renderer, "render", watching)
    assert gc.isenabled()
    year_report.render(2022, DecreeOptions(date=dt.date(2022, 12, 30)))
    assert during == [False]
    assert gc.isenabled()
    gc.disable()  # a caller that had it off finds it off
    try:
        year_report.render(2022, DecreeOptions(date=dt.date(2022, 12, 30)))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_rows_still_to_print_read_as_the_list_they_stand_for():
    from nlv_events.printing.pdf_table_break import RowsFrom

    rows = list(range(10))
    views = [
        (RowsFrom(rows), rows), (RowsFrom(rows, 4), rows[4:]), (RowsFrom(rows, 4, "h"), ["h", *rows[4:]]),
        (RowsFrom(rows).rest(3), rows[3:]), (RowsFrom(rows, 2, "h").rest(3), rows[4:]),
        (RowsFrom(rows, 2, "h").rest(0), ["h", *rows[2:]]), (RowsFrom(rows, 5).under("h"), ["h", *rows[5:]]),
        (RowsFrom(rows, 5, "h").under("g"), ["g", "h", *rows[5:]]), (RowsFrom(rows, 10), []),
    ]  # fmt: skip
    for view, same in views:
        assert list(view) == same and len(view) == len(same) and bool(view) == bool(same)
        assert [view[index] for index in range(-len(same), len(same))] == same + same
        for cut in range(len(same) + 2):
            assert view[:cut] == same[:cut] and view[cut:] == same[cut:], cut
        assert list(reversed(view)) == same[::-1]
        with pytest.raises(IndexError):
            view[len(same)]


def test_the_rows_still_to_print_are_read_from_the_first_one_on():
    from nlv_events.printing.pdf_table_break import RowsFrom

    read = []

    class Watched(list):
        def __getitem__(self, index):
            read.append(index)
            return super().__getitem__(index)

    rows = RowsFrom(Watched(range(10_000)), 9_000)
    assert [row for row, _ in zip(rows, range(3), strict=False)] == [9_000, 9_001, 9_002]
    assert read[0] == 9_000  # nothing before the rest is stepped through, as it was at every page


def test_a_long_list_carries_its_rows_to_the_next_page_without_copying_them(demo_db, monkeypatch):
    from nlv_events.printing.pdf_table_break import BrokenTable

    underlying = []
    original = BrokenTable.__init__

    def noting(self, maker, header, rows, *arguments):
        original(self, maker, header, rows, *arguments)
        underlying.append(self.rows._rows)

    monkeypatch.setattr(BrokenTable, "__init__", noting)
    pdf = year_report.render(2022, DecreeOptions(date=dt.date(2022, 12, 30)))
    assert len(pypdfium2.PdfDocument(bytes(pdf))) >= 3
    # each page's rest is a view on the table's one list of rows (a copy of the rest at every page made the page
    # breaks of a list of 10 000 events cost the square of its length)
    assert len(underlying) >= 3 and all(rows is underlying[0] for rows in underlying)


def test_a_cell_repeated_down_a_long_table_is_prepared_once(monkeypatch):
    from nlv_events.printing import model
    from nlv_events.printing.pdf_glyphs import Glyphs

    venues = ["Hội trường tầng 1", "Phòng đọc Hán Nôm", ""]
    columns = [model.Column("Tên"), model.Column("Địa điểm"), model.Column("Ghi chú", italic=True)]
    table = model.Table(columns, [model.Row([model.Cell.of(f"Sự kiện {number}"), model.Cell.of(venues[number % 3]),
                                             model.Cell.of("Hội trường tầng 1", italic=True)])
                                  for number in range(60)])  # fmt: skip
    prepared = []
    original = TableMaker._prepared

    def counting(self, cell, width, column):
        prepared.append(cell.plain())
        return original(self, cell, width, column)

    monkeypatch.setattr(TableMaker, "_prepared", counting)
    maker = TableMaker(table, 700, Glyphs(set()))
    rows = [maker.row(row) for row in table.rows]
    # 60 titles, 3 venues and one note: the same venue in the note's italic column is a cell of its own
    assert len(prepared) == 60 + 3 + 1
    assert [row.cells[1].value for row in rows] == [venues[number % 3] for number in range(60)]
    assert {row.cells[2].font for row in rows} == {"NLVSerif-Italic"} and rows[0].cells[1].font == "NLVSerif"


def test_the_columns_are_sized_from_the_same_texts_as_a_column_at_a_time():
    """The one pass over the rows reads what a pass per column read: each worded column's texts, row by row,
    where the row has a cell of its own there, and each fitted column's lines with their face, under a spanning
    row's cells only from the column after its span."""
    from nlv_events.printing import model
    from nlv_events.printing.pdf_glyphs import face
    from nlv_events.printing.pdf_table_rows import _column_contents

    columns = [model.Column("No.", fit=True), model.Column("Title"), model.Column("Dates", narrow=True),
               model.Column("Figure", fit=True), model.Column("Note", fit=True, italic=True)]  # fmt: skip
    rows = [
        model.Row([model.Cell.of("I. EXHIBITIONS")], "heading", span=5),
        model.Row([model.Cell.of("1"), model.Cell.of("Sách và thiếu nhi"), model.Cell.of("20/01/2022"),
                   model.Cell.of("1.234"), model.Cell([model.line("a"), (model.Run("b"), model.Run("c", True))])]),
        model.Row([model.Cell.of("2"), model.Cell.of("Văn hóa đọc")]),  # a short row: its last cells empty
        model.Row([model.Cell.of("Subtotal: 2 events"), model.Cell.of("1.234"), model.Cell.of("")], "total", span=3),
    ]  # fmt: skip
    texts, lines = _column_contents(model.Table(columns, rows))
    assert texts == {1: ["Sách và thiếu nhi", "Văn hóa đọc"], 2: ["20/01/2022"]}
    plain, bold, italic = face(False), face(True), face(False, True)
    assert lines == {
        0: {("1", plain), ("2", plain)},
        3: {("1.234", plain), ("1.234", bold)},  # the total's figure, under the spanning label, in bold
        4: {("a", italic), ("bc", italic)},  # the total's empty note has no line
    }


def test_a_year_list_keeps_its_rows_unwalked_and_leaves_no_drawing_behind(demo_db, monkeypatch):
    """The list's rows, kept for its Word version, are in the collector's oldest generation when it returns; the
    drawing's ReportLab objects (held in cycles) are freed by the ordinary collections that follow, not left for
    a full collection a window open all day may not run for hours."""
    import gc

    from reportlab.pdfbase.pdfdoc import PDFDocument

    from nlv_events.printing import model
    from nlv_events.services.reports import year_list_document

    made = []
    original = year_list_document.document
    monkeypatch.setattr(year_list_document, "document", lambda *args: made.append(original(*args)) or made[-1])
    gc.collect()
    printout = year_report.render(2022, DecreeOptions(date=dt.date(2022, 12, 30)))
    rows = next(block for block in made[0].blocks if isinstance(block, model.Table)).rows
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert rows and all(id(row) in oldest for row in rows)
    for _ in range(20):  # the window's ordinary work after it
        [[] for _ in range(1_000)]
    assert not [item for item in gc.get_objects() if isinstance(item, PDFDocument)]
    assert bytes(printout)[:5] == b"%PDF-"


def test_a_printout_lets_go_of_its_pdf_document_as_it_returns(demo_db):
    """With the collector off, nothing of the PDF a list was drawn into is left once its bytes are returned: not
    the document with its pages, nor the lines its cells were formatted into. ReportLab's page template names
    itself (a cycle), and through it held them until a collection found them."""
    import gc

    from reportlab.pdfbase.pdfdoc import PDFDocument

    from nlv_events.printing import pdf_lines

    gc.collect()
    gc.disable()
    try:
        printout = year_report.render(2022, DecreeOptions(date=dt.date(2022, 12, 30)))
        assert not [item for item in gc.get_objects() if isinstance(item, PDFDocument)]
        assert len(pdf_lines._documents) == 0
    finally:
        gc.enable()
    assert bytes(printout)[:5] == b"%PDF-"
