"""Benchmark of the guests' work: 120 invitation letters into one PDF (target under 2 s).

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


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="nlv-bench-home-"))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(home)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.run import figure

    for result in invitation_figures(figure):
        print(f"{'ok  ' if result['met'] else 'MISS'} {result['figure']}: {result['value']} {result['unit']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
