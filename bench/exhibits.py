"""Exhibition figures for `make bench`: a 5 000-record MARC import and a 1 000-item checklist PDF."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from tests.marc_files import book, marc_bytes

SECTIONS = 10


def marc_file(path: Path, count: int = 5_000) -> Path:
    """`count` catalogue records, one in four MARC-8 encoded, as the library's older exports are."""
    records = [
        book(
            f"Tuyển tập tác phẩm về Chủ tịch Hồ Chí Minh, tập {number}",
            "Nguyễn Văn Đức",
            subtitle="hồi ký và tư liệu",
            call_number=f"335.4346 H{number:05d}",
            added=("Trần Thị Thu Hương",),
            marc8=number % 4 == 0,
        )
        for number in range(1, count + 1)
    ]
    path.write_bytes(marc_bytes(records))
    return path


def exhibition(title: str) -> int:
    from nlv_events.core import store
    from nlv_events.core.records import EventRecord

    return store.save_event(EventRecord(kind="exhibition", title=title, start=dt.date(2026, 5, 19))).id


def import_once(marc: Path) -> int:
    """A fresh database, one exhibition, the whole file read and added (what `nlv-events exhibit --import` does)."""
    from nlv_events.core import database
    from nlv_events.services.exhibits import catalogue_import

    with tempfile.TemporaryDirectory() as folder:
        database.open_database(str(Path(folder) / "import.sqlite3"))
        try:
            preview = catalogue_import.read(marc)
            return catalogue_import.apply(exhibition("Nhập 5 000 bản ghi"), preview)
        finally:
            database.close_database()


def checklist_database(path: Path, items: int = 1_000) -> int:
    """A database holding one exhibition of `items` items in ten sections; returns its id."""
    from nlv_events.core import database
    from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, SectionEntry
    from nlv_events.services.exhibits import structure

    database.open_database(str(path))
    event_id = exhibition("Trưng bày 1 000 tài liệu")
    per_section = items // SECTIONS
    structure.save(
        event_id,
        ExhibitData(
            sections=[
                SectionEntry(
                    f"Phần tư liệu số {section + 1}",
                    [
                        ItemEntry(
                            f"Báo Cứu quốc số {section * per_section + n}: tin chiến thắng Điện Biên Phủ",
                            creator="Nhiều tác giả",
                            place="Hà Nội",
                            publisher="Cứu quốc",
                            year="1954",
                            call_number=f"BC {section * per_section + n}",
                            item_type="newspaper",
                            quantity=1 + n % 3,
                            lender="Bảo tàng Lịch sử quốc gia" if n % 5 == 0 else None,
                        )
                        for n in range(per_section)
                    ],
                )
                for section in range(SECTIONS)
            ]
        ),
    )
    return event_id
