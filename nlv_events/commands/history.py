"""`nlv-events history EVENT_ID`: who changed an event, when and what, and `--restore VERSION` to bring back an
earlier version as a new change."""

from __future__ import annotations

import argparse
import json

from nlv_events.i18n import _, pgettext


def register(commands, common: argparse.ArgumentParser) -> dict:
    history = commands.add_parser(
        "history", parents=[common], help="who changed an event, when and what; restore an earlier version"
    )
    history.add_argument("event_id", type=int, metavar="EVENT_ID")
    history.add_argument("--format", dest="output_format", choices=("table", "json"), default="table")
    history.add_argument(
        "--restore", type=int, metavar="VERSION", help="save the event as it was at VERSION, as a new change"
    )
    return {"history": _command_history}


def _command_history(arguments: argparse.Namespace) -> int:
    from nlv_events.commands.common import open_named_database
    from nlv_events.services.team import history

    open_named_database(arguments)
    if arguments.restore is not None:
        from nlv_events.core.errors import UserError
        from nlv_events.services.team import permissions

        permissions.refresh()
        allowed, why = permissions.may("restore")  # on a shared server, restoring is the admin's
        if not allowed:
            raise UserError(why)
        record = history.restore(arguments.event_id, arguments.restore)
        print(
            _("Event {id} is as it was at version {old}, saved as version {new}.").format(
                id=arguments.event_id, old=arguments.restore, new=record.version
            )
        )
        return 0
    changes = history.changes_of(arguments.event_id)
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
            change.kind if change.action == "changed" else f"{change.kind} {change.action}",
            history.describe(change),
        )
        for change in changes
    ]
    widths = [max(len(row[column]) for row in (headings, *rows)) for column in range(4)]
    for row in (headings, *rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4])
    return 0
