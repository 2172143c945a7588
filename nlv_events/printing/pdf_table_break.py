"""A table that breaks across pages like a typist's: between rows, under its header row, never leaving a lone
row or a lone signature."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reportlab.platypus import Flowable, PageBreak

from nlv_events.printing.pdf_grid import GridTable
from nlv_events.printing.pdf_table_rows import PreparedRow, TableMaker

MIN_ROWS_AT_FOOT = 2  # a table does not start at the foot of a page with fewer rows than this
MIN_ROWS_CARRIED = 3  # nor leave fewer than this many rows for the next page,
MIN_CONTENT_CARRIED = 2  # of which this many of content: not one event alone above the totals and the signatures


class BrokenTable(Flowable):
    """A table that breaks between rows only: the header row at the top of each page's part, rows bound by
    `keep_with_next` kept on one page, no part left with fewer than three rows when that can be helped, and
    `trailer` (the signature block) kept with the last rows. Row heights are measured once, so a table of
    thousands of rows lays out in linear time."""

    def __init__(
        self, maker: TableMaker, header: PreparedRow, rows: Sequence[PreparedRow], page_height: float,
        trailer: Flowable | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        self.maker = maker
        self.header = header
        self.rows = rows if isinstance(rows, RowsFrom) else RowsFrom(rows if isinstance(rows, list) else list(rows))
        self.page_height = page_height
        self.trailer = trailer
        self._built: GridTable | None = None
        self._trailer_height = 0.0

    def _trailer_size(self, available_width: float) -> float:
        if self.trailer is None:
            return 0.0
        return self.trailer.wrap(available_width, self.page_height)[1] + 6

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.maker.widths)
        self._trailer_height = self._trailer_size(available_width)
        room = available_height + 1 - self.header.height - self._trailer_height
        measured = self._height_within(room)
        if measured <= room:
            self._built = self.maker.build(list(self.rows), self.header)
            height = self._built.wrap(available_width, available_height)[1] + self._trailer_height
            return self.width, height
        self._built = None
        return self.width, self.header.height + measured + self._trailer_height

    def _height_within(self, room: float) -> float:
        """The rows' height, measured only until it passes `room`: asked at every page of a long list, adding up
        all the rows still to print made the list's time grow with the square of its length."""
        height = 0.0
        for row in self.rows:
            height += row.height
            if height > room:
                break
        return height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        at_top = available_height >= self.page_height - 1
        room = available_height - self.header.height
        cumulative, fits = 0.0, 0
        for row in self.rows:
            if cumulative + row.height > room:
                break
            cumulative += row.height
            fits += 1
        count = len(self.rows)
        last_cut = self._last_cut_carrying_content()
        if fits < count and self._splits_here(self.rows[fits], room - cumulative):
            pieces = self.maker.continued(self.rows[fits], room - cumulative)
            if pieces is not None and (at_top or room - cumulative > 4 * self.maker.leading):
                rows = [*self.rows[:fits], *pieces, *self.rows[fits + 1 :]]
                return BrokenTable(self.maker, self.header, rows, self.page_height, self.trailer)._parts(
                    fits + 1, available_width, available_height
                )

        def allowed(cut: int, keep: bool, carried: bool, foot: bool) -> bool:
            if cut <= 0 or cut >= count:
                return False  # the last part always keeps a row, so the trailer has company
            if keep and self.rows[cut - 1].keep_with_next:
                return False
            if carried and (count - cut < MIN_ROWS_CARRIED or cut > last_cut):
                return False
            return not (foot and not at_top and cut < MIN_ROWS_AT_FOOT)

        for rules in ((True, True, True), (True, False, True), (False, False, False)):
            if not at_top and rules == (False, False, False):
                return []  # nothing fits as it should: start on the next page instead
            cuts = [cut for cut in range(fits, 0, -1) if allowed(cut, *rules)]
            if cuts:
                return self._parts(cuts[0], available_width, available_height)
        if at_top:
            if count == 1:  # one row and the trailer do not fit a page together: let the trailer go on alone
                return [self.maker.build(list(self.rows), self.header), *([self.trailer] if self.trailer else [])]
            return self._parts(max(1, min(fits, count - 1)), available_width, available_height)
        return []

    def _splits_here(self, row: PreparedRow, left: float) -> bool:
        """Whether `row` continues on the next page rather than moving there whole: when it is taller than a page,
        or when moving it would leave more than a third of this page empty (a row of a dozen people moved whole
        left pages two-thirds blank)."""
        if row.height > self.page_height - self.header.height:
            return True
        return row.height > self.page_height / 3 and left > self.page_height / 3

    def _last_cut_carrying_content(self) -> int:
        """The last cut that leaves MIN_CONTENT_CARRIED rows of content for the next page (0: none does). Read
        from the end, so a page break costs what the page holds, not what the rest of the list does."""
        seen = 0
        for index in range(len(self.rows) - 1, -1, -1):
            seen += self.rows[index].kind == "body"
            if seen == MIN_CONTENT_CARRIED:
                return index
        return 0

    def _parts(self, cut: int, available_width: float, available_height: float) -> list[Flowable]:
        first = self.maker.build(self.rows[:cut], self.header)  # built once: the frame's wrap reuses its layout
        while cut > 1 and first.wrap(available_width, available_height)[1] > available_height:
            cut -= 1  # measured a little short: give the page one row less
            first = self.maker.build(self.rows[:cut], self.header)
        rest = BrokenTable(self.maker, self.header, self._carried(cut), self.page_height, self.trailer)
        return [first, PageBreak(), rest]  # the rest starts a page, under its header, never lower on this one

    def _carried(self, cut: int) -> list[PreparedRow]:
        """The rows from `cut` on, under their group's heading said again with "(tiếp)" when the cut falls inside
        a group (a year list's kind, a checklist's part): the next page says what its first rows belong to."""
        rest = self.rows.rest(cut)
        if not rest or rest[0].kind == "heading":
            return rest
        heading = next((row for row in reversed(self.rows[:cut]) if row.kind == "heading"), None)
        again = self.maker.continued_heading(heading) if heading is not None else None
        return rest.under(again) if again is not None else rest

    def draw(self) -> None:
        if self._built is None:
            self._built = self.maker.build(list(self.rows), self.header)
            self._built.wrap(self.width, self.page_height)
        self._built.drawOn(self.canv, 0, self._trailer_height)
        if self.trailer is not None:
            height = self._trailer_height - 6
            self.trailer.wrap(self.width, height)
            self.trailer.drawOn(self.canv, 0, 0)


