"""An event's tasks: made from its kind's template when it is created, moved with it, copied open to another year;
the board's groups at a given day."""

import datetime as dt

import pytest

from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.records import EventRecord
from nlv_events.services.events import duplicate_year, event_store
from nlv_events.services.tasks import board, staff, task_list, templates


def _exhibition(start=dt.date(2023, 3, 1), end=dt.date(2023, 3, 31)) -> int:
    record = EventRecord(kind="exhibition", title="Triển lãm sách Xuân", start=start, end=end)
    return event_store.save(record)


def _dues(event_id: int) -> dict[str, dt.date]:
    return {task.title: task.due for task in task_list.tasks(event_id=event_id)}


@pytest.mark.both_databases
def test_an_exhibition_created_on_1_march_2023_gets_its_templates_tasks_on_the_right_days(db):
    designer = staff.save(staff.StaffRecord("Nguyễn Thu Trang", "Chuyên viên", "Phòng Truyền thông", "thiết kế"))
    event_id = _exhibition()
    dues = _dues(event_id)
    assert dues["Gửi tờ trình Giám đốc"] == dt.date(2023, 1, 30)  # T−30
    assert dues["Gửi giấy mời"] == dt.date(2023, 2, 22)  # T−7
    assert dues["Khai mạc"] == dt.date(2023, 3, 1)  # T
    assert dues["Tháo dỡ triển lãm"] == dt.date(2023, 4, 1)  # the day after the last
    assert dues["Trả tài liệu mượn"] == dt.date(2023, 4, 3)  # end + 3
    assert len(dues) == len(templates.for_kind("exhibition").steps)
    owners = {task.title: task.owner for task in task_list.tasks(event_id=event_id)}
    assert owners["Thiết kế và in pano"] == designer.name  # the step's role has its owner
    assert {task.state for task in task_list.tasks(event_id=event_id)} == {"todo"}


@pytest.mark.both_databases
def test_moving_the_exhibition_a_week_moves_its_open_tasks_and_leaves_the_done_ones(db):
    event_id = _exhibition()
    done = next(task for task in task_list.tasks(event_id=event_id) if task.title == "Gửi tờ trình Giám đốc")
    task_list.set_state(done.id, "done", today=dt.date(2023, 1, 28))
    before = event_store.load(event_id)
    moved = event_store.load(event_id)
    moved.start, moved.end = dt.date(2023, 3, 8), dt.date(2023, 4, 7)
    event_store.save(moved, base=before)
    dues = _dues(event_id)
    assert dues["Gửi giấy mời"] == dt.date(2023, 3, 1)
    assert dues["Trả tài liệu mượn"] == dt.date(2023, 4, 10)
    assert dues["Gửi tờ trình Giám đốc"] == dt.date(2023, 1, 30)  # done: stays where it was done
    assert task_list.load(done.id).done_on == dt.date(2023, 1, 28)


def test_moving_without_the_tasks_leaves_them(db):
    event_id = _exhibition()
    before = event_store.load(event_id)
    moved = event_store.load(event_id)
    moved.start, moved.end = dt.date(2023, 3, 8), dt.date(2023, 4, 7)
    event_store.save(moved, base=before, move_tasks=False)
    assert _dues(event_id)["Gửi giấy mời"] == dt.date(2023, 2, 22)


@pytest.mark.both_databases
def test_duplicating_to_2024_copies_the_tasks_open_on_the_copys_days(db):
    event_id = _exhibition()
    done = next(task for task in task_list.tasks(event_id=event_id) if task.title == "Khai mạc")
    task_list.set_state(done.id, "done", today=dt.date(2023, 3, 1))
    twin, _changes = duplicate_year.duplicate_to_year(event_store.load(event_id), 2024)
    copy_id = event_store.save(twin, copied_from=event_id)
    copies = task_list.tasks(event_id=copy_id)
    assert len(copies) == len(task_list.tasks(event_id=event_id))
    assert {task.state for task in copies} == {"todo"}
    assert {task.done_on for task in copies} == {None}
    dues = _dues(copy_id)
    assert dues["Khai mạc"] == dt.date(2024, 3, 1)
    assert dues["Gửi tờ trình Giám đốc"] == dt.date(2024, 1, 31)  # T−30 of 1 March 2024 (a leap year)


def test_the_boards_groups_at_a_given_today(db):
    event_id = _exhibition()
    today = dt.date(2023, 2, 15)  # a Wednesday
    groups = board.board(today).groups
    assert [task.title for task in groups["overdue"]] == ["Gửi tờ trình Giám đốc", "Chọn tài liệu trưng bày",
                                                          "Mượn tài liệu của đối tác, ký biên bản bàn giao"]
    assert [task.title for task in groups["this_week"]] == ["Thiết kế và in pano"]  # 15/2, today
    assert [task.title for task in groups["next_week"]] == ["Gửi giấy mời", "Gửi thông cáo báo chí"]  # 22/2
    task_list.set_state(groups["overdue"][0].id, "done", today=today)
    assert len(board.board(today).groups["overdue"]) == 2
    assert task_list.overdue_count(today) == 2
    member = staff.save(staff.StaffRecord("Lê Minh", role=""))
    assert board.board(today, owner_id=member.id).count() == 0
    assert board.board(today, event_id=event_id + 1).count() == 0


def test_a_task_saved_over_a_colleagues_change_is_refused(db):
    event_id = _exhibition()
    mine = task_list.tasks(event_id=event_id)[0]
    theirs = task_list.load(mine.id)
    theirs.state = "doing"
    task_list.save(theirs)
    mine.note = "Gọi điện trước"
    with pytest.raises(ConflictError):
        task_list.save(mine)
    with pytest.raises(UserError):
        task_list.set_state(mine.id, "finished")


def test_a_template_edited_makes_the_next_events_tasks(db):
    template = templates.for_kind("talk")
    template.steps.append(templates.StepRecord("Chuẩn bị quà tặng diễn giả", -2, "start", "lễ tân"))
    template.steps.pop(0)
    templates.save(template)
    record = EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 5, 10))
    event_id = event_store.save(record)
    dues = _dues(event_id)
    assert dues["Chuẩn bị quà tặng diễn giả"] == dt.date(2023, 5, 8)
    assert "Mời diễn giả, thống nhất nội dung" not in dues
    assert templates.StepRecord("x", -30).label() == "T−30" and templates.StepRecord("x", 3, "end").label() == "K+3"


def test_the_years_tallies_count_the_tasks_done_late_per_kind(db):
    from nlv_events.services.reports import tallies

    event_id = _exhibition(dt.date(2023, 3, 1), dt.date(2023, 3, 31))
    rows = {task.title: task for task in task_list.tasks(event_id=event_id)}
    task_list.set_state(rows["Gửi tờ trình Giám đốc"].id, "done", today=dt.date(2023, 2, 3))  # due 30/1: 4 days
    task_list.set_state(rows["Gửi giấy mời"].id, "done", today=dt.date(2023, 2, 24))  # due 22/2: 2 days
    task_list.set_state(rows["Chọn tài liệu trưng bày"].id, "done", today=dt.date(2023, 1, 20))  # early
    year = tallies.compute(2023)
    assert (year.kinds["exhibition"].tasks_late, year.kinds["exhibition"].task_days_late) == (2, 6)
    assert year.total.tasks_late == 2 and year.kinds["talk"].tasks_late == 0
    assert year.to_json()["kinds"]["exhibition"]["task_days_late"] == 6
