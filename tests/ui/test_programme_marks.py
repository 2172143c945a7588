"""The programme's rows say what is wrong with them (outside the event's days, before the row above) and shade every
other day, worked out once for the rows and days of now, and again after each change (ui/events/programme_model)."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from nlv_events import i18n
from nlv_events.core.records import ProgrammeEntry
from nlv_events.services.events import clashes
from nlv_events.ui.events.programme_model import COLUMNS, ProgrammeModel

DAY = dt.date(2024, 4, 21)


def _row(day: dt.date, hour: int, title: str, place: str | None = None) -> ProgrammeEntry:
    start = dt.datetime.combine(day, dt.time(hour))
    return ProgrammeEntry(start=start, end=start + dt.timedelta(minutes=45), title=title, place=place)


def _model(qapp) -> ProgrammeModel:
    i18n.setup_i18n("en")
    model = ProgrammeModel(QUndoStack())
    model.set_event_days(DAY, DAY + dt.timedelta(days=1))
    return model


def _every_cell(model: ProgrammeModel) -> None:
    for row in range(model.rowCount()):
        model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
        model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
        for column in range(len(COLUMNS)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
                model.data(model.index(row, column), role)


def test_each_row_says_what_is_wrong_and_the_marks_follow_every_change(qapp):
    model = _model(qapp)
    model.load([_row(DAY, 9, "Opening"), _row(DAY, 8, "Early"), _row(DAY + dt.timedelta(days=3), 10, "Late")])
    assert [model.problem(row) for row in range(3)] == [
        None, "Starts before the row above", "Outside the event's dates",
    ]  # fmt: skip
    assert model.headerData(1, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) == "2 ⚠"
    model.sorted_by_time()
    assert [model.problem(row) for row in range(3)] == [None, None, "Outside the event's dates"]
    model.set_event_days(DAY, DAY + dt.timedelta(days=3))
    assert [model.problem(row) for row in range(3)] == [None, None, None]
    # Every other day is shaded, the first day not.
    shaded = [model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None for row in range(3)]
    assert shaded == [False, False, True]
    model.undo_stack.undo()  # back to the order loaded
    assert model.problem(1) == "Starts before the row above"


def test_the_view_asking_for_every_cell_goes_over_the_rows_once(qapp, monkeypatch):
    model = _model(qapp)
    model.load([_row(DAY, 8 + hour % 10, f"Item {hour}") for hour in range(40)])
    passes = []
    original = ProgrammeModel.outside_dates
    monkeypatch.setattr(ProgrammeModel, "outside_dates", lambda self: passes.append(1) or original(self))
    _every_cell(model)
    assert len(passes) == 1  # 40 rows asked for each cell and header: once, not once a question
    model.set_event_days(DAY, DAY)
    _every_cell(model)
    assert len(passes) == 2


def test_programme_clashes_are_found_between_rows_at_one_place_and_time(qapp):
    i18n.setup_i18n("en")
    rows = [
        _row(DAY, 9, "Talk", "Hall 1"),
        _row(DAY, 9, "Workshop", "Hall 2"),
        _row(DAY, 10, "Film", "Hall 1"),
        _row(DAY, 9, "Reading", "hall 1, National Library"),
    ]
    found = [clash.message for clash in clashes.programme_clashes(rows, "Hall 1")]
    assert found == ["“Talk” and “Reading” use Hall 1 at the same time."]
