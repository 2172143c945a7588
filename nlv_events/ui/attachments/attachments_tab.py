"""The event editor's "Tệp đính kèm" tab: files added from a dialog or by drag and drop, opened with the system's
program, removed. Saved at once (files are not part of the editor's undo)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, _
from nlv_events.services.attachments import attachment_files
from nlv_events.ui.events import editor_tabs
from nlv_events.ui.events.editor_tabs import StoredEventTab
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.widgets import FileDrops, left_row, push_button, saved_at_once_note

ATTACHMENT_ID = Qt.ItemDataRole.UserRole


class AttachmentsTab(FileDrops, StoredEventTab):
    def __init__(self, editor: QWidget | None = None) -> None:
        super().__init__(editor)
        self.setObjectName("AttachmentsTab")
        self.setAcceptDrops(True)
        self.waiting = QLabel(_("Save the event first; then files can be attached here."), self)
        self.list = QListWidget(self)
        self.list.setObjectName("attachments")
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("kind")
        for kind in attachment_files.KIND_LABELS:
            self.kind_box.addItem(attachment_files.kind_label(kind), kind)
        self.add_button = push_button(self, _("Attach files…"), self.choose_files)
        self.open_button = push_button(self, _("Open"), self.open_selected)
        self.remove_button = push_button(self, _("Remove"), self.remove_selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(self.waiting)
        layout.addWidget(saved_at_once_note(self))
        layout.addLayout(left_row(QLabel(_("Kind"), self), self.kind_box, self.add_button, self.open_button,
                                  self.remove_button))  # fmt: skip
        layout.addWidget(self.list, 1)
        self.enable(False)

    def enable(self, stored: bool) -> None:
        self.waiting.setVisible(not stored)
        for widget in (self.list, self.kind_box, self.add_button, self.open_button, self.remove_button):
            widget.setEnabled(stored)

    def reload(self) -> None:
        self.list.clear()
        if self.event_id is None:
            return
        for attached in attachment_files.attachments(self.event_id):
            size = f"{attached.size / 1024:.0f} KB" if attached.size >= 1024 else f"{attached.size} B"
            item = QListWidgetItem(f"{attached.original_name}  ({attachment_files.kind_label(attached.kind)}, {size})")
            item.setData(ATTACHMENT_ID, attached.id)
            self.list.addItem(item)

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, _("Attach files"), "", _("All files (*)"))
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        if self.event_id is None:
            return
        try:
            for path in paths:  # every file checked first: one bad name attaches none
                attachment_files.checked_source(path)
            for path in paths:
                attachment_files.add(self.event_id, path, self.kind_box.currentData())
        except UserError as error:
            ask.warn(self, _("Attach files"), str(error))
        self.reload()

    def accepts_files(self) -> bool:
        return self.event_id is not None

    def _selected(self) -> attachment_files.AttachedFile | None:
        item = self.list.currentItem()
        if item is None or self.event_id is None:
            return None
        try:
            return attachment_files.find(self.event_id, item.data(ATTACHMENT_ID))
        except UserError as error:
            ask.warn(self, _("Attachments"), str(error))
            self.reload()
            return None

    def open_selected(self) -> None:
        attached = self._selected()
        if attached is None:
            return
        path = attachment_files.file_of(attached)
        if not path.is_file():
            ask.warn(self, _("Attachments"), _("{name} is missing from the media folder: it was moved or deleted.")
                     .format(name=path))  # fmt: skip
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        attached = self._selected()
        if attached is None:
            return
        question = _("Remove “{name}” from the event? Its copy in the media folder is deleted.").format(
            name=attached.original_name)  # fmt: skip
        if ask.confirm(self, _("Remove attachment"), question) and ask.done_unless_refused(
                self, _("Remove attachment"), lambda: attachment_files.remove(attached)):
            self.reload()


editor_tabs.register_tab("attachments", N_("Attachments"), AttachmentsTab)
