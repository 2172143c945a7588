"""Duplicating to a chosen year: dates by whole years, year numbers and counts proposed, ticked ones applied."""

import datetime as dt

from nlv_events.core.records import EventRecord, ProgrammeEntry, figures
from nlv_events.services.events import duplicate_year


def _book_day() -> EventRecord:
    return EventRecord(
        kind="book_day",
        title="Ngày Sách và Văn hóa đọc Việt Nam lần thứ 9 năm 2022",
        occasion="Kỷ niệm 92 năm Ngày thành lập Đảng",
        start=dt.date(2022, 4, 21),
        attendance=500,
        programme=[
            ProgrammeEntry(start=dt.datetime(2022, 4, 21, 8), title="Khai mạc Ngày Sách năm 2022"),
            ProgrammeEntry(start=dt.datetime(2022, 4, 21, 9), title="Tọa đàm (1972–2022)"),
        ],
    )


def test_changes_are_proposed_for_every_text_and_only_ticked_ones_apply():
    twin, changes = duplicate_year.duplicate_to_year(_book_day(), 2024)
    assert twin.start == dt.date(2024, 4, 21) and twin.programme[0].start == dt.datetime(2024, 4, 21, 8)
    assert twin.title.endswith("năm 2022") and twin.attendance is None  # nothing rewritten until applied
    found = {(c.where, c.row): c.after for c in changes}
    assert found[("title", None)] == "Ngày Sách và Văn hóa đọc Việt Nam lần thứ 11 năm 2024"
    assert found[("occasion", None)] == "Kỷ niệm 94 năm Ngày thành lập Đảng"
    assert found[("programme", 0)] == "Khai mạc Ngày Sách năm 2024"
    assert found[("programme", 1)] == "Tọa đàm (1972–2024)"  # the founding year stays
    changes[1].apply = False
    result = duplicate_year.apply_changes(twin, changes)
    assert result.title.endswith("năm 2024") and result.occasion == "Kỷ niệm 92 năm Ngày thành lập Đảng"


def test_english_anniversaries_and_same_year():
    assert duplicate_year.rewrite("The 92nd anniversary, 2022", 2022, 1) == "The 93rd anniversary, 2023"
    assert duplicate_year.duplicate_to_year(_book_day(), 2022)[1] == []
    assert duplicate_year.default_year(_book_day()) == 2023


def test_editions_written_in_words_move_on_in_words_then_in_figures():
    rewrite = duplicate_year.rewrite
    assert rewrite("Ngày Sách và Văn hóa đọc Việt Nam lần thứ nhất năm 2022", 2022, 1) == (
        "Ngày Sách và Văn hóa đọc Việt Nam lần thứ hai năm 2023"
    )
    assert rewrite("Ngày Sách lần thứ tư năm 2025", 2025, 1) == "Ngày Sách lần thứ 5 năm 2026"
    assert rewrite("NGÀY SÁCH LẦN THỨ BA NĂM 2024", 2024, 1) == "NGÀY SÁCH LẦN THỨ TƯ NĂM 2025"
    assert rewrite("Hội thi lần thứ ba mươi năm 2022", 2022, 1) == "Hội thi lần thứ ba mươi năm 2023"  # not "tư mươi"


def _held_exhibition() -> EventRecord:
    return EventRecord(
        kind="exhibition",
        title="Triển lãm sách năm 2024",
        start=dt.date(2024, 9, 1),
        end=dt.date(2024, 9, 30),
        status="held",
        attendance=3200,
        online_views=15000,
        items_displayed=150,
        news_url="https://nlv.gov.vn/tin-tuc/trien-lam-2024.html",
        notes="Phối hợp với Vụ Thư viện",
    )


def test_a_copy_of_a_held_exhibition_to_another_year_keeps_none_of_its_figures():
    twin, _changes = duplicate_year.duplicate_to_year(_held_exhibition(), 2025)
    # 150 items displayed in 2024 are not a figure of the 2025 exhibition, nor are its visitors or its news
    assert (twin.items_displayed, twin.attendance, twin.online_views) == (None, None, None)
    assert twin.status == "planned" and twin.news_url is None
    assert twin.notes == "Phối hợp với Vụ Thư viện" and twin.start == dt.date(2025, 9, 1)


def test_every_figure_of_the_declaration_is_cleared_by_a_copy():
    held = _held_exhibition()
    twin, _changes = duplicate_year.duplicate_to_year(held, 2026)
    for figure in figures():
        assert getattr(held, figure.name) is not None, figure.name  # the sample records every figure
        assert getattr(twin, figure.name) is None, figure.name
