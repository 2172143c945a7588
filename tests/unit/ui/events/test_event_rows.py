"""The table's row search gives exactly what testing every row gives, in the table's order, letter by letter."""

import datetime as dt
import itertools
import random

import pytest

from nlv_events.core import store
from nlv_events.core.records import EventRecord
from nlv_events.core.text import fold
from nlv_events.services.events.rows import EventRow, RowSearch, load_rows

SYLLABLES = ["van", "hoa", "doc", "sach", "thu", "vien", "dien", "bien", "phu", "ho", "chi", "minh", "ky", "ki", "a"]
KINDS = ["exhibition", "talk", "book_day"]
STATUSES = ["planned", "confirmed", "held"]


def _rows(count: int, seed: int = 3) -> list[EventRow]:
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        text = " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 9))) + f" {number}"
        day = dt.date(2020, 1, 1) + dt.timedelta(days=number // 5)
        rows.append(EventRow(number + 1, rng.choice(KINDS), text, day, None, "", rng.choice(STATUSES), text))
    return rows


def _naive(ordered, words, status):
    spelt = [(word,) if isinstance(word, str) else word for word in words]
    return [
        row
        for row in ordered
        if (not status or row.status == status) and all(any(s in row.search_text for s in w) for w in spelt)
    ]


def _typed(text: str) -> list[str]:
    """Every query a user passes through typing `text` letter by letter and deleting it again."""
    forward = [text[:end] for end in range(1, len(text) + 1)]
    return forward + forward[-2::-1] + [""]


@pytest.mark.parametrize("order", [1, -1, 0])
@pytest.mark.parametrize("status", ["", "held"])
def test_typing_and_deleting_finds_what_testing_every_row_finds(order, status):
    rows = _rows(6000)
    if order == 1:
        ordered = list(rows)
    elif order == -1:
        ordered = rows[::-1]
    else:
        ordered = sorted(rows, key=lambda row: (row.kind, -row.id))
    search = RowSearch(rows)
    for query in ["van hoa doc", "dien bien phu 12", "thu vien ky", "zzz", "a 5", "chi minh 59"]:
        for typed in _typed(query):
            words = fold(typed).split()
            found, counts = search.filter(ordered, words, status, order)
            expected = _naive(ordered, words, status)
            assert found == expected, typed
            assert counts == {
                kind: sum(row.kind == kind for row in expected)
                for kind in KINDS
                if any(row.kind == kind for row in expected)
            }


def test_words_with_two_spellings_find_either():
    rows = _rows(6000)
    search = RowSearch(rows)
    words = [("ki", "ky"), "van"]
    found, _counts = search.filter(rows, words, "", 1)
    assert found == _naive(rows, words, "")
    assert any("ky" in row.search_text and "ki" not in row.search_text for row in found)


def test_a_new_order_forgets_results_of_the_old_one():
    rows = _rows(3000)
    search = RowSearch(rows)
    first, _ = search.filter(rows, ["van"], "", 1)
    search.forget_results()
    reversed_rows = rows[::-1]
    second, _ = search.filter(reversed_rows, ["van"], "", -1)
    assert second == first[::-1]


def test_rows_share_their_kinds_venues_statuses_and_moments(db):
    day = dt.datetime(2024, 4, 21, 8, 30)
    for number in range(3):
        store.save_event(
            EventRecord(title=f"Ngày Sách {number}", kind="book_day", start=day, venue="Sảnh tầng 1", status="held")
        )
    rows = load_rows(2024)
    assert [row.title for row in rows] == ["Ngày Sách 0", "Ngày Sách 1", "Ngày Sách 2"]
    assert rows[0].start == day and rows[0].venue == "Sảnh tầng 1" and rows[0].search_text.startswith("ngay sach 0")
    for first, other in itertools.pairwise(rows):
        assert other.kind is first.kind and other.venue is first.venue and other.status is first.status
        assert other.start is first.start


def test_a_year_read_at_once_holds_the_rows_every_year_read_by_the_cursor_holds(db):
    # SQLite reads a year in one step for the thread reading ahead (rows._in_one_step): the rows the cursor reads.
    rng = random.Random(7)
    venues = [None, "Sảnh tầng 1", "Hội trường “Nguyễn Du”, Thư viện Quốc gia Việt Nam"]
    for number in range(120):
        day = dt.date(2021 + number % 3, 1 + rng.randrange(12), 1 + rng.randrange(28))
        start = dt.datetime.combine(day, dt.time(8 + rng.randrange(10), 30)) if number % 2 else day
        end = None if number % 3 else start + dt.timedelta(days=rng.randrange(3), hours=1)
        record = EventRecord(
            title=f"Sự kiện {number} \\ \"trích\" \t", kind=rng.choice(KINDS), start=start, end=end,
            venue=rng.choice(venues), status=rng.choice(STATUSES),
        )  # fmt: skip
        saved = store.save_event(record)
        if number % 17 == 0:
            store.delete_event(saved.id)
    every = load_rows(None)
    for year in (2021, 2022, 2023):
        at_once = load_rows(year, in_one_step=True)
        assert at_once == load_rows(year) == [row for row in every if row.start.year == year] and at_once
