"""How the dialogs are dressed alike: name, title and size, the Close box, the file to save to, a form's labelled
rows, a date field and a typed day, the number, date and signer of a document the library signs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple, TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core import when
from nlv_events.core.errors import ValidationError
from nlv_events.i18n import _
from nlv_events.ui.shell.widgets import fit_to_screen, ok_cancel

Key = TypeVar("Key")


def dress_dialog(dialog: QDialog, name: str, title: str, size: tuple[int, int], *, fit: bool = False) -> None:
    """Name `dialog` (for the tests and the screenshots), title it and size it; with `fit` the size shrinks to the
    screen, for the large dialogs whose buttons must stay in reach."""
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    if fit:
        fit_to_screen(dialog, *size)
    else:
        dialog.resize(*size)


def close_box(dialog: QDialog) -> QDialogButtonBox:
    """The Close button of a dialog that saves as it goes, wired to reject."""
    box = QDialogButtonBox(dialog)
    box.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
    box.rejected.connect(dialog.reject)
    return box


class ImportFoot(NamedTuple):
    problems: QLabel
    buttons: QDialogButtonBox
    import_button: QPushButton

    def refuse(self, reason: str, preview: QTableWidget) -> None:
        """Nothing can be imported: the reason in red, the preview emptied, Import disabled."""
        self.problems.setText(reason)
        preview.setRowCount(0)
        self.import_button.setEnabled(False)


def import_layout(dialog: QDialog, heading: str, foot: ImportFoot, *parts: tuple[QWidget | QLayout, int]) -> None:
    """An import preview from the top: the heading, the `parts` (each with its stretch), then the foot."""
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(heading, dialog))
    for part, stretch in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part, stretch)
        else:
            layout.addWidget(part, stretch)
    layout.addWidget(foot.problems)
    layout.addWidget(foot.buttons)


def import_foot(dialog: QDialog, on_import: Callable[[], None]) -> ImportFoot:
    """The foot of an import's preview, alike in every import: what cannot be read (in red, wrapped), and Import
    (doing `on_import`) beside Cancel."""
    problems = QLabel(dialog)
    problems.setWordWrap(True)
    problems.setStyleSheet("color:#9C1C1C;")
    buttons = QDialogButtonBox(dialog)
    import_button = buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
    buttons.accepted.connect(on_import)
    buttons.rejected.connect(dialog.reject)
    return ImportFoot(problems, buttons, import_button)


def column_choice(
    dialog: QDialog, meanings: dict[str, str], guessed: str, nothing: str, on_change: Callable[[], None]
) -> QComboBox:
    """An import preview's drop-down for what a column of the file holds: "—" (`nothing`, the column is left out)
    or one of `meanings` (code: label marked with N_), the guess chosen; choosing another shows the preview anew."""
    box = QComboBox(dialog)
    box.addItem("—", nothing)
    for code, label in meanings.items():
        box.addItem(_(label), code)
    box.setCurrentIndex(max(box.findData(guessed), 0))
    box.currentIndexChanged.connect(lambda _index: on_change())
    return box


def chosen(boxes: dict[Key, QComboBox]) -> dict[Key, str]:
    """What each drop-down is set to, by its key."""
    return {key: box.currentData() for key, box in boxes.items()}


def save_file_name(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """The file the user chooses to save to ("" when they cancel), ending as the filter they chose says (its first
    ending is added to a name typed without one of its own): Linux save dialogs add none, and a printout or an
    export refuses a name without one."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    endings = re.findall(r"\*(\.\w+)", chosen or filters)
    if path and endings and not path.lower().endswith(tuple(endings)):
        path += endings[0]
    return path


def form_label(text: str) -> str:
    """A form label starts with a capital ("Tên tiếng Anh"), whatever case the message has in a sentence; the rest
    is left as it is (str.capitalize wrote "Tên tiếng anh")."""
    return text[:1].upper() + text[1:]


def add_rows(form: QFormLayout, *rows: tuple[str, QWidget | QLayout]) -> QFormLayout:
    """The form's rows, label and field, in order; an empty label puts the field under the others."""
    for label, field in rows:
        form.addRow(label, field)
    return form


def date_field(parent: QWidget, day: QDate | None = None) -> QDateEdit:
    """A day as the office writes it (dd/MM/yyyy), with a calendar to pick it; today unless `day` is given."""
    edit = QDateEdit(day if day is not None else QDate.currentDate(), parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def parse_day(value: str, where: str) -> dt.date | None:
    """A day typed as the office writes it, "05/01/2023" (or as a file does, "2023-01-05"); empty is None; anything
    else is a ValidationError naming `where`."""
    value = value.strip()
    if not value:
        return None
    try:
        if "/" in value:
            day, month, year = (int(part) for part in value.split("/"))
            return dt.date(year, month, day)
        return when.parse_day(value)
    except ValueError:
        raise ValidationError(
            _("{where}: “{value}” is not a date (dd/mm/yyyy).").format(where=where, value=value)
        ) from None


class Signature(NamedTuple):
    """The fields of a document the library signs (a plan, the letters of invitation)."""

    number: QLineEdit
    day: QDateEdit
    signer_title: QPlainTextEdit
    signer_name: QLineEdit

    def rows(self, signer_label: str) -> tuple[tuple[str, QWidget], ...]:
        return (
            (_("Number:"), self.number),
            (_("Date:"), self.day),
            (_("Signer's title:"), self.signer_title),
            (signer_label, self.signer_name),
        )


def signature_fields(parent: QWidget, title_height: int) -> Signature:
    """Empty number, today, the Director signing; the signer's title in a box `title_height` pixels high, as it
    may take two lines ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")."""
    signer_title = QPlainTextEdit(_("DIRECTOR"), parent)
    signer_title.setFixedHeight(title_height)
    return Signature(QLineEdit(parent), date_field(parent), signer_title, QLineEdit(parent))


class DocumentDateDialog(QDialog):
    """The date a document about one event bears (the list of guests, the checklist, the introduction), asked
    before printing: today, or the event's first day once it has passed."""

    def __init__(self, parent: QWidget | None, title: str, default: dt.date) -> None:
        super().__init__(parent)
        dress_dialog(self, "documentDateDialog", title, (360, 110))
        self.day = date_field(self, QDate(default.year, default.month, default.day))
        add_rows(QFormLayout(self), (_("Date of the document:"), self.day), ("", ok_cancel(self, _("Print"))))

    def chosen(self) -> dt.date:
        day = self.day.date()
        return dt.date(day.year(), day.month(), day.day())


def ask_document_day(parent: QWidget | None, title: str, event_id: int) -> dt.date | None:
    """The date chosen for a document about `event_id`; None when the user cancels."""
    from nlv_events.core import event_reading
    from nlv_events.printing.decree import document_day

    dialog = DocumentDateDialog(parent, title, document_day(None, event_reading.load_record(event_id).start))
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
