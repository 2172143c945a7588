"""Property-based tests: folding for search, and the interchange round trip, on any text a user might type."""

import datetime as dt
import shutil
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlv_events.core import database, store, when
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.core.text import fold
from nlv_events.services.interchange import exporting, importing, reading

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
letters = st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " 0123456789–“”,.:()📚書к")
text = st.text(letters, min_size=1, max_size=60).map(str.strip).filter(bool)


@given(st.text())
def test_folding_is_idempotent_and_form_independent(value):
    folded = fold(value)
    assert fold(folded) == folded
    assert fold(unicodedata.normalize("NFD", value)) == fold(unicodedata.normalize("NFC", value)) == folded
    assert "đ" not in folded and "Đ" not in folded
    assert not any(unicodedata.combining(char) for char in folded)


@given(st.datetimes(min_value=dt.datetime(1, 1, 1)))
def test_a_timed_moment_is_written_as_before_and_read_back_to_the_second(moment):
    """The file's form of a day and time: minutes, or seconds when it has them (isoformat now writes it)."""
    written = when.to_iso(moment)
    assert written == (moment.isoformat() if moment.second else moment.strftime("%Y-%m-%dT%H:%M"))
    if moment.year >= 1000:
        assert when.parse(written) == moment.replace(microsecond=0)


@given(text)
def test_every_vietnamese_word_finds_itself_without_accents(value):
    bare = "".join(
        c
        for c in unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
        if not unicodedata.combining(c)
    )
    assert fold(bare) == fold(value)


days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))
counts = st.none() | st.integers(min_value=0, max_value=10_000_000)
people = st.lists(
    st.builds(
        PersonEntry,
        name=text,
        position=st.none() | text,
        role=st.sampled_from(["chair", "speaker", "guest", "participant"]),
    ),
    max_size=3,
    unique_by=lambda person: fold(person.name),
)


@st.composite
def events(draw):
    start = draw(days)
    length = draw(st.integers(min_value=0, max_value=40))
    programme = [
        ProgrammeEntry(start=dt.datetime.combine(start, dt.time(8 + n)), title=draw(text), place=draw(st.none() | text))
        for n in range(draw(st.integers(min_value=0, max_value=4)))
    ]
    return EventRecord(
        kind=draw(st.sampled_from(["exhibition", "book_day", "talk", "conference", "training", "other"])),
        title=draw(text),
        title_en=draw(st.none() | text),
        theme=draw(st.none() | text),
        start=start,
        end=start + dt.timedelta(days=length) if length else None,
        venue=draw(st.none() | text),
        status=draw(st.sampled_from(["planned", "confirmed", "held", "cancelled"])),
        partners=draw(st.lists(text, max_size=3, unique_by=fold)),
        attendance=draw(counts),
        online_views=draw(counts),
        description=draw(st.none() | text),
        people=draw(people),
        programme=programme,
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(), min_size=1, max_size=4))
def test_interchange_round_trip_keeps_everything(empty_store, records):
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "a.sqlite3", Path(folder) / "b.sqlite3"
        shutil.copyfile(empty_store, first)
        shutil.copyfile(empty_store, second)
        database.open_database(str(first))
        try:
            for record in records:
                store.save_event(record)
            exported = exporting.export_document()
        finally:
            database.close_database()
        database.open_database(str(second))
        try:
            importing.import_document(reading.parse_document(exported))
            assert exporting.export_document() == exported
        finally:
            database.close_database()
