"""`nlv-events import FILE.xlsx|FILE.csv|FILE.docx`: the dry run, the import, a second import, bad input."""

from __future__ import annotations

from nlv_events.core import database
from nlv_events.core.models import Event
from tests.integration.cli_runner import run
from tests.unit.services.interchange import list_files


def _count(db_path) -> int:
    database.open_database(str(db_path))
    try:
        return Event.select().count()
    finally:
        database.close_database()


def test_the_dry_run_lists_the_bad_row_and_stores_nothing(capsys, tmp_path, db_path):
    path = list_files.write_xlsx(tmp_path / "danh-muc-2022.xlsx")
    code, out, err = run(capsys, "import", str(path), "--dry-run", "--lang", "en", "--db", str(db_path))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    bad = [line for line in out.splitlines() if "31/02/2022" in line]
    assert bad == ["2022, row 12: “31/02/2022” is not a day of the calendar."]
    assert _count(db_path) == 0
    code, out, err = run(capsys, "import", str(path), "--db", str(db_path))
    assert code == 1 and "31/02/2022" in err and _count(db_path) == 0  # the whole file or nothing


def test_import_then_again_changes_nothing(capsys, tmp_path, db_path):
    path = list_files.write_xlsx(tmp_path / "danh-muc-2022.xlsx", bad_date="12/09/2022")
    code, out, _err = run(capsys, "import", str(path), "--db", str(db_path))
    assert code == 0 and "7" in out and _count(db_path) == 7
    code, out, _err = run(capsys, "import", str(path), "--lang", "en", "--db", str(db_path))
    assert code == 0 and _count(db_path) == 7
    assert "0 events added, 0 updated, 7 unchanged" in out


def test_a_csv_list_with_a_column_named_on_the_command_line(capsys, tmp_path, db_path):
    path = tmp_path / "list.csv"
    path.write_text("\ufeffTên,Ngày,Nơi\nHội sách mùa thu,20/10,Sân thư viện\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(path), "--dry-run", "--lang", "en", "--db", str(db_path))
    assert code == 1 and "“20/10” gives no year" in out  # nor does the title: --year says it
    code, out, err = run(capsys, "import", str(path), "--column", "2=dates", "--column", "C=venue",
                         "--year", "2021", "--db", str(db_path))
    assert code == 0, err
    named = tmp_path / "danh-muc-2020.csv"
    named.write_text("Tên,Ngày\nHội sách mùa đông,20/12\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(named), "--dry-run", "--db", str(db_path))
    assert code == 0 and "2020" in out  # the year the file's name gives
    database.open_database(str(db_path))
    try:
        event = Event.get()
        assert (event.title, str(event.start_date), event.venue.name) == ("Hội sách mùa thu", "2021-10-20",
                                                                         "Sân thư viện")
    finally:
        database.close_database()


def test_bad_input_is_one_line(capsys, tmp_path, db_path):
    code, _out, err = run(capsys, "import", str(tmp_path / "none.xlsx"), "--db", str(db_path))
    assert code != 0 and len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, "import", "list.xlsx", "--column", "2=colour", "--db", str(db_path))
    assert code != 0 and "Traceback" not in err
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Title,Dates\nFête du livre,20/10/2021\n".encode("cp1252"))
    code, _out, err = run(capsys, "import", str(latin), "--db", str(db_path))
    assert code != 0 and "cp1258" in err and len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, "import", str(latin), "--encoding", "cp1252", "--db", str(db_path))
    assert code == 0, err


def test_a_list_option_on_an_interchange_file_is_refused(capsys, tmp_path, db_path):
    path = tmp_path / "events.json"
    path.write_text('{"format": "nlv-events", "version": 1, "events": []}', encoding="utf-8")
    code, _out, err = run(capsys, "import", str(path), "--dry-run", "--db", str(db_path))
    assert code != 0 and "--dry-run" in err and len(err.strip().splitlines()) == 1
