"""Tasks, task templates, staff and the week's typed items in the interchange file.

The document may carry `staff` (matched by name), `task_templates` (one per kind: an imported template replaces the
steps of that kind's) and `week_items` (added unless the same item is stored); each event may carry `tasks`, which
replace that event's tasks (an event without the key keeps its own: files from before tasks import as before).
An owner is named by the member of staff's name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN

from nlv_events.core import vocab, when
from nlv_events.core.errors import UserError
from nlv_events.core.task_models import ANCHORS, PARTS_OF_DAY, TASK_STATES, Staff, Task, TaskTemplate, WeekItem
from nlv_events.i18n import _
from nlv_events.services.interchange import json_types, rows_kept
from nlv_events.services.interchange.parts import EventExporter, InterchangePart, Place, register
from nlv_events.services.tasks import templates, week_schedule

STAFF_KEYS = ("name", "position", "unit", "role", "login")
TASK_KEYS = ("title", "due", "state", "owner", "note", "done_on", "anchor", "on_schedule")
WEEK_ITEM_KEYS = ("day", "part", "time", "content", "leader", "place", "preparer")


@dataclass
class TaskData:
    staff: list[dict[str, Any]] = field(default_factory=list)
    templates: list[templates.TemplateRecord] = field(default_factory=list)
    week_items: list[dict[str, Any]] = field(default_factory=list)
    tasks: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # by the event's number in the file
    staff_stored: bool = False
    # The stored event each event's tasks were found on already (by the event's number; `differs`): nothing to write.
    held_by: dict[int, int] = field(default_factory=dict)


def _day(value: Any, place: Place, key: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return when.parse_day(str(value))
    except ValueError:
        raise place.fail(key, _("“{value}” is not a date such as 2025-04-26.").format(value=value)) from None


def _list(data: dict[str, Any], key: str, place: Place) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise place.fail(key, _("expected a list of objects."))
    return value


def _task(data: dict[str, Any], place: Place) -> dict[str, Any]:
    title = str(data.get("title") or "").strip()
    if not title:
        raise place.fail("tasks", _("a task needs a title."))
    state = data.get("state") or "todo"
    if state not in TASK_STATES:
        raise place.fail("tasks", _("unknown task state “{state}”.").format(state=state))
    return {"title": title, "due": _day(data.get("due"), place, "tasks"), "state": state,
            "owner": data.get("owner") or None, "note": data.get("note") or None,
            "done_on": _day(data.get("done_on"), place, "tasks"),
            "anchor": data.get("anchor") if data.get("anchor") in ANCHORS else "start",
            "on_schedule": bool(data.get("on_schedule"))}


def _template(data: dict[str, Any]) -> templates.TemplateRecord:
    kind = str(data.get("kind") or "")
    if kind not in vocab.KINDS:
        raise Place().fail("task_templates", _("unknown kind “{kind}”.").format(kind=kind))
    steps = [templates.StepRecord(str(step.get("title") or ""), int(step.get("offset_days") or 0),
                                  step.get("anchor") or "start", step.get("owner_role") or "")
             for step in _list(data, "steps", Place())]
    return templates.TemplateRecord(kind, str(data.get("name") or vocab.label("kind", kind)), steps)


def _week_item(data: dict[str, Any]) -> dict[str, Any]:
    place = Place()
    content = str(data.get("content") or "").strip()
    day = _day(data.get("day"), place, "week_items")
    if not content or day is None:
        raise place.fail("week_items", _("an item of the schedule needs its day and content."))
    time = data.get("time")
    try:
        parsed_time = dt.time.fromisoformat(time) if time else None
    except ValueError:
        raise place.fail("week_items", _("“{value}” is not a time such as 08:30.").format(value=time)) from None
    # An item with its time is in that time's half of the day, as the window files it: never "Sáng" at 14:00.
    part = week_schedule.part_of(parsed_time) if parsed_time else data.get("part")
    return {"day": day, "part": part if part in PARTS_OF_DAY else "morning",
            "time": parsed_time, "content": content, **{key: data.get(key) or None for key in WEEK_ITEM_KEYS[4:]}}


def parse(data: dict[str, Any], events: list[Any]) -> TaskData:
    parsed = TaskData()
    parsed.staff = [{key: str(item.get(key) or "").strip() or None for key in STAFF_KEYS}
                    for item in _list(data, "staff", Place())]
    if any(not member["name"] for member in parsed.staff):
        raise Place().fail("staff", _("a member of staff needs a name."))
    parsed.templates = [_template(item) for item in _list(data, "task_templates", Place())]
    parsed.week_items = [_week_item(item) for item in _list(data, "week_items", Place())]
    for number, event in enumerate(events, 1):
        if isinstance(event, dict) and "tasks" in event:
            place = Place(number)
            parsed.tasks[number] = [_task(item, place) for item in _list(event, "tasks", place)]
    return parsed


def _store_staff(parsed: TaskData) -> dict[str, int]:
    """The file's staff added or updated (by name); returns every member's id by folded name."""
    if not parsed.staff_stored:
        parsed.staff_stored = True
        known = {member.name.casefold(): member for member in Staff.select()}
        for values in parsed.staff:
            member = known.get(values["name"].casefold())
            if member is None:
                known[values["name"].casefold()] = Staff.create(**values)
            elif any(getattr(member, key) != value for key, value in values.items()):
                Staff.update(**values, version=Staff.version + 1).where(Staff.id == member.id).execute()
    return {member.name.casefold(): member.id for member in Staff.select()}


def differs(parsed: TaskData, number: int, event_id: int) -> bool:
    """Whether storing the file's tasks of event `number` would change the stored event's tasks (one query): an event
    whose only change is its tasks is updated, not unchanged. The owner is compared by name, as the import finds
    them."""
    rows = parsed.tasks.get(number)
    if rows is None:
        return False
    query = Task.select(Task, Staff).join(Staff, JOIN.LEFT_OUTER).where(Task.event == event_id)
    stored = list(query.order_by(Task.sort_order, Task.id))
    if len(stored) != len(rows) or not all(
        _holds(task, order, row) for order, (task, row) in enumerate(zip(stored, rows, strict=True), 1)
    ):
        return True
    parsed.held_by[number] = event_id
    return False


def _holds(task: Task, order: int, row: dict[str, Any]) -> bool:
    owner = task.owner.name if task.owner_id else ""
    return (
        task.sort_order == order
        and owner.casefold() == (row["owner"] or "").casefold()
        and all(task.__data__.get(name) == value for name, value in row.items() if name != "owner")
    )


def store_event(parsed: TaskData, number: int, event_id: int) -> None:
    rows = parsed.tasks.get(number)
    if rows is None or parsed.held_by.get(number) == event_id:
        return
    owners = _store_staff(parsed)
    unknown = sorted({row["owner"] for row in rows if row["owner"] and row["owner"].casefold() not in owners})
    for name in unknown:
        owners[name.casefold()] = Staff.insert(name=name).execute()
    wanted = [
        {**row, "event": event_id, "sort_order": order, "owner": owners.get((row["owner"] or "").casefold())}
        for order, row in enumerate(rows, 1)
    ]
    _keep_ids(event_id, wanted)


def _keep_ids(event_id: int, wanted: list[dict[str, Any]]) -> None:
    """Make the event's tasks `wanted`, in order: each stored task takes the file's task in its place and keeps its
    id (a task is named by its number: `tasks --set-state ID`, its dialog, its history), written only when it
    differs and then with its version stepped, so a dialog open on it is told; tasks past the file's are removed."""
    stored = list(Task.select().where(Task.event == event_id).order_by(Task.sort_order, Task.id))
    for task, values in zip(stored, wanted, strict=False):
        if any(task.__data__.get(name) != value for name, value in values.items()):
            Task.update(**values, version=Task.version + 1).where(Task.id == task.id).execute()
    surplus = [task.id for task in stored[len(wanted) :]]
    if surplus:
        Task.delete().where(Task.id.in_(surplus)).execute()
    if len(wanted) > len(stored):
        Task.insert_many(wanted[len(stored) :]).execute()


