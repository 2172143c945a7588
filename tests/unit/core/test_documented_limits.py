"""The length limits the documents tell users are the store's own (core/limits.py): the data format said titles
may have 1 000 characters while the store refused the 301st (issue #25, point 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlv_events.core import limits

DOCS = Path(__file__).resolve().parents[3] / "docs"
_AT_MOST = re.compile(r"at most (\d[\d ]*) characters")
_KEY = re.compile(r"`(\w+)`")


def _number(text: str) -> int:
    return int(text.replace(" ", ""))


def _event_table() -> list[str]:
    """The rows of data-format.md's table of an event's keys."""
    text = (DOCS / "data-format.md").read_text(encoding="utf-8")
    section = text.split("## An event", 1)[1].split("\n\n", 2)[1]
    return [line for line in section.splitlines() if line.startswith("| `")]


def test_every_row_of_the_event_table_states_the_stores_limit():
    stated = {}
    for row in _event_table():
        found = _AT_MOST.search(row)
        if found:
            for key in _KEY.findall(row.split("|")[1]):
                stated[key] = _number(found.group(1))
    assert {"title", "title_en", "venue", "description"} <= set(stated)  # the table still says them
    assert stated == {key: limits.max_length(key) for key in stated}


def test_the_list_of_limits_in_the_data_format_is_the_stores():
    text = " ".join((DOCS / "data-format.md").read_text(encoding="utf-8").split())
    sentence = text.split("Every text has a length limit", 1)[1].split("(A test holds", 1)[0]
    checked = set()
    for part in sentence.split(";"):
        number = re.search(r"(\d[\d ]*\d|\d)(?: characters)?\s*\.?\s*$", part.strip())
        for key in _KEY.findall(part):
            if key in limits.MAX_LENGTH:
                assert number is not None and _number(number.group(1)) == limits.max_length(key), part
                checked.add(key)
    assert {"title", "title_en", "theme", "news_url", "notes"} <= checked


@pytest.mark.parametrize(
    ("guide", "wording"),
    [
        ("user-guide.en.md", r"\*\*title\*\* \(at most (\d[\d ]*) characters"),
        ("user-guide.md", r"\*\*tên sự kiện\*\* \(tối đa (\d[\d ]*) ký tự"),
    ],
)
def test_the_user_guide_gives_the_title_the_stores_limit(guide, wording):
    found = re.search(wording, (DOCS / guide).read_text(encoding="utf-8"))
    assert found is not None and _number(found.group(1)) == limits.max_length("title")
