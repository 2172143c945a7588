"""The event table's rows, read straight from the cursor and held compactly, and the search over them (no Qt)."""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_right
from collections import Counter, OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter

import orjson
import peewee

from nlv_events.core import queries, when
from nlv_events.core.models import Event, Venue, database_proxy

# A search word: its folded text, or the folded spellings it stands for (kĩ, kỹ), any of which matches.
Word = str | tuple[str, ...]
_kind_of = attrgetter("kind")
_search_text_of = attrgetter("search_text")


@dataclass(slots=True)
class EventRow:
    id: int
    kind: str
    title: str
    start: dt.date
    end: dt.date | None
    venue: str
    status: str
    search_text: str


# The columns of a row, in the order EventRow takes them (the venue's name between the end and the status).
_COLUMNS = (
    Event.id,
    Event.kind,
    Event.title,
    Event.start_date,
    Event.start_time,
    Event.end_date,
    Event.end_time,
    Venue.name,
    Event.status,
    Event.search_text,
)


def load_rows(year: int | None, in_one_step: bool = False) -> list[EventRow]:
    """The rows of the table for `year` in one query, read a few thousand at a time; with `in_one_step` a year on
    SQLite is read at once (`_in_one_step`: for a thread reading beside the window's work).

    At a hundred thousand events peewee's per-row conversion would cost the window seconds at every start, and
    fetching every row at once held all the raw tuples beside the rows (the peak of the window's memory). Kinds,
    statuses and venues are a handful of strings shared by every row, and rows starting at the same moment share
    one date object, instead of a copy of each per event.
    """
    shared: dict[object, object] = {"": ""}
    share = shared.setdefault
    moments: dict[tuple, dt.date | None] = {}
    rows: list[EventRow] = []
    append = rows.append
    for batch in _batches(year, in_one_step):
        for id_, kind, title, start_day, start_time, end_day, end_time, venue, status, search in batch:
            start = moments.get((start_day, start_time))
            if start is None:
                start = moments[(start_day, start_time)] = when.join(when.as_date(start_day), when.as_time(start_time))
            end = moments.get((end_day, end_time))
            if end is None and end_day is not None:
                end = moments[(end_day, end_time)] = when.join(when.as_date(end_day), when.as_time(end_time))
            place = venue or ""
            append(
                EventRow(id_, share(kind, kind), title, start, end, share(place, place), share(status, status), search)
            )
    return rows


def _batches(year: int | None, in_one_step: bool) -> Iterator[Sequence[Sequence]]:
    """The rows' columns as the database gives them, in the listing's order, a batch at a time."""
    query = queries.events(year=year).select(*(column.alias(f"c{index}") for index, column in enumerate(_COLUMNS)))
    sql, parameters = query.sql()
    if in_one_step and year is not None and isinstance(database_proxy.obj, peewee.SqliteDatabase):
        yield _in_one_step(sql, parameters)
        return
    cursor = database_proxy.execute_sql(sql, parameters)
    while batch := cursor.fetchmany(5000):
        yield batch


def _in_one_step(sql: str, parameters: Sequence[object]) -> list[list]:
    """The rows of `sql` made into one JSON array by SQLite itself, in a single step of its statement.

    Python's sqlite3 lets go of the interpreter's lock around each step of a statement. The window's first year
    is read in a thread while the window is built (row_prefetch): with one step a row, the reading thread waited
    for the lock at each of its 10 000 rows while the window's thread held it (up to the 5 ms of
    sys.getswitchinterval each time), and most of the year was read only once the window stopped to wait for it.
    In one step SQLite reads the whole year without the lock, beside the window's work, on the second core when
    it is free. It costs a little more CPU than the cursor (SQLite writes the JSON, orjson reads it): a load on the
    window's own thread, with nothing beside it, keeps the cursor. The values are those a cursor gives (integers,
    texts, None), the rows in the statement's order: the subquery's ORDER BY is kept, as an aggregate over an
    ordered subquery is never flattened into it. A year is a bounded text (some 2 MB for 10 000 events); every
    year at once keeps the cursor's batches, which bound the window's peak of memory.
    """
    names = ", ".join(f'"c{index}"' for index in range(len(_COLUMNS)))
    wrapped = f"SELECT json_group_array(json_array({names})) FROM ({sql})"
    (text,) = database_proxy.execute_sql(wrapped, parameters).fetchone()
    return orjson.loads(text)


def _spellings(word: Word) -> tuple[str, ...]:
    return (word,) if isinstance(word, str) else tuple(word)


