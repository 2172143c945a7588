"""Writing output files atomically, so a failed run never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import errno
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
        raise UserError(_("Cannot write {path}: {reason}.").format(path=target, reason=reason(error))) from error
    try:
        with os.fdopen(handle, mode, **open_args) as stream:  # type: ignore[call-overload]
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise UserError(_("Cannot write {path}: {reason}.").format(path=target, reason=reason(error))) from error
    except BaseException:
        _discard(temporary)
        raise


def reason(error: OSError) -> str:
    """Why a file could not be written, in the user's language (the system's own words are English)."""
    reasons = {
        errno.EACCES: _("no permission to write there (or the file is open in another program)"),
        errno.EPERM: _("no permission to write there (or the file is open in another program)"),
        errno.ENOENT: _("the folder does not exist"),
        errno.ENOSPC: _("the disk is full"),
        errno.EROFS: _("the disk is read-only"),
        errno.ENAMETOOLONG: _("the name is too long"),
    }
    return reasons.get(error.errno or 0, _("the system refused ({code})").format(code=error.errno))


def _discard(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
