"""Help → User guide, the log file, and what a user sees when a bug strikes."""

import logging

from PySide6.QtWidgets import QMessageBox

from nlv_events import i18n, logs
from nlv_events.ui.shell import crash
from nlv_events.ui.shell.help_viewer import UserGuide


def test_user_guide_opens_in_the_interface_language(window, qtbot):
    window.guide_action.trigger()
    guide = window.guide
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    assert "Ghi nhận một cuộc triển lãm" in text and "Sao lưu và khôi phục" in text
    window.set_language("en")
    english = UserGuide(window)
    qtbot.addWidget(english)
    assert "Recording an exhibition" in english.browser.toPlainText()
    i18n.setup_i18n("vi")


def test_guide_pictures_are_found(qtbot, demo_db):
    guide = UserGuide()
    qtbot.addWidget(guide)
    document = guide.browser.document()
    image = document.resource(document.ResourceType.ImageResource.value, "images/list.png")
    assert image is not None and not image.isNull()


def test_a_bug_is_logged_with_its_traceback_and_shown_without_it(qtbot, monkeypatch):
    path = logs.setup_logging()
    shown = []

    def fake_exec(box):
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    try:
        raise ZeroDivisionError("chia cho không")
    except ZeroDivisionError as error:
        crash.report(type(error), error, error.__traceback__)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert len(shown) == 1
    assert "Traceback" not in shown[0] and "chia cho không" in shown[0]
    assert str(path) in shown[0]
    logged = path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError" in logged


def test_an_unexpected_error_quoting_a_database_address_never_shows_its_password(qtbot, monkeypatch):
    """Issue 25, point 11: a driver's message may quote the address whole."""
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    try:
        raise ValueError('"postgresql://thuvien:p@ss#w0rd@db.tvqg.vn/nlv" has no database name')
    except ValueError as error:
        crash.report(type(error), error, error.__traceback__)
    assert "postgresql://thuvien:***@db.tvqg.vn/nlv" in shown[0] and "w0rd" not in shown[0]
