"""Thumbnails made and read off the GUI thread (QThreadPool); the GUI collects the finished ones with `take()`.

The results go through a queue rather than a Qt signal: with PySide6 6.12 every `Signal.emit()` made from Python
loses a reference to `True`, and a few hundred photos' worth of emits would bring the interpreter down.
"""

from __future__ import annotations

import logging
import queue
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool
from PySide6.QtGui import QImage, QPainter

from nlv_events.core.errors import UserError
from nlv_events.services.events import photo_list
from nlv_events.services.events.photo_list import PhotoView

log = logging.getLogger(__name__)



def framed(image: QImage, side: int) -> QImage:
    """The thumbnail centred in a square, so portrait and landscape photos line up in the grid."""
    scaled = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    square = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    square.fill(Qt.GlobalColor.transparent)
    painter = QPainter(square)
    painter.drawImage((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
    painter.end()
    return square


class ThumbnailLoader(QObject):
    """`request(photo)`; later `take()` returns (photo_id, QImage or None, problem) for each finished one."""

    def __init__(self, root: Path, side: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root, self.side = root, side
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.finished: queue.SimpleQueue[tuple[int, QImage | None, str]] = queue.SimpleQueue()
        self.outstanding = 0

    def request(self, photo: PhotoView) -> None:
        self.outstanding += 1
        self.pool.start(_Job(self.finished, photo, self.root, self.side))

    def take(self, limit: int) -> list[tuple[int, QImage | None, str]]:
        taken = []
        while len(taken) < limit:
            try:
                taken.append(self.finished.get_nowait())
            except queue.Empty:
                break
        self.outstanding -= len(taken)
        return taken

    def forget(self) -> None:
        """Drop what is queued and not started; what is running finishes into the queue and is ignored."""
        self.pool.clear()
        self.pool.waitForDone()
        self.take(1_000_000)
        self.outstanding = 0

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self.pool.waitForDone(milliseconds)


class _Job(QRunnable):
    def __init__(self, results: queue.SimpleQueue, photo: PhotoView, root: Path, side: int) -> None:
        super().__init__()
        self.results, self.photo, self.root, self.side = results, photo, root, side

    def run(self) -> None:
        # Only files here: the photo row was read on the GUI thread, so no database connection is opened.
        try:
            path = photo_list.thumbnail(self.photo, self.root)
            image = framed(QImage(str(path)), self.side)  # QImage (unlike QPixmap) may be made outside the GUI thread
        except UserError as error:
            self.results.put((self.photo.id, None, str(error)))
        except Exception as error:  # a bug: logged, and the photo shows without a thumbnail
            log.exception("thumbnail failed")
            self.results.put((self.photo.id, None, str(error)))
        else:
            self.results.put((self.photo.id, image, ""))
