"""Print commands of the window: the PDF is built off the GUI thread, then `show(pdf, file name, title)`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from nlv_events.i18n import _
from nlv_events.services.events import event_store
from nlv_events.services.reports import programme, year_report
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.workers import BackgroundTask

Show = Callable[[bytes, str, str], None]


def print_programme(parent: QWidget, event_id: int, show: Show, layout: str = "a4") -> BackgroundTask | None:
    record = event_store.load(event_id)
    if not record.programme:
        message = _("The event “{title}” has no programme to print.").format(title=record.title)
        ask.inform(parent, _("Print programme"), message)
        return None

    def job(progress, is_cancelled) -> bytes:
        return programme.render(record, layout)

    task = BackgroundTask(parent, _("Preparing the programme…"), job)
    name = f"chuong-trinh-{record.start.year}-{record.id}{'-booklet' if layout == 'booklet' else ''}.pdf"
    title = _("Programme – {title}").format(title=record.title)
    task.done.connect(lambda pdf: show(pdf, name, title))
    task.error.connect(lambda message: ask.warn(parent, _("Print programme"), message))
    task.start()
    return task


def print_year_list(parent: QWidget, year: int, show: Show) -> BackgroundTask:
    def job(progress, is_cancelled) -> bytes:
        return year_report.render(year, progress=progress, is_cancelled=is_cancelled)

    task = BackgroundTask(parent, _("Preparing the list of events of {year}…").format(year=year), job)
    title = _("Events of the year {year}").format(year=year)
    task.done.connect(lambda pdf: show(pdf, f"danh-muc-su-kien-{year}.pdf", title))
    task.error.connect(lambda message: ask.warn(parent, _("Year-end list"), message))
    task.start()
    return task
