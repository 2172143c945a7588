"""The in-app preview of a printout (QtPdf), with Save as PDF, Save as Word and Print."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from nlv_events.core.errors import UserError
from nlv_events.core.files import atomic_output
from nlv_events.i18n import _
from nlv_events.printing import decree
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.register import numbering, registered_print
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.decree_fields import DecreeFields
from nlv_events.ui.shell.dialogs import save_file_name
from nlv_events.ui.shell.widgets import fit_to_screen


def show(parent: QWidget, pdf: bytes, suggested_name: str, title: str) -> PdfPreview:
    """Open `pdf` in the preview over `parent` (not waiting for it to close); the caller keeps the dialog."""
    preview = PdfPreview(pdf, suggested_name, title, parent)
    preview.open()
    return preview


class PdfPreview(QDialog):
    def __init__(self, pdf: bytes, suggested_name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PdfPreview")
        self.setWindowTitle(title)
        fit_to_screen(self, 900, 1000)  # a whole A4 page where there is room; Save and Print always on screen
        self.suggested_name = suggested_name
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.warning = QLabel(self)
        self.warning.setObjectName("GlyphWarning")
        self.warning.setWordWrap(True)
        self.remake = getattr(pdf, "remake", None)  # a signed document prints again with other decree blocks
        self.decree_fields = DecreeFields(self)
        self.decree_fields.setVisible(self.remake is not None)
        self.decree_fields.applied.connect(self.apply_options)
        self._load(pdf)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(_("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.word_button = buttons.addButton(_("Save as Word…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.word_button.setVisible(self.make_docx is not None)
        self.word_button.clicked.connect(self.save_as_word)
        self.print_button = buttons.addButton(_("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        layout = QVBoxLayout(self)
        layout.addWidget(self.decree_fields)
        layout.addWidget(self.warning)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def _load(self, pdf: bytes) -> None:
        self.pdf = pdf
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.make_docx = getattr(pdf, "make_docx", None)  # a Printout offers its Word version
        self.write_signed = getattr(pdf, "write_signed", None)  # and writes itself under a number of the register
        dropped = sorted(getattr(pdf, "dropped", ()))
        self.warning.setVisible(bool(dropped))
        if dropped:
            message = _("No font can print these characters; they were left out: {characters}")
            self.warning.setText(message.format(characters=" ".join(dropped)))

    def apply_options(self, options) -> None:
        """The same document again with the number, date and signer of the fields."""
        if self.remake is None:
            return
        try:
            printout = self.remake(options)
        except UserError as error:
            ask.warn(self, self.windowTitle(), str(error))
            return
        self.document.close()
        self._load(printout)

    def page_count(self) -> int:
        return self.document.pageCount()

    def save_as(self) -> None:
        path = save_file_name(self, _("Save as PDF"), self.suggested_name, _("PDF files (*.pdf)"))
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        registered = self._write_registered(path)
        if registered is not None:
            return registered
        try:
            with atomic_output(path, "wb") as stream:
                stream.write(self.pdf)
        except UserError as error:
            ask.warn(self, self.windowTitle(), str(error))
            return False
        return True

    def save_as_word(self) -> None:
        name = str(Path(self.suggested_name).with_suffix(".docx"))
        path = save_file_name(self, _("Save as Word"), name, _("Word documents (*.docx)"))
        if path:
            self.save_word_to(path)

    def save_word_to(self, path: str) -> bool:
        """The Word version of the same document, for the office to edit before signing."""
        if self.make_docx is None:
            return False
        registered = self._write_registered(path)
        if registered is not None:
            return registered
        try:
            content = self.make_docx()
            with atomic_output(path, "wb") as stream:
                stream.write(content)
        except UserError as error:
            ask.warn(self, self.windowTitle(), str(error))
            return False
        return True

    def _write_registered(self, path: str) -> bool | None:
        """A signed document with a number in its fields written through the register of outgoing documents: "next"
        takes the next number (then shown in the fields and the preview), a number the register holds for another
        document is asked about. None: the document has no number of the register to write."""
        if self.write_signed is None:
            return None
        # A document whose number was chosen before the preview (the invitations' dialog) has no fields here.
        fields = self.remake is not None  # the preview shows the number, date and signer fields
        options = self.decree_fields.options() if fields else DecreeOptions()
        if fields and not options.number:
            return None
        try:
            try:
                entry = self.write_signed(options, path)
            except registered_print.DuplicateNumber as error:
                if not ask.confirm(self, self.windowTitle(), f"{error}\n\n" + _("Print it again under this number?")):
                    return False
                entry = self.write_signed(dataclasses.replace(options, reprint=True), path)
        except UserError as error:
            ask.warn(self, self.windowTitle(), str(error))
            return False
        if entry is not None and decree.is_next(options.number):
            self.decree_fields.number_edit.setText(numbering.number_text(entry.number, entry.symbol))
            self.apply_options(self.decree_fields.options())
        return True

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        painter = QPainter()
        if not painter.begin(printer):
            ask.warn(self, self.windowTitle(), _("The printer could not be started."))
            return
        for page in range(self.document.pageCount()):
            if page:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            size = self.document.pagePointSize(page).toSize().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = self.document.render(page, QSize(size.width(), size.height()))
            painter.drawImage(0, 0, image)
        painter.end()
