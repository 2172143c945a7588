"""Two processes each take 100 "next" numbers of the same kind at once, on SQLite and on PostgreSQL: the register
ends with 200 distinct consecutive numbers, none lost and none given twice."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nlv_events.core import database
from nlv_events.services.register import entries

TAKEN = 100
pytestmark = pytest.mark.slow

# Prints a programme-like document under the next number TAKEN times, as `--number next` does; prints the numbers.
TAKER = r"""
import datetime as dt, json, sys
from pathlib import Path
from nlv_events.core import database
from nlv_events.printing.model import Document, Text
from nlv_events.services.register import registered_print

target, name, folder, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
database.open_database(target)
numbers = []
for index in range(count):
    def make(number, index=index):
        return Document(title=f"{name} {index}", blocks=[Text(f"Số: {number}")])
    entry = registered_print.write(make, folder / f"{name}-{index}.pdf",
                                   registered_print.Asked("next", dt.date(2026, 5, 4), "CTr-TVQG"))
    numbers.append(entry.number)
print(json.dumps(numbers))
"""


@pytest.mark.both_databases
def test_two_processes_taking_next_numbers_get_distinct_consecutive_ones(db, db_path, request, tmp_path):
    target = str(db_path) if isinstance(db, database.peewee.SqliteDatabase) else request.getfixturevalue(
        "postgres_server").url  # fmt: skip
    takers = [
        subprocess.Popen([sys.executable, "-c", TAKER, target, name, str(tmp_path), str(TAKEN)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for name in ("A", "B")
    ]
    results = [taker.communicate(timeout=900) for taker in takers]
    assert [taker.returncode for taker in takers] == [0, 0], [err[-800:] for _out, err in results]
    taken = [number for out, _err in results for number in json.loads(out)]
    assert sorted(taken) == list(range(1, 2 * TAKEN + 1))
    listed = entries.entries(2026, "CTr")
    assert sorted(line.number for line in listed) == list(range(1, 2 * TAKEN + 1))
    assert len({line.title for line in listed}) == 2 * TAKEN  # each document has its own entry
