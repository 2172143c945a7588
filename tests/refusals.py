"""The system's refusals the suite cannot meet for real, simulated where they happen."""

from __future__ import annotations

import builtins
import errno
import io
from pathlib import Path


def refuse_to_read(monkeypatch, refused: Path) -> None:
    """The system's refusal to open `refused` for reading (no permission), as a user without read rights meets it.
    The suite runs as root, which reads a file whatever its mode (chmod 000 included): the refusal is simulated where
    every read of a file starts, the opening (pathlib's and shutil's both go through io.open)."""
    real_open = io.open

    def opening(file, mode="r", *args, **kwargs):
        if "r" in mode and str(file) == str(refused):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", opening)
    monkeypatch.setattr(builtins, "open", opening)
