"""Adding photos to the Photos tab: the buttons, a folder, drag and drop, in the background; finding moved files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from nlv_events.i18n import _, ngettext
from nlv_events.services.events import photo_list
from nlv_events.services.media import event_photos
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.widgets import FileDrops
from nlv_events.ui.shell.workers import BackgroundTask


class PhotoAdding(FileDrops):
    """Mixed into PhotosTab (ui/media/photos_tab.py): copies and reads the pictures off the GUI thread, the tab
    staying usable and showing the progress."""

    def _choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, _("Add photos"), "", _("Pictures (*.jpg *.jpeg *.png *.tif *.tiff *.webp)")
        )
        if files:
            self.add_files([Path(file) for file in files])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Add the photos of a folder"))
        if folder:
            self.add_files([Path(folder)])

    def accepts_files(self) -> bool:
        return self.root is not None

    def add_files(self, paths: list[Path]) -> None:
        """Copy and read the pictures in the background; the window stays usable and shows the progress."""
        if self.root is None or self.task is not None:
            return
        files = event_photos.image_files(paths)
        root, event_id = self.root, self.event_id

        self._progress = (0, len(files))

        def note_progress(done: int, total: int) -> None:
            self._progress = (done, total)  # read by the GUI's timer: see below

        def job(_progress, is_cancelled):
            # The progress is polled, not signalled: with PySide6 6.12 on Python 3.11 each Signal.emit() from Python
            # loses a reference to True (see photo_thumbnails), and this job would emit once per photo.
            return photo_list.add(event_id, files, root, note_progress, is_cancelled)

        self.task = BackgroundTask(self, _("Adding photos…"), job)
        self.task.done.connect(self._added)
        self.task.error.connect(lambda message: ask.warn(self, _("Photos"), message))
        self.task.destroyed.connect(self._task_gone)
        for widget in (self.add_button, self.folder_button):
            widget.setEnabled(False)
        self._progress_timer.start()
        self.task.start()

    def _show_progress(self) -> None:
        done, total = self._progress
        self.hint.setText(_("Adding photos: {done} of {total}…").format(done=done, total=total))

    def _task_gone(self, *_args) -> None:
        self.task = None  # the task deletes itself once its thread has finished
        self._progress_timer.stop()
        self.hint.setText(_("Drop photos or a folder here."))
        self.reload(select=self._select_after)

    def _added(self, result: photo_list.Added) -> None:
        self._select_after = result.ids[0] if result.ids else None
        # A folder added again (after a crash, or to pick up new pictures) adds what is new and says what it left.
        already = ngettext(
            "{count} file was already among the event's photos and was left out.",
            "{count} files were already among the event's photos and were left out.",
            result.already,
        ).format(count=result.already)
        if result.problems:
            ask.warn(
                self,
                _("Photos"),
                ngettext(
                    "{added} photo added; these files were not:",
                    "{added} photos added; these files were not:",
                    len(result.ids),
                ).format(added=len(result.ids))
                + "\n\n"
                + "\n".join(result.problems[:20])
                + (f"\n\n{already}" if result.already else ""),
            )
        elif result.already:
            ask.inform(self, _("Photos"), already)
        self.added.emit(len(result.ids))

    def _find_moved_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Where are the photos now?"))
        if folder:
            self.recover_from(Path(folder))

    def recover_from(self, folder: Path) -> None:
        recovered, still = photo_list.recover_missing(folder, self.event_id, self.root)
        self.reload()
        message = ngettext(
            "{count} photo was found and copied back into the photos folder.",
            "{count} photos were found and copied back into the photos folder.",
            recovered,
        ).format(count=recovered)
        if still:
            message += " " + _("Still missing: {names}.").format(names=", ".join(p.original_name for p in still))
        ask.inform(self, _("Photos"), message)
