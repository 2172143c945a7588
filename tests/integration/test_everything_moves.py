"""Issue 25, "Done when": a record made of everything the imports accept — events with people and programme, an
exhibition with sections, catalogue items and loans, guests with their deputies and contacts, a series, photos and
a news item, plan targets, a commemoration — at the longest lengths the store allows, in Vietnamese with combining
marks, emoji outside the Basic Multilingual Plane, quotes, “&”, “%” and “_” — moves from SQLite to PostgreSQL
unchanged: the export of the one is the export of the other (data-safety.md, "Moving to a shared PostgreSQL
database")."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from nlv_events.core import limits, rules
from tests.integration.cli_runner import run

# NFC text that stays as it is once stored: "q̣" has no precomposed form, "𝔸" and "📚" are outside the BMP.
PIECE = "Thư viện Quốc gia Việt Nam 📚 Nguyễn Thị Hòa q̣ 𝔸 “Bác Hồ” & <b>x</b> 50% _ 'a' \"b\" \\ Đ "


def _text(length: int, start: str = "") -> str:
    """Exactly `length` characters beginning with `start`, with no space at either end and none doubled."""
    text = (start + PIECE * (length // len(PIECE) + 2))[:length]
    return text[:-1] + "x" if text.endswith(" ") else text


def _lines(length: int) -> str:
    """Running text with line breaks and tabs, where they are allowed."""
    line = _text(70) + "\n\t"
    return _text(length, (line * (length // len(line)))[: length - 80])


def _limit(field: str) -> int:
    return limits.max_length(field)


def _person(name: str, role: str = "speaker") -> dict:
    return {
        "name": _text(_limit("name"), name),
        "honorific": _text(_limit("honorific"), "GS.TS. "),
        "position": _text(_limit("position"), "Thứ trưởng "),
        "organisation": _text(_limit("organisation"), "Bộ Văn hóa "),
        "role": role,
    }


def _talk() -> dict:
    speaker = _person("Trịnh Thị Thủy ")
    return {
        "ref": "tọa-đàm-📚-" + "x" * (_limit("ref") - 11),
        "kind": "talk",
        "title": _text(_limit("title"), "Tọa đàm "),
        "title_en": _text(_limit("title_en"), "Talk "),
        "theme": _text(_limit("theme"), "Chủ đề "),
        "occasion": _text(_limit("occasion"), "Kỷ niệm "),
        "start": "2023-04-21T08:00",
        "end": "2023-04-21T11:30",
        "venue": _text(_limit("venue"), "Hội trường "),
        "format": "hybrid",
        "status": "held",
        "role": "co_organiser",
        "partners": [_text(_limit("partners"), "Institut français de Hanoï "), "Müller & Söhne, Köln"],
        "audience": "adults",
        "attendance": rules.MAX_COUNT,
        "online_views": 0,
        "description": _lines(_limit("description")),
        "notes": _lines(2_000),
        "news_url": ("https://nlv.gov.vn/tin-tuc?id=12&lang=vi&q=" + "a%20b" * 500)[: _limit("news_url")],
        "people": [speaker, _person("Lê Văn Đọc ", "người đọc thơ 🎤")],
        "programme": [
            {
                "start": "2023-04-21T08:00",
                "end": "2023-04-21T08:30",
                "title": _lines(_limit("programme.title")),
                "place": _text(_limit("programme.place"), "Sảnh "),
                "people": [speaker],
            },
            {"start": "2023-04-21T11:29", "title": "Bế mạc"},
        ],
    }


def _exhibition() -> dict:
    item = {
        "title": _text(255, "Tuyên ngôn độc lập "),
        "creator": _text(255, "Hồ Chí Minh "),
        "place": "Hà Nội",
        "publisher": _text(255, "Sự thật "),
        "year": "[1945?]",
        "call_number": "VV 1945/1 – q̣ 📚",
        "item_type": "photograph",
        "quantity": 999,
        "lender": _text(255, "Bảo tàng Hồ Chí Minh "),
        "condition": "Tốt",
        "physical": "12 tr. : ảnh ; 19 cm",
        "caption": _text(255, "Bản in đầu tiên "),
        "note": _text(255, "Ghi chú "),
    }
    return {
        "ref": "trien-lam-1900-2100",
        "kind": "exhibition",
        "title": _text(_limit("title"), "Triển lãm "),
        "start": "1900-01-01",
        "end": "2100-12-31",
        "venue": "Sảnh tầng 1",
        "items_displayed": 7,
        "exhibit": {
            "sections": [
                {"title": _text(255, "Bác Hồ với Thủ đô "), "items": [item, {"title": "Một tờ báo", "quantity": 1}]},
                {"title": "Phần trống", "items": []},
            ],
            "loans": [
                {
                    "lender": _text(255, "Bảo tàng Lịch sử "),
                    "direction": "out",
                    "date_out": "1900-01-01",
                    "date_due": "2100-12-31",
                    "date_back": "2000-02-29",
                    "state": "returned",
                    "note": "Đã trả đủ 📦",
                },
                {"lender": "Thư viện Hà Nội", "date_out": "2023-05-02", "date_due": None, "state": "requested"},
            ],
            "count_override": True,
        },
    }


def _guest(name: str, state: str, **more: object) -> dict:
    return {
        "name": _text(_limit("name"), name),
        "honorific": "Bà",
        "position": _text(_limit("position"), "Vụ trưởng "),
        "organisation": _text(_limit("organisation"), "Bộ Văn hóa "),
        "group": "Khách 🎉 đặc biệt",
        "state": state,
        **more,
    }


def _reception() -> dict:
    return {
        "ref": "hoi-nghi-tong-ket",
        "kind": "conference",
        "title": "Hội nghị tổng kết",
        "start": "2100-12-31T23:59",
        "guests": [
            _guest(
                "Nguyễn Thế Kỷ ",
                "deputy",
                invited_on="2100-12-01",
                invited_by="letter",
                deputy={"name": _text(_limit("name"), "Ông Phạm Văn Thành "), "position": "Phó Vụ trưởng"},
                seat="A3",
                notes=_text(255, "Ghi chú "),
                email="ky.nt@bvhttdl.gov.vn",
                phone="+84 912 345 678",
            ),
            _guest("Đỗ Thị Hà ", "attended", invited_by="email"),
            _guest("Vũ Văn Nam ", "to_invite"),
        ],
    }


def _photographed() -> dict:
    shown = _person("Trần Kim Thơ ", "guest")
    return {
        "ref": "ngay-sach",
        "kind": "book_day",
        "title": "Ngày Sách và Văn hóa đọc Việt Nam",
        "start": "2023-04-21",
        "people": [shown],
        "photos": [
            {
                "path": "events/ngay-sach/a-b-c.jpeg",
                "original_name": "a b  c.jpeg",
                "sha256": "0123456789abcdef" * 4,
                "taken_at": "2023-04-21T08:30:00",
                "caption": _text(255, "Toàn cảnh "),
                "photographer": "Trần Kim Thơ",
                "chosen": True,
                "order": 0,
                "people": [shown["name"]],
            },
            {"path": "events/ngay-sach/hai.jpg", "sha256": "f" * 64},
        ],
        "news_item": {
            "title": _text(_limit("title"), "Ngày Sách "),
            "lead": _text(500, "Sáng 21/4 "),
            "body": _text(300, "Đoạn một ") + "\n\n" + _text(300, "Đoạn hai "),
            "credit": "Tin, ảnh: Nguyễn Phương Nhung",
        },
    }


def _document() -> dict:
    return {
        "format": "nlv-events/1",
        "plans": [
            {"year": 1900, "kind": "exhibition", "target": 0},
            {"year": 2100, "kind": "talk", "target": rules.MAX_COUNT},
        ],
        "series": [
            {
                "ref": "gio-ke-chuyen-🧸",
                "title": _text(_limit("title"), "Giờ kể chuyện "),
                "kind": "talk",
                "rule": "FREQ=WEEKLY;BYDAY=SA",
                "start": "2025-03-01T09:00",
                "end": "2025-03-01T10:30",
                "until": "2025-05-31",
                "skip": ["2025-04-26"],
                "venue": _text(_limit("venue"), "Phòng đọc Thiếu nhi "),
                "people": ["Nguyễn Thị Hoa"],
                "description": _lines(1_000),
            }
        ],
        "commemorations": [
            {
                "key": "office-ngay-truyen-thong",
                "name": _text(255, "Ngày truyền thống "),
                "name_en": None,
                "founded": "1900-03-15",
                "calendar": "lunar",
                "month": 3,
                "day": 30,
                "style": "anniversary",
                "source": "Quyết định số 1/QĐ",
            }
        ],
        "events": [_talk(), _exhibition(), _reception(), _photographed()],
    }


def _event_id(capsys, target: str, ref: str) -> int:
    _code, out, _err = run(capsys, "events", "--format", "json", "--db", target)
    return next(event["id"] for event in json.loads(out) if event["ref"] == ref)


def _spreadsheet_imports(capsys, target: str, folder: Path) -> None:
    """What the catalogue and the guest imports accept, added to the exhibition and the conference."""
    catalogue = folder / "catalogue.csv"
    with catalogue.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(
            [
                ["Phần", "Tên tài liệu", "Tác giả", "Nơi xuất bản", "Nhà xuất bản", "Năm", "Ký hiệu kho", "Loại",
                 "Số lượng", "Nguồn", "Tình trạng", "Chú thích", "Ghi chú"],
                ["Phần trống", _text(255, "Báo Nhân Dân "), _text(255, "Tòa soạn "), "Hà Nội", "Nhân Dân", "1951",
                 "B 1951/3 – q̣", "báo", "12", "Kho TVQG", "Giấy giòn", _text(255, "Số đầu tiên "), "Mượn 📚"],
            ]
        )  # fmt: skip
    code, _out, err = run(capsys, "exhibit", str(_event_id(capsys, target, "trien-lam-1900-2100")), "--import",
                          str(catalogue), "--section", "Phần trống", "--db", target)  # fmt: skip
    assert (code, err) == (0, ""), err
    guests = folder / "khach-moi.csv"
    with guests.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(
            [
                ["Danh xưng", "Họ và tên", "Chức vụ", "Cơ quan", "Nhóm", "Email", "Điện thoại", "Chỗ ngồi", "Ghi chú"],
                ["PGS.TS.", _text(_limit("name"), "Hoàng Văn Bảy "), _text(_limit("position"), "Giám đốc "),
                 _text(_limit("organisation"), "Sở Văn hóa "), "Khách 🎉 đặc biệt", "bay@sovhtt.gov.vn",
                 "024 3825 3357", "B1", "Đến muộn 😅"],
            ]
        )  # fmt: skip
    code, _out, err = run(capsys, "guests", str(_event_id(capsys, target, "hoi-nghi-tong-ket")), "--import",
                          str(guests), "--merge", "new", "--db", target)  # fmt: skip
    assert code == 0 and "Traceback" not in err, err  # its summary goes to stderr


def _export(capsys, target: str, path: Path) -> dict:
    code, _out, err = run(capsys, "export", str(path), "--contacts", "--db", target)
    assert (code, err) == (0, ""), err
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_everything_any_import_accepts_moves_from_sqlite_to_postgresql_unchanged(capsys, tmp_path, postgres_server):
    source = tmp_path / "everything.json"
    source.write_text(json.dumps(_document(), ensure_ascii=False), encoding="utf-8")
    sqlite = str(tmp_path / "events.sqlite3")
    code, _out, err = run(capsys, "import", str(source), "--db", sqlite)
    assert (code, err) == (0, ""), err
    _spreadsheet_imports(capsys, sqlite, tmp_path)
    from_sqlite = _export(capsys, sqlite, tmp_path / "from-sqlite.json")
    assert len(from_sqlite["events"]) == 4 + 13  # and the series: fourteen Saturdays, one skipped
    exhibition = next(event for event in from_sqlite["events"] if event["ref"] == "trien-lam-1900-2100")
    assert [item["quantity"] for item in exhibition["exhibit"]["sections"][1]["items"]] == [12]  # the catalogue's
    reception = next(event for event in from_sqlite["events"] if event["ref"] == "hoi-nghi-tong-ket")
    assert len(reception["guests"]) == 4 and any(guest.get("phone") == "024 3825 3357" for guest in reception["guests"])

    postgres_server.reset()
    try:
        code, _out, err = run(capsys, "import", str(tmp_path / "from-sqlite.json"), "--db", postgres_server.url)
        assert (code, err) == (0, ""), err
        from_postgresql = _export(capsys, postgres_server.url, tmp_path / "from-postgresql.json")
    finally:
        postgres_server.reset()

    assert from_postgresql == from_sqlite
    talk = next(event for event in from_postgresql["events"] if event["kind"] == "talk" and "people" in event)
    assert talk["title"] == _talk()["title"] and len(talk["title"]) == _limit("title")  # stored whole, not cut
