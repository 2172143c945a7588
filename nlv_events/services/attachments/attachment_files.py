"""An event's attached files: each copied into the media folder (beside the SQLite file, or the shared folder of the
settings) under a safe stored name — its SHA-256 and its ending, ASCII only — with the name it came with kept for
display. A missing file, a folder, a file the system will not let us read and a file over the size limit (the setting
attachments.max_mb) are refused, each in one line, before anything is copied."""

from __future__ import annotations

import errno
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from nlv_events.core import guard, history, versioned
from nlv_events.core.attachment_models import ATTACHMENT_KINDS, Attachment
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.files import copy_whole, make_folder
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.register_models import RegisterEntry
from nlv_events.core.settings import current_settings
from nlv_events.i18n import N_, _
from nlv_events.services.exhibits.structure import event_or_error

FOLDER = "attachments"
KIND_LABELS = {"submission": N_("Submission"), "decision": N_("Decision"), "poster": N_("Poster"),
               "plan": N_("Floor layout"), "scan": N_("Signed scan"), "other": N_("Other")}  # fmt: skip
_SAFE_ENDING = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


@dataclass(frozen=True)
class AttachedFile:
    id: int
    event_id: int
    path: str  # in the media folder, "/"-separated
    original_name: str
    kind: str
    size: int
    digest: str
    register_entry_id: int | None
    version: int


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


def size_limit() -> int:
    """The largest file that may be attached, in bytes (the setting, in megabytes; a bad value means 50)."""
    try:
        megabytes = float(current_settings().get("attachments.max_mb"))
    except ValueError:
        megabytes = 50.0
    return int(max(megabytes, 0) * 1024 * 1024)


def checked_source(source: Path) -> int:
    """The size of `source`, or the one line that says why it cannot be attached."""
    if source.is_dir():
        raise UserError(_("{name} is a folder: attach the files in it one by one.").format(name=source))
    if not source.is_file():
        raise UserError(_("{name} does not exist.").format(name=source))
    try:
        with source.open("rb") as stream:
            stream.read(1)
        size = source.stat().st_size
    except OSError as error:
        raise unreadable(source, error) from None
    if size > size_limit():
        raise UserError(
            _("{name} is {size} MB, over the limit of {limit} MB for an attachment (Settings).").format(
                name=source, size=f"{size / 1024 / 1024:.1f}", limit=f"{size_limit() / 1024 / 1024:g}"
            )
        )
    return size


