"""Name cards for the tables: A4 tent cards folded lengthwise, the same text on both halves, one upside down."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from nlv_events import __version__
from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.printing.fonts import SERIF, register_fonts
from nlv_events.services.guests import titles
from nlv_events.services.guests.guest_list import GuestEntry

PAGE = landscape(A4)
SIDE_MARGIN = 15 * mm
NAME_FONT = f"{SERIF}-Bold"
POSITION_FONT = SERIF
NAME_SIZE = 60.0  # the largest; a long name shrinks until it fits the width
POSITION_SIZE = 26.0
MIN_ONE_LINE = 20.0  # below this a long position reads better on two lines


def fit_size(line: str, font: str, largest: float, width: float) -> float:
    """The largest size up to `largest` at which `line` fits `width` on one line: shrunk, never clipped."""
    natural = stringWidth(line, font, largest)
    return largest if natural <= width else largest * width / natural


def position_lines(position: str, width: float) -> tuple[list[str], float]:
    """The position on one line when it fits large enough, else on two lines broken where it reads best: the
    lines balanced, but a break before an organisation word ("… Quân sự, / Bộ Quốc phòng") or after a comma
    preferred, and one inside a word pair ("Quân / sự") avoided (titles.break_cost); as large as fits."""
    if not position:
        return [], POSITION_SIZE
    one_line = fit_size(position, POSITION_FONT, POSITION_SIZE, width)
    words = position.split()
    if one_line >= MIN_ONE_LINE or len(words) < 2:
        return [position], one_line

    def cost(cut: int) -> float:
        longer = max(stringWidth(" ".join(words[:cut]), POSITION_FONT, POSITION_SIZE),
                     stringWidth(" ".join(words[cut:]), POSITION_FONT, POSITION_SIZE))
        return longer * titles.break_cost(words, cut)

    cut = min(range(1, len(words)), key=cost)
    lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    size = min(fit_size(line, POSITION_FONT, POSITION_SIZE, width) for line in lines)
    return lines, size


def _draw_half(canvas: Canvas, name: str, position: str, half_height: float) -> None:
    """One face in its own coordinates: (0, 0) bottom left, the fold along the top edge."""
    width = PAGE[0] - 2 * SIDE_MARGIN
    centre = PAGE[0] / 2
    size = fit_size(name, NAME_FONT, NAME_SIZE, width)
    lines, line_size = position_lines(position, width)
    block = size + len(lines) * line_size * 1.2
    top = half_height / 2 + block / 2
    canvas.setFont(NAME_FONT, size)
    canvas.drawCentredString(centre, top - size * 0.8, name)
    canvas.setFont(POSITION_FONT, line_size)
    for index, line in enumerate(lines):
        canvas.drawCentredString(centre, top - size - (index + 1) * line_size * 1.1, line)


def render(entries: list[GuestEntry], title: str = "") -> bytes:
    """A page per card, for each guest coming (the deputy's name when a deputy comes)."""
    if not entries:
        raise UserError(_("No guest has accepted yet: there are no name cards to print."))
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, initialFontName=SERIF)
    canvas.setTitle(_("Name cards – {title}").format(title=title))
    canvas.setCreator(f"NLV Events {__version__}")
    half = PAGE[1] / 2
    for entry in entries:
        name, position = entry.card_name, entry.card_position
        _draw_half(canvas, name, position, half)  # the front, read from the hall
        canvas.saveState()
        canvas.translate(PAGE[0], PAGE[1])  # the back: turned half a circle about the page's centre
        canvas.rotate(180)
        _draw_half(canvas, name, position, half)
        canvas.restoreState()
        canvas.setDash(2, 4)
        canvas.setStrokeGray(0.7)
        canvas.setLineWidth(0.4)
        canvas.line(0, half, PAGE[0], half)  # where to fold
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()

