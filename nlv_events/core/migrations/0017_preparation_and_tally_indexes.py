"""Indexes for the preparation screens and the tallies among a hundred thousand events and twenty thousand tasks
(issue #35).

Without statistics SQLite takes "live event" (deleted_at IS NULL, an index) as the narrowest start and walked every
event to find the board's open tasks (0.17 s) and the week's scheduled tasks (0.15 s). An index led by the task's
state, and one led by its place in the schedule, each followed by the due date, give it a narrower start: the
board's tasks in 5 ms. The week's programme rows were found by walking every event's programme (1.5 s): they are
found by their day.

The tallies count a year's guests, tasks, photos and articles per kind of event, each walking the year's live events
by (deleted_at, start_date) and reading each event's row for its status and kind: 20 ms a count for 10 000 events.
The year's index carries the status and the kind too (it replaces the index of migration 0003, which it begins with),
and the counts read the index alone: 1-2 ms each.
"""


def up(migrator, db):
    migrator.migrate(
        migrator.add_index("task", ("state", "due"), False),
        migrator.add_index("task", ("on_schedule", "due"), False),
        migrator.add_index("programme_item", ("start_date",), False),
        migrator.add_index("event", ("deleted_at", "start_date", "status", "kind"), False),
        migrator.drop_index("event", "event_deleted_at_start_date"),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.add_index("event", ("deleted_at", "start_date"), False),
        migrator.drop_index("event", "event_deleted_at_start_date_status_kind"),
        migrator.drop_index("programme_item", "programme_item_start_date"),
        migrator.drop_index("task", "task_on_schedule_due"),
        migrator.drop_index("task", "task_state_due"),
    )
