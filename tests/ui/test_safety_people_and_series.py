"""Issue 25 in the window: the person picker tells two people of one name apart, and a deleted occurrence of a series
stays deleted when the series is saved again from its dialog."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from nlv_events import i18n
from nlv_events.core import event_reading, store, when
from nlv_events.core.models import Event, Person
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.services.planning import series, series_rules
from nlv_events.ui.shell import ask
from tests.ui.keyboard import type_text
from tests.ui.test_editing import through_editor

AN = "Nguyễn Văn An"


def _namesakes() -> tuple[Person, Person]:
    director, lecturer = Person.create(name=AN), Person.create(name=AN)
    for person, position, day in ((director, "Giám đốc", 3), (lecturer, "Giảng viên", 10)):
        store.save_event(
            EventRecord(
                kind="talk",
                title=f"Tọa đàm {position}",
                start=dt.date(2022, 3, day),
                people=[PersonEntry(name=AN, role="speaker", position=position, person_ref=person.ref)],
            )
        )
    return director, lecturer


def _type_name(qtbot, editor, text: str) -> None:
    """Add a person and type `text` into the name cell, as the user does: F2, type, leave the list of names, Enter."""
    view = editor.people_view
    editor.tabs.setCurrentWidget(view.parentWidget())  # the People tab
    qtbot.mouseClick(editor.add_person_button, Qt.MouseButton.LeftButton)
    view.setFocus()
    view.setCurrentIndex(editor.people_model.index(editor.people_model.rowCount() - 1, 1))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    line = [widget for widget in view.viewport().findChildren(QLineEdit) if widget.isVisible()][-1]
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(line, text)
    popup = line.completer().popup()
    offered = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert text in offered or text == AN, offered  # the label typed is one the list offers
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    editor.activateWindow()  # the offscreen platform leaves the hidden list the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def _fill(qtbot, name_text: str):
    def fill(editor):
        editor.title_edit.setFocus()
        type_text(editor.title_edit, "Hội thảo đọc sách")
        _type_name(qtbot, editor, name_text)

    return fill


def test_the_person_picker_chooses_one_of_two_namesakes(window, qtbot):
    _director, lecturer = _namesakes()
    window.open_editor = through_editor(qtbot, _fill(qtbot, f"{AN} (Giảng viên)"))
    window.new_event()
    record = event_reading.load_record(window.current_event_id())
    assert [(person.name, person.person_ref, person.position) for person in record.people] == [
        (AN, lecturer.ref, "Giảng viên")
    ]
    assert Person.select().where(Person.name == AN).count() == 2


def test_the_picker_adds_a_third_namesake_when_asked(window, qtbot):
    _namesakes()
    i18n.setup_i18n("en")
    window.open_editor = through_editor(qtbot, _fill(qtbot, f"{AN} (a new person)"))
    window.new_event()
    assert Person.select().where(Person.name == AN).count() == 3


def test_a_bare_name_two_people_bear_is_told_not_guessed(window, qtbot, answers):
    _namesakes()
    i18n.setup_i18n("en")
    before = Event.select().count()
    window.open_editor = through_editor(qtbot, _fill(qtbot, AN))
    window.new_event()
    assert Event.select().count() == before
    assert any(kind == "warn" and "2 different people are named “Nguyễn Văn An”" in text for kind, text in answers)


def test_an_occurrence_deleted_in_the_list_stays_deleted_when_the_series_dialog_saves(window, qtbot, monkeypatch):
    spec = series.save(
        series.SeriesSpec(
            title="Giờ kể chuyện",
            kind="talk",
            start=dt.date(2022, 3, 5),
            rule=series_rules.weekly_rule([5], until=dt.date(2022, 4, 2)),
        )
    )
    second = series.occurrences(spec.id)[1]
    window.reload()
    assert window.select_event(second.id)
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    window.delete_action.trigger()
    assert Event.get_by_id(second.id).deleted_at is not None
    window.series_action.trigger()
    dialog = window.plan_menu.dialog
    qtbot.addWidget(dialog)
    dialog.series_list.setCurrentRow(0)
    assert when.as_date(second.series_date).strftime("%d/%m/%Y") in dialog.skip.text()  # shown as a skipped day
    dialog.title.selectAll()
    type_text(dialog.title, "Giờ kể chuyện cuối tuần")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    live = [event.series_date for event in series.occurrences(spec.id)]
    assert len(live) == 4 and second.series_date not in live


def test_the_guests_tab_adds_the_namesake_chosen_from_the_list(qtbot, demo_db):
    from nlv_events.services.guests import guest_list
    from nlv_events.ui.guests.guests_tab import GuestsTab

    _director, lecturer = _namesakes()
    event_id = Event.get(Event.title == "Tọa đàm Giám đốc").id
    tab = GuestsTab(event_id)
    qtbot.addWidget(tab)
    tab.show()
    label = f"{AN} (Giảng viên)"
    assert label in tab.name_box.completer().model().stringList()
    tab.name_box.setText(label)  # as chosen from the completion list
    qtbot.keyClick(tab.name_box, Qt.Key.Key_Return)
    (guest,) = guest_list.guest_list(event_id)
    assert (guest.name, guest.person_id) == (AN, lecturer.id)


def test_the_window_refuses_an_hourly_series_in_a_message(window, qtbot, monkeypatch, tmp_path, answers):
    import json

    from PySide6.QtWidgets import QFileDialog

    i18n.setup_i18n("en")
    source = tmp_path / "gio-ke.json"
    series_data = {"ref": "gio-ke", "title": "Giờ kể chuyện", "kind": "talk", "rule": "FREQ=HOURLY;COUNT=24",
                   "start": "2025-03-01T09:00"}
    source.write_text(json.dumps({"format": "nlv-events/1", "events": [], "series": [series_data]}), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    before = Event.select().count()
    window.import_action.trigger()
    qtbot.waitUntil(lambda: any(kind == "warn" for kind, _message in answers), timeout=10_000)
    (message,) = [message for kind, message in answers if kind == "warn"]
    assert "repeats more often than once a day" in message and "\n" not in message.strip()
    assert Event.select().count() == before
