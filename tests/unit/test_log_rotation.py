"""Two processes (the open window and a command) log to one file and rotate it without losing or breaking anything."""

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

from nlv_events.log_rotation import SharedRotatingFile

RECORDS = 300
WRITER = """
import logging, sys
from nlv_events.log_rotation import SharedRotatingFile
handler = SharedRotatingFile(sys.argv[1], max_bytes=3000, backup_count=1000)
handler.setFormatter(logging.Formatter("%(message)s"))
logger = logging.getLogger("writer")
logger.addHandler(handler)
logger.setLevel(logging.INFO)
for number in range(int(sys.argv[3])):
    logger.info("%s record %04d %s", sys.argv[2], number, "x" * 60)
"""


def _records(folder: Path) -> list[str]:
    return [
        line
        for path in folder.iterdir()
        if ".log" in path.name and not path.name.endswith(".lock")
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def test_two_processes_rotating_one_log_lose_nothing_and_report_no_error(tmp_path):
    log = tmp_path / "nlv-events.log"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(log), name, str(RECORDS)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("window", "command")
    ]
    errors = [writer.communicate(timeout=120)[1] for writer in writers]
    assert errors == ["", ""]  # logging prints "--- Logging error ---" there when a rotation fails
    assert all(writer.returncode == 0 for writer in writers)
    records = _records(tmp_path)
    for name in ("window", "command"):
        assert sorted(line for line in records if line.startswith(name)) == [
            f"{name} record {number:04d} {'x' * 60}" for number in range(RECORDS)
        ]
    files = [path for path in tmp_path.iterdir() if path.name.startswith("nlv-events.log.") and path.suffix != ".lock"]
    assert len(files) > 10 and all(path.stat().st_size <= 3000 for path in [log, *files])


def test_a_rotation_refused_by_another_process_is_put_off_not_an_error(tmp_path, monkeypatch, capsys):
    log = tmp_path / "nlv-events.log"
    handler = SharedRotatingFile(log, max_bytes=200, backup_count=2)
    logger = logging.getLogger("nlv_events.test_rotation")
    logger.addHandler(handler)
    logger.propagate = False
    replace = os.replace

    def in_use(*arguments, **options):
        raise PermissionError(32, "The process cannot access the file because it is being used by another process")

    try:
        monkeypatch.setattr(os, "replace", in_use)  # Windows, while the window holds the file
        for number in range(10):
            logger.warning("record %d %s", number, "y" * 40)
        assert "Logging error" not in capsys.readouterr().err
        assert len(log.read_text(encoding="utf-8").splitlines()) == 10  # kept, only not rotated
        monkeypatch.setattr(os, "replace", replace)  # the other process let go
        logger.warning("after")
    finally:
        logger.removeHandler(handler)
    assert log.read_text(encoding="utf-8").splitlines()[-1].endswith("after")
    assert (tmp_path / "nlv-events.log.1").read_text(encoding="utf-8").count("record") == 10
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
