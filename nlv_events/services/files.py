"""Writing output files atomically, so a failed run never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from nlv_events.core.errors import UserError
from nlv_events.i18n import _


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], mode: str = "wb", **open_args: object) -> Iterator[IO]:
    """Open a temporary file beside `path`; it replaces `path` only when the block ends without error."""
    target = Path(path)
    if target.is_dir():
        raise UserError(_("{path} is a folder; give a file name.").format(path=target))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    except OSError as error:
        raise UserError(
            _("Cannot write {path}: {reason}").format(path=target, reason=error.strerror or error)
        ) from error
    try:
        with os.fdopen(handle, mode, **open_args) as stream:  # type: ignore[call-overload]
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _output_mode(target))
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise UserError(
            _("Cannot write {path}: {reason}").format(path=target, reason=error.strerror or error)
        ) from error
    except BaseException:
        _discard(temporary)
        raise


def _output_mode(target: Path) -> int:
    """The mode the written file takes: an existing file keeps its own; a new one gets what the user's umask
    allows, as any program's output would (mkstemp's temporary file is private, 0600, which colleagues on a
    shared folder could not open)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    try:  # Linux tells it without changing it (safe while another thread creates files)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)  # elsewhere reading the umask means setting it; put it straight back
    return umask


def _discard(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
