"""The event editor's Photos tab: add pictures (buttons, a folder, drag and drop), caption, credit, people, choice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext
from nlv_events.services.events import photo_list
from nlv_events.services.events.photo_list import PhotoView
from nlv_events.services.media import event_photos, photo_files
from nlv_events.ui.media.photo_adding import PhotoAdding
from nlv_events.ui.media.photo_thumbnails import ThumbnailLoader
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.widgets import left_row, push_button, saved_at_once_note, wide_row
from nlv_events.ui.shell.workers import BackgroundTask

PHOTO_ID = Qt.ItemDataRole.UserRole
ICON_SIZE = 150


def _placeholder() -> QPixmap:
    square = QPixmap(ICON_SIZE, ICON_SIZE)
    square.fill(Qt.GlobalColor.lightGray)
    return square


class PhotosTab(PhotoAdding, QWidget):
    """Works on the stored event directly (photos are files, not part of the editor's undo)."""

    added = Signal(int)  # how many photos the last addition added

    def __init__(
        self, event_id: int, parent: QWidget | None = None, set_news_link: Callable[[str], None] | None = None
    ):
        super().__init__(parent)
        self.setObjectName("PhotosTab")
        self.event_id = event_id
        self.set_news_link = set_news_link
        self.task: BackgroundTask | None = None
        self._photos: dict[int, PhotoView] = {}
        self._filling = False
        self._select_after: int | None = None
        self.setAcceptDrops(True)
        try:
            self.root: Path | None = photo_files.media_root()
        except UserError as error:
            self.root = None
            self._root_problem = str(error)

        top = self._build_buttons()
        missing_row = self._build_missing_row()
        self._build_grid()
        details = self._build_details()
        splitter = QSplitter(self)
        splitter.addWidget(self.grid)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(saved_at_once_note(self))
        layout.addLayout(top)
        layout.addLayout(missing_row)
        layout.addWidget(splitter, 1)

        self._build_loading()
        if isinstance(parent, QDialog):
            parent.finished.connect(self.stop_work)  # a thread must not outlive the dialog that owns it
        self._loaded = False  # filled when first shown: opening the editor stays as quick as without photos

    def _build_buttons(self) -> QHBoxLayout:
        self.add_button = push_button(self, _("Add photos…"), self._choose_files)
        self.folder_button = push_button(self, _("Add a folder…"), self._choose_folder)
        self.news_button = push_button(self, _("News item…"), self.open_news)
        self.hint = QLabel(_("Drop photos or a folder here."), self)
        top = left_row(self.add_button, self.folder_button, self.hint)
        top.addWidget(self.news_button)
        return top

    def _build_missing_row(self) -> QHBoxLayout:
        """Shown when some photos' files are no longer where they were: where are they now?"""
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("missingPhotos")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("background:#FDE7E9; color:#6B0A12; padding:4px; border-radius:3px;")
        self.find_button = QPushButton(_("Find the moved folder…"), self)
        self.find_button.clicked.connect(self._find_moved_folder)
        return wide_row(self.missing_label, self.find_button)

    def _build_grid(self) -> None:
        self.grid = QListWidget(self)
        self.grid.setObjectName("photoGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.grid.setGridSize(QSize(ICON_SIZE + 30, ICON_SIZE + 48))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setWordWrap(True)
        self.grid.setLayoutMode(QListView.LayoutMode.Batched)  # hundreds of photos lay out without a pause
        self.grid.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.grid.currentItemChanged.connect(self._show_current)

    def _build_details(self) -> QWidget:
        """The selected photo's caption, credit, place in the news item and the people it shows."""
        self.caption_edit = QLineEdit(self)
        self.photographer_edit = QLineEdit(self)
        self.chosen_box = QCheckBox(_("Chosen for the news item"), self)
        self.order_box = QSpinBox(self)
        self.order_box.setRange(1, 999)
        # Its value is stored at once: typed digits count when the field is left (or Enter), not "1" of "12".
        self.order_box.setKeyboardTracking(False)
        self.people_list = QListWidget(self)
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.remove_button = QPushButton(_("Remove from the event"), self)
        self.remove_button.clicked.connect(self._remove_selected)
        for edited in (
            self.caption_edit.editingFinished,
            self.photographer_edit.editingFinished,
            self.chosen_box.toggled,
            self.order_box.valueChanged,
            self.people_list.itemChanged,
        ):
            edited.connect(self._store_current)
        details = QWidget(self)
        form = QFormLayout(details)
        form.addRow(_("Caption"), self.caption_edit)
        form.addRow(_("Photographer"), self.photographer_edit)
        form.addRow("", self.chosen_box)
        form.addRow(_("Order in the news item"), self.order_box)
        form.addRow(_("People shown"), self.people_list)
        form.addRow("", self.info_label)
        form.addRow("", self.remove_button)
        return details

    def _build_loading(self) -> None:
        """Thumbnails made off the GUI thread, and the timers that show them and the progress of an addition."""
        self.loader = ThumbnailLoader(self.root or Path("."), ICON_SIZE, self)
        self._items: dict[int, QListWidgetItem] = {}
        self._placeholder = QIcon(_placeholder())
        # Thumbnails arrive by the hundred when photos are added: they are shown a few at a time, so the window
        # never stops answering for longer than a few milliseconds.
        self._show_timer = QTimer(self)
        self._show_timer.setInterval(30)
        self._show_timer.timeout.connect(self._show_finished)
        self._progress = (0, 0)
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(250)
        self._progress_timer.timeout.connect(self._show_progress)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self.reload()
        super().showEvent(event)

    def stop_work(self, *_args) -> None:
        """Cancel an addition under way (the photos added so far stay) and let the thumbnails finish."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
        self._show_timer.stop()
        self.loader.forget()

    def reload(self, select: int | None = None) -> None:
        self._loaded = True
        current = select if select is not None else self.current_photo_id()
        self._filling = True
        self.grid.clear()
        self._photos = {photo.id: photo for photo in photo_list.photos(self.event_id)}
        self._people = event_photos.appearances(self.event_id)
        self._shown = event_photos.people_shown(list(self._photos))
        self._items = {}
        self.loader.forget()
        for photo in self._photos.values():
            item = QListWidgetItem(self._placeholder, self._item_text(photo), self.grid)
            item.setData(PHOTO_ID, photo.id)
            item.setToolTip(photo.original_name)
            self._items[photo.id] = item
            if photo.id == current:
                self.grid.setCurrentItem(item)
        self._filling = False
        if self.root is not None:
            for photo in self._photos.values():
                self.loader.request(photo)
            self._show_timer.start()
        self._update_missing()
        if self.grid.currentItem() is None and self.grid.count():
            self.grid.setCurrentRow(0)
        self._show_current()
        enabled = self.root is not None
        for widget in (self.add_button, self.folder_button):
            widget.setEnabled(enabled)
        if not enabled:
            self.hint.setText(self._root_problem)

    def _item_text(self, photo) -> str:
        star = "★ " if photo.chosen else ""
        return star + (photo.caption or photo.original_name)

    def current_photo_id(self) -> int | None:
        item = self.grid.currentItem()
        return None if item is None else item.data(PHOTO_ID)

    def _show_finished(self) -> None:
        for photo_id, image, problem in self.loader.take(12):
            item = self._items.get(photo_id)
            if item is None:
                continue
            if image is not None and not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            else:
                item.setToolTip(problem)
        if self.loader.outstanding <= 0:
            self._show_timer.stop()

    def thumbnails_shown(self) -> bool:
        return self.loader.outstanding <= 0

    def _update_missing(self) -> None:
        gone = [] if self.root is None else photo_list.missing(self.event_id, self.root)
        self.missing_label.setText(
            ngettext(
                "{count} photo is missing from the photos folder {folder}: {names}.",
                "{count} photos are missing from the photos folder {folder}: {names}.",
                len(gone),
            ).format(count=len(gone), folder=self.root, names=", ".join(p.original_name for p in gone[:5]))
        )
        self.missing_label.setVisible(bool(gone))
        self.find_button.setVisible(bool(gone))

    def _show_current(self, *_args) -> None:
        photo = self._photos.get(self.current_photo_id())
        self._filling = True
        for widget in (self.caption_edit, self.photographer_edit, self.chosen_box, self.order_box, self.people_list):
            widget.setEnabled(photo is not None)
        self.remove_button.setEnabled(photo is not None)
        self.people_list.clear()
        if photo is not None:
            self.caption_edit.setText(photo.caption)
            self.photographer_edit.setText(photo.photographer)
            self.chosen_box.setChecked(photo.chosen)
            self.order_box.setValue(photo.sort_order + 1)
            shown = set(self._shown.get(photo.id, []))
            for person_id, line in self._people:
                item = QListWidgetItem(line, self.people_list)
                item.setData(PHOTO_ID, person_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if person_id in shown else Qt.CheckState.Unchecked)
            taken = f"{photo.taken_at:%d/%m/%Y %H:%M}" if photo.taken_at else _("no date in the photo")
            self.info_label.setText(f"{photo.original_name} · {photo.width}×{photo.height} · {taken}")
        else:
            self.caption_edit.clear()
            self.photographer_edit.clear()
            self.info_label.setText(_("No photos yet.") if not self._photos else "")
        self._filling = False

    def _store_current(self, *_args) -> None:
        photo_id = self.current_photo_id()
        if self._filling or photo_id is None:
            return
        people = [
            self.people_list.item(row).data(PHOTO_ID)
            for row in range(self.people_list.count())
            if self.people_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        try:
            photo = photo_list.update(
                photo_id,
                caption=self.caption_edit.text(),
                photographer=self.photographer_edit.text(),
                chosen=self.chosen_box.isChecked(),
                sort_order=self.order_box.value() - 1,
                people=people,
                version=self._photos[photo_id].version,  # as loaded: a colleague's change since is a conflict
            )
        except UserError as error:
            ask.warn(self, _("Photos"), str(error))
            self.reload()
            return
        self._photos[photo_id] = photo
        self._shown[photo_id] = people
        item = self.grid.currentItem()
        if item is not None:
            item.setText(self._item_text(photo))

    def _remove_selected(self) -> None:
        ids = [item.data(PHOTO_ID) for item in self.grid.selectedItems()] or [self.current_photo_id()]
        ids = [photo_id for photo_id in ids if photo_id is not None]
        question = ngettext(
            "Remove {count} photo from the event? Its copy in the photos folder is deleted; the original stays.",
            "Remove {count} photos from the event? Their copies in the photos folder are deleted; the originals stay.",
            len(ids),
        ).format(count=len(ids))
        if ids and ask.confirm(self, _("Photos"), question):
            for photo_id in ids:
                event_photos.remove_photo(photo_id, self.root)
            self.reload()

    def open_news(self) -> None:
        from nlv_events.ui.media.news_editor import NewsEditor

        try:
            editor = NewsEditor(self.event_id, self, set_news_link=self.set_news_link)
        except UserError as error:
            ask.warn(self, _("News item"), str(error))
            return
        editor.exec()
