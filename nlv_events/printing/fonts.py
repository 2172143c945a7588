"""The bundled TrueType fonts, registered once: ReportLab's built-in fonts print Vietnamese as black boxes."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth

from nlv_events.core.resources import resource
from nlv_events.printing import font_cache, to_unicode

SERIF = "NLVSerif"  # Liberation Serif: metric-compatible with Times New Roman, the decree's font
SANS = "NLVSans"  # Liberation Sans: metric-compatible with Arial
FALLBACK = "NLVFallback"  # DejaVu Sans: symbols Liberation lacks (arrows, stars, check marks)

to_unicode.mend_reportlab()  # before any PDF is written: copied and searched text as printed

_FAMILIES = {SERIF: "LiberationSerif", SANS: "LiberationSans"}
_STYLES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}


def register_fonts() -> None:
    """The family every printout is set in (the decree's Times New Roman, as Liberation Serif)."""
    register_family(SERIF)


@cache
def register_family(family: str = SERIF) -> None:
    """Register one family's four faces. Each TrueType file is parsed when registered (tens of milliseconds):
    a one-shot `nlv-events programme` registers only what it prints with."""
    file_stem = _FAMILIES[family]
    for suffix, style in _STYLES.items():
        path = resource("fonts", f"{file_stem}-{style}.ttf")
        pdfmetrics.registerFont(font_cache.ttfont(family + suffix, path))
    pdfmetrics.registerFontFamily(
        family, normal=family, bold=f"{family}-Bold", italic=f"{family}-Italic", boldItalic=f"{family}-BoldItalic"
    )
    for bold, italic, suffix in ((0, 0, ""), (1, 0, "-Bold"), (0, 1, "-Italic"), (1, 1, "-BoldItalic")):
        addMapping(family, bold, italic, family + suffix)


@cache
def register_fallback() -> None:
    """DejaVu Sans, for the few symbols Liberation lacks: registered only when a text needs one."""
    pdfmetrics.registerFont(font_cache.ttfont(FALLBACK, resource("fonts", "DejaVuSans.ttf")))


@cache
def _covered(font_name: str) -> frozenset[int]:
    if font_name == FALLBACK:
        register_fallback()
    else:
        register_family(next(family for family in _FAMILIES if font_name.startswith(family)))
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


_ALWAYS_DRAWN = frozenset(map(ord, " \n\t"))


@cache
def _drawable(font_name: str) -> frozenset[int]:
    """The code points `font_name` draws, spaces and line breaks included."""
    return _covered(font_name) | _ALWAYS_DRAWN


def has_glyph(font_name: str, character: str) -> bool:
    """Whether the embedded font `font_name` can draw `character` (spaces and line breaks always can)."""
    return character in " \n\t" or ord(character) in _covered(font_name)


def draws_all(font_name: str, text: str) -> bool:
    """Whether `font_name` draws every character of `text`: one set test in C, where asking `has_glyph` for each
    character cost a year-end list of 10 000 events over a million Python calls."""
    return _drawable(font_name).issuperset(map(ord, text))


def face(bold: bool = False, italic: bool = False) -> str:
    """The registered name of the serif face of that weight and slant."""
    return SERIF + {(0, 0): "", (1, 0): "-Bold", (0, 1): "-Italic", (1, 1): "-BoldItalic"}[(bool(bold), bool(italic))]


def text_width(value: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """How wide `value` is set on one line in the printouts' serif at `size` points (to fit a name card's lines)."""
    register_fonts()
    return stringWidth(value, face(bold, italic), size)
