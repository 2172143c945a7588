"""Tasks, templates, staff and the week's typed items travel in the interchange file and come back the same."""

import copy
import datetime as dt
import json

import pytest

from nlv_events.core import database
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.services.events import event_store
from nlv_events.services.interchange import exporting, importing, reading
from nlv_events.services.tasks import staff, task_list, templates, week_schedule


def _tasks_by_title(event_id):
    return {task.title: (task.due, task.state, task.owner, task.done_on) for task in task_list.tasks(event_id)}


def test_tasks_staff_templates_and_week_items_round_trip(db, tmp_path):
    member = staff.save(staff.StaffRecord("Trần Thu Hà", "Chuyên viên", "Phòng Truyền thông", "lễ tân", "ha.tt"))
    event_id = event_store.save(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 4, 21)))
    first = task_list.tasks(event_id)[0]
    task_list.set_state(first.id, "done", today=dt.date(2023, 4, 1))
    template = templates.for_kind("talk")
    template.steps[0].title = "Mời diễn giả (sửa)"
    templates.save(template)
    week_schedule.save_item(week_schedule.WeekEntry(dt.date(2023, 4, 17), "afternoon", "Họp giao ban",
                                                    dt.time(14, 0), "Giám đốc", "Phòng họp"))
    before = _tasks_by_title(event_id)
    document = json.loads(json.dumps(exporting.export_document()))
    assert document["staff"][0]["login"] == "ha.tt"
    assert document["events"][0]["tasks"][0]["state"] == "done"

    database.close_database()
    (tmp_path / "other.sqlite3").unlink(missing_ok=True)
    database.open_database(str(tmp_path / "other.sqlite3"))
    try:
        importing.import_document(reading.parse_document(copy.deepcopy(document)))
        (imported,) = [event.id for event in Event.select()]
        assert _tasks_by_title(imported) == before
        assert staff.by_login("ha.tt").unit == "Phòng Truyền thông" and member.name == "Trần Thu Hà"
        assert templates.for_kind("talk").steps[0].title == "Mời diễn giả (sửa)"
        assert [item.content for item in week_schedule.typed_items(dt.date(2023, 4, 17))] == ["Họp giao ban"]
        importing.import_document(reading.parse_document(copy.deepcopy(document)))  # again: nothing doubles
        assert len(task_list.tasks(imported)) == len(before) and len(staff.members()) == 1
        assert len(week_schedule.typed_items(dt.date(2023, 4, 17))) == 1
    finally:
        database.close_database()


def test_a_bad_task_is_refused_before_anything_is_stored(db):
    document = {"format": "nlv-events/1", "events": [
        {"kind": "talk", "title": "Tọa đàm", "start": "2023-04-21", "tasks": [{"title": "X", "state": "finished"}]}]}
    with pytest.raises(UserError, match="finished"):
        importing.import_document(reading.parse_document(document))
    assert not Event.select().exists()


def test_an_item_typed_with_its_time_is_printed_in_the_half_of_the_day_of_that_time(db):
    """A meeting at 14:00 sent as "morning" (or with no part) was printed as "Sáng 14:00", among the morning's
    items; the window puts an item with a time in its half of the day, and so does the file now."""
    document = {"format": "nlv-events/1", "events": [], "week_items": [
        {"day": "2022-12-20", "part": "morning", "time": "14:00", "content": "Họp giao ban quý IV"},
        {"day": "2022-12-20", "time": "15:30", "content": "Tiếp đoàn Thư viện tỉnh"},
        {"day": "2022-12-20", "part": "afternoon", "content": "Làm việc với Vụ Thư viện"}]}
    importing.import_document(reading.parse_document(document))
    week = week_schedule.schedule(dt.date(2022, 12, 20))
    assert [item.content for item in week.of(dt.date(2022, 12, 20), "morning")] == []
    assert [item.content for item in week.of(dt.date(2022, 12, 20), "afternoon")] == [
        "Họp giao ban quý IV", "Tiếp đoàn Thư viện tỉnh", "Làm việc với Vụ Thư viện"]


def test_a_step_due_beyond_a_year_of_its_event_is_refused_before_it_breaks_every_new_event(db):
    """The window's template form takes −365 to 365 days; a file gave a talk's step 99 999 999 days, imported
    without a word, and every talk's tasks then failed ("Unexpected error (OverflowError)": no date that far)."""
    document = {"format": "nlv-events/1", "events": [], "task_templates": [
        {"kind": "talk", "steps": [{"title": "Mời diễn giả", "offset_days": -30},
                                   {"title": "Tổng kết", "offset_days": 99_999_999, "anchor": "end"}]}]}
    with pytest.raises(UserError, match="365"):
        importing.import_document(reading.parse_document(document))
    assert "Tổng kết" not in [step.title for step in templates.for_kind("talk").steps]
    document["task_templates"][0]["steps"][1]["offset_days"] = 365
    importing.import_document(reading.parse_document(document))
    event_id = event_store.save(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 4, 21)))
    assert {task.title: task.due for task in task_list.tasks(event_id)} == {
        "Mời diễn giả": dt.date(2023, 3, 22), "Tổng kết": dt.date(2024, 4, 20)}


@pytest.mark.both_databases
def test_an_event_whose_only_change_in_the_file_is_its_tasks_is_reported_updated(db, tmp_path):
    """The summary said "cập nhật 0, giữ nguyên 1" of an event whose tasks the file changed (and changed them)."""
    from nlv_events.core.task_models import Task
    from nlv_events.services.workspace import record

    event_id = event_store.save(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 4, 21)))
    exported = json.loads(json.dumps(exporting.export_document()))
    tasks = {task.id: task.version for task in Task.select()}
    assert importing.import_document(reading.parse_document(copy.deepcopy(exported))).unchanged == 1
    assert {task.id: task.version for task in Task.select()} == tasks  # an unchanged file writes no task
    exported["events"][0]["tasks"][0]["state"] = "doing"

    summary = importing.import_document(reading.parse_document(exported))

    assert (summary.updated, summary.unchanged) == (1, 0)
    assert "cập nhật 1, giữ nguyên 0" in record.import_message(tmp_path / "tep.json", summary)
    assert task_list.tasks(event_id)[0].state == "doing"
