"""A realistic past year's event list, as offices keep it, written by the test as an Excel workbook and a Word file:
a title above the header, sections merged across ("I. TRIỂN LÃM"), a venue merged down two rows, subtotals, every
date form of the issue and one bad row (31/02)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HEADERS = ["STT", "Tên sự kiện", "Thời gian", "Địa điểm", "Chủ trì/Phối hợp", "Đơn vị phối hợp", "Hình thức",
           "Số lượt tham dự", "Ghi chú"]
TITLE = "DANH MỤC SỰ KIỆN NĂM 2022"
BAD_DATE = "31/02/2022"
# A section ("I. …"), a subtotal ("Cộng: …") or an event row; the events' venue None under a merged cell.
ROWS: list[tuple] = [
    ("section", "I. TRIỂN LÃM"),
    ("event", "1", "Báo chí cách mạng Việt Nam – 97 năm", "15/06 – 05/07/2022", "Sảnh tầng 1", "Chủ trì", "",
     "Trực tiếp", "4.200", ""),
    ("event", "2", "Hà Nội – Điện Biên Phủ trên không", "18/12/2022 – 15/01/2023", "Sảnh tầng 1", "Phối hợp",
     "Bảo tàng Chiến thắng B-52, Bảo tàng Hà Nội", "Kết hợp", 2700, ""),
    ("event", "3", "Sách quý Thăng Long", dt.datetime(2022, 9, 2), "Phòng đọc", "Phối hợp",
     "Thư viện Hà Nội\nThư viện Huế", "Trực tuyến", "1.500", "Trưng bày trực tuyến"),
    ("subtotal", "Cộng: 3 sự kiện", "8.400"),
    ("section", "II. HỘI NGHỊ, HỘI THẢO"),
    ("event", "1", "Hội thảo Thư viện số", "08h30, 26/12/2022", "Hội trường tầng 2", "Chủ trì", "", "Trực tiếp",
     "250", ""),
    ("event", "2", "Hội nghị bạn đọc", "Tháng 3/2022", None, "Chủ trì", "", "Kết hợp", "120", ""),
    ("event", "3", "Hội nghị cộng tác viên", BAD_DATE, "Phòng 301", "Chủ trì", "", "Trực tiếp", "60", ""),
    ("subtotal", "Cộng: 3 sự kiện", "430"),
    ("section", "III. TỌA ĐÀM – GIAO LƯU"),
    ("event", "1", "Giao lưu tác giả trẻ", "20/01/2022", "Phòng đọc thiếu nhi", "Phối hợp",
     "Nhà xuất bản Kim Đồng; Nhà xuất bản Trẻ", "Trực tiếp", "150", ""),
    ("subtotal", "Cộng: 1 sự kiện", "150"),
    ("subtotal", "Tổng cộng: 7 sự kiện", "8.980"),
]
SUBTOTALS = {"exhibition": (3, 8400), "conference": (3, 430), "talk": (1, 150)}
ATTENDANCE_COLUMN = HEADERS.index("Số lượt tham dự")
MERGED_VENUE_ROWS = ("Hội thảo Thư viện số", "Hội nghị bạn đọc")  # the second's venue is the merged cell's


def _cells(row: tuple) -> list[object]:
    if row[0] == "event":
        return list(row[1:])
    if row[0] == "subtotal":
        cells: list[object] = [""] * len(HEADERS)
        cells[0], cells[ATTENDANCE_COLUMN] = row[1], row[2]
        return cells
    return [row[1]] + [""] * (len(HEADERS) - 1)


def write_xlsx(path: Path, bad_date: str = BAD_DATE) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "2022"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append([])
    sheet.append(HEADERS)
    for row in ROWS:
        cells = _cells(row)
        if row[0] == "event" and cells[2] == BAD_DATE:
            cells[2] = bad_date
        sheet.append(cells)
        number = sheet.max_row
        if row[0] == "section":
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(HEADERS))
        if row[0] == "event" and cells[1] == MERGED_VENUE_ROWS[1]:
            sheet.merge_cells(start_row=number - 1, start_column=4, end_row=number, end_column=4)
    workbook.save(path)
    return path


def write_docx(path: Path) -> Path:
    """The same list as a Word annex: the title in a paragraph, the events in two tables (the talks in the second,
    under its own header), sections merged across, the venue merged down."""
    import docx

    document = docx.Document()
    document.add_paragraph("Phụ lục")
    document.add_paragraph(TITLE)
    split = ROWS.index(("section", "III. TỌA ĐÀM – GIAO LƯU"))
    for part in (ROWS[:split], ROWS[split:]):
        table = document.add_table(rows=1, cols=len(HEADERS))
        for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
            cell.text = text
        for row in part:
            cells = table.add_row().cells
            values = _cells(row)
            for cell, value in zip(cells, values, strict=True):
                if isinstance(value, dt.date):
                    value = value.strftime("%d/%m/%Y")
                cell.text = "" if value is None else str(value)
            if row[0] == "section":
                cells[0].merge(cells[-1])
            if row[0] == "event" and values[1] == MERGED_VENUE_ROWS[1]:
                above = table.rows[len(table.rows) - 2].cells[3]
                text = above.text
                merged = above.merge(cells[3])
                merged.text = text
        document.add_paragraph("")
    document.save(path)
    return path
