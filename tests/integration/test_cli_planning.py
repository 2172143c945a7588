"""The planning sub-commands: anniversaries, the plan document and its progress."""

import json

import pytest

from nlv_events.core import database
from tests.integration.cli_runner import run


@pytest.fixture(autouse=True)
def _close_after():
    yield
    database.close_database()


def test_anniversaries_round_only_as_json(capsys, db_path):
    code, out, err = run(capsys, "anniversaries", "2025", "--round-only", "--format", "json", "--db", str(db_path))
    assert code == 0, err
    items = json.loads(out)
    party = next(item for item in items if item["key"] == "party")
    assert party == {
        "key": "party",
        "name": "Ngày thành lập Đảng Cộng sản Việt Nam",
        "heading": "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)",
        "founded": "1930-02-03",
        "date": "2025-02-03",
        "calendar": "solar",
        "ordinal": 95,
        "round": True,
        "event_ids": [],
    }
    assert all(item["round"] for item in items)
    assert [item["date"] for item in items] == sorted(item["date"] for item in items)


def test_anniversaries_table_shows_lunar_days_converted(capsys, db_path):
    code, out, _ = run(capsys, "anniversaries", "2023", "--db", str(db_path), "--lang", "en")
    assert code == 0
    hung_kings = next(line for line in out.splitlines() if "Hùng Kings" in line)
    assert hung_kings.startswith("29/04/2023")


def test_plan_writes_pdf_and_docx_and_refuses_other_files(capsys, db_path, tmp_path):
    code, out, _ = run(
        capsys, "plan", "2025", "-o", str(tmp_path / "plan.pdf"), "--number", "15/KH-TVQG", "--db", str(db_path)
    )
    assert code == 0 and (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = run(capsys, "plan", "2025", "-o", str(tmp_path / "plan.docx"), "--db", str(db_path))
    assert code == 0 and "plan.docx" in out and (tmp_path / "plan.docx").stat().st_size > 0
    code, _, err = run(capsys, "plan", "2025", "-o", str(tmp_path / "plan.txt"), "--db", str(db_path))
    assert code == 1 and err.count("\n") == 1 and ".txt" in err and "Traceback" not in err
    code, _, err = run(capsys, "plan", "2025", "--db", str(db_path))
    assert code == 1 and "--progress" in err


def test_plan_progress(capsys, db_path):
    run(capsys, "demo", "--db", str(db_path))
    code, out, _ = run(
        capsys, "plan", "2022", "--progress", "--as-of", "2022-12-31", "--format", "json", "--db", str(db_path)
    )
    assert code == 0
    progress = json.loads(out)
    assert progress["as_of"] == "2022-12-31"
    assert progress["total"]["planned"] == 31 and progress["total"]["due"] == 31
    assert sum(month["planned"] for month in progress["months"].values()) == 31
    code, out, _ = run(capsys, "plan", "2022", "--progress", "--db", str(db_path))
    assert code == 0 and "Tiến độ thực hiện kế hoạch năm 2022" in out and "Triển lãm" in out


@pytest.mark.parametrize("typed", ["KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC",
                                   "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"])  # fmt: skip
def test_every_command_takes_the_authority_in_the_same_forms(capsys, db_path, tmp_path, typed):
    from docx import Document

    run(capsys, "demo", "--db", str(db_path))
    code, _out, err = run(capsys, "plan", "2022", "-o", str(tmp_path / "plan.docx"), "--signer-title", typed,
                          "--db", str(db_path))  # fmt: skip
    assert code == 0, err
    _code, out, _ = run(capsys, "events", "--db", str(db_path), "--search", "tong ket cong tac nam 2022",
                        "--format", "json")  # fmt: skip
    review = str(json.loads(out)[0]["id"])
    code, _out, err = run(capsys, "programme", review, "-o", str(tmp_path / "programme.docx"), "--authority", typed,
                          "--db", str(db_path))  # fmt: skip
    assert code == 0, err
    for name in ("plan.docx", "programme.docx"):
        signer = Document(str(tmp_path / name)).tables[-1].rows[0].cells[1]
        assert [paragraph.text for paragraph in signer.paragraphs][:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name


def test_anniversaries_as_json_give_the_published_lunar_dates(capsys, db_path):
    from tests.unit.services.planning.test_lunisolar import MID_AUTUMN, TET

    for key, table in (("tet", TET), ("mid-autumn", MID_AUTUMN)):
        for year, published in table.items():
            code, out, err = run(capsys, "anniversaries", str(year), "--format", "json", "--db", str(db_path))
            assert code == 0, err
            item = next(item for item in json.loads(out) if item["key"] == key)
            assert (item["date"], item["calendar"]) == (published.isoformat(), "lunar"), (key, year)


def test_anniversaries_of_a_year_the_lunar_calendar_does_not_cover_leave_lunar_days_out(capsys, db_path):
    code, out, err = run(capsys, "anniversaries", "2150", "--format", "json", "--db", str(db_path))
    assert code == 0, err
    keys = {item["key"] for item in json.loads(out)}
    assert "party" in keys and "tet" not in keys
