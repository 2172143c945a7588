"""Preparing each event: the office's staff, the task templates of each kind of event, each event's tasks, and the
items typed into one week's work schedule (migration 0014)."""

from __future__ import annotations

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField, TimeField

from nlv_events.core.models import BaseModel, Event

# A task's states, in the order the board and the editor offer them; the first two are "open".
TASK_STATES = ("todo", "doing", "done", "not_needed")
OPEN_STATES = ("todo", "doing")
# What a step's offset counts from: the event's first day or its last.
ANCHORS = ("start", "end")
# A week item's half day.
PARTS_OF_DAY = ("morning", "afternoon")


class Staff(BaseModel):
    """One of the office's people, who may own tasks; `role` matches a template step's default owner role, `login`
    links them to a user account when there is one (the team's logins)."""

    name = CharField()
    position = TextField(null=True)
    unit = TextField(null=True)
    role = CharField(null=True)
    login = CharField(null=True)
    version = IntegerField(default=1)


class TaskTemplate(BaseModel):
    """The list of steps a kind of event needs; one template per kind."""

    kind = CharField(unique=True)
    name = TextField()
    version = IntegerField(default=1)


class TemplateStep(BaseModel):
    """One step: due `offset_days` after the event's start or end (negative: before it), owned by whoever has
    `owner_role` in the staff list."""

    template = ForeignKeyField(TaskTemplate, on_delete="CASCADE", backref="steps")
    sort_order = IntegerField(default=0)
    title = TextField()
    owner_role = CharField(null=True)
    offset_days = IntegerField(default=0)
    anchor = CharField(default="start")


class Task(BaseModel):
    """One thing to do before (or after) one event. `anchor` says which of the event's days its due date follows
    when the event moves; `on_schedule` puts it in the week's work schedule."""

    event = ForeignKeyField(Event, on_delete="CASCADE", backref="tasks")
    sort_order = IntegerField(default=0)
    title = TextField()
    owner = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="tasks")
    due = DateField(null=True, index=True)
    anchor = CharField(default="start")
    state = CharField(default="todo")
    note = TextField(null=True)
    done_on = DateField(null=True)
    on_schedule = BooleanField(default=False)
    version = IntegerField(default=1)


# The board's open tasks and the week's scheduled ones, each by due date (migration 0017).
Task.add_index(Task.state, Task.due)
Task.add_index(Task.on_schedule, Task.due)


class WeekItem(BaseModel):
    """An item typed into the week's work schedule for that week only (a meeting, a visit): not an event."""

    day = DateField(index=True)
    part = CharField(default="morning")
    time = TimeField(null=True)
    content = TextField()
    leader = TextField(null=True)
    place = TextField(null=True)
    preparer = TextField(null=True)
    version = IntegerField(default=1)


TASK_MODELS: tuple[type[BaseModel], ...] = (Staff, TaskTemplate, TemplateStep, Task, WeekItem)
