"""The year-end list of events (danh mục sự kiện năm): A4 landscape, grouped by kind, with totals."""

from __future__ import annotations

import io
import os
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Paragraph, Spacer, Table

from nlv_events import __version__
from nlv_events.core import store, vocab
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _, ngettext
from nlv_events.i18n.formats import format_number, format_span
from nlv_events.services import counting
from nlv_events.services.files import atomic_output
from nlv_events.services.pdf.fonts import SERIF
from nlv_events.services.pdf.official import (
    A4_LANDSCAPE,
    Letterhead,
    header_table,
    numbered_canvas,
    official_document,
    text,
)
from nlv_events.services.pdf.styles import styles, table_style

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
# Shares of the width: STT | title | dates | venue | role | partners | format | attendance | notes
COLUMN_SHARES = (0.05, 0.235, 0.11, 0.13, 0.08, 0.14, 0.07, 0.075, 0.11)
Progress = Callable[[int, int], None]
CHUNK = 150


class Cancelled(Exception):
    """The user stopped a long printout; nothing was written."""


def _headers() -> list[str]:
    return [
        _("No."),
        _("Event"),
        _("Dates"),
        _("Venue"),
        _("Role"),
        _("Partners"),
        _("Format"),
        _("Attendance"),
        _("Notes"),
    ]


CELL_SIZE = 12
CELL_LEADING = 15
CELL_PADDING = 12  # ReportLab's default 6 pt on each side


def _wrapped(value: str | None, column: int, width: float, font: str = SERIF) -> str:
    """Text broken into lines that fit the column. Plain strings with line breaks lay out several times faster
    than Paragraphs, which matters at ten thousand rows."""
    if not value:
        return ""
    available = width * COLUMN_SHARES[column] - CELL_PADDING
    return "\n".join(simpleSplit(value, font, CELL_SIZE, available))


def _row(number: str, record: EventRecord, note: str, width: float) -> list:
    return [
        number,
        _wrapped(record.title, 1, width),
        _wrapped(format_span(record.start, record.end), 2, width),
        _wrapped(record.venue, 3, width),
        _wrapped(vocab.label("role", record.role), 4, width),
        _wrapped(", ".join(record.partners), 5, width),
        _wrapped(vocab.label("format", record.format), 6, width),
        format_number(record.attendance),
        _wrapped(note, 8, width, f"{SERIF}-Italic"),
    ]


def _span_row(content: str) -> list:
    return [content, *([""] * (len(COLUMN_SHARES) - 1))]


def _table(rows: list[list], width: float, spans: list[int], totals: list[int]) -> Table:
    table = Table(rows, colWidths=[width * share for share in COLUMN_SHARES], repeatRows=1, splitInRow=1)
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (7, 0), (7, -1), "RIGHT"),
        ("FONTNAME", (8, 0), (8, -1), f"{SERIF}-Italic"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
    ]
    for index in spans:
        commands += [
            ("SPAN", (0, index), (-1, index)),
            ("BACKGROUND", (0, index), (-1, index), colors.HexColor("#F0F0F0")),
            ("FONTNAME", (0, index), (-1, index), f"{SERIF}-Bold"),
            ("ALIGN", (0, index), (-1, index), "LEFT"),
        ]
    for index in totals:
        commands += [
            ("SPAN", (0, index), (6, index)),
            ("SPAN", (7, index), (-1, index)),
            ("FONTNAME", (0, index), (-1, index), f"{SERIF}-Bold"),
            ("ALIGN", (0, index), (6, index), "LEFT"),
        ]
    table.setStyle(table_style(*commands))
    return table


def _tables(rows: list[list], width: float, spans: list[int], totals: list[int]) -> list[Table]:
    """The list as tables of at most CHUNK rows, each starting with the header row.

    ReportLab lays out what remains of a table again at every page break, so one table of ten thousand rows costs
    time in the square of its length; chunks keep the cost linear, at the price of the header row also standing
    where a chunk begins.
    """
    header, body = rows[0], rows[1:]
    tables = []
    for start in range(0, len(body), CHUNK):
        chunk = [header, *body[start : start + CHUNK]]
        chunk_spans = [index - start for index in spans if start < index <= start + CHUNK]
        chunk_totals = [index - start for index in totals if start < index <= start + CHUNK]
        tables.append(_table(chunk, width, chunk_spans, chunk_totals))
    return tables


