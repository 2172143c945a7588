"""The record is history: appearances keep the details of their event, rows keep their ids, saves never
overwrite a colleague."""

import datetime as dt
import json
import threading

import pytest
from pypdf import PdfReader

from nlv_events.core import event_reading, history, queries, store
from nlv_events.core.errors import ConflictError
from nlv_events.core.history_models import ChangeEntry
from nlv_events.core.models import EventPartner, EventPerson, ProgrammeItem, ProgrammePerson
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.services.reports import programme

pytestmark = pytest.mark.both_databases


def review_2022() -> EventRecord:
    return EventRecord(
        kind="conference",
        title="Hội nghị tổng kết công tác năm 2022",
        start=dt.datetime(2022, 12, 26, 8),
        partners=["Vụ Thư viện", "Nhà xuất bản Kim Đồng"],
        people=[PersonEntry(name="Trịnh Thị Thủy", honorific="Bà", position="Thứ trưởng", role="chair")],
        programme=[
            ProgrammeEntry(
                start=dt.datetime(2022, 12, 26, 8),
                end=dt.datetime(2022, 12, 26, 8, 30),
                title="Phát biểu chỉ đạo",
                people=[
                    PersonEntry(
                        name="Trịnh Thị Thủy",
                        honorific="Bà",
                        position="Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch",
                        role="speaker",
                    )
                ],
            ),
            ProgrammeEntry(start=dt.datetime(2022, 12, 26, 8, 30), title="Báo cáo tổng kết"),
        ],
    )


def _printed_text(event_id: int, tmp_path) -> str:
    path = tmp_path / f"programme-{event_id}.pdf"
    programme.write(event_id, path)
    # Lines wrap wherever the layout puts them: compare the words.
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_a_new_position_later_never_reprints_an_earlier_programme(db, tmp_path):
    old = store.save_event(review_2022())
    before = _printed_text(old.id, tmp_path)
    assert "Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch" in before

    later = EventRecord(
        kind="conference",
        title="Hội nghị năm 2024",
        start=dt.datetime(2024, 12, 20, 8),
        programme=[
            ProgrammeEntry(
                start=dt.datetime(2024, 12, 20, 8),
                title="Khai mạc",
                people=[PersonEntry(name="Trịnh Thị Thủy", honorific="Bà", position="Bộ trưởng", role="speaker")],
            )
        ],
        people=[PersonEntry(name="Trịnh Thị Thủy", honorific="Đồng chí", position="Bộ trưởng", role="chair")],
    )
    store.save_event(later)

    assert _printed_text(old.id, tmp_path) == before
    reloaded = event_reading.load_record(old.id)
    assert reloaded.people[0].position == "Thứ trưởng"
    assert reloaded.programme[0].people[0].position == "Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch"
    # A new appearance starts from the latest one.
    assert queries.known_person("Trịnh Thị Thủy").position == "Bộ trưởng"


def _child_ids() -> dict[str, set[int]]:
    return {
        "partners": {row.id for row in EventPartner.select()},
        "people": {row.id for row in EventPerson.select()},
        "rows": {row.id for row in ProgrammeItem.select()},
        "row people": {row.id for row in ProgrammePerson.select()},
    }


def test_a_title_edit_keeps_every_child_row_id(db):
    saved = store.save_event(review_2022())
    ids = _child_ids()
    record = event_reading.load_record(saved.id)
    record.title = "Hội nghị tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"
    store.save_event(record, base=event_reading.load_record(saved.id))
    assert _child_ids() == ids
    assert event_reading.load_record(saved.id).title.endswith("năm 2023")


def test_rows_are_updated_in_place_added_and_removed(db):
    saved = store.save_event(review_2022())
    record = event_reading.load_record(saved.id)
    first, second = record.programme
    second.title = "Báo cáo tổng kết công tác năm 2022"
    record.programme = [second, first]  # moved up, changed: still the same row
    record.programme.append(ProgrammeEntry(start=dt.datetime(2022, 12, 26, 10), title="Bế mạc"))
    record.people.append(PersonEntry(name="Kiều Thúy Nga", honorific="Bà", position="Giám đốc"))
    record.partners = ["Nhà xuất bản Kim Đồng"]
    store.save_event(record)

    loaded = event_reading.load_record(saved.id)
    assert [row.id for row in loaded.programme[:2]] == [second.id, first.id]
    assert loaded.programme[0].title == "Báo cáo tổng kết công tác năm 2022"
    assert loaded.programme[2].id not in (first.id, second.id)
    assert loaded.programme[1].people[0].id == first.people[0].id
    assert loaded.people[0].id == record.people[0].id and loaded.people[1].name == "Kiều Thúy Nga"
    assert loaded.partners == ["Nhà xuất bản Kim Đồng"]

    loaded.programme.pop(0)
    store.save_event(loaded)
    assert [row.id for row in event_reading.load_record(saved.id).programme] == [first.id, loaded.programme[1].id]
    assert not ProgrammeItem.select().where(ProgrammeItem.id == second.id).exists()


