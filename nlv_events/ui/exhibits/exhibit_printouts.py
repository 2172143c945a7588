"""The Exhibition tab's printouts: the checklist (PDF, XLSX), item labels, the introduction, the handover record."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.services.exhibits import structure
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import ask_document_day


def choose_output_file(parent: QWidget, suggested: str, pattern: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(parent, _("Save as"), suggested, pattern)
    return path


class ExhibitPrintouts:
    """Mixed into ExhibitTab (ui/exhibits/exhibit_tab.py): its Print button's menu, for its `event_id`."""

    def _print_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(_("Checklist (PDF)…"), lambda: self._print("checklist.pdf"))
        menu.addAction(_("Checklist (XLSX)…"), lambda: self._print("checklist.xlsx"))
        menu.addAction(_("Item labels (PDF)…"), lambda: self._print("labels.pdf"))
        menu.addAction(_("Introduction (PDF)…"), lambda: self._print("introduction.pdf"))
        menu.addAction(_("Handover record…"), self._print_handover)
        return menu

    def _print(self, what: str) -> None:
        from nlv_events.services.exhibits import checklist_pdf as checklist
        from nlv_events.services.exhibits import checklist_xlsx, introduction, labels

        dated = {"checklist.pdf": checklist.write, "introduction.pdf": introduction.write}
        day = ask_document_day(self, _("Print"), self.event_id) if what in dated else None
        if what in dated and day is None:
            return
        pattern = _("Spreadsheets (*.xlsx)") if what.endswith(".xlsx") else _("PDF files (*.pdf)")
        path = choose_output_file(self, what, pattern)
        if not path:
            return
        writers = {"checklist.xlsx": checklist_xlsx.write, "labels.pdf": labels.write}
        try:
            if what in dated:
                dated[what](self.event_id, path, day)
            else:
                writers[what](self.event_id, path)
        except UserError as error:
            ask.warn(self, _("Print"), str(error))

    def _print_handover(self) -> None:
        from nlv_events.services.exhibits import handover

        names = structure.lenders(self.event_id)
        if not names:
            ask.warn(self, _("Handover record"), _("No item of this exhibition is lent, and it has no loans."))
            return
        lender, accepted = QInputDialog.getItem(self, _("Handover record"), _("Loan with:"), names, 0, False)
        if not accepted:
            return
        path = choose_output_file(self, "handover.pdf", _("PDF or Word (*.pdf *.docx)"))
        if not path:
            return
        try:
            record = handover.build(self.event_id, lender)
            handover.write(record, path)
        except UserError as error:
            ask.warn(self, _("Handover record"), str(error))
