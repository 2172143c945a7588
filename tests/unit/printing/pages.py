"""Reading a printed table back from its pages (pdfplumber): where the grid, the header and each row stand."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pdfplumber

MM = 72 / 25.4
TOP_MARGIN_TEXT = 20 * MM  # the page number stands in the top margin, outside the content


@dataclass
class PageTable:
    """One page's part of a ruled table: the horizontal rules' y (top down), the column borders' x."""

    rules: list[float]
    borders: list[float]

    @property
    def top(self) -> float:
        return self.rules[0]

    def row_bands(self) -> list[tuple[float, float]]:
        return list(zip(self.rules, self.rules[1:], strict=False))


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[dict]
    table: PageTable | None

    def text(self) -> str:
        return " ".join(word["text"] for word in self.words)

    def content_lines(self) -> int:
        """Distinct lines of text below the top margin (the page number is not content)."""
        tops = sorted({round(word["top"]) for word in self.words if word["top"] > TOP_MARGIN_TEXT})
        merged = [top for index, top in enumerate(tops) if index == 0 or top - tops[index - 1] > 3]
        return len(merged)

    def words_in(self, top: float, bottom: float, left: float = 0, right: float = 1e9) -> list[dict]:
        return [
            word
            for word in self.words
            if top - 0.5 <= word["top"] and word["bottom"] <= bottom + 0.5 and left <= word["x0"] < right
        ]

    def band_text(self, band: tuple[float, float], column: int | None = None) -> str:
        left, right = (0.0, 1e9)
        if column is not None and self.table is not None:
            left, right = self.table.borders[column], self.table.borders[column + 1]
        return " ".join(word["text"] for word in self.words_in(band[0], band[1], left, right))

    def rightmost_ink(self, plumber_page) -> float:
        edges = [word["x1"] for word in self.words]
        edges += [line["x1"] for line in plumber_page.lines] + [rect["x1"] for rect in plumber_page.rects]
        return max(edges, default=0.0)


def _table(plumber_page) -> PageTable | None:
    horizontal = sorted({round(line["top"], 1) for line in plumber_page.lines if abs(line["top"] - line["bottom"]) < 0.5
                         and line["x1"] - line["x0"] > 200})  # fmt: skip
    vertical_lines = [line for line in plumber_page.lines if abs(line["x0"] - line["x1"]) < 0.5]
    if len(horizontal) < 2 or not vertical_lines:
        return None
    # The grid's vertical lines that run through the header row give the column borders.
    header_top, header_bottom = horizontal[0], horizontal[1]
    borders = sorted({round(line["x0"], 1) for line in vertical_lines
                      if line["top"] <= header_top + 0.5 and line["bottom"] >= header_bottom - 0.5})  # fmt: skip
    return PageTable(horizontal, borders)


def read_pages(pdf: bytes, numbers: Iterable[int] | None = None) -> list[Page]:
    """The pages of `pdf`, or only those `numbers` give (counted from 1)."""
    pages = []
    with pdfplumber.open(io.BytesIO(pdf), pages=None if numbers is None else sorted(numbers)) as document:
        for plumber_page in document.pages:
            number = plumber_page.page_number
            words = plumber_page.extract_words(keep_blank_chars=False, use_text_flow=False)
            page = Page(number, plumber_page.width, plumber_page.height, words, _table(plumber_page))
            page.right_ink = page.rightmost_ink(plumber_page)  # type: ignore[attr-defined]
            pages.append(page)
    return pages


def header_bands(page: Page, header_first_word: str) -> list[float]:
    """The tops of the lines where the table's header row begins (its first column's first word)."""
    assert page.table is not None
    left = page.table.borders[0]
    right = page.table.borders[1]
    return [word["top"] for word in page.words if word["text"] == header_first_word and left <= word["x0"] < right]


def number(text: str) -> int:
    """A figure as printed ("66.270", "66,270"); empty is 0."""
    digits = re.sub(r"[^\d]", "", text)
    return int(digits) if digits else 0


def check_table_pages(pages: list[Page], header_first_word: str, right_margin_mm: float = 15.0) -> None:
    """What every page of a printed table must show: the header row at the top of the page's table and
    nowhere else; at least three lines of content; no ink past the right margin."""
    for page in pages:
        assert page.content_lines() >= 3, f"page {page.number} holds fewer than three lines"
        assert page.right_ink <= page.width - right_margin_mm * MM + 0.5, f"page {page.number} crosses the margin"  # type: ignore[attr-defined]
        if page.table is None:
            continue
        tops = header_bands(page, header_first_word)
        assert len(tops) == 1, f"page {page.number}: the header row {len(tops)} times"
        first_band = page.table.row_bands()[0]
        assert first_band[0] <= tops[0] <= first_band[1], f"page {page.number}: the header is not the table's top"