def store_document(parsed: TaskData) -> None:
    _store_staff(parsed)
    for template in parsed.templates:
        stored = TaskTemplate.get_or_none(TaskTemplate.kind == template.kind)
        if stored is not None:
            template.id, template.version = stored.id, None
        try:
            templates.save(template)
        except UserError as error:
            raise Place().fail("task_templates", error.message) from None
    for item in parsed.week_items:
        same = WeekItem.select().where((WeekItem.day == item["day"]) & (WeekItem.content == item["content"]))
        if not same.exists():
            WeekItem.insert(**item).execute()


def every_events_tasks() -> dict[int, list[dict[str, Any]]]:
    """Each event's tasks as the file writes them, asking the database once."""
    found: dict[int, list[dict[str, Any]]] = {}
    query = Task.select(Task, Staff).join(Staff, JOIN.LEFT_OUTER)
    for task in query.order_by(Task.event, Task.sort_order, Task.id):
        found.setdefault(task.event_id, []).append({
                "title": task.title, "due": when.to_iso(when.as_date(task.due)), "state": task.state,
                "owner": task.owner.name if task.owner_id else None, "note": task.note,
                "done_on": when.to_iso(when.as_date(task.done_on)), "anchor": task.anchor,
                "on_schedule": bool(task.on_schedule),
            })
    return found


