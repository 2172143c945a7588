"""The JSON interchange file: round trip, idempotent import, and every way a file can be wrong."""

import copy
import json

import pytest

from nlv_events.core import database, event_reading, queries, store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event, Organisation, Person, ProgrammeItem, Venue
from nlv_events.services.interchange import decoding, exporting, importing, reading
from nlv_events.services.workspace import demo

pytestmark = pytest.mark.both_databases

MINIMAL = {
    "format": "nlv-events/1",
    "plans": [{"year": 2023, "kind": "exhibition", "target": 20}],
    "events": [
        {
            "kind": "talk",
            "title": "Tọa đàm “Đọc sách trong thời đại số”",
            "start": "2023-04-21T08:00",
            "end": "2023-04-21T10:00",
            "venue": "Hội trường tầng 2",
            "partners": ["Vụ Thư viện"],
            "people": [{"name": "Kiều Thúy Nga", "position": "Giám đốc", "role": "chair"}],
            "programme": [
                {
                    "start": "2023-04-21T08:00",
                    "end": "2023-04-21T08:15",
                    "title": "Khai mạc",
                    "place": "Hội trường tầng 2",
                    "people": [{"name": "Kiều Thúy Nga", "role": "speaker"}],
                }
            ],
        }
    ],
}


def import_data(data) -> importing.ImportSummary:
    return importing.import_document(reading.parse_document(copy.deepcopy(data)))


def failure(data) -> str:
    with pytest.raises(UserError) as caught:
        import_data(data)
    return str(caught.value)


def with_event(**changes):
    data = copy.deepcopy(MINIMAL)
    data["events"][0].update(changes)
    return data


def test_import_creates_the_event_and_matches_names(db):
    summary = import_data(MINIMAL)
    assert (summary.created, summary.plans) == (1, 1)
    record = event_reading.load_record(Event.get().id)
    assert record.venue == "Hội trường tầng 2"
    assert record.people[0].position == "Giám đốc"
    assert Person.select().count() == 1  # the same name in the programme is the same person


def test_reimporting_the_same_file_does_not_duplicate(db):
    import_data(MINIMAL)
    summary = import_data(MINIMAL)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 1)
    assert Event.select().count() == 1


def test_reimport_with_a_change_updates_in_place(db):
    import_data(MINIMAL)
    summary = import_data(with_event(attendance=150))
    assert (summary.created, summary.updated) == (0, 1)
    assert Event.get().attendance == 150


def test_export_then_import_into_an_empty_database_gives_the_same_data(demo_db, tmp_path):
    exported = exporting.export_document()
    path = tmp_path / "all.json"
    exporting.write_document(exported, path)
    database.close_database()
    database.open_database(str(tmp_path / "empty.sqlite3"))
    summary = importing.import_document(decoding.read_document(path))
    assert summary.created == len(exported["events"]) == 32
    assert exporting.export_document() == exported
    assert Venue.select().count() > 0 and Organisation.select().count() > 0


def test_export_of_one_year_holds_that_year_only(demo_db):
    assert len(exporting.export_document(2022)["events"]) == 32
    assert exporting.export_document(2021)["events"] == []


def test_demo_year_matches_the_year_end_review(demo_db):
    exhibitions = list(queries.events(year=2022, kind="exhibition"))
    assert len([e for e in exhibitions if e.status != "cancelled"]) == 20
    review = next(iter(queries.events(search="Tong ket cong tac nam 2022")))
    record = event_reading.load_record(review)
    assert record.start.isoformat().startswith("2022-12-26")
    names = {p.name for row in record.programme for p in row.people}
    assert {"Trịnh Thị Thủy", "Kiều Thúy Nga", "Nguyễn Ngọc Anh", "Nguyễn Tuấn Linh"} <= names
    book_day = next(iter(queries.events(year=2022, kind="book_day")))
    assert book_day.theme == "Chấn hưng và phát triển Văn hoá đọc"
    assert ProgrammeItem.select().where(ProgrammeItem.event == book_day).count() >= 10


def test_demo_is_idempotent(demo_db):
    summary = demo.load_demo()
    assert summary.created == 0 and summary.updated == 0
    assert Event.select().count() == 32


def test_demo_file_is_marked_as_sample_data():
    document = decoding.read_document(demo.DEMO_FILE)
    assert document.meta["sample"] is True


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([], "một đối tượng JSON"),
        ({"format": "nlv-events/9", "events": []}, "nlv-events/1"),
        ({**MINIMAL, "extra": 1}, "“extra”"),
        (with_event(colour="red"), "sự kiện thứ 1, trường “colour”"),
        (with_event(title=None), "trường “title”: trường này là bắt buộc"),
        (with_event(start="2023-02-31"), "“2023-02-31” không phải ngày"),
        (with_event(start="21/04/2023"), "trường “start”"),
        (with_event(attendance="nhiều"), "trường “attendance”: cần số nguyên"),
        (with_event(attendance=True), "trường “attendance”"),
        (with_event(attendance=-5), "không được là số âm"),
        (with_event(kind="party"), "“party” không hợp lệ"),
        (with_event(end="2023-04-20"), "kết thúc trước khi bắt đầu"),
        (with_event(partners="Vụ Thư viện"), "trường “partners”: cần một danh sách"),
        (with_event(people=[{"name": "A", "age": 3}]), "trường “people[1].age”"),
        (with_event(programme=[{"title": "Khai mạc"}]), "trường “programme[1].start”"),
        ({**MINIMAL, "plans": [{"year": "2023", "kind": "talk", "target": 3}]}, "kế hoạch thứ 1"),
    ],
)
def test_bad_files_are_refused_with_the_place_named(db, data, expected):
    assert expected in failure(data)
    assert Event.select().count() == 0


def test_a_bad_event_late_in_the_file_leaves_nothing_half_imported(db):
    data = copy.deepcopy(MINIMAL)
    data["events"].append({**MINIMAL["events"][0], "title": "Thứ hai", "end": "2023-04-20"})
    message = failure(data)
    assert message.startswith("sự kiện thứ 2")
    assert Event.select().count() == 0
    assert store.plans() == []


def test_broken_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "nlv-events/1",\n "events": [\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"dòng 3"):
        decoding.read_document(path)


def test_exported_file_is_readable_utf8_json(demo_db, tmp_path):
    path = tmp_path / "out.json"
    exporting.write_document(exporting.export_document(2022), path)
    text = path.read_text(encoding="utf-8")
    assert "Chấn hưng và phát triển Văn hoá đọc" in text  # not \u-escaped
    assert json.loads(text)["format"] == "nlv-events/1"
