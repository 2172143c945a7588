"""How many events each transaction of a large import writes: more while they are quick (a first import), fewer
when one holds the store long (updates), so a colleague's save never waits more than a moment (issue #35)."""

from __future__ import annotations

import itertools

import pytest

from nlv_events.core import write_batches
from nlv_events.core.models import Event
from nlv_events.services.interchange import importing, reading


def _document(count: int, title: str = "Tọa đàm") -> reading.Document:
    events = [
        {"ref": f"toa-dam-{number}", "kind": "talk", "title": f"{title} {number}", "start": "2023-04-21"}
        for number in range(count)
    ]
    return reading.parse_document({"format": reading.FORMAT, "events": events})


def _clock_taking(seconds: float, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each transaction, as the import times it, takes `seconds`."""
    ticks = itertools.count()
    monkeypatch.setattr(write_batches, "_clock", lambda: next(ticks) * seconds)


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_batches, "BATCH_SIZE", 4)
    monkeypatch.setattr(write_batches, "LARGEST_BATCH", 16)
    monkeypatch.setattr(write_batches, "SMALLEST_BATCH", 2)


def test_quick_transactions_grow_to_the_largest(db, small_batches, monkeypatch):
    _clock_taking(0.05, monkeypatch)
    done: list[int] = []
    summary = importing.import_document(_document(50), progress=lambda count, total: done.append(count))
    assert summary.created == 50 and Event.select().count() == 50
    assert done == [4, 12, 28, 44, 50]  # 4, 8, 16, then 16 at most


def test_slow_transactions_shrink_to_about_half_a_second_each(db, small_batches, monkeypatch):
    _clock_taking(2.0, monkeypatch)  # 4 events in 2 s: the next gets 4 × 0.5 / 2 = 1, which is below the least
    done: list[int] = []
    importing.import_document(_document(10), progress=lambda count, total: done.append(count))
    assert done == [4, 6, 8, 10]
    assert Event.select().count() == 10


def test_a_size_asked_for_is_kept_whatever_the_time(db, monkeypatch):
    _clock_taking(5.0, monkeypatch)
    done: list[int] = []
    importing.import_document(_document(9), progress=lambda count, total: done.append(count), batch_size=3)
    assert done == [3, 6, 9]


def test_the_next_size_after_each_kind_of_transaction():
    assert write_batches.next_batch_size(500, 0.1) == 1000  # quick: doubled
    assert write_batches.next_batch_size(1500, 0.1) == write_batches.LARGEST_BATCH  # never past the largest
    assert write_batches.next_batch_size(2000, 0.4) == 2000  # near half a second: kept
    assert write_batches.next_batch_size(500, 3.0) == 83  # slow: cut to about half a second
    assert write_batches.next_batch_size(100, 60.0) == write_batches.SMALLEST_BATCH


def test_a_file_of_plans_alone_is_still_stored(db):
    document = reading.parse_document(
        {"format": reading.FORMAT, "plans": [{"year": 2024, "kind": "exhibition", "target": 20}], "events": []}
    )
    assert importing.import_document(document).plans == 1


def test_a_colleague_saves_while_a_long_import_writes(db, monkeypatch):
    """Another connection (a colleague's window) saves an event while an import's transactions follow each other:
    it gets the lock at the import's first pause, not after the whole import."""
    import datetime as dt
    import threading
    import time

    from nlv_events.core import store
    from nlv_events.core.records import EventRecord

    monkeypatch.setattr(write_batches, "WRITING_BEFORE_PAUSE", 0.5)
    started = threading.Event()
    add_new = importing._add_new

    def slowly(records, summary, undo):  # each transaction holds the lock 0.2 s, as a slow one of updates does
        add_new(records, summary, undo)
        started.set()
        time.sleep(0.2)

    monkeypatch.setattr(importing, "_add_new", slowly)
    finished: dict[str, float] = {}

    def colleague() -> None:
        started.wait(5)
        try:
            store.save_event(EventRecord(kind="talk", title="Giao lưu của đồng nghiệp", start=dt.date(2024, 5, 1)))
            finished["colleague"] = time.monotonic()
        finally:
            db.close()  # this thread's own connection

    saving = threading.Thread(target=colleague)
    saving.start()
    importing.import_document(_document(40), batch_size=5)  # eight transactions, 1.6 s
    finished["import"] = time.monotonic()
    saving.join(10)
    assert "colleague" in finished, "the colleague's save failed"
    assert finished["colleague"] < finished["import"] - 0.4  # saved during the import, not once it was over
    assert Event.select().count() == 41


def test_a_long_guest_import_leaves_the_lock_free_too(db, monkeypatch):
    """The guest list's import writes in the same batches: its transactions keep their size, and on SQLite the lock
    is left free after every 2 s of them."""
    import datetime as dt

    from nlv_events.core import store
    from nlv_events.core.records import EventRecord
    from nlv_events.services.guests import guest_batches
    from nlv_events.services.guests.guest_list import GuestEntry

    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    rows = [guest_batches.GuestRow(number, GuestEntry(f"Khách mời số {number}")) for number in range(1, 11)]
    _clock_taking(1.5, monkeypatch)  # each batch "takes" 1.5 s: a pause after every second one
    pauses: list[float] = []
    monkeypatch.setattr(write_batches.time, "sleep", pauses.append)
    done: list[int] = []
    guest_batches.write(event_id, rows, batch_size=2, progress=lambda count, total: done.append(count))
    assert done == [2, 4, 6, 8, 10]  # the size asked for, however slow
    assert pauses == [write_batches.PAUSE, write_batches.PAUSE]  # after 3 s and 6 s of writing
