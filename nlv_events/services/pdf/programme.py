"""The event programme (chương trình): the official A4 layout and the public A5 folded booklet."""

from __future__ import annotations

import io
import os
from itertools import groupby

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Paragraph, Spacer, Table

from nlv_events import __version__
from nlv_events.core import store, when
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry, person_line
from nlv_events.i18n import _, current_language
from nlv_events.i18n.formats import format_span, format_time, format_weekday_date
from nlv_events.services.files import atomic_output
from nlv_events.services.pdf import booklet
from nlv_events.services.pdf.official import Letterhead, header_table, numbered_canvas, official_document, text
from nlv_events.services.pdf.styles import styles, table_style

LAYOUTS = ("a4", "booklet")
BOOKLET_MARGINS = {"top": 14 * mm, "bottom": 14 * mm, "left": 13 * mm, "right": 13 * mm}
BOOKLET_SCALE = 0.82
_ROLE_PREFIXES = {"chair": "Chair", "moderator": "Moderator", "host": "Host (MC)"}


def _title(record: EventRecord) -> str:
    if current_language() == "en" and record.title_en:
        return record.title_en
    return record.title


def _time_cell(row: ProgrammeEntry) -> str:
    if not when.is_timed(row.start):
        return ""
    if row.end is not None and when.is_timed(row.end):
        return f"{format_time(row.start)} – {format_time(row.end)}"  # type: ignore[arg-type]
    return format_time(row.start)  # type: ignore[arg-type]


def _people_cell(people: list[PersonEntry], scale: float) -> list[Paragraph]:
    style = styles(scale)["cell"]
    lines = []
    for person in people:
        prefix = _ROLE_PREFIXES.get(person.role)
        line = text(person_line(person))
        if prefix:
            line = f"<i>{text(_(prefix))}:</i> {line}"
        lines.append(Paragraph(line, style))
    return lines


def _content_cell(row: ProgrammeEntry, venue: str | None, scale: float) -> list[Paragraph]:
    style = styles(scale)
    cell = [Paragraph(text(row.title), style["cell"])]
    if row.place and row.place != venue:
        cell.append(Paragraph(text(_("Place: {place}").format(place=row.place)), style["cell_note"]))
    return cell


def programme_table(record: EventRecord, width: float, scale: float = 1.0) -> Table:
    """Thời gian | Nội dung | Thành phần / Người thực hiện, grouped by day when the event spans several."""
    style = styles(scale)
    headers = [_("Time"), _("Content"), _("Participants / presenters")]
    data: list[list] = [[Paragraph(header, style["cell_head"]) for header in headers]]
    commands: list[tuple] = []
    days = [(day, list(rows)) for day, rows in groupby(record.programme, key=lambda row: when.day_of(row.start))]
    several_days = len(days) > 1
    for day, rows in days:
        if several_days:
            commands += [
                ("SPAN", (0, len(data)), (-1, len(data))),
                ("BACKGROUND", (0, len(data)), (-1, len(data)), colors.HexColor("#EFEFEF")),
            ]
            data.append([Paragraph(text(format_weekday_date(day)), style["day_head"]), "", ""])
        for row in rows:
            data.append(
                [
                    Paragraph(_time_cell(row), style["cell_center"]),
                    _content_cell(row, record.venue, scale),
                    _people_cell(row.people, scale),
                ]
            )
    table = Table(
        data,
        colWidths=[width * 0.2, width * 0.45, width * 0.35],
        repeatRows=1,
        splitInRow=1,  # a row taller than what is left of the page splits instead of failing
    )
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
            ("TOPPADDING", (0, 0), (-1, -1), 3 * scale),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * scale),
            *commands,
        )
    )
    return table


def _heading(record: EventRecord, scale: float) -> list:
    style = styles(scale)
    flowables = [
        Paragraph(_("PROGRAMME"), style["doc_type"]),
        Paragraph(text(_title(record)), style["subject"]),
    ]
    if record.theme:
        flowables.append(Paragraph(text(_("Theme: “{theme}”").format(theme=record.theme)), style["info"]))
    flowables.append(
        Paragraph(text(_("Time: {dates}").format(dates=format_span(record.start, record.end))), style["info"])
    )
    if record.venue:
        flowables.append(Paragraph(text(_("Venue: {venue}").format(venue=record.venue)), style["info"]))
    flowables.append(Spacer(1, 8 * scale))
    return flowables


def _page_label(page: int, pages: int) -> str:
    return str(page)


def render_pages(record: EventRecord, letterhead: Letterhead | None = None) -> bytes:
    """The public programme as A5 pages in reading order (before imposition)."""
    buffer = io.BytesIO()
    document = official_document(buffer, A5, margins=BOOKLET_MARGINS, **_info(record))
    organisation = (letterhead or Letterhead.from_settings()).organisation
    story = [
        Paragraph(text(organisation.upper()), styles(BOOKLET_SCALE)["header_left_bold"]),
        *_heading(record, BOOKLET_SCALE),
        programme_table(record, document.width, BOOKLET_SCALE),
    ]
    document.build(story, canvasmaker=numbered_canvas(_page_label))
    return buffer.getvalue()


def _info(record: EventRecord) -> dict[str, str]:
    return {"title": _title(record), "author": "NLV Events", "creator": f"NLV Events {__version__}"}


def render(record: EventRecord, layout: str = "a4", letterhead: Letterhead | None = None) -> bytes:
    """The programme of `record` as PDF bytes, in the official A4 layout or as an imposed A5 booklet."""
    if not record.programme:
        raise UserError(_("The event “{title}” has no programme to print.").format(title=record.title))
    if layout not in LAYOUTS:
        raise UserError(_("Unknown layout “{layout}”: use a4 or booklet.").format(layout=layout))
    if layout == "booklet":
        return booklet.impose(render_pages(record, letterhead))
    buffer = io.BytesIO()
    document: BaseDocTemplate = official_document(buffer, A4, **_info(record))
    story = [
        header_table(letterhead or Letterhead.from_settings(), document.width),
        *_heading(record, 1.0),
        programme_table(record, document.width),
    ]
    document.build(story, canvasmaker=numbered_canvas(_page_label))
    return buffer.getvalue()


def write(
    event_id: int, path: str | os.PathLike[str], layout: str = "a4", letterhead: Letterhead | None = None
) -> None:
    """Print the programme of event `event_id` to the PDF file `path` (written atomically)."""
    pdf = render(store.load_record(event_id), layout, letterhead)
    with atomic_output(path, "wb") as stream:
        stream.write(pdf)
