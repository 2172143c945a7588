"""The week's work schedule printed in the decree's format: landscape, the header, "LỊCH CÔNG TÁC TUẦN …" and its
dates, one table by day (each day a heading row, morning before afternoon), the signature; PDF or DOCX."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

from nlv_events.core.register_models import RegisterEntry
from nlv_events.core.settings import current_settings
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_day, format_time, format_weekday_date
from nlv_events.printing import decree
from nlv_events.printing.decree import DecreeOptions
from nlv_events.printing.model import Cell, Column, Document, Row, Table, Text
from nlv_events.printing.printout import Printout, of_document
from nlv_events.services.tasks.board import week_start as schedule_monday
from nlv_events.services.tasks.week_schedule import WeekEntry, WeekSchedule, schedule


def part_label(part: str) -> str:
    return _("Morning") if part == "morning" else _("Afternoon")


def columns() -> list[Column]:
    return [
        Column(_("Part of day"), narrow=True, align="center"),
        Column(_("Time"), fit=True, align="center"),
        Column(_("Content"), weight=2.4),
        Column(_("Leads / attends"), weight=1.5),
        Column(_("Place"), weight=1.2),
        Column(_("Prepared by"), weight=1.0),
    ]


def _row(entry: WeekEntry) -> Row:
    return Row([
        Cell.of(part_label(entry.part), "center"),
        Cell.of(format_time(entry.time) if entry.time else "", "center"),
        Cell.of(entry.content),
        Cell.of(entry.leader),
        Cell.of(entry.place),
        Cell.of(entry.preparer),
    ], repeat=(0, 1))


def table(week: WeekSchedule) -> Table:
    """A heading row per day ("Thứ Hai, ngày 19/12/2022"), said again with "(tiếp)" on the next page, then the
    morning's items and the afternoon's, each by time; a working day with nothing planned says so."""
    header = columns()
    rows: list[Row] = []
    for day in week.days():
        heading = Cell.of(format_weekday_date(day), bold=True)
        rows.append(Row([heading], "heading", span=len(header), keep_with_next=True))
        entries = week.of(day, "morning") + week.of(day, "afternoon")
        if not entries:
            entries = [WeekEntry(day, "morning", _("Working at the office"))]
        rows += [_row(entry) for entry in entries]
    return Table(header, rows, continued=_("(continued)"))


def document(week: WeekSchedule, options: DecreeOptions, title: str | None = None) -> Document:
    settings = current_settings()
    doc_type = (title or _("WORK SCHEDULE OF THE WEEK OF THE BOARD OF DIRECTORS")).upper()
    subject = _("(From {start} to {end})").format(start=format_day(week.monday), end=format_day(week.sunday))
    return Document(
        title=f"{doc_type} {subject}",
        blocks=[Text(doc_type, "doc_type"), Text(subject, "subject"), table(week)],
        page="a4-landscape",
        header=decree.header(options, "documents.schedule_symbol", settings),
        signature=decree.signature(options, settings),
    )


def write(any_day: dt.date, path: str | os.PathLike[str], options: DecreeOptions,
          title: str | None = None) -> RegisterEntry | None:  # fmt: skip
    """The schedule of the week holding `any_day` to `path`: PDF, or Word for a .docx name, written whole; its
    number, "next" included, checked against and kept in the register of outgoing documents like every signed
    document's (its entry returned)."""
    from nlv_events.services.register import registered_print

    settings = current_settings()
    week = schedule(any_day, settings.get("organisation.name"))
    return registered_print.write(
        lambda number: document(week, dataclasses.replace(options, number=number), title),
        path,
        registered_print.asked(options, settings.get("documents.schedule_symbol")),
    )


def render(any_day: dt.date, options: DecreeOptions, title: str | None = None) -> Printout:
    """The schedule as PDF for the window's preview, which offers its Word version and prints it again with another
    number, date or signer."""
    library = current_settings().get("organisation.name")
    week = schedule(any_day, library)
    described = document(week, options, title)
    printout = of_document(described)
    return Printout(printout, printout.make_docx, set(printout.dropped),
                    remake=lambda other: render(any_day, other, title),
                    write_signed=lambda chosen, path: write(any_day, path, chosen, title))  # fmt: skip


def file_name(any_day: dt.date) -> str:
    """The preview's default file name: "lich-cong-tac-tuan-2022-12-19.pdf" (the week's Monday)."""
    return f"lich-cong-tac-tuan-{schedule_monday(any_day).isoformat()}.pdf"
