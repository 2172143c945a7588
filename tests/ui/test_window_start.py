"""What the window does before it is first shown: the first event's details read once, the same as before; the
calendar's month named when it is shown."""

from babel.dates import get_month_names
from PySide6.QtCore import Qt

from nlv_events.i18n import _
from nlv_events.services.events import event_store
from nlv_events.ui.shell.main_window import MainWindow
from tests.ui.flows.acting import trigger


def test_the_first_event_is_read_once_for_the_detail_pane(qtbot, demo_db, settings, app_settings, monkeypatch):
    read: list[int] = []
    real_load = event_store.load

    def load(event_id):
        read.append(event_id)
        return real_load(event_id)

    monkeypatch.setattr(event_store, "load", load)
    settings.setValue("filters/year", 2022)
    window = MainWindow(settings, "test.sqlite3", app_settings)
    qtbot.addWidget(window)
    first = window.current_event_id()
    assert first is not None and read == [first]
    assert window.detail.toPlainText().startswith(event_store.load(first).title)


def test_a_reload_on_the_same_row_shows_that_rows_event_again(qtbot, window, monkeypatch):
    shown = window.current_event_id()
    read: list[int] = []
    real_load = event_store.load
    monkeypatch.setattr(event_store, "load", lambda event_id: (read.append(event_id), real_load(event_id))[1])
    window.reload()
    assert window.current_event_id() == shown and read == [shown]  # the selection did not move: read once, still


def _title_of(window, locale: str) -> str:
    month = window.calendar.grid.month
    return f"{get_month_names('wide', 'stand-alone', locale=locale)[month.month]} {month.year}".capitalize()


def _click_calendar_tab(window, qtbot) -> None:
    bar = window.views.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())


def test_the_calendar_names_its_month_once_its_tab_is_clicked(window, qtbot):
    """The month's title is written when the calendar is first shown (Babel's names, not loaded for the list)."""

    def expected_title() -> str:
        return _title_of(window, "vi")

    _click_calendar_tab(window, qtbot)
    assert window.views.currentWidget() is window.calendar
    assert window.calendar.title.text() == expected_title()
    shown = window.calendar.grid.month
    qtbot.mouseClick(window.calendar.next_button, Qt.MouseButton.LeftButton)
    assert window.calendar.grid.month != shown and window.calendar.title.text() == expected_title()


def test_a_language_chosen_on_the_list_names_the_calendar_s_month_in_it(window, qtbot):
    trigger(window, _("&View"), _("&Language"), "English")
    _click_calendar_tab(window, qtbot)
    assert window.calendar.title.text() == _title_of(window, "en_GB")
    assert window.calendar.today_button.text() == "This month"


def test_the_event_tables_own_viewport_is_as_qt_makes_one(window, qtbot):
    """The table's viewport is made in Python (PySide knows its type at once, instead of trying 70 classes at
    start): the same name, background, filling and attributes as the one Qt makes, so the rows' area is painted
    as before, in the palette's base colour under the last row."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QTableView, QWidget

    plain = QTableView()
    qtbot.addWidget(plain)
    assert type(window.table.viewport()) is QWidget  # a plain widget, as Qt's own, made by the table itself
    window.resize(1400, 1400)
    window.show()
    qtbot.waitExposed(window)
    ours, theirs = window.table.viewport(), plain.viewport()

    def described(viewport):
        attributes = [attribute for attribute in Qt.WidgetAttribute
                      if attribute not in (Qt.WidgetAttribute.WA_WState_Visible, Qt.WidgetAttribute.WA_Mapped,
                                           Qt.WidgetAttribute.WA_WState_Hidden, Qt.WidgetAttribute.WA_Resized,
                                           Qt.WidgetAttribute.WA_WState_ExplicitShowHide,
                                           Qt.WidgetAttribute.WA_WState_Created, Qt.WidgetAttribute.WA_WState_Polished,
                                           Qt.WidgetAttribute.WA_PendingResizeEvent,
                                           Qt.WidgetAttribute.WA_PendingMoveEvent,
                                           Qt.WidgetAttribute.WA_DropSiteRegistered)  # the window takes drops
                      and viewport.testAttribute(attribute)]  # fmt: skip
        return (viewport.objectName(), viewport.backgroundRole(), viewport.foregroundRole(),
                viewport.autoFillBackground(), viewport.focusPolicy(), viewport.hasMouseTracking(),
                attributes)  # fmt: skip

    assert described(ours) == described(theirs)
    assert ours.focusProxy() is window.table and ours.parent() is window.table
    rows = window.table.model().rowCount()
    below = window.table.rowViewportPosition(rows - 1) + window.table.rowHeight(rows - 1) + 5
    assert below < ours.height()  # the demo's year leaves room under its rows
    picture = ours.grab().toImage()
    base = window.table.palette().color(QPalette.ColorRole.Base)
    assert picture.pixelColor(ours.width() // 2, below + 2).name() == base.name()
