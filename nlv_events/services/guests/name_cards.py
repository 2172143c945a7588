"""Name cards for the tables: A4 tent cards folded lengthwise, the same text on both halves, one upside down."""

from __future__ import annotations

from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.printing.fonts import text_width
from nlv_events.printing.model import Card, CardLine, Document, Margins
from nlv_events.services.guests import titles
from nlv_events.services.guests.guest_list import GuestEntry

PAGE_WIDTH_MM = 297  # A4 landscape
SIDE_MARGIN_MM = 15
WIDTH = (PAGE_WIDTH_MM - 2 * SIDE_MARGIN_MM) / 25.4 * 72  # the width the lines may take, in points
NAME_SIZE = 60.0  # the largest; a long name shrinks until it fits the width
POSITION_SIZE = 26.0
MIN_ONE_LINE = 20.0  # below this a long position reads better on two lines


def fit_size(line: str, largest: float, width: float, bold: bool = False) -> float:
    """The largest size up to `largest` at which `line` fits `width` on one line: shrunk, never clipped."""
    natural = text_width(line, largest, bold)
    return largest if natural <= width else largest * width / natural


def position_lines(position: str, width: float = WIDTH) -> tuple[list[str], float]:
    """The position on one line when it fits large enough, else on two lines broken where it reads best: the
    lines balanced, but a break before an organisation word ("… Quân sự, / Bộ Quốc phòng") or after a comma
    preferred, and one inside a word pair ("Quân / sự") avoided (titles.break_cost); as large as fits."""
    if not position:
        return [], POSITION_SIZE
    one_line = fit_size(position, POSITION_SIZE, width)
    words = position.split()
    if one_line >= MIN_ONE_LINE or len(words) < 2:
        return [position], one_line

    def cost(cut: int) -> float:
        longer = max(text_width(" ".join(words[:cut]), POSITION_SIZE),
                     text_width(" ".join(words[cut:]), POSITION_SIZE))  # fmt: skip
        return longer * titles.break_cost(words, cut)

    cut = min(range(1, len(words)), key=cost)
    lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    size = min(fit_size(line, POSITION_SIZE, width) for line in lines)
    return lines, size


def card(name: str, position: str) -> Card:
    """A guest's tent card: the name as large as fits, the position under it."""
    lines, size = position_lines(position)
    return Card([CardLine(name, NAME_SIZE, bold=True, fit=True), *(CardLine(line, size, fit=True) for line in lines)],
                tent=True)  # fmt: skip


def document(entries: list[GuestEntry], title: str = "") -> Document:
    """A page per card, for each guest coming (the deputy's name when a deputy comes)."""
    if not entries:
        raise UserError(_("No guest has accepted yet: there are no name cards to print."))
    return Document(
        title=_("Name cards – {title}").format(title=title),
        blocks=[card(entry.card_name, entry.card_position) for entry in entries],
        page="a4-landscape",
        margins=Margins(0, 0, SIDE_MARGIN_MM, SIDE_MARGIN_MM),
        page_numbers=False,
    )
