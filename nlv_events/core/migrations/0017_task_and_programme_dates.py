"""Indexes for the preparation screens among a hundred thousand events and twenty thousand tasks (issue #35).

Without statistics SQLite takes "live event" (deleted_at IS NULL, an index) as the narrowest start and walked every
event to find the board's open tasks (0.17 s) and the week's scheduled tasks (0.15 s). An index led by the task's
state, and one led by its place in the schedule, each followed by the due date, give it a narrower start: the
board's tasks in 5 ms. The week's programme rows were found by walking every event's programme (1.5 s): they are
found by their day.
"""


def up(migrator, db):
    migrator.migrate(
        migrator.add_index("task", ("state", "due"), False),
        migrator.add_index("task", ("on_schedule", "due"), False),
        migrator.add_index("programme_item", ("start_date",), False),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("programme_item", "programme_item_start_date"),
        migrator.drop_index("task", "task_on_schedule_due"),
        migrator.drop_index("task", "task_state_due"),
    )