def export_document(document: dict[str, Any], with_tasks: bool) -> None:
    """The staff, templates and typed items; written only where the office uses tasks (a file of events alone
    stays as it was: the shipped templates are in every database already)."""
    staff = [{key: getattr(member, key) for key in STAFF_KEYS} for member in Staff.select().order_by(Staff.name)]
    items = [{"day": when.to_iso(when.as_date(item.day)), "part": item.part,
              "time": when.as_time(item.time).strftime("%H:%M") if item.time else None, "content": item.content,
              "leader": item.leader, "place": item.place, "preparer": item.preparer}
             for item in WeekItem.select().order_by(WeekItem.day, WeekItem.id)]
    if not (staff or items or with_tasks):
        return
    if staff:
        document["staff"] = staff
    document["task_templates"] = [
        {"kind": template.kind, "name": template.name,
         "steps": [{"title": step.title, "offset_days": step.offset_days, "anchor": step.anchor,
                    "owner_role": step.owner_role or None} for step in template.steps]}
        for template in templates.templates()
    ]
    if items:
        document["week_items"] = items


def _schemas() -> dict[str, dict[str, Any]]:
    text = json_types.optional(json_types.TEXT)
    day = json_types.optional(json_types.DAY)
    staff = json_types.obj({"name": json_types.REQUIRED_TEXT, **{key: text for key in STAFF_KEYS[1:]}}, ["name"])
    step = json_types.obj({"title": json_types.REQUIRED_TEXT, "offset_days": json_types.COUNT,
                           "anchor": json_types.codes(ANCHORS), "owner_role": text}, ["title"])
    template = json_types.obj({"kind": json_types.codes(vocab.KINDS), "name": text,
                               "steps": json_types.list_of(step)}, ["kind"])
    item = json_types.obj({"day": json_types.DAY, "part": json_types.optional(json_types.codes(PARTS_OF_DAY)),
                           "time": json_types.optional({"type": "string", "pattern": r"^\d{2}:\d{2}$"}),
                           "content": json_types.REQUIRED_TEXT,
                           **{key: text for key in WEEK_ITEM_KEYS[4:]}}, ["day", "content"])
    task = json_types.obj({"title": json_types.REQUIRED_TEXT, "due": day,
                           "state": json_types.optional(json_types.codes(TASK_STATES)), "owner": text, "note": text,
                           "done_on": day, "anchor": json_types.optional(json_types.codes(ANCHORS)),
                           "on_schedule": json_types.optional(json_types.FLAG)}, ["title"])
    return {"staff": json_types.optional(json_types.list_of(staff)),
            "task_templates": json_types.optional(json_types.list_of(template)),
            "week_items": json_types.optional(json_types.list_of(item)),
            "tasks": json_types.optional(json_types.list_of(task))}


class TaskInterchangePart(InterchangePart):
    """The document's staff, task templates and the week's typed items; each event's tasks."""

    name = "tasks"
    order = 60
    document_keys = frozenset({"staff", "task_templates", "week_items"})
    event_keys = frozenset({"tasks"})

    def parse(self, data: dict[str, Any], events: list[Any]) -> TaskData:
        return parse(data, events)

    def differs(self, parsed: TaskData | None, number: int, event_id: int) -> bool:
        return parsed is not None and differs(parsed, number, event_id)

    def store_event(self, parsed: TaskData | None, number: int, event_id: int) -> None:
        if parsed is not None:
            store_event(parsed, number, event_id)

    def store_document(self, parsed: TaskData | None, event_ids: list[int | None]) -> int | None:
        if parsed is not None:
            store_document(parsed)
        return None

    def keep(self, event_ids: list[int]) -> rows_kept.RowsKept:
        return rows_kept.keep(Task, event_ids)

    def take_back(self, kept: rows_kept.RowsKept) -> None:
        rows_kept.take_back(kept)

    def exporter(self, contacts: bool) -> EventExporter | None:
        with_tasks = every_events_tasks()

        def add(event_id: int, data: dict[str, Any]) -> None:
            if event_id in with_tasks:
                data["tasks"] = with_tasks[event_id]

        return add

    def export_document(self, document: dict[str, Any], event_ids: list[int]) -> None:
        export_document(document, any("tasks" in event for event in document.get("events", [])))

    def document_schema(self) -> dict[str, dict[str, Any]]:
        schemas = _schemas()
        return {key: schemas[key] for key in self.document_keys}

    def event_schema(self) -> dict[str, dict[str, Any]]:
        return {"tasks": _schemas()["tasks"]}


register(TaskInterchangePart())
