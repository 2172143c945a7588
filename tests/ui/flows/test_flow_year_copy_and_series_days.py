"""Issue #27, point 10: the duplicate-to-year dialog names the English title as the glossary writes it and moves a
Roman edition number with the years; the series' skipped days are typed and shown as dd/mm/yyyy."""

import datetime as dt

from PySide6.QtCore import QDate, Qt

from nlv_events.core import event_reading, store
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.services.planning import series
from nlv_events.ui.events.duplicate_year_dialog import DuplicateYearDialog
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.flows.driving import click_row, on_next_dialog, show_titles

TITLE = "Hội thảo khoa học quốc tế lần thứ IX"


def test_duplicating_a_conference_to_next_year_proposes_the_next_roman_edition(window, qtbot):
    store.save_event(
        EventRecord(
            kind="conference",
            title=TITLE,
            title_en="International Conference on Libraries 2022",
            start=dt.datetime(2022, 10, 20, 8, 0),
        )
    )
    show_titles(window, qtbot, TITLE)
    click_row(window, qtbot, TITLE)
    proposed: list[str] = []

    def read_and_duplicate(dialog: DuplicateYearDialog) -> None:
        proposed.extend(dialog.changes_list.item(row).text() for row in range(dialog.changes_list.count()))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    asked = on_next_dialog(read_and_duplicate, DuplicateYearDialog)
    saved = on_next_dialog(lambda editor: qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton), EventEditor)
    window.actions["next_year"].trigger()
    assert asked and saved
    assert f"Tên sự kiện: {TITLE}  →  Hội thảo khoa học quốc tế lần thứ X" in proposed
    english = "International Conference on Libraries"
    assert f"Tên tiếng Anh: {english} 2022  →  {english} 2023" in proposed
    copy = Event.get((Event.title == "Hội thảo khoa học quốc tế lần thứ X") & Event.deleted_at.is_null())
    assert event_reading.load_record(copy.id).start == dt.datetime(2023, 10, 20, 8, 0)


def test_the_series_skipped_days_are_typed_and_shown_as_the_office_writes_dates(window, qtbot, answers):
    window.actions["series"].trigger()
    dialog = window.plan_menu.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.title, "Gio ke chuyen")
    # The days as picked from the calendar (offscreen, a QDateEdit takes no typed day); the field under test is typed.
    dialog.start.setDate(QDate(2025, 1, 4))
    dialog.until.setDate(QDate(2025, 3, 29))
    qtbot.keyClicks(dialog.skip, "25/01/2025 01/02/2025")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert answers == []  # no "is not a day such as 2025-01-25"
    (spec,) = series.all_series()
    assert spec.start == dt.date(2025, 1, 4) and spec.skip == [dt.date(2025, 1, 25), dt.date(2025, 2, 1)]
    assert len(series.occurrences(spec.id)) == 11  # 13 Saturdays, two skipped
    assert dialog.skip.text() == "25/01/2025 01/02/2025"  # shown as typed, reloaded from the store
    dialog.skip.setFocus()
    qtbot.keyClick(dialog.skip, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.skip, "25/13/2025")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert answers and "25/13/2025" in answers[-1][1] and "dd/mm/yyyy" in answers[-1][1]
    assert series.load(spec.id).skip == [dt.date(2025, 1, 25), dt.date(2025, 2, 1)]
