"""Pictures of the user guide's windows that `gui --screenshot` does not show, made by the app itself on the demo
year: the Exhibition tab with its parts, items and a loan due soon (docs/images/exhibit*.png), the preview of a
catalogue import (exhibit-import*.png), the commemorations of 2025 (commemorations*.png) and a weekly series
(series*.png). The data they show is arranged here, in a database of their own.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/window_screenshots.py [--lang vi|en]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scripts.demo_window import IMAGES, start

# The round commemorations of 2025 given a planned exhibition, as the office would have done by then.
PLANNED_2025 = ("party", "liberation-south", "ho-chi-minh-birthday", "national-day")


def main() -> int:
    shots = start("nlv-window-shots-")
    home, suffix, application = shots.home, shots.suffix, shots.application
    from nlv_events.core import database

    for name, make in (
        ("exhibit", _exhibition_tab),
        ("exhibit-import", lambda: _catalogue_preview(home)),
        ("commemorations", _commemorations),
        ("series", _series),
    ):
        window = make()
        window.show()
        application.processEvents()
        window.grab().save(str(IMAGES / f"{name}{suffix}.png"))
        window.close()
    database.close_database()
    return 0


def _exhibition_tab():
    """The New Year exhibition of the demo year with two parts, five items and a loan due in four days."""
    from nlv_events.core import event_reading
    from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, LoanEntry, SectionEntry
    from nlv_events.core.models import Event
    from nlv_events.services.exhibits import structure
    from nlv_events.ui.events.event_editor import EventEditor

    event_id = Event.get(Event.ref == "demo-2022-exh-01").id
    museum = "Bảo tàng Lịch sử quốc gia"
    history = ItemEntry(
        "Lịch sử Đảng Cộng sản Việt Nam",
        creator="Hội đồng Trung ương chỉ đạo biên soạn",
        publisher="Chính trị quốc gia Sự thật",
        year="2019",
        call_number="VV 19/01234",
    )
    newspaper = ItemEntry("Báo Nhân Dân số đặc biệt mừng Đảng", item_type="newspaper", year="2022")
    photograph = ItemEntry(
        "Ảnh Hội nghị thành lập Đảng",
        item_type="photograph",
        lender=museum,
        condition="Tốt",
        caption="Hội nghị hợp nhất các tổ chức cộng sản, Hương Cảng, 3/2/1930.",
    )
    party = SectionEntry(
        "Phần I. Đảng Cộng sản Việt Nam – 92 năm xây dựng và phát triển", [history, newspaper, photograph]
    )
    spring = SectionEntry(
        "Phần II. Mùa xuân Nhâm Dần",
        [
            ItemEntry("Tết Việt xưa và nay", creator="Nguyễn Văn Huyên", year="2015", call_number="VV 15/04321"),
            ItemEntry("Tranh Đông Hồ: Đám cưới chuột", item_type="reproduction", lender="Bảo tàng Mỹ thuật Việt Nam"),
        ],
    )
    today = dt.date.today()
    loan = LoanEntry(museum, date_out=dt.date(2022, 1, 15), date_due=today + dt.timedelta(days=4), state="received")
    structure.save(event_id, ExhibitData(sections=[party, spring], loans=[loan]))
    editor = EventEditor(event_reading.load_record(event_id))
    editor.resize(1100, 760)
    editor.show_tab(editor.exhibit_tab)
    editor.exhibit_tab._select(0, 2)  # the photograph lent by the museum, its form on the right
    return editor


def _catalogue_preview(home: Path):
    """What a MARC export of four records and a cut-off fifth shows before anything is added."""
    from nlv_events.services.exhibits import catalogue_import
    from nlv_events.ui.exhibits.catalogue_import_dialog import CatalogueImportDialog
    from tests.marc_files import book, marc_bytes

    records = [
        book("Hồ Chí Minh toàn tập : tập 1: 1912-1924", "Hồ Chí Minh", call_number="335.4346 H450"),
        book("Đường Kách mệnh", "Hồ Chí Minh", year="1927", call_number="335.4346 Đ561"),
        book("Nhật ký trong tù", "Hồ Chí Minh", call_number="895.9221 N124", marc8=True),
        book("Tạp chí Cộng sản", call_number="TC 1/2022", record_type="as"),
    ]
    path = home / "muc-luc.mrc"
    path.write_bytes(marc_bytes(records) + marc_bytes([book("Bản ghi hỏng")])[:-20])
    dialog = CatalogueImportDialog(catalogue_import.read(path))
    dialog.resize(900, 420)
    return dialog


def _commemorations():
    from nlv_events.services.planning import commemorations
    from nlv_events.ui.planning.commemorations_dialog import CommemorationsDialog

    for key in PLANNED_2025:
        commemorations.plan_exhibition(key, 2025)
    dialog = CommemorationsDialog(2025)
    dialog.round_only.setChecked(True)
    dialog.resize(980, 620)
    return dialog


def _series():
    """Story hours every Saturday morning of 2025 but Tết week, the third occurrence chosen."""
    from nlv_events.services.planning import series
    from nlv_events.ui.planning.series_dialog import SeriesDialog

    series.save(
        series.SeriesSpec(
            title="Giờ kể chuyện cho thiếu nhi",
            kind="talk",
            start=dt.date(2025, 1, 4),
            rule="FREQ=WEEKLY;BYDAY=SA;UNTIL=20251227",
            start_time=dt.time(9, 0),
            end_time=dt.time(10, 30),
            venue="Phòng đọc Thiếu nhi, Thư viện Quốc gia Việt Nam",
            skip=[dt.date(2025, 2, 1)],
            people=["Nguyễn Thị Hà"],
        )
    )
    dialog = SeriesDialog()
    dialog.series_list.setCurrentRow(0)
    dialog.occurrences.setCurrentRow(2)
    dialog.resize(1100, 640)
    return dialog


if __name__ == "__main__":
    raise SystemExit(main())
