"""A programme names each person with the body recorded for them, as the protocol office writes it: "position,
organisation", the organisation's words once (issue: "Phó Trưởng phòng Phục vụ bạn đọc" of which body?)."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber

from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.services.reports import programme

T = dt.datetime


def _text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as document:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)


def test_the_programme_prints_each_persons_organisation_once(db):
    hanh = PersonEntry("Nguyễn Thị Hạnh", "speaker", "Bà", "Phó Trưởng phòng Phục vụ bạn đọc",
                       "Thư viện Quốc gia Việt Nam")
    thuy = PersonEntry("Trịnh Thị Thủy", "speaker", "Bà", "Thứ trưởng", "Bộ Văn hóa, Thể thao và Du lịch")
    rector = PersonEntry("Ưng Văn Ẩn", "speaker", "PGS.TS.", "Hiệu trưởng", "Trường Đại học Văn hóa Hà Nội")
    record = EventRecord(
        kind="talk", title="Tọa đàm Văn hóa đọc", start=T(2022, 4, 21, 8, 0), end=T(2022, 4, 21, 11, 0),
        programme=[ProgrammeEntry(T(2022, 4, 21, 8, 30), "Phát biểu khai mạc", people=[thuy]),
                   ProgrammeEntry(T(2022, 4, 21, 9, 0), "Đọc sách trong thời đại số", people=[hanh, rector])],
    )  # fmt: skip
    text = _text(bytes(programme.render(record)))
    assert "Bà Nguyễn Thị Hạnh – Phó Trưởng phòng Phục vụ bạn đọc, Thư viện Quốc gia Việt Nam" in text
    assert "Bà Trịnh Thị Thủy – Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch" in text
    assert "PGS.TS. Ưng Văn Ẩn – Hiệu trưởng Trường Đại học Văn hóa Hà Nội" in text
