"""`nlv-events history EVENT_ID`: who changed an event, when and what, and `--restore VERSION` to bring back an
earlier version as a new change; `--part exhibition|guests` does the same for the event's exhibition or guest list,
and `--show VERSION` prints a version whole."""

from __future__ import annotations

import argparse
import dataclasses
import json

from nlv_events.i18n import _, pgettext

# The parts a user names, and the kind their history entries carry.
PART_KINDS = {"event": None, "exhibition": "exhibit", "guests": "guest_list"}


def register(commands, common: argparse.ArgumentParser) -> dict:
    history = commands.add_parser(
        "history", parents=[common], help="who changed an event, when and what; restore an earlier version"
    )
    history.add_argument("event_id", type=int, metavar="EVENT_ID")
    history.add_argument("--format", dest="output_format", choices=("table", "json"), default="table")
    history.add_argument(
        "--part", choices=tuple(PART_KINDS), default="event",
        help="the event itself (the default), its exhibition or its guest list",
    )
    history.add_argument("--show", type=int, metavar="VERSION", help="print the part as it was at VERSION")
    history.add_argument(
        "--restore", type=int, metavar="VERSION", help="save the part as it was at VERSION, as a new change"
    )
    return {"history": _command_history}


def _command_history(arguments: argparse.Namespace) -> int:
    from nlv_events.commands.common import open_named_database
    from nlv_events.services.team import history, history_words

    open_named_database(arguments)
    part = PART_KINDS[arguments.part]
    if arguments.restore is not None:
        return _restore(arguments, part)
    if arguments.show is not None:
        return _show(arguments, part)
    changes = history.changes_of(arguments.event_id, part)
    if arguments.output_format == "json":
        print(json.dumps([change.as_json() for change in changes], ensure_ascii=False, indent=2, default=str))
        return 0
    if not changes:
        print(_("No change of event {id} is recorded yet.").format(id=arguments.event_id))
        return 0
    headings = (_("Version"), pgettext("saved", "When"), _("Who"), _("What"), _("Changes"))
    rows = [
        (
            "" if change.version is None else str(change.version),
            change.at,
            change.by,
            history_words.entry_words(change.kind, change.action),
            history.describe(change),
        )
        for change in changes
    ]
    widths = [max(len(row[column]) for row in (headings, *rows)) for column in range(4)]
    for row in (headings, *rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4])
    return 0


def _restore(arguments: argparse.Namespace, part: str | None) -> int:
    from nlv_events.core.errors import UserError
    from nlv_events.services.team import history, part_history, permissions

    permissions.refresh()
    allowed, why = permissions.may("restore")  # on a shared server, restoring is the admin's
    if not allowed:
        raise UserError(why)
    if part is None:
        record = history.restore(arguments.event_id, arguments.restore)
        print(
            _("Event {id} is as it was at version {old}, saved as version {new}.").format(
                id=arguments.event_id, old=arguments.restore, new=record.version
            )
        )
        return 0
    new_version = part_history.restore_part(arguments.event_id, part, arguments.restore)
    print(
        _("Restored {part} of event {id} as it was at version {old}, saved as version {new}.").format(
            part=_(part_history.PARTS[part]), id=arguments.event_id, old=arguments.restore, new=new_version
        )
    )
    return 0


def _show(arguments: argparse.Namespace, part: str | None) -> int:
    from nlv_events.core import event_history
    from nlv_events.services.team import history, part_history

    if part is None:
        record = history.version_of(arguments.event_id, arguments.show)
        values = event_history.snapshot(record)
        shown = [f"{name}: {value}" for name, value in dataclasses.asdict(record).items()
                 if name not in ("people", "programme") and value not in (None, "", [])]
    else:
        values = part_history.part_at(arguments.event_id, part, arguments.show)
        shown = part_history.lines(part, values)
    if arguments.output_format == "json":
        print(json.dumps(values, ensure_ascii=False, indent=2, default=str))
    else:
        print("\n".join(shown))
    return 0
