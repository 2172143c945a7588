"""A text every character of which the face draws is escaped whole: the markup is the one made a character at a
time (issue #35)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from nlv_events.printing.fonts import FALLBACK, SERIF, has_glyph
from nlv_events.printing.pdf_glyphs import Glyphs, escape

SAMPLE = "aăâđêôơư ÀÁẢÃẠ Đ 0123 &<>\"' –“”\n\t\u00a0★✓→😀\u200d書"


def _one_character_at_a_time(value: str, font: str) -> str:
    return "".join(escape(character) for character in value if has_glyph(font, character))


@settings(deadline=None)  # the first example registers the fonts and looks for an ideograph font
@given(st.text(st.sampled_from(SAMPLE)))
def test_markup_of_a_drawable_text_is_made_as_a_character_at_a_time(value):
    glyphs = Glyphs(set())
    markup = glyphs.markup(value, SERIF)
    if all(has_glyph(SERIF, character) for character in value):
        assert markup == _one_character_at_a_time(value, SERIF) == escape(value)
        assert glyphs.dropped == set()
    else:
        assert markup != escape(value) or value == ""


def test_a_symbol_the_serif_lacks_still_takes_the_fallback():
    assert Glyphs(set()).markup("A ★ & B", SERIF) == f'A <font name="{FALLBACK}">★</font> &amp; B'
