"""The annual plan: its number, date, signer and editable text, printed as PDF or DOCX; and its progress."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.printing import decree
from nlv_events.services.planning import annual_plan
from nlv_events.ui.planning.plan_progress import PlanProgressTable
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import add_rows, close_box, dress_dialog, save_file_name, signature_fields
from nlv_events.ui.shell.widgets import left_row


class PlanDialog(QDialog):
    """`show_pdf(pdf, name, title)` opens the preview (the window's)."""

    def __init__(
        self, year: int, parent: QWidget | None = None, show_pdf: Callable[[bytes, str, str], None] | None = None
    ) -> None:
        super().__init__(parent)
        dress_dialog(self, "PlanDialog", _("Annual plan"), (820, 640), fit=True)
        self.show_pdf = show_pdf
        self.year_box = QSpinBox(self)
        self.year_box.setRange(1900, 2200)
        self.year_box.setValue(year)
        signature = signature_fields(self, self.fontMetrics().height() * 3 + 12)
        self.number, self.day, self.signer_title, self.signer_name = signature
        self.number.setPlaceholderText("15/KH-TVQG")
        self.template = QPlainTextEdit(self)
        self.template.setPlainText(annual_plan.default_template())

        document_tab = QWidget(self)
        form = add_rows(
            QFormLayout(document_tab),
            (_("Year:"), self.year_box),
            *signature.rows(_("Signer's name:")),
            (_("Purposes, requirements and implementation:"), self.template),
        )
        self.preview_button = QPushButton(_("Preview PDF…"), document_tab)
        self.docx_button = QPushButton(_("Save as DOCX…"), document_tab)
        row = left_row(self.preview_button, self.docx_button)
        form.addRow(row)

        self.progress_table = PlanProgressTable(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(document_tab, _("Plan document"))
        self.tabs.addTab(self.progress_table, _("Progress"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close_box(self))

        self.preview_button.clicked.connect(self.preview)
        self.docx_button.clicked.connect(lambda: self.save_docx())  # not the `checked` flag as the path
        self.year_box.valueChanged.connect(self.refresh_progress)
        self.refresh_progress()

    def options(self) -> annual_plan.PlanOptions:
        day = self.day.date()
        return annual_plan.PlanOptions(
            number=self.number.text().strip(),
            day=dt.date(day.year(), day.month(), day.day()),
            signer_title=self.signer_title.toPlainText().strip(),
            signer_name=self.signer_name.text().strip(),
            template=self.template.toPlainText(),
        )

    def document(self) -> annual_plan.PlanDocument:
        return annual_plan.build(self.year_box.value(), self.options())

    def pdf(self) -> bytes:
        from nlv_events.services.planning import annual_plan_document

        return annual_plan_document.render(self.document())

    def preview(self) -> None:
        try:
            pdf = self.pdf()
        except UserError as error:
            ask.warn(self, _("Annual plan"), str(error))
            return
        if self.show_pdf is not None:
            name = _("Plan {year}.pdf").format(year=self.year_box.value())
            self.show_pdf(pdf, name, _("Annual plan"))

    def save_docx(self, path: str | None = None) -> None:
        if not path:
            suggested = _("Plan {year}.docx").format(year=self.year_box.value())
            path = save_file_name(self, _("Save as DOCX…"), suggested, "Word (*.docx)")
        if not path:
            return
        from nlv_events.services.planning import annual_plan_document
        from nlv_events.services.register import numbering, registered_print

        # Through the register of outgoing documents, as every signed document: "next" takes the next KH number
        # (then shown in the field), a number the register holds for another document is asked about.
        options = self.options()
        asked = registered_print.Asked(options.number, options.day, annual_plan.PLAN_SYMBOL)
        try:
            try:
                entry = annual_plan_document.write(self.document(), path, asked)
            except registered_print.DuplicateNumber as error:
                if not ask.confirm(self, _("Annual plan"), f"{error}\n\n" + _("Print it again under this number?")):
                    return
                entry = annual_plan_document.write(self.document(), path, dataclasses.replace(asked, reprint=True))
        except (UserError, OSError) as error:
            ask.warn(self, _("Annual plan"), str(error))
            return
        if entry is not None and decree.is_next(options.number):
            self.number.setText(numbering.number_text(entry.number, entry.symbol))  # the number taken, as printed

    def refresh_progress(self) -> None:
        self.progress_table.show_year(self.year_box.value())
