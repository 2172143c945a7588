"""The Exhibition tab of the event editor: sections and items (drag to reorder), quick add by call number,
import from a catalogue file with its preview, the loans and their warnings, and the printouts.

Changes here are saved as they are made (the exhibition's rows are the checklist the office works from), apart
from the event's own fields, which the editor's Save keeps.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import ConflictError, UserError, ValidationError
from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, SectionEntry
from nlv_events.i18n import _, pgettext
from nlv_events.services.exhibits import catalogue_import, loans, structure
from nlv_events.ui.exhibits.catalogue_import_dialog import CatalogueImportDialog
from nlv_events.ui.exhibits.exhibit_loans import ExhibitLoans, ask_text
from nlv_events.ui.exhibits.exhibit_printouts import ExhibitPrintouts
from nlv_events.ui.exhibits.exhibit_tree import ExhibitTreeModel
from nlv_events.ui.exhibits.item_form import ItemForm
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.views import pick_rows
from nlv_events.ui.shell.widgets import EntryLine, left_row, saved_at_once_note, scrolling
from nlv_events.ui.shell.workers import BackgroundTask

WARNING_STYLE = "background:#FFF4CE; color:#5C4400; padding:4px; border-radius:3px;"


def choose_catalogue_file(parent: QWidget) -> str:
    """The file to import (patchable in tests); "" when the user cancels."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Import from the catalogue"), "", _("Catalogue files (*.mrc *.dat *.xml *.csv *.xlsx);;All files (*)")
    )
    return path


def attach(editor) -> ExhibitTab:
    """Add the Exhibition tab to `editor`, shown only while its kind is exhibition."""
    tab = ExhibitTab(editor._record_id, editor)
    index = editor.tabs.addTab(scrolling(tab), _("Exhibition"))

    def follow_kind() -> None:
        editor.tabs.setTabVisible(index, editor.kind_box.currentData() == "exhibition")

    editor.kind_box.currentIndexChanged.connect(follow_kind)
    follow_kind()
    return tab


