"""Thumbnails made and read off the GUI thread (QThreadPool); the view gets them by signal, one at a time."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from nlv_events.core.errors import UserError
from nlv_events.core.media_models import Photo
from nlv_events.services import media

log = logging.getLogger(__name__)


class ThumbnailLoader(QObject):
    """`request(photo)` → later `ready(photo_id, QImage)` or `failed(photo_id, message)` on the GUI thread."""

    ready = Signal(int, QImage)
    failed = Signal(int, str)

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)

    def request(self, photo: Photo) -> None:
        self.pool.start(_Job(self, photo, self.root))

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self.pool.waitForDone(milliseconds)


class _Job(QRunnable):
    def __init__(self, loader: ThumbnailLoader, photo: Photo, root: Path) -> None:
        super().__init__()
        self.loader, self.photo, self.root = loader, photo, root

    def run(self) -> None:
        # Only files here: the photo row was read on the GUI thread, so no database connection is opened.
        try:
            path = media.thumbnail(self.photo, self.root)
            image = QImage(str(path))  # QImage (unlike QPixmap) may be made outside the GUI thread
        except UserError as error:
            self.loader.failed.emit(self.photo.id, str(error))
        except Exception as error:  # a bug: logged, and the photo shows without a thumbnail
            log.exception("thumbnail failed")
            self.loader.failed.emit(self.photo.id, str(error))
        else:
            self.loader.ready.emit(self.photo.id, image)
