"""One log file shared by every NLV Events process (the window, a command, a scheduled backup), rotated safely."""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
from collections.abc import Iterator

PRIVATE = 0o600  # the log may name files and folders of the office: readable by its owner only


@contextlib.contextmanager
def _exclusive(lock_path: str) -> Iterator[bool]:
    """Hold the lock file shared by all processes; yields False when it cannot be had (the record is still written,
    only not rotated)."""
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, PRIVATE)
    except OSError:
        yield False
        return
    try:
        try:
            _lock(descriptor)
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


if os.name == "nt":
    import msvcrt

    def _lock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)  # retries for about 10 s, then OSError

    def _unlock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX)

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


class SharedRotatingFile(logging.Handler):
    """Appends each record to the log and rotates it at `max_bytes`, keeping `backup_count` older files.

    logging's RotatingFileHandler keeps the file open and renames it from whichever process finds it full: on
    Windows the rename fails while another process (the open window) has the file open ("WinError 32"), and on any
    system two processes rotate each other's files away. Here the file is opened for one record and closed at once,
    so no process holds it between records; the size is checked and the files renamed under a lock file every
    process shares; and a rename still refused (an antivirus scanning the file, an older version holding it) only
    puts the rotation off to a later record.
    """

    def __init__(self, path: str | os.PathLike[str], max_bytes: int, backup_count: int) -> None:
        super().__init__()
        self.baseFilename = os.path.abspath(path)  # the name logging's own file handlers use
        self.max_bytes = max_bytes
        self.backup_count = backup_count
        self.lock_path = self.baseFilename + ".lock"
        os.close(os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE))  # OSError if unwritable
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, PRIVATE)  # a log written by an older version may be readable by others

    def emit(self, record: logging.LogRecord) -> None:
        try:
            data = (self.format(record) + "\n").encode("utf-8")
            with _exclusive(self.lock_path) as locked:
                if locked and self._is_full(len(data)):
                    self._rotate()
                descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE)
                try:
                    os.write(descriptor, data)
                finally:
                    os.close(descriptor)
        except Exception:
            self.handleError(record)

    def _is_full(self, adding: int) -> bool:
        try:
            size = os.stat(self.baseFilename).st_size
        except OSError:
            return False
        return size > 0 and size + adding > self.max_bytes

    def _rotate(self) -> None:
        names = [self.baseFilename, *(f"{self.baseFilename}.{number}" for number in range(1, self.backup_count + 1))]
        try:
            for older, newer in reversed(list(itertools.pairwise(names))):
                if os.path.exists(older):
                    os.replace(older, newer)
        except OSError:
            pass  # held open elsewhere: this record joins the full file, a later one rotates it