class ExhibitTab(ExhibitPrintouts, ExhibitLoans, QWidget):
    def __init__(self, event_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExhibitTab")
        self.event_id = event_id
        self.data = ExhibitData()
        self._loaded: ExhibitData | None = None
        self._loading = False
        self.import_task: BackgroundTask | None = None
        if isinstance(parent, QDialog):
            parent.finished.connect(self._stop_import)  # a thread must not outlive the dialog that owns it
        layout = QVBoxLayout(self)
        if event_id is None:
            note = QLabel(_("Save the new exhibition first; then open it again to build its sections and items."))
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)
            return

        self.count_label = QLabel(self)
        self.count_label.setObjectName("exhibitCount")
        self.override_box = QCheckBox(_("Count the figure entered on the General tab instead (override)"), self)
        self.override_box.toggled.connect(self._override_toggled)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("loanWarnings")
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("exhibitMessage")
        self.message.setStyleSheet("color:#B00020;")
        self.message.setWordWrap(True)
        self.message.hide()

        splitter = self._build_tree()
        buttons = self._build_buttons()
        loan_buttons = self._build_loans()
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.override_box)
        layout.addWidget(saved_at_once_note(self))
        layout.addLayout(top)
        layout.addWidget(self.warning_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(loan_buttons)
        layout.addWidget(self.loans_table)
        self.reload()

    def _build_tree(self) -> QSplitter:
        """The sections and items (drag to reorder) beside the selected item's form."""
        self.model = ExhibitTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("exhibitTree")
        self.tree.setModel(self.model)
        pick_rows(self.tree, reorder=True)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setColumnWidth(0, 380)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.rowsRemoved.connect(self._rows_moved)
        self.form = ItemForm(self)
        self.form.changed.connect(self._item_edited)
        splitter = QSplitter(self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 440])
        return splitter

    def _build_buttons(self) -> QHBoxLayout:
        self.add_section_button = QPushButton(_("Add section"), self)
        self.add_item_button = QPushButton(_("Add item"), self)
        self.remove_button = QPushButton(_("Remove"), self)
        self.up_button = QPushButton(_("Move up"), self)
        self.down_button = QPushButton(_("Move down"), self)
        self.call_number = EntryLine(self)
        self.call_number.setObjectName("quickCallNumber")
        self.call_number.setPlaceholderText(_("Call number"))
        self.call_number.entered.connect(self.quick_add)
        self.quick_button = QPushButton(_("Quick add"), self)
        self.import_button = QPushButton(_("Import from the catalogue…"), self)
        # A push button sizes itself for its text and the menu's arrow; a tool button drew the arrow over "In".
        self.print_button = QPushButton(_("Print"), self)
        self.print_button.setObjectName("exhibitPrint")
        self.print_button.setMenu(self._print_menu())
        self.add_section_button.clicked.connect(self.add_section)
        self.add_item_button.clicked.connect(lambda: self.add_item())  # not the `checked` flag as the item
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.quick_button.clicked.connect(self.quick_add)
        self.import_button.clicked.connect(self.import_catalogue)
        buttons = left_row(
            self.add_section_button,
            self.add_item_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        )
        for widget in (self.call_number, self.quick_button, self.import_button, self.print_button):
            buttons.addWidget(widget)
        return buttons

    # --- showing --------------------------------------------------------------------------------------------------

    def reload(self, select: tuple[int, int | None] | None = None) -> None:
        self._loading = True
        self.data = structure.load(self.event_id)
        self._loaded = copy.deepcopy(self.data)  # as stored: what a conflict message compares a colleague's save to
        self.model.set_data(self.data)
        self.tree.expandAll()
        self.loans_table.set_loans(self.data.loans)
        self.override_box.blockSignals(True)
        self.override_box.setChecked(self.data.count_override)
        self.override_box.blockSignals(False)
        self._loading = False
        self._show_count()
        if select is not None:
            self._select(*select)
        else:
            self.form.set_item(None)

    def _show_count(self) -> None:
        summary = structure.count_summary(self.event_id)
        if summary.checklist_total is None:
            text = _("No checklist yet: the tallies count the figure entered on the General tab.")
        elif summary.override:
            text = _(
                "Checklist: {total} items. The tallies count the figure entered by hand: {own} (override)."
            ).format(total=summary.checklist_total, own="—" if summary.own_figure is None else summary.own_figure)
        else:
            text = _("Checklist: {total} items, counted as the items displayed in the tallies.").format(
                total=summary.checklist_total
            )
        self.count_label.setText(text)
        found = loans.warnings(self.data)
        self.warning_label.setText("\n".join(warning.message() for warning in found))
        self.warning_label.setVisible(bool(found))

    def _select(self, section_row: int, item_row: int | None) -> None:
        if not 0 <= section_row < self.model.rowCount():
            return
        index = self.model.index(section_row, 0)
        if item_row is not None and 0 <= item_row < self.model.rowCount(index):
            index = self.model.index(item_row, 0, index)
        self.tree.setCurrentIndex(index)

    def _position(self) -> tuple[int, int | None] | None:
        """(section row, item row or None) of the selection."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        index = index.siblingAtColumn(0)
        if index.parent().isValid():
            return index.parent().row(), index.row()
        return index.row(), None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.entry(current)
        self.form.set_item(entry if isinstance(entry, ItemEntry) else None)

    # --- saving ---------------------------------------------------------------------------------------------------

    def save(self, data: ExhibitData | None = None, select: tuple[int, int | None] | None = None) -> bool:
        """Store `data` (by default what the tab shows); a problem is shown in the tab and nothing is stored."""
        if data is None:
            try:
                data = self.model.exhibit_data(self.data)
                data.loans = self.loans_table.loans()
            except ValidationError as error:
                self._show_message(str(error))
                return False
        data.count_override = self.override_box.isChecked()
        data.version = self.data.version  # the one loaded: a colleague's save since then is a conflict
        try:
            structure.save(self.event_id, data, base=self._loaded)
        except ConflictError as error:
            self.reload()  # their version, with the message saying what they changed
            self._show_message(str(error))
            return False
        except UserError as error:
            self._show_message(str(error))
            return False
        self.message.hide()
        self.reload(select if select is not None else self._position())
        return True

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _rows_moved(self) -> None:
        if not self._loading:
            # A drop inserts the rows, then removes the originals: save once both are done.
            QTimer.singleShot(0, self.save)

    def _override_toggled(self) -> None:
        if not self._loading:
            self.save()

    def _item_edited(self, item: ItemEntry) -> None:
        position = self._position()
        if position is None or position[1] is None:
            return
        section, row = position
        data = self.model.exhibit_data(self.data)
        data.sections[section].items[row] = item
        self.save(data, position)

    # --- actions --------------------------------------------------------------------------------------------------

    def _target_section(self, data: ExhibitData) -> int:
        position = self._position()
        if position is not None:
            return position[0]
        if not data.sections:
            data.sections.append(SectionEntry(title=_("Items from the catalogue")))
        return len(data.sections) - 1

    def add_section(self) -> None:
        title = ask_text(self, _("Add section"), _("Title of the section (the part number is added):"))
        if title:
            data = self.model.exhibit_data(self.data)
            data.sections.append(SectionEntry(title=title))
            self.save(data, (len(data.sections) - 1, None))

    def add_item(self, item: ItemEntry | None = None) -> None:
        data = self.model.exhibit_data(self.data)
        section = self._target_section(data)
        data.sections[section].items.append(item or ItemEntry(title=pgettext("exhibit item", "New item")))
        if self.save(data, (section, len(data.sections[section].items) - 1)) and item is None:
            self.form.lines["title"].setFocus()
            self.form.lines["title"].selectAll()

    def quick_add(self) -> None:
        call_number = self.call_number.text().strip()
        if not call_number:
            return
        known = structure.known_item(call_number)
        if known is None:
            self._show_message(
                _("No item with call number “{number}” is known yet: add it with Add item.").format(number=call_number)
            )
            return
        self.call_number.clear()
        self.add_item(known)

    def remove_selected(self) -> None:
        position = self._position()
        if position is None:
            return
        data = self.model.exhibit_data(self.data)
        section, row = position
        if row is None:
            removed = data.sections[section]
            if removed.items and not ask.confirm(
                self,
                _("Remove section"),
                _("Remove the section “{title}” with its {count} items?").format(
                    title=removed.title, count=len(removed.items)
                ),
            ):
                return
            del data.sections[section]
            self.save(data, (max(0, section - 1), None) if data.sections else None)
        else:
            del data.sections[section].items[row]
            self.save(data, (section, max(0, row - 1)) if data.sections[section].items else (section, None))

    def move_selected(self, step: int) -> None:
        position = self._position()
        if position is None:
            return
        data = self.model.exhibit_data(self.data)
        section, row = position
        rows = data.sections if row is None else data.sections[section].items
        index = section if row is None else row
        target = index + step
        if not 0 <= target < len(rows):
            return
        rows[index], rows[target] = rows[target], rows[index]
        self.save(data, (target, None) if row is None else (section, target))

    def import_catalogue(self) -> None:
        """Read the chosen file, show what it holds, add what the user confirms. The reading (about a second for
        5 000 records) and the adding (about three) run on a worker thread with progress and Cancel: on the
        window's own thread the editor stopped answering meanwhile."""
        path = choose_catalogue_file(self)
        if not path:
            return
        label = _("Reading {file}…").format(file=Path(path).name)
        self._background(label, lambda _progress, _is_cancelled: catalogue_import.read(path), self._confirm_catalogue)

    def _confirm_catalogue(self, preview: catalogue_import.Preview) -> None:
        dialog = CatalogueImportDialog(preview, self)
        if dialog.exec() != CatalogueImportDialog.DialogCode.Accepted:
            return
        position = self._position()
        section = self.data.sections[position[0]].title if position and self.data.sections else None

        def add(_progress, _is_cancelled) -> int:
            return catalogue_import.apply(self.event_id, preview, section)

        # All items are added in one transaction, which holds the database's write lock: it cannot stop once begun,
        # and the editor takes no input meanwhile (a change saved at once would wait for the lock, then be told a
        # colleague is saving).
        self._background(_("Adding the items from the catalogue…"), add, lambda _count: self.reload(position),
                         cancellable=False)  # fmt: skip

    def _stop_import(self, *_args) -> None:
        from shiboken6 import isValid  # a finished task has deleted itself

        if self.import_task is not None and isValid(self.import_task) and self.import_task.is_running():
            self.import_task.cancel()
            self.import_task.wait()

    def _background(self, label: str, job, done, cancellable: bool = True) -> None:
        self.import_button.setEnabled(False)  # one import at a time: the file read, then its items added
        self.import_task = task = BackgroundTask(self, label, job, cancellable=cancellable)
        task.done.connect(done)
        task.error.connect(lambda message: ask.warn(self, _("Import from the catalogue"), message))
        task.destroyed.connect(lambda: self._import_ended(task))
        task.start()

    def _import_ended(self, task: BackgroundTask) -> None:
        if task is self.import_task:  # not when the reading's task ends after it started the adding's
            self.import_button.setEnabled(True)
