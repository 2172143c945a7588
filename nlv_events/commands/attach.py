"""`nlv-events attach`: files attached to an event, added, listed, opened with the system's program or removed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext

KINDS = ("submission", "decision", "poster", "plan", "scan", "other")


def register(commands, common: argparse.ArgumentParser) -> dict:
    attach = commands.add_parser("attach", parents=[common],
                                 help="files attached to an event: add, list, open or remove")  # fmt: skip
    attach.add_argument("event_id", type=int, metavar="EVENT_ID")
    attach.add_argument("action", nargs="?", choices=("list", "add", "remove", "open"), default="list")
    attach.add_argument("files", nargs="*", metavar="FILE|ATTACHMENT_ID",
                        help="the files to add, or the attachment to open or remove")  # fmt: skip
    attach.add_argument("--kind", choices=KINDS, default="other", help="what the added files are (default: other)")
    attach.add_argument("--entry", type=int, metavar="ENTRY_ID",
                        help="with add: the register entry a signed scan is the copy of (its id: the first column of "
                             "`nlv-events register YEAR`)")  # fmt: skip
    attach.add_argument("--format", dest="output_format", choices=("table", "json"), default="table")
    return {"attach": _command_attach}


def _one_id(arguments: argparse.Namespace) -> int:
    if len(arguments.files) != 1 or not arguments.files[0].isdigit():
        raise UserError(_("Give the number of one attachment: nlv-events attach {event} {action} ID").format(
            event=arguments.event_id, action=arguments.action))  # fmt: skip
    return int(arguments.files[0])


def _command_attach(arguments: argparse.Namespace) -> int:
    from nlv_events.core.database import open_database
    from nlv_events.services.attachments import attachment_files, opening
    from nlv_events.services.exhibits.structure import event_or_error

    open_database(arguments.db)
    event_or_error(arguments.event_id)
    if arguments.action == "add":
        if not arguments.files:
            raise UserError(_("Give the files to attach: nlv-events attach {id} add FILE…").format(
                id=arguments.event_id))  # fmt: skip
        sources = [Path(name) for name in arguments.files]
        for source in sources:  # every file checked before any is copied: one bad name adds nothing
            attachment_files.checked_source(source)
        if arguments.entry is not None:  # nor a link to another event's document
            attachment_files.check_entry(arguments.event_id, arguments.entry)
        for source in sources:
            added = attachment_files.add(arguments.event_id, source, arguments.kind)
            if arguments.entry is not None:
                attachment_files.link_to_entry(added, arguments.entry)
        print(ngettext("Attached {count} file.", "Attached {count} files.", len(sources)).format(count=len(sources)))
        return 0
    if arguments.action in ("remove", "open"):
        attached = attachment_files.find(arguments.event_id, _one_id(arguments))
        if arguments.action == "open":
            opening.open_with_system(attachment_files.file_of(attached))
            return 0
        attachment_files.remove(attached)
        print(_("Removed the attachment “{name}”.").format(name=attached.original_name))
        return 0
    listed = attachment_files.attachments(arguments.event_id)
    if arguments.output_format == "json":
        rows = [{"id": item.id, "name": item.original_name, "kind": item.kind, "size": item.size,
                 "sha256": item.digest, "path": item.path, "register_entry": item.register_entry_id}
                for item in listed]  # fmt: skip
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for item in listed:
        print(f"{item.id:>4}  {attachment_files.kind_label(item.kind):<16}  {item.size:>10}  {item.original_name}")
    print(ngettext("{count} attachment", "{count} attachments", len(listed)).format(count=len(listed)))
    return 0
