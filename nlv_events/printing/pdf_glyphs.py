"""Text for the PDF checked against the bundled fonts: faces by weight and slant, markup, wrapping."""

from __future__ import annotations

import html
from collections.abc import Callable

from reportlab.lib.utils import _simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from nlv_events.printing import ideographs, model
from nlv_events.printing.fonts import FALLBACK, draws_all, face, has_glyph


def escape(text: str) -> str:
    """`text` safe inside a Paragraph's markup: &, < and > as entities (what xml.sax.saxutils.escape does, whose
    module loads urllib, http and ssl: a twentieth of the programme command's start)."""
    return html.escape(text, quote=False)

__all__ = ["Glyphs", "TextWidths", "face", "wrap_text"]

NO_BREAK_SPACE = "\u00a0"


class Glyphs:
    """Text checked against the fonts: a character the serif font lacks is drawn in the fallback font, a Hán or
    Nôm character in an ideograph font found on the computer; one that no font has (colour emoji) is left out and
    remembered, so the caller can warn."""

    def __init__(self, dropped: set[str]) -> None:
        self.dropped = dropped

    def covered(self, value: str, font: str) -> bool:
        return draws_all(font, value)

    def markup(self, value: str, font: str) -> str:
        if draws_all(font, value):  # most texts: escaped whole, not a character at a time (the same markup)
            return escape(value)
        parts = []
        for character in value:
            if has_glyph(font, character):
                parts.append(escape(character))
            elif has_glyph(FALLBACK, character):
                parts.append(f'<font name="{FALLBACK}">{escape(character)}</font>')
            elif _is_joiner(character):
                continue
            elif (ideograph_font := ideographs.font_for(character)) is not None:
                parts.append(f'<font name="{ideograph_font}">{escape(character)}</font>')
            else:
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


# Where a word too wide for its column is best cut: after the period of an abbreviation ("PGS." / "TS."), a slash
# or a hyphen (a URL, a call number), rather than between any two letters ("PGS.TS" / ".").
_CUT_AFTER = "./-"


class TextWidths(dict[str, float]):
    """How wide each text is in one face and size, measured once (ReportLab's `stringWidth` keeps nothing): a long
    list wraps thousands of distinct texts made of the same few hundred words (its venues, roles, formats)."""

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        self.font, self.size = font, size

    def __missing__(self, text: str) -> float:
        width = self[text] = stringWidth(text, self.font, self.size)
        return width


def wrap_text(value: str, font: str, size: float, width: float, widths: TextWidths | None = None) -> list[str]:
    """`value` broken into lines no wider than `width`: at spaces (not at no-break spaces), and inside a word (a
    URL) only when the word alone is wider than the column, after its punctuation when it has some. `widths`, of
    `font` at `size`, remembers the words and lines measured for the next text."""
    measure = (widths if widths is not None else TextWidths(font, size)).__getitem__
    lines: list[str] = []
    for paragraph in value.split("\n"):
        for piece in _split_at_spaces(paragraph, measure, width):
            while measure(piece) > width and len(piece) > 1:
                cut = len(piece) - 1
                while cut > 1 and stringWidth(piece[:cut], font, size) > width:
                    cut -= 1
                punctuation = max(piece.rfind(mark, 0, cut) for mark in _CUT_AFTER)
                if punctuation > 0:
                    cut = punctuation + 1
                lines.append(piece[:cut])
                piece = piece[cut:]
            lines.append(piece)
    return lines


def _split_at_spaces(paragraph: str, measure: Callable[[str], float], width: float) -> list[str]:
    """Lines broken at spaces. ReportLab's simple split breaks at any white space, the no-break space too, so a
    text that holds one ("024 3936 4219") is broken here, at plain spaces only."""
    if NO_BREAK_SPACE not in paragraph:
        if not width:  # as simpleSplit: no width, no breaking
            return [paragraph]
        # simpleSplit's own breaking, given the remembered widths instead of its measuring of each word anew
        return _simpleSplit(paragraph, width, measure) or [""]
    lines: list[str] = []
    current = ""
    for word in paragraph.split(" "):  # str.split() would cut at the no-break space too
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if current and measure(candidate) > width:
            lines.append(current)
            candidate = word
        current = candidate
    return [*lines, current]
