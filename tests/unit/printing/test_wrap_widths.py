"""A cell's text wrapped with the widths of its words remembered across texts breaks where ReportLab's simpleSplit
breaks it, measuring each text anew (issue #35: the year-end list wraps 20 000 texts of the same few hundred
words)."""

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.utils import simpleSplit

from nlv_events.printing.fonts import SERIF, face, register_fonts
from nlv_events.printing.pdf_glyphs import TextWidths, _split_at_spaces, wrap_text

WORDS = ["Hội", "thảo", "khoa", "học", "“Văn", "hóa", "đọc”", "Thư", "viện", "Quốc", "gia", "Việt", "Nam", "–",
         "https://nlv.gov.vn/tin-tuc/hoi-thao.html", "PGS.TS.Nguyễn", "14/03/2024", "24\u00a03936\u00a04219", "",
         "\t", "W" * 30]  # fmt: skip
SHARED = {font: TextWidths(font, 12) for font in (SERIF, face(True), face(False, True))}


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join), st.sampled_from(sorted(SHARED)),
       st.sampled_from([0, 30.5, 61.2, 98.0, 140.75, 300]))  # fmt: skip
def test_remembered_widths_break_lines_where_simple_split_does(value, font, width):
    register_fonts()
    if "\u00a0" not in value:  # broken at spaces where simpleSplit, measuring each word anew, breaks it
        assert _split_at_spaces(value, SHARED[font].__getitem__, width) == (simpleSplit(value, font, 12, width) or [""])
    # and the long words cut alike: with the widths remembered from the examples before, and with none
    assert wrap_text(value, font, 12, width, SHARED[font]) == wrap_text(value, font, 12, width, TextWidths(font, 12))


def test_a_text_is_measured_once_however_many_cells_wrap_it():
    register_fonts()
    widths = TextWidths(SERIF, 12)
    wrap_text("Hội trường tầng 1, Thư viện Quốc gia", SERIF, 12, 60, widths)
    measured = dict(widths)
    wrap_text("Hội trường tầng 2", SERIF, 12, 60, widths)
    assert set(widths) - set(measured) == {"2", "tầng 2"}  # the new word, and the new line checked for its width
