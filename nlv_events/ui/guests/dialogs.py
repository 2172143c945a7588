"""Dialogs of the Guests tab: importing a spreadsheet (columns mapped, preview, questions), the groups, a deputy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _
from nlv_events.services.events import names as known_names
from nlv_events.services.guests import guest_groups, guest_replies, spreadsheet_import
from nlv_events.ui.guests.printing_menu import leader_wording
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import chosen, column_choice, import_foot, import_layout
from nlv_events.ui.shell.widgets import ok_cancel
from nlv_events.ui.shell.workers import BackgroundTask

PREVIEW_COLUMNS = ("row", "honorific", "name", "position", "organisation", "group", "match")


class ImportDialog(QDialog):
    """Shows what the file holds and what will happen to each row; Import is enabled only without problems."""

    def __init__(self, event_id: int, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import guests from {file}").format(file=Path(path).name))
        self.resize(900, 520)
        self.event_id, self.path = event_id, path
        self.table_rows = spreadsheet_import.read_table(path)
        if not self.table_rows or not any(self.table_rows[0]):
            raise UserError(_("{path} is empty: the first row must name the columns.").format(path=Path(path).name))
        self.mapping_boxes: dict[str, QComboBox] = {}
        self.plan: spreadsheet_import.Preview | None = None
        self.summary: spreadsheet_import.ImportSummary | None = None
        self.task: BackgroundTask | None = None

        mapping = QFormLayout()
        for header in self.table_rows[0]:
            if not header:
                continue
            guessed = spreadsheet_import.guess_field(header) or ""
            self.mapping_boxes[header] = box = column_choice(self, spreadsheet_import.FIELDS, guessed, "", self.refresh)
            mapping.addRow(header, box)
        self.preview_table = QTableWidget(self)
        self.foot = import_foot(self, self.import_guests)
        self.problems, self.buttons, self.import_button = self.foot
        import_layout(self, _("Columns of the file and the fields they fill:"), self.foot,
                      (mapping, 0), (self.preview_table, 1))  # fmt: skip
        self.refresh()

    def mapping(self) -> dict[str, str]:
        return chosen(self.mapping_boxes)

    def refresh(self) -> None:
        try:
            self.plan = spreadsheet_import.preview(self.path, self.mapping())
        except UserError as error:
            self.plan = None
            self.foot.refuse(str(error), self.preview_table)
            return
        headers = [_("Row"), _("Form of address"), _("Name"), _("Position"), _("Organisation"), _("Group"),
                   _("In the address book")]
        self.preview_table.setColumnCount(len(headers))
        self.preview_table.setHorizontalHeaderLabels(headers)
        self.preview_table.setRowCount(len(self.plan.rows))
        for line, row in enumerate(self.plan.rows):
            match = {"new": _("new person"), "same": _("the same person"),
                     "unsure": _("perhaps {known}?").format(known=row.candidate)}[row.match]
            values = [str(row.row), row.entry.honorific, row.entry.name, row.entry.position, row.entry.organisation,
                      row.entry.group, match]
            for column, value in enumerate(values):
                self.preview_table.setItem(line, column, QTableWidgetItem(value or ""))
        self.preview_table.resizeColumnsToContents()
        self.problems.setText("\n".join(str(problem) for problem in self.plan.problems))
        self.import_button.setEnabled(not self.plan.problems and bool(self.plan.rows))

    def import_guests(self) -> None:
        if self.plan is None:
            return
        answers = {
            row.row: ask.confirm(self, _("Import guests"), _("Row {row}: is “{name}” ({organisation}) the same "
                                                            "person as {known}?").format(
                row=row.row, name=row.entry.name, organisation=row.entry.organisation or "—", known=row.candidate))
            for row in self.plan.unsure
        }
        # Written on a worker thread, with progress and Cancel: 10 000 rows take about two seconds, during which the
        # window stopped answering. Cancel takes back the batches written; a Cancel that comes after the last batch
        # cannot, and the list then shows the guests.
        plan = self.plan

        def job(progress, is_cancelled) -> spreadsheet_import.ImportSummary:
            return spreadsheet_import.apply(self.event_id, plan, answers, progress, is_cancelled)

        self.foot.buttons.setEnabled(False)
        for box in self.mapping_boxes.values():
            box.setEnabled(False)  # the preview being written stays the one shown
        self.task = BackgroundTask(self, _("Importing guests…"), job, done_even_if_cancelled=True)
        self.task.done.connect(self._imported)
        self.task.error.connect(lambda message: ask.warn(self, _("Import guests"), message))
        self.task.destroyed.connect(self._import_ended)
        self.task.start()

    def _imported(self, summary: spreadsheet_import.ImportSummary) -> None:
        self.summary = summary
        self.accept()

    def _import_ended(self) -> None:
        """After a failure or a Cancel: the preview is the user's again, to change or to import again."""
        self.task = None
        if self.summary is None:
            self.foot.buttons.setEnabled(True)
            for box in self.mapping_boxes.values():
                box.setEnabled(True)

    def reject(self) -> None:
        if self.task is not None:
            return  # the import is being written: its own Cancel (in the progress window) stops it
        super().reject()