def _holds(word: Word, text: str) -> bool:
    return any(spelling in text for spelling in _spellings(word))


def _narrows(old_words: Sequence[Word], new_words: Sequence[Word]) -> bool:
    """Whether every row holding all of `new_words` holds all of `old_words` (typing on, not deleting)."""
    return all(
        any(all(any(o in n for o in _spellings(old)) for n in _spellings(new)) for new in new_words)
        for old in old_words
    )


class RowSearch:
    """Which of the table's rows hold every search word, in the table's order, with their kinds counted.

    Three things keep a keystroke cheap at a hundred thousand rows:
    - typing on narrows the previous result: only those rows are looked at again;
    - the recent results are kept, so deleting letters (backspace) finds the shorter query's rows at once;
    - a new query looks its most selective word up in the folded texts of every row joined into one string,
      searched with `str.find` (C speed), visiting only the rows that hold it, instead of testing each row in
      Python; for a word that most rows hold (one letter), the plain test over the rows is quicker and is used.
    """

    RECENT = 16

    def __init__(self, rows: list[EventRow]) -> None:
        self._rows = rows  # in load order (the dates' order)
        self._joined = ""
        self._starts = array("q")
        self._recent: OrderedDict[tuple, tuple[list[EventRow], Counter[str]]] = OrderedDict()
        self._last: tuple[tuple, list[EventRow]] | None = None

    def forget_results(self) -> None:
        """The order changed (another column sorted): results in the old order are no use."""
        self._recent.clear()
        self._last = None

    def _index(self) -> tuple[str, array]:
        if not self._starts and self._rows:
            # Folded text has no line breaks, so a match never runs from one row into the next. Built at C speed
            # (map, accumulate): about 20 ms for a hundred thousand rows, once, at the first search.
            texts = list(map(_search_text_of, self._rows))
            self._starts = array("q", accumulate(map((1).__add__, map(len, texts)), initial=0))
            self._joined = "\n".join(texts) + "\n"
        return self._joined, self._starts

    def _positions(self, word: Word) -> list[int] | None:
        """The load-order positions of the rows holding `word`, ascending; None when most rows hold it."""
        joined, starts = self._index()
        limit = len(self._rows) // 8
        positions: set[int] = set()
        for spelling in _spellings(word):
            if not spelling or joined.count(spelling) > limit:
                return None
            find = joined.find
            at = find(spelling)
            while at >= 0:
                row = bisect_right(starts, at) - 1
                positions.add(row)
                at = find(spelling, starts[row + 1])
        return sorted(positions)

    def filter(
        self, ordered: list[EventRow], words: Sequence[Word], status: str, order: int
    ) -> tuple[list[EventRow], Counter[str]]:
        """The rows of `ordered` with `status` (any when empty) holding every word, and their kinds counted.

        `order` says how `ordered` relates to the load order: 1 the same, -1 reversed, 0 any other.
        """
        key = (tuple(_spellings(word) for word in words), status)
        if key in self._recent:
            self._recent.move_to_end(key)
            found, counts = self._recent[key]
            self._last = (key, found)
            return found, counts
        pending = sorted(words, key=lambda word: len(_spellings(word)[0]), reverse=True)  # most selective first
        last = self._last
        if last is not None and last[0][1] == status and _narrows(last[0][0], words):
            found = last[1]
        else:
            found = ordered
            if status:
                found = [row for row in found if row.status == status]
            if pending and len(found) > 2000:
                positions = self._positions(pending[0])
                if positions is not None:
                    found = self._in_order(positions, found, order, status)
                    pending = pending[1:]
        for word in pending:
            spelt = _spellings(word)
            if len(spelt) == 1:
                text = spelt[0]
                found = [row for row in found if text in row.search_text]
            else:
                found = [row for row in found if _holds(spelt, row.search_text)]
        counts = Counter(map(_kind_of, found))
        self._recent[key] = (found, counts)
        if len(self._recent) > self.RECENT:
            self._recent.popitem(last=False)
        self._last = (key, found)
        return found, counts

    def _in_order(self, positions: list[int], among: list[EventRow], order: int, status: str) -> list[EventRow]:
        rows = self._rows
        if order == 0:
            wanted = {id(rows[position]) for position in positions}
            return [row for row in among if id(row) in wanted]
        found = [rows[position] for position in positions]
        if status:
            found = [row for row in found if row.status == status]
        if order < 0:
            found.reverse()
        return found
