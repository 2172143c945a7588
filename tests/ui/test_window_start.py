"""What the window does before it is first shown: the first event's details read once, the same as before."""

from nlv_events.services.events import event_store
from nlv_events.ui.shell.main_window import MainWindow


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
