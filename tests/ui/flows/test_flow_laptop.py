"""A 1280×680 laptop: the window and every dialog its menus open fit the room left by the taskbar and the title
bar, with each button whole and on screen, and every toolbar entry in sight."""

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QDialog, QToolBar, QWidget

from nlv_events.i18n import _
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.flows.acting import click_row, trigger, while_open

ROOM = QSize(1280, 680 - 40 - 30)  # less a taskbar and the title bar
REVIEW = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Inside a scrolling area (reached by scrolling, not clipped)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped(window: QWidget) -> list[str]:
    """What does not fit `window` once it is made as small as the laptop needs: the window itself, a button beyond
    its edge, a button narrower than its text."""
    problems = []
    wanted = window.minimumSizeHint()
    if wanted.width() > ROOM.width() or wanted.height() > ROOM.height():
        problems.append(f"{window.objectName() or type(window).__name__} needs {wanted.width()}×{wanted.height()}")
    window.resize(min(window.width(), ROOM.width()), min(window.height(), ROOM.height()))
    QApplication.processEvents()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or _scrolled(button, window) or not button.text():
            continue
        place = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not window.rect().contains(place):
            problems.append(f"“{button.text()}” lies outside {type(window).__name__}")
        elif button.width() < button.minimumSizeHint().width():
            problems.append(f"“{button.text()}” is cut to {button.width()} of {button.minimumSizeHint().width()} px")
    return problems


def test_the_window_and_what_its_menus_open_fit_a_1280_by_680_laptop(window, qtbot):
    qtbot.waitUntil(window.plan_menu.reminder.isVisible)  # the status bar's reminder comes a moment after
    window.resize(ROOM)  # the window opens as wide as the laptop's screen
    problems = clipped(window)
    for toolbar in window.findChildren(QToolBar):  # every entry shown, none folded behind the » button
        for action in toolbar.actions():
            if not action.isSeparator():
                assert toolbar.widgetForAction(action).isVisible(), f"{action.text()} is folded away in the toolbar"

    def check(dialog):
        problems.extend(clipped(dialog))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    click_row(qtbot, window.table, REVIEW)
    for path, kind in (
        ((_("&Edit"), _("&Open event")), EventEditor),
        ((_("&Edit"), _("Duplicate to another &year…")), QDialog),
        ((_("&Edit"), _("Deleted &events…")), QDialog),
        ((_("&Edit"), _("&Venues…")), QDialog),
        ((_("&File"), _("&Invitations…")), QDialog),
        ((_("&File"), _("&Settings…")), QDialog),
    ):
        opened = while_open(check, kind)
        trigger(window, *path)
        opened.done()
        QApplication.processEvents()
    for path in (
        (_("&File"), _("&Tallies…")),
        (_("P&lan"), _("&Commemorations of the year…")),
        (_("P&lan"), _("Annual &plan…")),
        (_("P&lan"), _("Recurring &series…")),
    ):
        trigger(window, *path)
        shown = QApplication.activeModalWidget() or window.tallies_dialog
        qtbot.waitUntil(shown.isVisible)
        problems.extend(clipped(shown))
        qtbot.keyClick(shown, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda dialog=shown: not dialog.isVisible())
    trigger(window, _("&File"), _("&Print programme…"))
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=20_000)
    problems.extend(clipped(window.preview))
    assert problems == []
