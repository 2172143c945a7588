"""The preparation figures (issue #35): the task board ("Việc cần làm") and the week's work schedule as a PDF, in a
copy of the bench's 100 000-event record with 20 000 tasks added (spread over its ten years, owned by a few staff,
some left open past their due date).

Part of `make bench` (bench/run.py); `python -m bench.tasks` prints them alone.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench import synthetic  # noqa: E402
from bench.run import median_time  # noqa: E402

TASKS = 20_000
TASKS_VERSION = 1  # bump when the tasks change, so the cached copy is made again
# The day the board counts from: a Wednesday of the newest year, in a busy week (about 190 events open in it).
TODAY = dt.date(synthetic.FIRST_YEAR + synthetic.YEARS - 1, 10, 16)
STAFF = (
    ("Nguyễn Thị Lan", "lãnh đạo phòng", "Phòng Thông tin tuyên truyền"),
    ("Trần Văn Hùng", "biên tập", "Phòng Thông tin tuyên truyền"),
    ("Lê Thị Hạnh", "thiết kế", "Phòng Thông tin tuyên truyền"),
    ("Phạm Minh Tuấn", "lễ tân", "Phòng Hành chính"),
    ("Hoàng Thu Giang", "truyền thông", "Phòng Thông tin tuyên truyền"),
    ("Đặng Quang Long", "kỹ thuật", "Phòng Kỹ thuật"),
)
TITLES = ("Gửi giấy mời", "Gửi thông cáo báo chí", "Thiết kế và in pano", "Chuẩn bị hội trường, âm thanh",
          "Đưa tin bài lên website", "Mời diễn giả, thống nhất nội dung", "Tổng kết, báo cáo kết quả")


def build(source: Path, path: Path, seed: int = 35) -> Path:
    """A copy of `source` with the staff and TASKS tasks (kept between runs)."""
    marker = path.with_suffix(f".tasks-v{TASKS_VERSION}-events-v{synthetic.GENERATOR_VERSION}.ok")
    if path.exists() and marker.exists():
        return path
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(source, path)
    from nlv_events.core import database
    from nlv_events.core.models import Event, database_proxy
    from nlv_events.core.task_models import Staff, Task

    rng = random.Random(seed)
    database.open_database(str(path))
    try:
        with database_proxy.atomic():
            owners = [Staff.insert(name=name, role=role, unit=unit).execute() for name, role, unit in STAFF]
            events = list(Event.select(Event.id, Event.start_date).tuples())
            rows = []
            for number in range(TASKS):
                event_id, start = rng.choice(events)
                due = start + dt.timedelta(days=rng.randrange(-30, 8))
                if due < TODAY:  # most past tasks were done; a few were left open (the board's overdue group)
                    state = rng.choice(["done"] * 45 + ["not_needed"] * 3 + ["todo", "doing"])
                else:
                    state = rng.choice(["todo"] * 4 + ["doing"])
                rows.append({
                    "event": event_id, "sort_order": number % 12, "title": rng.choice(TITLES),
                    "owner": rng.choice([*owners, None]), "due": due, "state": state,
                    "done_on": due if state == "done" else None, "on_schedule": rng.random() < 0.15,
                })
            for start in range(0, len(rows), 1000):
                Task.insert_many(rows[start : start + 1000]).execute()
    finally:
        database.close_database()
    marker.write_text("ok")
    return path


def board_seconds(runs: int = 7) -> tuple[float, int]:
    """The board's data for TODAY, everyone's tasks (the open database's); with how many tasks it shows."""
    from nlv_events.services.tasks import board

    seconds = median_time(lambda: board.board(TODAY), runs)
    return seconds, board.board(TODAY).count()


def schedule_seconds(home: Path, runs: int = 5) -> tuple[float, int]:
    """The week holding TODAY, read and written as a PDF (the open database's); with how many lines it has."""
    from nlv_events.printing import write
    from nlv_events.printing.decree import DecreeOptions
    from nlv_events.services.tasks import week_document, week_schedule

    options = DecreeOptions(date=TODAY)
    target = home / "week.pdf"

    def once() -> None:
        week = week_schedule.schedule(TODAY)
        write(week_document.document(week, options), target)

    seconds = median_time(once, runs)
    return seconds, len(week_schedule.schedule(TODAY).entries)


def figures(source: Path, home: Path, figure: Callable[..., dict]) -> list[dict]:
    """`source`: the bench's 100 000-event record; its copy with the tasks is cached beside it."""
    from nlv_events.core import database

    path = build(source, source.with_name(f"tasks-{TASKS}.sqlite3"))
    database.open_database(str(path))
    try:
        board, shown = board_seconds()
        schedule, lines = schedule_seconds(home)
    finally:
        database.close_database()
    return [
        figure(f"task board, 100,000 events and {TASKS:,} tasks", board * 1000, "ms", 100,
               note=f"everyone's open tasks on {TODAY.isoformat()}: {shown} shown"),
        figure(f"week schedule PDF, 100,000 events and {TASKS:,} tasks", schedule, "s", 0.5,
               note=f"the week of {TODAY.isoformat()}: {lines} lines"),
    ]


if __name__ == "__main__":
    from bench.run import OUT, figure

    home = Path(tempfile.mkdtemp(prefix="nlv-bench-tasks-"))
    for result in figures(synthetic.build(OUT / "events-100000.sqlite3", 100_000), home, figure):
        print(result)
