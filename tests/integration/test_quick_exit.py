"""A printout command as the installed program runs it: it ends its process without the interpreter's teardown,
so what it wrote must already be whole: the PDF, the line on the screen, the record in the log."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pdfplumber

from tests.integration.cli_runner import run


def _program(home: Path, *argv: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config")}
    return subprocess.run(
        [sys.executable, "-m", "nlv_events", *argv], env=environment, capture_output=True, text=True, timeout=120
    )


def _review_id(capsys, db_path: Path) -> int:
    run(capsys, "demo", "--db", str(db_path))
    _code, out, _ = run(
        capsys, "events", "--db", str(db_path), "--search", "tong ket cong tac nam 2022", "--format", "json"
    )
    return json.loads(out)[0]["id"]


def test_the_programme_printed_by_the_program_is_whole(capsys, tmp_path, db_path):
    review = _review_id(capsys, db_path)
    in_process = tmp_path / "in-process.pdf"
    code, _out, err = run(capsys, "programme", str(review), "-o", str(in_process), "--db", str(db_path))
    assert code == 0, err

    printed = tmp_path / "program.pdf"
    result = _program(tmp_path, "programme", str(review), "-o", str(printed), "--db", str(db_path))

    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Đã in chương trình ra {printed}.\n"
    assert result.stderr == ""
    assert printed.read_bytes().rstrip().endswith(b"%%EOF")
    with pdfplumber.open(printed) as ours, pdfplumber.open(in_process) as expected:
        assert len(ours.pages) == len(expected.pages) >= 1
        assert [page.extract_text() for page in ours.pages] == [page.extract_text() for page in expected.pages]
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*program*"))


def test_a_failing_printout_still_says_why(tmp_path):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)

    result = _program(tmp_path, "programme", "1", "-o", str(tmp_path / "x.pdf"), "--db", str(broken))

    assert result.returncode == 1
    assert (
        result.stderr
        == f"nlv-events: {broken} không phải cơ sở dữ liệu NLV Events hoặc đã bị hỏng: file is not a database\n"
    )
    assert not (tmp_path / "x.pdf").exists()


def test_the_quick_exit_flushes_the_screen_and_the_log_first(tmp_path):
    script = (
        "import logging, sys\n"
        "from nlv_events import logs, one_shot\n"
        "logs.setup_logging()\n"
        "print('Đã in', end='')\n"
        "sys.stderr.write('nlv-events: còn lỗi')\n"
        "logging.getLogger('nlv_events.test').warning('ghi lại trước khi thoát')\n"
        "one_shot.exit_now(3)\n"
    )
    environment = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, timeout=60)

    assert (result.returncode, result.stdout, result.stderr) == (3, "Đã in", "nlv-events: còn lỗi")
    (log,) = (tmp_path / "state").rglob("*.log")
    assert "ghi lại trước khi thoát" in log.read_text(encoding="utf-8")


def test_a_command_called_in_the_same_process_returns(capsys, db_path):
    """Tests and scripts call main() and go on: only the program itself ends early."""
    code, out, _ = run(capsys, "events", "--db", str(db_path))
    assert code == 0 and "0 sự kiện" in out


def test_help_lists_every_command_while_one_command_builds_only_its_own(capsys):
    from nlv_events.commands import CORE_COMMANDS

    code, out, _ = run(capsys, "--help")
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("    ") and line.split()}
    assert code == 0
    assert set(CORE_COMMANDS) | {"guests", "invitations", "exhibit", "photos", "plan", "news"} <= listed

    code, _, err = run(capsys, "programm", "1")
    assert code == 2 and "'programme'" in err and "'invitations'" in err  # the typo is told every choice

    code, out, _ = run(capsys, "programme", "--help")
    assert code == 0 and "--layout {a4,booklet}" in out and "--signer TEXT" in out


def _thresholds_seen(home: Path, *argv: str) -> dict:
    """The cycle collector's thresholds when the command's handler runs, in the program as installed."""
    program = (
        "import gc, json, sys\n"
        "from nlv_events import cli\n"
        "def handler_runs(handler, command, arguments):\n"
        "    print(json.dumps({'command': command, 'thresholds': gc.get_threshold()}), flush=True)\n"
        "    return 0\n"
        "cli._run = handler_runs\n"
        f"sys.argv = ['nlv-events', *{list(argv)!r}]\n"
        "cli.run()\n"
    )
    environment = {**os.environ, "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config")}
    result = subprocess.run(
        [sys.executable, "-c", program], env=environment, capture_output=True, text=True, timeout=120, check=False
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_command_collects_cycles_less_often_and_the_window_as_usual(tmp_path, db_path):
    """A one-shot command's objects live until it ends: its collector runs less often (issue #35); the window,
    which runs for hours, keeps Python's usual pace."""
    import gc

    from nlv_events import one_shot

    usual = list(gc.get_threshold())
    printout = _thresholds_seen(tmp_path, "events", "--db", str(db_path), "--year", "2022")
    assert printout == {"command": "events", "thresholds": list(one_shot.ONE_SHOT_THRESHOLDS)}
    window = _thresholds_seen(tmp_path, "gui", "--db", str(db_path))
    assert window == {"command": "gui", "thresholds": usual}
