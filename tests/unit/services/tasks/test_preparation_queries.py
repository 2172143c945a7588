"""The board and the week's schedule ask the database a number of times that does not grow with the week's events,
and none of their queries walks every live event of the record: either costs seconds among 100 000 events and
20 000 tasks (issue #35), and no timed test could say so on a shared machine."""

from __future__ import annotations

import datetime as dt

import pytest

from nlv_events.core import store
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.services.events import event_store
from nlv_events.services.tasks import board, staff, task_list, week_schedule
from tests.query_count import statements_run

MONDAY = dt.date(2031, 3, 10)  # a week of its own: the demo year is 2022
TODAY = MONDAY + dt.timedelta(days=2)


def _talks(count: int, monday: dt.date) -> list[int]:
    """`count` talks in the week of `monday`, each with its template's tasks; their first task due that week and
    put in the schedule."""
    ids = []
    for number in range(count):
        start = dt.datetime.combine(monday + dt.timedelta(days=number % 5), dt.time(8 + number % 9, 0))
        event_id = event_store.save(EventRecord(kind="talk", title=f"Tọa đàm số {number}", start=start))
        first = task_list.tasks(event_id=event_id)[0]
        first.due, first.on_schedule = monday + dt.timedelta(days=number % 5), True
        task_list.save(first)
        ids.append(event_id)
    return ids


@pytest.fixture
def owners(db):
    """Staff for every role of the talks' template, so that their tasks have owners and the owners units."""
    for role, unit in (("biên tập", "Phòng Biên tập"), ("lễ tân", "Phòng Hành chính"), ("truyền thông", None),
                       ("kỹ thuật", "Phòng Kỹ thuật")):
        staff.save(staff.StaffRecord(f"Người {role}", unit=unit or "", role=role))


def _statements(action) -> list[str]:
    with statements_run() as ran:
        action()
    return ran


def test_a_week_of_thirty_events_asks_as_many_queries_as_a_week_of_three(owners):
    _talks(3, MONDAY)
    _talks(30, MONDAY + dt.timedelta(days=7))
    few = _statements(lambda: week_schedule.schedule(MONDAY))
    many = _statements(lambda: week_schedule.schedule(MONDAY + dt.timedelta(days=7)))
    assert len(week_schedule.schedule(MONDAY + dt.timedelta(days=7)).entries) == 60  # each talk and its task
    assert len(many) == len(few)


@pytest.mark.both_databases
def test_the_schedule_says_who_prepares_each_event_from_its_task_owners_units(owners):
    _talks(2, MONDAY)
    week = week_schedule.schedule(MONDAY)
    opening = next(entry for entry in week.entries if entry.content == "Tọa đàm số 0")
    # The talk template's owners in its steps' order (biên tập, lễ tân, truyền thông, kỹ thuật), each unit once.
    assert opening.preparer == "Phòng Biên tập; Phòng Hành chính; Phòng Kỹ thuật"


@pytest.mark.both_databases
def test_the_schedule_leaves_out_deleted_events_cancelled_openings_and_unscheduled_tasks(owners):
    kept, deleted, cancelled = _talks(3, MONDAY)
    director = PersonEntry("Nguyễn Xuân Dũng", "chair", "Ông", "Giám đốc", "Thư viện Quốc gia Việt Nam")
    # An event of the week before whose programme has a row the director chairs this week: listed by that row.
    earlier = event_store.save(EventRecord(
        kind="conference", title="Hội nghị kéo dài", start=MONDAY - dt.timedelta(days=3),
        end=MONDAY + dt.timedelta(days=2),
        programme=[ProgrammeEntry(dt.datetime.combine(MONDAY + dt.timedelta(days=1), dt.time(14, 0)), "Bế mạc",
                                  people=[director])],
    ))
    store.delete_event(deleted)
    Event.update(status="cancelled").where(Event.id == cancelled).execute()
    unscheduled = task_list.tasks(event_id=kept)[1]
    unscheduled.due = MONDAY
    task_list.save(unscheduled)
    contents = [entry.content for entry in week_schedule.schedule(MONDAY).entries]
    assert "Tọa đàm số 0" in contents and "Bế mạc (Hội nghị kéo dài)" in contents
    assert not any("Tọa đàm số 1" in text for text in contents), contents  # deleted: nor its task
    assert "Tọa đàm số 2" not in contents  # cancelled (a task chosen for the schedule stays there, as it did)
    assert sum("(Tọa đàm số 0)" in text for text in contents) == 1  # its scheduled task, not the other
    assert earlier not in {deleted, cancelled}


@pytest.mark.both_databases
def test_the_board_groups_the_open_tasks_with_their_owners_and_events(owners):
    first, second = _talks(2, MONDAY)
    late = task_list.tasks(event_id=first)[1]
    late.due = TODAY - dt.timedelta(days=40)
    task_list.save(late)
    finished = task_list.tasks(event_id=second)[0]
    task_list.set_state(finished.id, "done", TODAY)
    shown = board.board(TODAY)
    overdue = shown.groups["overdue"]
    assert late.id in {row.id for row in overdue}
    row = next(row for row in overdue if row.id == late.id)
    assert late.owner.startswith("Người ")
    assert (row.owner, row.event_title, row.event_start, row.state) == (late.owner, "Tọa đàm số 0", MONDAY, "todo")
    assert finished.id not in {row.id for rows in shown.groups.values() for row in rows}
    mine = board.board(TODAY, owner_id=row.owner_id)
    assert {row.owner for rows in mine.groups.values() for row in rows} == {late.owner}


def _plans(statements: list[str]) -> list[str]:
    """SQLite's plan of each SELECT run (its text as traced, the values in place)."""
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            plans += [row[3] for row in database_proxy.execute_sql(f"EXPLAIN QUERY PLAN {sql}").fetchall()]
    return plans


def _walks_live_events(plan: str) -> bool:
    """A step that reads every live event: a scan of the table, or its deleted_at index with nothing narrower."""
    return (plan.startswith("SCAN") and " event" in plan) or plan.endswith("(deleted_at=?)")


def test_no_query_of_the_board_or_the_schedule_walks_every_live_event(owners):
    _talks(5, MONDAY)
    statements = _statements(lambda: board.board(TODAY)) + _statements(lambda: week_schedule.schedule(MONDAY))
    plans = _plans(statements)
    assert plans and not [plan for plan in plans if _walks_live_events(plan)], plans
    assert board.board(TODAY).count() > 0