def test_a_stale_save_is_refused_and_names_what_changed(db):
    saved = store.save_event(review_2022())
    opened = event_reading.load_record(saved.id)
    theirs = event_reading.load_record(saved.id)
    theirs.title = "Hội nghị tổng kết năm 2022 (sửa)"
    theirs.programme[1].title = "Báo cáo tổng kết (sửa)"
    store.save_event(theirs, base=event_reading.load_record(saved.id))

    mine = event_reading.load_record(saved.id)
    mine.version = opened.version
    mine.notes = "Ghi chú của tôi"
    with pytest.raises(ConflictError) as refused:
        store.save_event(mine, base=opened)
    assert set(refused.value.changed) == {"title", "programme"}
    stored = event_reading.load_record(saved.id)
    assert stored.title == "Hội nghị tổng kết năm 2022 (sửa)" and stored.notes is None


def test_two_savers_at_once_exactly_one_wins(db):
    saved = store.save_event(review_2022())
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def editor(name: str) -> None:
        try:
            opened = event_reading.load_record(saved.id)
            mine = event_reading.load_record(saved.id)
            mine.notes = f"lưu bởi {name}"
            barrier.wait(timeout=10)
            store.save_event(mine, base=opened)
            outcomes[name] = "saved"
        except ConflictError as error:
            outcomes[name] = error
        finally:
            db.close()  # this thread's own connection

    threads = [threading.Thread(target=editor, args=(name,)) for name in ("An", "Bình")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    winners = [name for name, outcome in outcomes.items() if outcome == "saved"]
    losers = [outcome for outcome in outcomes.values() if isinstance(outcome, ConflictError)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert losers[0].changed == ["notes"]
    stored = event_reading.load_record(saved.id)
    assert stored.notes == f"lưu bởi {winners[0]}"
    assert stored.version == 2


def test_a_history_text_reads_back_as_the_standard_librarys_text():
    value = [
        {"field": "title", "old": None, "new": "Triển lãm “Văn hóa đọc” \U0001f4da \\ \" / \x7f\u2028"},
        {"field": "start", "old": dt.date(2022, 4, 21), "new": dt.datetime(2023, 4, 21, 8, 30, 0, 500)},
        {"field": "start_time", "old": dt.time(8, 30), "new": None},
        {"field": "attendance", "old": 2**62, "new": -1.5},
    ]
    standard = json.dumps(value, ensure_ascii=False, default=history._plain)
    assert json.loads(history.to_json(value)) == json.loads(standard)


def test_what_orjson_refuses_is_written_as_the_standard_library_does():
    for value in ([2**70], {1: "a key that is a number"}, ["\ud800"]):
        assert history.to_json(value) == json.dumps(value, ensure_ascii=False, default=history._plain)


def test_a_created_entry_shows_its_snapshots_fields_and_an_older_one_what_it_stored(db):
    saved = store.save_event(EventRecord(kind="talk", title="Tọa đàm sách", start=dt.date(2024, 4, 21)))
    entry = ChangeEntry.get((ChangeEntry.record_kind == "event") & (ChangeEntry.record_id == saved.id))
    assert entry.changes == history.CHANGES_IN_SNAPSHOT  # kept once, in the snapshot
    shown = history.entry_changes("event", "created", entry.changes, entry.snapshot)
    assert {"field": "title", "old": None, "new": "Tọa đàm sách"} in shown
    # An entry written before kept its changes beside the snapshot: they are read as they were stored.
    older = json.dumps([{"field": "title", "old": None, "new": "Tên cũ"}])
    assert history.entry_changes("event", "created", older, entry.snapshot) == json.loads(older)
