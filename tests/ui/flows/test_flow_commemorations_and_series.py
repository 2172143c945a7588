"""The Plan menu: a planned exhibition made from a commemoration of 2025, and a weekly series of story hours."""

import datetime as dt

from nlv_events.core import event_reading
from nlv_events.i18n import _
from nlv_events.services.planning import commemorations, series
from tests.ui.flows.acting import choose, click, click_row, field, trigger, type_into

LIBERATION = "Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/04/1975 – 30/04/2025)"


def test_a_round_commemoration_becomes_a_planned_exhibition(window, qtbot):
    trigger(window, _("P&lan"), _("&Commemorations of the year…"))
    dialog = window.plan_menu.dialog
    qtbot.waitUntil(dialog.isVisible)
    type_into(qtbot, dialog.year_box, "2025")
    click(qtbot, dialog.round_only)
    click_row(qtbot, dialog.table, LIBERATION, column=2)
    click(qtbot, dialog.plan_button)
    (event_id,) = commemorations.linked_events("liberation-south", 2025)
    assert window.current_event_id() == event_id  # the window shows the new exhibition
    assert window.year_box.currentText() == "2025"
    record = event_reading.load_record(event_id)
    assert (record.kind, record.status, record.start) == ("exhibition", "planned", dt.date(2025, 4, 30))


def test_a_weekly_series_makes_its_saturdays(window, qtbot):
    trigger(window, _("P&lan"), _("Recurring &series…"))
    dialog = window.plan_menu.dialog
    qtbot.waitUntil(dialog.isVisible)
    type_into(qtbot, field(dialog, _("Title:")), "Giờ kể chuyện cho thiếu nhi")
    choose(qtbot, field(dialog, _("Kind:")), "talk")
    type_into(qtbot, field(dialog, _("Venue:")), "Phòng đọc Thiếu nhi")
    type_into(qtbot, field(dialog, _("From:")), "01/03/2025")
    type_into(qtbot, field(dialog, _("Until:")), "29/03/2025")
    saturday = dialog.weekdays[5]
    for box in dialog.weekdays:
        if box.isChecked() != (box is saturday):
            click(qtbot, box)
    click(qtbot, dialog.save_button)
    shown = [dialog.occurrences.item(row).text() for row in range(dialog.occurrences.count())]
    assert len(shown) == 5 and shown[0].startswith("01/03") and shown[-1].startswith("29/03")
    (spec,) = series.all_series()
    assert spec.title == "Giờ kể chuyện cho thiếu nhi" and "BYDAY=SA" in spec.rule