def unreadable(source: Path, error: OSError) -> UserError:
    """Why `source` cannot be attached when the system refuses to read it, and what to do, in one line."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return UserError(_("Cannot read {name}: you have no permission to read it (or another program keeps it "
                           "locked). Ask for access to it, or save a copy you can read and attach that.").format(
        name=source))  # fmt: skip
    return UserError(_("Cannot read {name}: {reason}").format(name=source, reason=error.strerror or error))


def _line(row: Attachment) -> AttachedFile:
    return AttachedFile(row.id, row.event_id, row.path, row.original_name, row.kind, row.size, row.digest,
                        row.register_entry_id, row.version)  # fmt: skip


def attachments(event_id: int) -> list[AttachedFile]:
    query = Attachment.select().where(Attachment.event == event_id).order_by(Attachment.added_at, Attachment.id)
    return [_line(row) for row in query]


def stored_path(event: Event, digest: str, original_name: str) -> str:
    ending = Path(original_name).suffix.lower()
    return f"{FOLDER}/{event.ref}/{digest[:24]}{ending if _SAFE_ENDING.match(ending) else ''}"


def copy_in(source: Path, relative: str, root: Path) -> None:
    """Copy `source` to `relative` under `root`, whole or not at all."""
    target = root / Path(*relative.split("/"))
    make_folder(target.parent, _("Cannot create the attachments folder {path}: {reason}"))
    copy_whole(source, target, _("Cannot copy {name} into the media folder: {reason}"))


def add(event_id: int, source: Path, kind: str = "other", root: Path | None = None,
        original_name: str | None = None) -> AttachedFile:  # fmt: skip
    """Attach `source` to the event (the same file twice is attached once); `original_name` is the name shown
    (default: the file's own)."""
    event = event_or_error(event_id)
    if kind not in ATTACHMENT_KINDS:
        raise UserError(_("The kind of attachment must be one of: {kinds}.").format(kinds=", ".join(ATTACHMENT_KINDS)))
    size = checked_source(source)
    try:
        with source.open("rb") as stream:
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError as error:  # refused since it was checked
        raise unreadable(source, error) from None
    same = Attachment.get_or_none((Attachment.event == event) & (Attachment.digest == digest))
    if same is not None:
        return _line(same)
    name = original_name or source.name
    relative = stored_path(event, digest, name)
    copy_in(source, relative, root or _media_root())
    # a refusal (a viewer's role, a read-only file) in the user's words
    with guard.database_errors(), database_proxy.atomic():
        row = Attachment.create(event=event, path=relative, original_name=name, kind=kind, size=size, digest=digest)
        history.rows_added(Attachment, [row.id])
    return _line(row)


def _media_root() -> Path:
    # The photos' module, here and not at the top: it loads Pillow, and the window imports this module at start for
    # its Attachments tab (issue #35).
    from nlv_events.services.media.photo_files import media_root

    return media_root()


def file_of(attached: AttachedFile, root: Path | None = None) -> Path:
    return (root or _media_root()) / Path(*attached.path.split("/"))


def find(event_id: int, attachment_id: int) -> AttachedFile:
    row = Attachment.get_or_none((Attachment.id == attachment_id) & (Attachment.event == event_id))
    if row is None:
        raise UserError(_("The event {event} has no attachment {id}.").format(event=event_id, id=attachment_id))
    return _line(row)


def remove(attached: AttachedFile, root: Path | None = None) -> None:
    """Take the attachment off its event; its copy goes when no other event holds the same file. A database that
    refuses the removal (a viewer's role, a read-only file) is a UserError, and the file stays."""
    with guard.database_errors(), database_proxy.atomic():
        history.rows_removing(Attachment, [attached.id])
        Attachment.delete().where(Attachment.id == attached.id).execute()
    if not Attachment.select().where(Attachment.path == attached.path).exists():
        file_of(attached, root).unlink(missing_ok=True)


def check_entry(event_id: int, entry_id: int) -> None:
    """Refuse, in one line, to link a file of the event to register entry `entry_id` unless the entry is one of that
    event's documents: the e-mailed invitations send the signed scan of the event's own entry and pass over any
    other link, so a scan linked to another event's entry was never sent."""
    entry = RegisterEntry.get_or_none(RegisterEntry.id == entry_id)
    if entry is None:
        raise UserError(_("The register has no entry {id}.").format(id=entry_id))
    if entry.event_id == event_id:
        return
    from nlv_events.services.register.numbering import number_text  # here: the window loads this module at start

    number = number_text(entry.number, entry.symbol)
    owner = Event.get_or_none(Event.id == entry.event_id) if entry.event_id is not None else None
    if owner is None:
        raise UserError(_("Register entry {id} ({number}) is not a document of any event: link the file to an entry "
                          "of event {event}.").format(id=entry_id, number=number, event=event_id))
    raise UserError(_("Register entry {id} ({number}) is a document of event {other} “{title}”, not of event {event}: "
                      "link the file to an entry of its own event.").format(
        id=entry_id, number=number, other=owner.id, title=owner.title, event=event_id))


def link_to_entry(attached: AttachedFile, entry_id: int | None) -> AttachedFile:
    """Make a signed scan the signed copy of register entry `entry_id` (None: of none), an entry of its own event,
    with the version it was read at."""
    if entry_id is not None:
        check_entry(attached.event_id, entry_id)

    def conflict() -> ConflictError:
        return ConflictError(_("A colleague changed the attachment “{name}” since you opened it.").format(
            name=attached.original_name), [_("register entry")])  # fmt: skip

    with guard.database_errors():
        versioned.write_or_conflict(Attachment, attached.id, attached.version,
                                    {Attachment.register_entry: entry_id}, conflict)  # fmt: skip
    return _line(Attachment.get_by_id(attached.id))
