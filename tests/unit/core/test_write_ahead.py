"""An import checkpoints SQLite's write-ahead log every 10 000 pages and keeps 64 MB of pages in memory while it
runs, and leaves the connection as it found it, whether it ends or is cancelled (issue #35)."""

from __future__ import annotations

import pytest

from nlv_events.services.interchange import importing, reading


def _document(count: int) -> reading.Document:
    events = [{"kind": "talk", "title": f"Tọa đàm {number}", "start": "2023-04-21"} for number in range(count)]
    return reading.parse_document({"format": reading.FORMAT, "events": events})


def test_an_import_checkpoints_less_often_while_it_runs_and_restores_the_default(db):
    seen: list[tuple[int, int]] = []
    default_cache = db.pragma("cache_size")  # SQLite's own default, -2000 (2 MB) unless built otherwise
    summary = importing.import_document(
        _document(30),
        progress=lambda done, total: seen.append((db.pragma("wal_autocheckpoint"), db.pragma("cache_size"))),
        batch_size=10,
    )
    assert summary.created == 30
    assert seen == [(10_000, -65_536)] * 3
    assert db.pragma("wal_autocheckpoint") == 1000
    assert db.pragma("cache_size") == default_cache


def test_a_cancelled_import_restores_the_default_too(db):
    default_cache = db.pragma("cache_size")
    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        importing.import_document(_document(30), progress=cancel, batch_size=10)
    assert db.pragma("wal_autocheckpoint") == 1000
    assert db.pragma("cache_size") == default_cache
    assert db.execute_sql("SELECT count(*) FROM event").fetchone()[0] == 0
