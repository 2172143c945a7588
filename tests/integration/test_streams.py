"""Vietnamese output survives a stream in a legacy code page (Windows gives cp1252 to a redirected stream)."""

import io
import os
import subprocess
import sys

from nlv_events import cli
from tests.integration.cli_runner import run

TITLE = "Hà Nội – Điện Biên Phủ trên không: 50 năm bản hùng ca"


def _cli(*argv: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """`python -m nlv_events ARGV…` with both streams in cp1252, as Windows sets them up for `> file`."""
    environment = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    return subprocess.run(
        [sys.executable, "-m", "nlv_events", *argv], stdout=stdout, stderr=subprocess.PIPE, env=environment, timeout=120
    )


def test_events_redirected_to_a_cp1252_file_come_out_in_utf8(capsys, db_path, tmp_path):
    run(capsys, "demo", "--db", str(db_path))
    listing = tmp_path / "list.txt"
    with listing.open("wb") as stdout:
        result = _cli("events", "--db", str(db_path), "--year", "2022", stdout=stdout)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stderr == b""
    text = listing.read_bytes().decode("utf-8")  # strict: any cp1252 byte or “?” substitute fails here
    assert TITLE in text
    assert text.strip().endswith("sự kiện")


def test_english_titles_stay_vietnamese_in_a_cp1252_pipe(capsys, db_path):
    run(capsys, "demo", "--db", str(db_path))
    result = _cli("events", "--db", str(db_path), "--lang", "en", "--format", "csv")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert TITLE in result.stdout.decode("utf-8")


def test_an_error_in_vietnamese_reaches_a_cp1252_stderr_whole(tmp_path):
    missing = tmp_path / "không có.json"
    result = _cli("import", str(missing), "--db", str(tmp_path / "e.sqlite3"))
    assert result.returncode == 1
    message = result.stderr.decode("utf-8")
    assert len(message.strip().splitlines()) == 1 and "Traceback" not in message
    assert "không có.json" in message  # not “kh\\xf4ng c\\xf3” (backslash escapes) nor “?”


def test_main_switches_a_cp1252_stream_in_process(monkeypatch):
    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="cp1252", errors="strict")
    monkeypatch.setattr(sys, "stdout", stream)
    cli.utf8_streams()
    print("Đọc sách – Ngày Sách và Văn hóa đọc Việt Nam")
    stream.flush()
    assert buffer.getvalue().decode("utf-8") == "Đọc sách – Ngày Sách và Văn hóa đọc Việt Nam\n"


def test_a_missing_stream_is_left_alone(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)  # the windowed program started without a console
    monkeypatch.setattr(sys, "stderr", None)
    cli.utf8_streams()
    assert sys.stdout is None


def test_a_failing_command_without_streams_still_ends_with_its_code(monkeypatch, tmp_path):
    """The windowed program (nlv-eventsw.exe) has no stdout or stderr: a command's error cannot be shown, but
    it must not turn into a crash of its own."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    try:
        cli.main(["import", str(tmp_path / "không có.json"), "--db", str(tmp_path / "e.sqlite3")])
    except SystemExit as stop:
        code = stop.code
    assert code == 1


def test_a_year_as_json_reaches_a_cp1252_stream_and_a_pipe_as_the_same_utf8(capsys, db_path):
    """The JSON is handed on as UTF-8 bytes where the stream would write the same bytes (issue #35)."""
    run(capsys, "demo", "--db", str(db_path))
    arguments = ("events", "--db", str(db_path), "--year", "2022", "--format", "json")
    _code, in_process, _err = run(capsys, *arguments)
    legacy = _cli(*arguments)
    assert legacy.returncode == 0, legacy.stderr.decode("utf-8", "replace")
    assert legacy.stdout.decode("utf-8") == in_process  # strict UTF-8, the same text
    assert TITLE in in_process and in_process.endswith("]\n")


def test_utf8_is_printed_after_what_the_text_stream_holds(monkeypatch):
    from nlv_events.commands.common import print_utf8

    for encoding, line_end in (("utf-8", "\n"), ("cp1252", "\n"), ("utf-8", "\r\n")):
        buffer = io.BytesIO()
        stream = io.TextIOWrapper(buffer, encoding=encoding, errors="replace", newline=line_end)
        monkeypatch.setattr(sys, "stdout", stream)
        if line_end != "\n":
            monkeypatch.setattr(os, "linesep", line_end)
        stream.write("trước\n")
        print_utf8("Hà Nội\n".encode())
        stream.flush()
        expected = "trước\nHà Nội\n".replace("\n", line_end)
        assert buffer.getvalue() == expected.encode(encoding, "replace"), (encoding, line_end)
        monkeypatch.undo()
    output = io.StringIO()
    monkeypatch.setattr(sys, "stdout", output)  # a stream of text alone
    print_utf8("Hà Nội\n".encode())
    assert output.getvalue() == "Hà Nội\n"
