"""Issue #27, point 11 (fixed before): clicking the Title column sorts the look-alike Ð (U+00D0, pasted from other
software) among the Đ titles, not before A."""

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from nlv_events.core import store
from nlv_events.core.records import EventRecord
from tests.ui.conftest import visible_titles
from tests.ui.flows.driving import show_titles

PASTED = "\u00d0êm thơ Nguyên tiêu"  # Ð, not Đ
TYPED = "Đêm nhạc mùa xuân"


def test_a_pasted_look_alike_d_sorts_with_the_d_bar_titles(window, qtbot):
    for title, day in ((PASTED, 5), (TYPED, 6), ("Ánh sáng tri thức", 7)):
        store.save_event(EventRecord(kind="talk", title=title, start=dt.date(2022, 2, day)))
    show_titles(window, qtbot, PASTED, TYPED)
    header = window.table.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(1) + header.sectionSize(1) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    titles = visible_titles(window)
    if titles.index("Ánh sáng tri thức") > titles.index(TYPED):  # the first click sorted Z to A: once more
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
        titles = visible_titles(window)
    assert titles.index("Ánh sáng tri thức") < titles.index(PASTED)
    assert titles.index(PASTED) == titles.index(TYPED) + 1  # "Đêm n…" then "Ðêm t…", as if typed with Đ
