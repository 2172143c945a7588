"""The reception list, the checklist and the introduction take --date like the other documents; without it a
2022 event's papers are dated as of the event, not the day they are printed again."""

import datetime as dt

import pytest
from pypdf import PdfReader

from nlv_events.core import database, store
from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, SectionEntry
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests import guest_replies
from tests.integration.cli_runner import run
from tests.unit.services.guest_helpers import THUY


@pytest.fixture
def events(capsys, db_path):
    assert run(capsys, "demo", "--db", str(db_path))[0] == 0
    database.open_database(str(db_path))
    review = Event.get(Event.ref == "demo-2022-review").id
    (guest,) = [guests.add_guest(review, THUY)]
    guest_replies.set_state([guest], "invited")
    exhibition = store.save_event(EventRecord(kind="exhibition", title="Trưng bày sách quý",
                                              start=dt.date(2022, 3, 1), status="held")).id  # fmt: skip
    structure.save(exhibition, ExhibitData(sections=[SectionEntry("Sách", [ItemEntry("Truyện Kiều")])]))
    database.close_database()
    yield review, exhibition
    database.close_database()


def _text(path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize("command, which, first_day", [
    (["reception-list", "{review}", "-o", "{out}"], "review", "ngày 26 tháng 12 năm 2022"),
    (["checklist", "{exhibition}", "-o", "{out}"], "exhibition", "ngày 01 tháng 3 năm 2022"),
    (["exhibit", "{exhibition}", "--intro", "{out}"], "exhibition", "ngày 01 tháng 3 năm 2022"),
])  # fmt: skip
def test_dated_as_of_the_event_or_as_given(capsys, db_path, tmp_path, events, command, which, first_day):
    review, exhibition = events
    today = dt.date.today()
    for extra, expected in (([], first_day), (["--date", "2022-12-20"], "ngày 20 tháng 12 năm 2022")):
        out = tmp_path / f"out{len(extra)}.pdf"
        argv = [part.format(review=review, exhibition=exhibition, out=out) for part in command]
        code, _out, err = run(capsys, *argv, *extra, "--db", str(db_path))
        assert code == 0, err
        text = _text(out)
        assert f"Hà Nội, {expected}" in text, text[:300]
        assert f"năm {today.year}" not in text or today.year == 2022
    code, _out, err = run(capsys, *[part.format(review=review, exhibition=exhibition, out=tmp_path / "x.pdf")
                                    for part in command], "--date", "20/12/2022", "--db", str(db_path))  # fmt: skip
    assert code != 0 and "20/12/2022" in err and "Traceback" not in err
