"""The neutral description of a printed document: what it says, not how a renderer draws it."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right"]
PageSize = Literal["a4", "a4-landscape", "a5", "a6"]
# "paragraph": running prose, justified with its first line indented (a plan's purposes); "body": a plain line;
# "addressee" and "letter": a letter's "Kính gửi:" line, indented, and its text (14 pt, more open)
TextStyle = Literal["doc_type", "subject", "info", "body", "paragraph", "section", "note", "addressee", "letter"]
RowKind = Literal["body", "heading", "total"]


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text in one face."""

    text: str
    bold: bool = False
    italic: bool = False


Line = tuple[Run, ...]


# A line is immutable, so one made before is handed out again: a year-end list of 10 000 events repeats its days,
# venues, formats and figures in most of its 100 000 cells, and made 80 000 runs of text for 19 000 different
# ones, each a frozen dataclass to build and, once the list was drawn, for the cycle collector to walk (5 % of the
# list's time). Bounded: a few megabytes at most in a window open all day.
@functools.lru_cache(maxsize=1 << 15)
def line(value: str, bold: bool = False, italic: bool = False) -> Line:
    """A line of one run."""
    return (Run(value, bold, italic),)


@dataclass(slots=True)
class Cell:
    """The content of a table cell: lines, each a paragraph of its own (a person per line, say)."""

    lines: Sequence[Line] = field(default_factory=list)
    align: Align = "left"

    @classmethod
    def of(cls, value: str | None, align: Align = "left", bold: bool = False, italic: bool = False) -> Cell:
        # a tuple, not a list: a long list makes 100 000 of these, and a tuple is one object to make and keep
        return cls((line(value, bold, italic),) if value else (), align)

    def plain(self) -> str:
        if len(self.lines) == 1 and len(self.lines[0]) == 1:  # most cells: asked of every cell of a long list
            return self.lines[0][0].text
        return "\n".join("".join(run.text for run in item) for item in self.lines)


@dataclass(slots=True)
class Row:
    """A table row. `span` is how many columns the first cell covers (a group heading spans them all);
    `keep_with_next` binds the row to the next one on the same page (a heading to its first row, the last
    row of a group to its subtotal). A row taller than a page continues on the next one as a row that
    repeats the cells of the columns in `repeat` followed by "(tiếp)"."""

    cells: list[Cell]
    kind: RowKind = "body"
    span: int = 1
    keep_with_next: bool = False
    repeat: tuple[int, ...] = (0,)


@dataclass
class Column:
    """A column: its header, and either `fit` (as wide as its widest line, for numbers and times), `narrow`
    (as wide as its longest word: short labels that may take two lines) or a share `weight` of the width
    the others leave."""

    header: str
    weight: float = 1.0
    fit: bool = False
    narrow: bool = False
    align: Align = "left"
    italic: bool = False


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]
    continued: str = "(tiếp)"  # the mark after the repeated cells of a row continued on the next page
    equal_columns: bool = False  # every column as wide as the others (the seats of a plan), whatever it holds


@dataclass
class Text:
    """Running text outside the tables (13 pt)."""

    content: str | Line
    style: TextStyle = "body"
    align: Align | None = None  # None: the style's alignment


@dataclass
class HeaderBlock:
    """The decree's two-column header: issuing body and number on the left; national name, motto and the
    place-and-date line on the right."""

    parent: str
    organisation: str
    city: str
    date: dt.date
    number: str | None = None  # "15/CTr-TVQG", printed as "Số: 15/CTr-TVQG"


@dataclass
class Signature:
    """The signature block (right) and the "Nơi nhận" list (left) at the end of the document."""

    authority: list[str] = field(default_factory=list)  # ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    name: str = ""
    recipients: list[str] = field(default_factory=list)
    recipients_label: str = "Nơi nhận:"
    preparer_label: str = ""  # "NGƯỜI LẬP BIỂU": a second signature at the left, in place of the recipients
    preparer: str = ""
    hint: str = ""  # "(Ký, ghi rõ họ tên)": in italics under each signing label (the handover's two parties)
    qr: str = ""  # what a QR code under the recipients carries (an invitation's event, time and place)


@dataclass(frozen=True)
class PageBreak:
    """The next block starts a new page (a letter per guest)."""


@dataclass
class Picture:
    """An image (JPEG or PNG bytes) as wide as the text, centred (a news item's photos)."""

    data: bytes


@dataclass
class CardLine:
    """A line of large type on a card. `fit`: on one line, shrunk from `size` until it fits the width (a guest's
    name); otherwise it wraps."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    align: Align = "center"
    fit: bool = False
    space_before: float = 0.0  # points


@dataclass
class Card:
    """A page filled by one card of large type, its lines centred on it (an item label, a name card). A card too
    long for its page shrinks rather than running onto another. `frame`: a thin box around it (labels); `tent`:
    an A4 sheet folded lengthwise, the lines on both halves, the back turned upside down, a dashed fold line."""

    lines: list[CardLine]
    frame: bool = False
    tent: bool = False


# A HeaderBlock or a Signature among the blocks is drawn where it stands (a letter per page, each with its own).
Block = Text | Table | PageBreak | Picture | Card | HeaderBlock | Signature


@dataclass(frozen=True)
class Margins:
    """The page's margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


DECREE_MARGINS = Margins(20, 20, 30, 15)  # Nghị định 30/2020: top and bottom 20–25, left 30–35, right 15–20
BOOKLET_MARGINS = Margins(14, 14, 13, 13)


@dataclass
class Document:
    title: str
    blocks: list[Block]
    page: PageSize = "a4"
    header: HeaderBlock | None = None
    signature: Signature | None = None
    organisation_line: str | None = None  # a single centred line instead of the header block (the booklet)
    scale: float = 1.0  # every size times this (the A5 booklet)
    dropped: set[str] = field(default_factory=set)  # characters no font could draw, filled in by a renderer
    margins: Margins | None = None  # None: the booklet's on A5, else the decree's
    page_numbers: bool = True  # from page 2, centred in the top margin (not on letters, cards and labels)
    one_page: bool = False  # what follows the header shrinks to fit the first page (an exhibition's introduction)

    def page_margins(self) -> Margins:
        if self.margins is not None:
            return self.margins
        return BOOKLET_MARGINS if self.page == "a5" else DECREE_MARGINS
