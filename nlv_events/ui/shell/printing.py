"""Print commands of the window: the PDF is built off the GUI thread, then `show(pdf, file name, title)` opens it in
the preview, under a default file name in Vietnamese built from its event (event_file_name). Every printout of
an event goes this one way: the programme, the guests' and the exhibition's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.services.events import event_store
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.workers import BackgroundTask

Show = Callable[[bytes, str, str], None]


def event_file_name(stem: str, record: EventRecord, suffix: str = ".pdf") -> str:
    """The default file name of a printout of `record`: what it is in Vietnamese without accents (`stem`, such as
    "chuong-trinh"), the event's year and its number, which tell two years' Book Days apart in one folder."""
    return f"{stem}-{record.start.year}-{record.id}{suffix}"


def preview_in_background(
    parent: QWidget, busy: str, build: Callable[[], bytes], name: str, title: str, show: Show
) -> BackgroundTask:
    """Build a printout off the GUI thread (`busy` says so meanwhile), then `show` it as `title` under the file
    name `name`; a refusal (an exhibition with no items to label, say) is told under `title`."""

    def job(progress, is_cancelled) -> bytes:
        return build()

    task = BackgroundTask(parent, busy, job)
    task.done.connect(lambda pdf: show(pdf, name, title))
    task.error.connect(lambda message: ask.warn(parent, title, message))
    task.start()
    return task


def print_programme(parent: QWidget, event_id: int, show: Show, layout: str = "a4") -> BackgroundTask | None:
    from nlv_events.services.reports import programme  # ReportLab loads when first needed, not at start

    record = event_store.load(event_id)
    if not record.programme:
        message = _("The event “{title}” has no programme to print.").format(title=record.title)
        ask.inform(parent, _("Print programme"), message)
        return None
    stem = "chuong-trinh-a5" if layout == "booklet" else "chuong-trinh"
    return preview_in_background(
        parent,
        _("Preparing the programme…"),
        lambda: programme.render(record, layout),
        event_file_name(stem, record),
        _("Programme – {title}").format(title=record.title),
        show,
    )


def print_year_list(parent: QWidget, year: int, show: Show) -> BackgroundTask:
    from nlv_events.services.reports import year_report

    def job(progress, is_cancelled) -> bytes:
        return year_report.render(year, progress=progress, is_cancelled=is_cancelled)

    task = BackgroundTask(parent, _("Preparing the list of events of {year}…").format(year=year), job)
    title = _("Events of the year {year}").format(year=year)
    task.done.connect(lambda pdf: show(pdf, f"danh-muc-su-kien-{year}.pdf", title))
    task.error.connect(lambda message: ask.warn(parent, _("Year-end list"), message))
    task.start()
    return task
