"""Vietnamese text handling: NFC cleaning, accent-insensitive folding and a Vietnamese sort key."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

# "Ð" (U+00D0, Icelandic eth) and its small form look like Đ and arrive pasted from other software.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D", "\u00d0": "D", "\u00f0": "d"})
# A syllable of one consonant onset and i/y is spelt both ways (kỹ/kĩ, lý/lí, quý/quí, mỹ/mĩ): one word.
_I_Y_SYLLABLE = re.compile(r"^(b|ch|c|d|gh|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|qu|r|s|th|tr|t|v|x)[iy]$")

# Vietnamese alphabet order (with the Latin letters it lacks, for foreign names); the letters with breve,
# circumflex or horn are letters of their own.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_LETTER_MODIFIERS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
# Tones sort after the bare syllable in this order (CLDR vi): grave, hook, tilde, acute, dot below.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


# Pasted from web pages and Word: invisible characters (zero-width space, word joiner, byte-order mark) and
# no-break spaces, which made "Hội trường tầng 2" and the same words pasted two venues that look alike.
_INVISIBLE = str.maketrans({"\u200b": None, "\u2060": None, "\ufeff": None, "\u00a0": " ", "\u202f": " "})
_DOUBLED_SPACES = re.compile(r" {2,}")


def clean(value: object) -> str:
    """Trim, normalise to NFC, drop invisible characters and no-break spaces, one space between words (line
    breaks kept): the form every text is stored in."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    # Rare, and a re-import cleans 300 000 texts: look with `in` (C speed) before translate(), which is slow.
    if "  " in text or "\u00a0" in text or "\u200b" in text or "\ufeff" in text or "\u2060" in text or "\u202f" in text:
        text = _DOUBLED_SPACES.sub(" ", text.translate(_INVISIBLE))
    return text.strip()


def clean_or_none(value: object) -> str | None:
    text = clean(value)
    return text or None


class _FoldedCharacters(dict):
    """Each character (by code point) as `fold` spells it, worked out the first time it is met: đ→d, decomposed
    (NFD), without its combining marks, case-folded. Decomposing, dropping the marks and case folding each work
    character by character (reordering marks is moot once they are dropped), so one `str.translate` through this
    table folds a text as the three passes over the whole of it did, three times faster (search texts were a
    tenth of a first import)."""

    def __missing__(self, code_point: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code_point).translate(_D_MAP))
        folded = "".join(itertools.filterfalse(unicodedata.combining, decomposed)).casefold()
        self[code_point] = folded
        return folded


_FOLDED = _FoldedCharacters()


def fold(value: str | None) -> str:
    """Fold for search: no accents, đ→d, case-folded, spaces collapsed ("Đảng" → "dang")."""
    if not value:
        return ""
    return " ".join(value.translate(_FOLDED).split())


def spellings(folded_word: str) -> tuple[str, ...]:
    """The folded spellings a search word stands for: "ki" → ("ki", "ky"); most words have one."""
    match = _I_Y_SYLLABLE.match(folded_word)
    if not match:
        return (folded_word,)
    onset = match.group(1)
    return (onset + "i", onset + "y")


def word_found(spelling_set: tuple[str, ...], folded_haystack: str) -> bool:
    return any(spelling in folded_haystack for spelling in spelling_set)


def matches(query: str, folded_haystack: str) -> bool:
    """True when every word of `query` (in any of its spellings) occurs in the already folded text."""
    return all(word_found(spellings(word), folded_haystack) for word in fold(query).split())


@functools.cache
def _collation_tables() -> tuple[dict[int, str], dict[int, str]]:
    """Translation tables that turn text into (letters in Vietnamese alphabet order, tones), at C speed. Built on
    the first sort (8 000 characters decomposed): a printout or a listing that sorts nothing never pays for it."""
    primary: dict[int, str] = {}
    tones: dict[int, str] = {}
    for code in range(0x20, 0x2000):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char.lower())
        if not decomposed:
            continue
        marks = decomposed[1:]
        letter = unicodedata.normalize("NFC", decomposed[0] + "".join(m for m in marks if m in _LETTER_MODIFIERS))
        tone = max((_TONE_RANK.get(m, 0) for m in marks), default=0)
        # The look-alike eth (Ð ð, pasted from other software) is the letter Đ to a reader: it sorts as Đ, as it
        # already searches as D.
        rank = _LETTER_RANK.get("đ" if letter == "\u00f0" else letter)
        if rank is not None:
            primary[code] = chr(0xE100 + rank)  # private-use characters sort after every script and digit
        elif char.isalpha():
            primary[code] = char.lower()
        tones[code] = str(tone)
    return primary, tones


def sort_key(value: str | None) -> tuple[str, str, str]:
    """A key that orders Vietnamese as a Vietnamese reader expects: Anh < Ảnh < Ánh < Ăn < Âu; D < Đ.

    Letters first (in the Vietnamese alphabet, ă â đ ê ô ơ ư being letters of their own), then tones (none, grave,
    hook, tilde, acute, dot below), then case; the same order as QCollator for vi_VN, but fast enough to sort a
    hundred thousand titles in Python.
    """
    if not value:
        return ("", "", "")
    text = unicodedata.normalize("NFC", value)
    primary, tones = _collation_tables()
    return (text.translate(primary), text.translate(tones), text.swapcase())


def text_table(rows: list[list[str]]) -> str:
    """Rows of cells as columns of plain text, the first row a header ruled off below (the command line's
    listings); each line ends with a line break."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths).rstrip())
    return "\n".join(lines) + "\n"


# A telephone number as offices write it: "024 3936 4219", "(024) 3825 5397", "+84 912 345 678", "0912-345-678".
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d+\)?(?:[ .\-]\(?\d+\)?)+(?![\w/])")
_PHONE_DIGITS = 8  # fewer digits are a count or a date ("26 12 2022" has eight, but is never written so)


def unbroken_phone_numbers(text: str) -> str:
    """`text` with the spaces inside its telephone numbers made no-break spaces, so that no line ends inside a
    number (the renderers keep the hyphens of a number together too)."""

    def joined(match: re.Match[str]) -> str:
        number = match.group(0)
        return number.replace(" ", "\u00a0") if sum(ch.isdigit() for ch in number) >= _PHONE_DIGITS else number

    return _PHONE.sub(joined, text)
