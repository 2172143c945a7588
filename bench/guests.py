"""Benchmarks of the guests' work: 120 invitation letters into one PDF (target under 2 s), and a 10 000-row guest
list imported from a CSV file (at least 2 000 rows a second, no batch holding the write lock a second).

Run alone with `python -m bench.guests`; `make bench` (bench/run.py) adds the figure to its table.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GUESTS = 120
TARGET_SECONDS = 2.0
IMPORTED_ROWS = 10_000
TARGET_ROWS_PER_SECOND = 2_000
TARGET_LONGEST_BATCH = 1.0


def prepare_database(path: Path) -> int:
    """The demo year with 120 guests on the review conference; returns the event's id (database left open)."""
    from nlv_events.core import database
    from nlv_events.core.models import Event, database_proxy
    from nlv_events.services.guests import guest_list as guests
    from nlv_events.services.guests.guest_list import GuestEntry
    from nlv_events.services.workspace import demo

    database.open_database(str(path))
    demo.load_demo()
    event_id = Event.get(Event.ref == "demo-2022-review").id
    with database_proxy.atomic():
        for number in range(1, GUESTS + 1):
            guests.add_guest(
                event_id,
                GuestEntry(
                    name=f"Nguyễn Thị Khách Mời {number:03d}",
                    honorific="Bà" if number % 2 else "Ông",
                    position="Giám đốc",
                    organisation=f"Thư viện tỉnh số {number}",
                    group="Thư viện tỉnh, thành phố",
                ),
            )
    return event_id


def invitations_seconds(event_id: int, qr: bool, runs: int = 5) -> float:
    """Median wall time from the stored guest list to the finished PDF bytes (after one warm-up)."""
    from nlv_events.services.guests import documents
    from nlv_events.services.guests.invitations import InvitationOptions

    options = InvitationOptions(number="25", signer_name="Nguyễn Xuân Dũng", contact="Phòng Thông tin", qr=qr)
    documents.invitations_bytes(event_id, options)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        documents.invitations_bytes(event_id, options)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def invitation_figures(figure: Callable[..., dict]) -> list[dict]:
    from nlv_events.core import database

    with tempfile.TemporaryDirectory(prefix="nlv-bench-guests-") as folder:
        event_id = prepare_database(Path(folder) / "guests.sqlite3")
        try:
            plain = invitations_seconds(event_id, qr=False)
            with_qr = invitations_seconds(event_id, qr=True)
        finally:
            database.close_database()
    return [
        figure(f"invitations PDF, {GUESTS} guests", plain, "s", TARGET_SECONDS),
        figure(f"invitations PDF, {GUESTS} guests, with QR code", with_qr, "s", TARGET_SECONDS),
    ]


def write_guest_file(path: Path, rows: int) -> Path:
    """A CSV guest list of `rows` people, a tenth of them in a group, as an office would prepare one."""
    groups = ("", "", "", "", "", "", "", "", "", "Thư viện tỉnh, thành phố")
    lines = ["Họ và tên,Chức vụ,Cơ quan,Nhóm,Điện thoại"]
    for number in range(rows):
        group = groups[number % len(groups)]
        lines.append(f'Khách Mời Số {number:05d},Giám đốc,Thư viện số {number},"{group}",0912 {number:06d}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def import_figures(figure: Callable[..., dict]) -> list[dict]:
    """The 10 000-row import, from the file to the stored list (the preview included), and its longest batch."""
    from nlv_events.core import database, store
    from nlv_events.core.records import EventRecord
    from nlv_events.services.guests import guest_batches, spreadsheet_import

    batches: list[float] = []
    real_batch = guest_batches._write_batch

    def timed_batch(*arguments):
        started = time.perf_counter()
        try:
            return real_batch(*arguments)
        finally:
            batches.append(time.perf_counter() - started)

    guest_batches._write_batch = timed_batch
    try:
        with tempfile.TemporaryDirectory(prefix="nlv-bench-guest-import-") as folder:
            database.open_database(str(Path(folder) / "import.sqlite3"))
            try:
                import datetime as dt

                event_id = store.save_event(
                    EventRecord(kind="conference", title="Hội nghị toàn quốc", start=dt.date(2024, 3, 1))
                ).id
                path = write_guest_file(Path(folder) / "khach.csv", IMPORTED_ROWS)
                started, cpu_started = time.perf_counter(), time.process_time()
                summary = spreadsheet_import.apply(event_id, spreadsheet_import.preview(path))
                seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            finally:
                database.close_database()
    finally:
        guest_batches._write_batch = real_batch
    if summary.added != IMPORTED_ROWS:
        raise RuntimeError(f"the import added {summary.added} guests of {IMPORTED_ROWS}")
    # Wall time waits for the disk at each batch's commit and for the other processes of a busy machine; the CPU
    # time is the import's own work.
    target = IMPORTED_ROWS / TARGET_ROWS_PER_SECOND
    return [
        figure(f"guest import, {IMPORTED_ROWS:,} rows of CSV", seconds, "s", target,
               note=f"{IMPORTED_ROWS / seconds:,.0f} rows a second"),
        figure(f"guest import, {IMPORTED_ROWS:,} rows of CSV, CPU time", cpu, "s", target,
               note=f"{IMPORTED_ROWS / cpu:,.0f} rows a second of CPU"),
        figure(f"guest import, longest of its {len(batches)} transactions", max(batches), "s", TARGET_LONGEST_BATCH),
    ]


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="nlv-bench-home-"))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(home)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.run import figure

    for result in [*import_figures(figure), *invitation_figures(figure)]:
        print(f"{'ok  ' if result['met'] else 'MISS'} {result['figure']}: {result['value']} {result['unit']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
