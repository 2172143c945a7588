"""Writing output files atomically, so a failed run never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from nlv_events.core import database
from nlv_events.core.errors import UserError
from nlv_events.i18n import _

# Files being written right now (backups in progress): no other output may land on them.
_BEING_WRITTEN: set[Path] = set()


def same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve() or (first.exists() and second.exists() and first.samefile(second))
    except OSError:
        return False


def refuse_protected(target: Path) -> None:
    """Refuse an output path that is the open database, a file SQLite keeps beside it, or a backup being written:
    writing there would destroy the record."""
    open_file = database.open_file()
    protected = [*(database.companion_files(open_file) if open_file else []), *_BEING_WRITTEN]
    if any(same_file(target, path) for path in protected):
        raise UserError(
            _(
                "{path} is the database in use (or a file SQLite keeps beside it, or a backup being written); "
                "writing there would destroy it. Choose another file name."
            ).format(path=target)
        )


@contextlib.contextmanager
def being_written(path: Path) -> Iterator[None]:
    """Mark `path` as being written for the duration of the block."""
    resolved = path.resolve()
    _BEING_WRITTEN.add(resolved)
    try:
        yield
    finally:
        _BEING_WRITTEN.discard(resolved)


def mode_for(target: Path) -> int:
    """The permissions a written file gets: the ones the file had, or what the user's umask allows for a new file,
    as any program's output would (mkstemp's temporary file is private, 0600, which colleagues on a shared folder
    could not open)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], mode: str = "wb", **open_args: object) -> Iterator[IO]:
    """Open a temporary file beside `path`; it replaces `path` only when the block ends without error."""
    target = Path(path)
    if target.is_dir():
        raise UserError(_("{path} is a folder; give a file name.").format(path=target))
    refuse_protected(target)
    permissions = mode_for(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    except OSError as error:
        raise UserError(_("Cannot write {path}: {reason}.").format(path=target, reason=reason(error))) from error
    try:
        os.chmod(temporary, permissions)  # mkstemp makes it 0600; the result keeps what the file had
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


def copy_whole(source: Path, target: Path, message: str) -> None:
    """Copy `source` to `target` through a ".part" file renamed into place, so that a copy stopped halfway never
    looks whole; a failure is a UserError worded by `message`, which names the file as {name} and the system's
    reason as {reason}."""
    temporary = target.with_name(target.name + ".part")
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UserError(message.format(name=source.name, reason=error.strerror or error)) from error


def make_folder(folder: Path, message: str) -> None:
    """Create `folder` and the folders above it; one that cannot be made is a UserError worded by `message`, which
    names the folder as {path} and the reason, in the user's language, as {reason}."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(message.format(path=folder, reason=reason(error))) from error


def reason(error: OSError) -> str:
    """Why a file could not be written, in the user's language (the system's own words are English)."""
    reasons = {
        errno.EACCES: _("no permission to write there (or the file is open in another program)"),
        errno.EPERM: _("no permission to write there (or the file is open in another program)"),
        errno.ENOENT: _("the folder does not exist"),
        errno.ENOSPC: _("the disk is full"),
        errno.EROFS: _("the disk is read-only"),
        errno.ENAMETOOLONG: _("the name is too long"),
        # a folder is wanted where a file has its name (the system said "File exists" or "Not a directory")
        errno.EEXIST: _("a file of that name is in the way of the folder"),
        errno.ENOTDIR: _("a file of that name is in the way of the folder"),
    }
    return reasons.get(error.errno or 0, _("the system refused ({code})").format(code=error.errno))
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
