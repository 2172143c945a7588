"""Sub-commands of preparing events: the tasks (listing, from the template, a task's state) and the week's work
schedule (lịch công tác tuần)."""

from __future__ import annotations

import argparse
import json
import sys

from nlv_events.commands.common import day, decree_options, decree_options_from, open_named_database
from nlv_events.core.cells import csv_text
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext

COLUMNS = ("id", "event_id", "event", "title", "owner", "due", "state", "done_on", "note")


def register(commands, common: argparse.ArgumentParser) -> dict:
    listing = commands.add_parser("tasks", parents=[common], help="list the tasks of events, make an event's tasks "
                                                                  "from its template, or set a task's state")
    listing.add_argument("event_id", type=int, nargs="?", metavar="EVENT_ID",
                         help="with --from-template: the event whose tasks to make")
    listing.add_argument("--from-template", action="store_true",
                         help="add the steps of the event's kind's template as its tasks (those it lacks)")
    listing.add_argument("--event", type=int, metavar="ID",
                         help="only the tasks of this event (cancelled or not; without it, those of cancelled events "
                              "are left out)")
    listing.add_argument("--owner", metavar="NAME", help="only the tasks of this member of staff")
    listing.add_argument("--due-before", type=day, metavar="YYYY-MM-DD", help="only tasks due before this day")
    listing.add_argument("--open", action="store_true", help="only tasks still to do or in progress")
    listing.add_argument("--set-state", nargs=2, metavar=("TASK_ID", "STATE"),
                         help="move a task to todo, doing, done or not_needed")
    listing.add_argument("--format", dest="output_format", choices=("table", "json", "csv"), default="table")

    week = commands.add_parser("week", parents=[common], help="print the week's work schedule (lịch công tác tuần)")
    week.add_argument("week_day", type=day, metavar="YYYY-MM-DD", help="a day of the week (its Monday is used)")
    week.add_argument("-o", "--output", metavar="FILE.pdf|FILE.docx", required=True)
    week.add_argument("--title", metavar="TEXT", help="whose schedule: the default names the library's leadership")
    decree_options(week)
    return {"tasks": _tasks, "week": _week}


def _event_id(arguments: argparse.Namespace) -> int:
    from nlv_events.services.events import event_store

    event_id = arguments.event_id if arguments.event_id is not None else arguments.event
    if event_id is None:
        raise UserError(_("Say which event: nlv-events tasks EVENT_ID --from-template."))
    if event_store.start_year(event_id) is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return event_id


def _set_state(task: str, state: str) -> None:
    from nlv_events.services.tasks import task_list

    try:
        task_id = int(task)
    except ValueError:
        raise UserError(_("“{value}” is not a task number.").format(value=task)) from None
    record = task_list.set_state(task_id, state)
    sys.stderr.write(_("Task {id} “{title}”: {state}.").format(
        id=record.id, title=record.title, state=task_list.state_label(record.state)) + "\n")


def _tasks(arguments: argparse.Namespace) -> int:
    from nlv_events.services.tasks import event_tasks, task_list

    open_named_database(arguments)
    if arguments.from_template:
        event_id = _event_id(arguments)
        count = event_tasks.add_from_template(event_id)
        sys.stderr.write(ngettext("{count} task added.", "{count} tasks added.", count).format(count=count) + "\n")
        arguments.event = event_id
    elif arguments.event_id is not None:
        arguments.event = arguments.event_id
    if arguments.set_state:
        _set_state(*arguments.set_state)
    rows = task_list.tasks(event_id=arguments.event, owner=arguments.owner, due_before=arguments.due_before,
                           open_only=arguments.open)
    left_out = 0
    if arguments.event is None:  # the board's list: a cancelled event's tasks will not be done (--event lists them)
        held = [row for row in rows if not row.event_cancelled]
        rows, left_out = held, len(rows) - len(held)
    _print(rows, arguments.output_format)
    if left_out and arguments.output_format == "table":
        sys.stdout.write(ngettext(
            "{count} task of a cancelled event left out (--event ID lists an event's own tasks).",
            "{count} tasks of cancelled events left out (--event ID lists an event's own tasks).",
            left_out).format(count=left_out) + "\n")
    return 0


def _print(rows, output_format: str) -> None:
    from nlv_events.i18n.formats import format_day
    from nlv_events.services.tasks import task_list

    table = [{"id": row.id, "event_id": row.event_id, "event": row.event_title, "title": row.title,
              "owner": row.owner or None, "due": row.due.isoformat() if row.due else None, "state": row.state,
              "done_on": row.done_on.isoformat() if row.done_on else None, "note": row.note or None} for row in rows]
    if output_format == "json":
        sys.stdout.write(json.dumps(table, ensure_ascii=False, indent=2) + "\n")
    elif output_format == "csv":
        sys.stdout.write(csv_text([COLUMNS, *([row[c] for c in COLUMNS] for row in table)], line_end="\n"))
    else:
        for row in rows:
            due = format_day(row.due) if row.due else "—"
            sys.stdout.write(f"{row.id:>5}  {due:<10}  {task_list.state_label(row.state):<12}  {row.title}"
                             f"  [{row.owner or '—'}]  #{row.event_id} {row.event_title}\n")
        sys.stdout.write(ngettext("{count} task.", "{count} tasks.", len(rows)).format(count=len(rows)) + "\n")


def _week(arguments: argparse.Namespace) -> int:
    from nlv_events.services.tasks import week_document

    open_named_database(arguments)
    week_document.write(arguments.week_day, arguments.output, decree_options_from(arguments), arguments.title)
    print(_("Wrote {file}.").format(file=arguments.output))
    return 0
