"""The Exhibition tab's printouts: the checklist (PDF, XLSX), item labels, the introduction, the handover record.

Each printout opens in the preview (ui/shell/printing.py: built off the GUI thread, a default file name in
Vietnamese built from the event), from which it is printed or saved as PDF or Word; the checklist as a spreadsheet
is saved where the user says, and the tab says where.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.services.events import event_store
from nlv_events.services.exhibits import structure
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import ask_document_day, save_file_name
from nlv_events.ui.shell.workers import BackgroundTask

# The default file names' first words (ui/shell/printing.event_file_name adds the year and the event's number).
CHECKLIST = "danh-muc-trung-bay"
LABELS = "nhan-tai-lieu"
INTRODUCTION = "gioi-thieu-trien-lam"
HANDOVER = "bien-ban-giao-nhan"


class ExhibitPrintouts:
    """Mixed into ExhibitTab (ui/exhibits/exhibit_tab.py): its Print button's menu, for its `event_id`."""

    preview: QWidget | None = None
    task: BackgroundTask | None = None

    def _print_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(_("Checklist (PDF)…"), self._print_checklist)
        menu.addAction(_("Checklist (XLSX)…"), self._save_checklist_xlsx)
        menu.addAction(_("Item labels (PDF)…"), self._print_labels)
        menu.addAction(_("Introduction (PDF)…"), self._print_introduction)
        menu.addAction(_("Handover record…"), self._print_handover)
        return menu

    def _preview(self, build: Callable[[], bytes], stem: str, title: str) -> None:
        from nlv_events.ui.shell import printing

        record = event_store.load(self.event_id)
        title = f"{title} – {record.title}"
        busy = _("Preparing {title}…").format(title=title)
        self.task = printing.preview_in_background(
            self, busy, build, printing.event_file_name(stem, record), title, self._show
        )

    def _show(self, pdf: bytes, name: str, title: str) -> None:
        from nlv_events.ui.shell import pdf_preview

        self.preview = pdf_preview.show(self, pdf, name, title)

    def _print_checklist(self) -> None:
        from nlv_events.services.exhibits import checklist_pdf

        event_id = self.event_id
        day = ask_document_day(self, _("Checklist"), event_id)  # dated as signed, never after the opening
        if day is not None:
            self._preview(lambda: checklist_pdf.printout(event_id, day), CHECKLIST, _("Checklist"))

    def _print_labels(self) -> None:
        from nlv_events.services.exhibits import labels

        event_id = self.event_id
        self._preview(lambda: labels.printout(event_id), LABELS, _("Item labels"))

    def _print_introduction(self) -> None:
        from nlv_events.services.exhibits import introduction

        event_id = self.event_id
        day = ask_document_day(self, _("Introduction"), event_id)
        if day is not None:
            self._preview(lambda: introduction.printout(event_id, day), INTRODUCTION, _("Introduction"))

    def _save_checklist_xlsx(self) -> None:
        from nlv_events.services.exhibits import checklist_xlsx
        from nlv_events.ui.shell import printing

        name = printing.event_file_name(CHECKLIST, event_store.load(self.event_id), ".xlsx")
        path = save_file_name(self, _("Checklist"), name, _("Spreadsheets (*.xlsx)"))
        if not path:
            return
        try:
            checklist_xlsx.write(self.event_id, path)
        except UserError as error:
            ask.warn(self, _("Checklist"), str(error))
            return
        ask.inform(self, _("Checklist"), _("Saved to {file}.").format(file=path))

    def _print_handover(self) -> None:
        from nlv_events.services.exhibits import handover

        names = structure.lenders(self.event_id)
        if not names:
            ask.warn(self, _("Handover record"), _("No item of this exhibition is lent, and it has no loans."))
            return
        lender, accepted = QInputDialog.getItem(self, _("Handover record"), _("Loan with:"), names, 0, False)
        if not accepted:
            return
        try:
            record = handover.build(self.event_id, lender)
        except UserError as error:
            ask.warn(self, _("Handover record"), str(error))
            return
        self._preview(lambda: handover.printout(record), HANDOVER, _("Handover record"))