class GroupsDialog(QDialog):
    """The guest groups, one per line, in order of protocol (the first ranks highest), and how many of the first
    are superiors whose letters say "tới dự và chỉ đạo"."""

    def __init__(self, parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Guest groups"))
        self.settings = settings or current_settings()
        self.editor = QPlainTextEdit("\n".join(known_names.guest_group_names()), self)
        self.leaders = QSpinBox(self)
        self.leaders.setRange(0, 50)
        self.leaders.setValue(guest_groups.leader_group_count())
        self.leaders.setObjectName("leaderGroups")
        self.wording = QLabel(self)
        self.wording.setWordWrap(True)
        self.editor.textChanged.connect(self.show_wording)
        self.leaders.valueChanged.connect(self.show_wording)
        leaders_form = QFormLayout()
        leaders_form.addRow(_("Superiors' groups (from the top):"), self.leaders)
        buttons = QDialogButtonBox(self)
        buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("One group per line, in order of protocol: a new guest is placed after the "
                                  "guests of the groups above theirs."), self))
        layout.addWidget(self.editor, 1)
        layout.addLayout(leaders_form)
        layout.addWidget(self.wording)
        layout.addWidget(buttons)
        self.show_wording()

    def names(self) -> list[str]:
        return [line.strip() for line in self.editor.toPlainText().splitlines() if line.strip()]

    def show_wording(self) -> None:
        self.wording.setText(leader_wording(self.names()[: self.leaders.value()]))

    def save(self) -> None:
        try:
            guest_groups.save_groups(self.editor.toPlainText().splitlines())
        except UserError as error:
            ask.warn(self, _("Guest groups"), str(error))
            return
        self.settings.set("invitations.leader_groups", str(self.leaders.value()))
        self.settings.save()
        self.accept()


class DeputyDialog(QDialog):
    """Who comes in the guest's place: form of address, name and position, as the card and the list print them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sends a deputy"))
        self.honorific = QComboBox(self)
        self.honorific.setEditable(True)
        self.honorific.addItems(["", *guest_replies.HONORIFICS])
        self.honorific.setObjectName("deputyHonorific")
        self.name = QLineEdit(self)
        self.name.setObjectName("deputyName")
        self.position = QLineEdit(self)
        self.position.setObjectName("deputyPosition")
        form = QFormLayout(self)
        form.addRow(_("Form of address of the deputy:"), self.honorific)
        form.addRow(_("Name of the deputy:"), self.name)
        form.addRow(_("Position of the deputy:"), self.position)
        form.addRow(ok_cancel(self, _("Save")))

    def values(self) -> dict[str, str]:
        """The keyword arguments of guest_replies.set_state for the deputy."""
        return {"deputy_honorific": self.honorific.currentText().strip(), "deputy_name": self.name.text().strip(),
                "deputy_position": self.position.text().strip()}
