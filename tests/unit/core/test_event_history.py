"""An event's snapshot in the history is the record whole, as `dataclasses.asdict` gives it with moments in ISO form:
a snapshot made faster must hold the same keys, in the same order, with the same values."""

import dataclasses
import datetime as dt
import json

from nlv_events.core import event_history
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry


def _as_asdict_gives_it(record: EventRecord) -> dict:
    data = dataclasses.asdict(record)
    for values in (data, *data["programme"]):
        for name in ("start", "end"):
            if values.get(name) is not None:
                values[name] = values[name].isoformat()
    return data


def _everything() -> EventRecord:
    return EventRecord(
        kind="conference",
        title="Hội nghị tổng kết công tác năm 2022",
        start=dt.datetime(2022, 12, 26, 8),
        end=dt.date(2022, 12, 27),
        ref="hn-2022",
        venue="Hội trường tầng 2",
        partners=["Vụ Thư viện", "Nhà xuất bản Kim Đồng"],
        attendance=120,
        notes="Ghi chú nội bộ",
        people=[PersonEntry(name="Trịnh Thị Thủy", honorific="Bà", position="Thứ trưởng", role="chair", id=7,
                            person_ref="p-thuy")],
        programme=[
            ProgrammeEntry(
                start=dt.datetime(2022, 12, 26, 8),
                end=dt.datetime(2022, 12, 26, 8, 30),
                title="Phát biểu chỉ đạo",
                place="Phòng 301",
                people=[PersonEntry(name="Nguyễn Văn An", role="speaker", person_ref="p-an", id=3)],
                id=11,
            ),
            ProgrammeEntry(start=dt.date(2022, 12, 27), title="Tham quan", id=12),
        ],
        id=5,
        version=2,
    )


def test_a_snapshot_holds_the_record_as_asdict_gives_it_key_for_key_and_in_order():
    record = _everything()
    made = event_history.snapshot(record)
    expected = _as_asdict_gives_it(record)
    assert json.dumps(made, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
    assert event_history.from_snapshot(made) == record


def test_a_snapshot_is_a_copy_changing_it_leaves_the_record_as_it_was():
    record = _everything()
    made = event_history.snapshot(record)
    made["partners"].append("Thư viện Hà Nội")
    made["people"][0]["name"] = "Người khác"
    made["programme"][0]["people"].clear()
    assert record == _everything()


def test_the_changes_of_a_new_event_are_those_of_its_snapshot():
    record = _everything()
    assert event_history.snapshot_changes(None, event_history.snapshot(record)) == event_history.changes(None, record)
    named = {change.get("field") or change.get("row") for change in event_history.changes(None, record)}
    assert {"title", "venue", "partners", "attendance", "people", "programme"} <= named
