"""The record's command-line figures over 100 000 events (issue #35): a year listed as JSON, and a first import of
the whole record from its interchange file, each as the process a user starts.

Part of `make bench` (bench/run.py); `python -m bench.records` prints them alone.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench import synthetic  # noqa: E402

NEWEST_YEAR = synthetic.FIRST_YEAR + synthetic.YEARS - 1


def _process_seconds(*arguments: str) -> float:
    """Wall time of one run of `nlv-events ARGUMENTS` as a new process (its output thrown away)."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "nlv_events", *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=True,
    )
    return time.perf_counter() - started


# The issue's year: 2 857 events among 100 000, the record of thirty-five years (cached beside the others).
ISSUE_YEARS = 35
ISSUE_NEWEST_YEAR = synthetic.FIRST_YEAR + ISSUE_YEARS - 1


def issue_record(out: Path) -> Path:
    """100 000 events over thirty-five years: a year of about 2 857 events, as the issue measures it."""
    return synthetic.build(out / f"events-100000-{ISSUE_YEARS}y.sqlite3", 100_000, years=ISSUE_YEARS)


def _year_as_json(path: Path, runs: int = 3, year: int = NEWEST_YEAR) -> float:
    arguments = ("events", "--db", str(path), "--year", str(year), "--format", "json")
    _process_seconds(*arguments)  # warm-up: the OS caches the file
    return statistics.median(_process_seconds(*arguments) for _ in range(runs))


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _first_import(path: Path, home: Path) -> tuple[float, int, float]:
    """The whole record exported once, then imported into a new store (one run: a minute on a loaded machine);
    returns the import's wall time, the file's size and the import's CPU time (which a loaded machine moves less)."""
    exported = home / "record-100000.json"
    _process_seconds("export", "--db", str(path), str(exported))
    fresh = home / "first-import.sqlite3"
    cpu = _children_cpu()
    seconds = _process_seconds("import", "--db", str(fresh), str(exported))
    cpu = _children_cpu() - cpu
    size = exported.stat().st_size
    exported.unlink()
    for leftover in (fresh, fresh.with_name(fresh.name + "-wal"), fresh.with_name(fresh.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return seconds, size, cpu


def figures(path: Path, home: Path, figure: Callable[..., dict]) -> list[dict]:
    """`path`: the bench's 100 000-event record (ten years of 10 000 events)."""
    issue_year = _year_as_json(issue_record(path.parent), runs=5, year=ISSUE_NEWEST_YEAR)
    listing = _year_as_json(path)
    importing, size, cpu = _first_import(path, home)
    return [
        figure(
            "events --year Y --format json, a year of 2,857 events in a 100,000-event record (process)",
            issue_year,
            "s",
            0.5,  # issue #35, third round
            note="the newest of thirty-five years of 100,000 events",
        ),
        figure(
            "events --year Y --format json, a year of 10,000 events in a 100,000-event record (process)",
            listing,
            "s",
            None,  # for comparison: the issue's target is for the year above
            note="ten years of 100,000 events: 3.5 times the issue's year",
        ),
        figure(
            "first import of 100,000 events from the interchange file (process: reading, checks, storing)",
            importing,
            "s",
            30,
            note=f"the file: {size / 1e6:.0f} MB, exported from the same record; {cpu:.0f} s of CPU",
        ),
    ]


if __name__ == "__main__":
    from bench.run import OUT, figure

    home = Path(tempfile.mkdtemp(prefix="nlv-bench-records-"))
    os.environ.setdefault("XDG_CACHE_HOME", str(home))
    for result in figures(synthetic.build(OUT / "events-100000.sqlite3", 100_000), home, figure):
        print(result)