class RowsFrom(Sequence[PreparedRow]):
    """The rows of a table from `start` on, under an optional `first` row (its group's heading said again): a
    view on the one list of the table's rows. Each page's rest of the table was a copy of the rows still to
    print, so the page breaks of a long list cost the square of its length."""

    __slots__ = ("_first", "_rows", "_start")

    def __init__(self, rows: list[PreparedRow], start: int = 0, first: PreparedRow | None = None) -> None:
        self._rows = rows
        self._start = start
        self._first = first

    def __len__(self) -> int:
        return len(self._rows) - self._start + (self._first is not None)

    def __iter__(self) -> Iterator[PreparedRow]:
        if self._first is not None:
            yield self._first
        # by index: islice would step through the `start` rows before it too, at every page
        yield from map(self._rows.__getitem__, range(self._start, len(self._rows)))

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1 or self._first is not None:
                return [self[position] for position in range(start, stop, step)]
            return self._rows[self._start + start : self._start + max(start, stop)]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if self._first is not None:
            if index == 0:
                return self._first
            index -= 1
        return self._rows[self._start + index]

    def rest(self, cut: int) -> RowsFrom:
        """The rows from `cut` on."""
        if self._first is not None:
            if cut == 0:
                return self
            cut -= 1
        return RowsFrom(self._rows, self._start + cut)

    def under(self, first: PreparedRow) -> RowsFrom:
        """These rows under `first`."""
        if self._first is not None:
            return RowsFrom([first, *self])
        return RowsFrom(self._rows, self._start, first)