def _subtotal_row(label: str, events: int, attendance: int | None) -> list:
    counted = ngettext("{label}: {count} event", "{label}: {count} events", events).format(
        label=label, count=format_number(events)
    )
    return [counted, *([""] * 6), format_number(attendance), ""]


def render(
    year: int,
    letterhead: Letterhead | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The year-end list of `year` under the counting rule, as PDF bytes."""
    style = styles()
    counted = store.listing_records(counting.counted(year))
    continuing = store.listing_records(counting.continuing(year))
    cancelled = store.listing_records(counting.cancelled(year))
    total_steps = len(counted) + len(continuing) + len(cancelled) + 1
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if is_cancelled is not None and is_cancelled():
            raise Cancelled
        if progress is not None:
            progress(done, total_steps)

    def load(record: EventRecord) -> EventRecord:
        step()
        return record

    buffer = io.BytesIO()
    document = official_document(
        buffer,
        A4_LANDSCAPE,
        title=_("Events of the year {year}").format(year=year),
        author="NLV Events",
        creator=f"NLV Events {__version__}",
    )
    width = document.width
    story: list = [
        header_table(letterhead or Letterhead.from_settings(), width * 0.75),
        Paragraph(_("LIST OF EVENTS OF THE YEAR {year}").format(year=year), style["doc_type"]),
        Paragraph(
            text(_("(organised and co-organised by the library; an event counts in the year it starts)")), style["info"]
        ),
        Spacer(1, 6),
    ]
    rows: list[list] = [[Paragraph(header, style["cell_head"]) for header in _headers()]]
    spans: list[int] = []
    totals: list[int] = []
    grand_events = 0
    grand_attendance: int | None = None
    group = 0
    for kind in vocab.KINDS:
        of_kind = [event for event in counted if event.kind == kind]
        carried = [event for event in continuing if event.kind == kind]
        if not of_kind and not carried:
            continue
        group += 1
        spans.append(len(rows))
        rows.append(_span_row(f"{ROMAN[group - 1]}. {vocab.label('kind', kind).upper()}"))
        attendance: int | None = None
        for number, event in enumerate(of_kind, start=1):
            record = load(event)
            rows.append(_row(str(number), record, record.notes or "", width))
            if record.attendance is not None:
                attendance = (attendance or 0) + record.attendance
        for event in carried:
            record = load(event)
            note = _("Continuing from {year}; counted in {year}").format(year=record.start.year)
            rows.append(_row("–", record, note, width))
        totals.append(len(rows))
        rows.append(_subtotal_row(_("Subtotal"), len(of_kind), attendance))
        grand_events += len(of_kind)
        if attendance is not None:
            grand_attendance = (grand_attendance or 0) + attendance
    totals.append(len(rows))
    rows.append(_subtotal_row(_("Total"), grand_events, grand_attendance))
    story.extend(_tables(rows, width, spans, totals))

    if cancelled:
        story.append(Paragraph(_("CANCELLED EVENTS (not counted)"), style["section"]))
        cancelled_rows: list[list] = [[Paragraph(header, style["cell_head"]) for header in _headers()]]
        for number, event in enumerate(cancelled, start=1):
            record = load(event)
            cancelled_rows.append(_row(str(number), record, record.notes or "", width))
        story.append(_table(cancelled_rows, width, [], []))

    document.build(story, canvasmaker=numbered_canvas(_page_label))
    step()
    return buffer.getvalue()


def _page_label(page: int, pages: int) -> str:
    return _("Page {page}/{pages}").format(page=page, pages=pages)


def write(
    year: int,
    path: str | os.PathLike[str],
    letterhead: Letterhead | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> None:
    """Print the year-end list of `year` to `path`, written atomically (nothing is written if cancelled)."""
    if not 1900 <= year <= 2200:
        raise UserError(_("The year must be a year such as 2023."))
    pdf = render(year, letterhead, progress, is_cancelled)
    with atomic_output(path, "wb") as stream:
        stream.write(pdf)
