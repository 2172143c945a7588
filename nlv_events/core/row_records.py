"""Rows to records and back by name: a dataclass field and a table column of the same name are the same value, so
each is declared once (in the record and in the model) and only the values that need turning are written out."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, TypeVar

import peewee

RecordT = TypeVar("RecordT")


def _column_names(model: type[peewee.Model]) -> list[str]:
    # A foreign key's column is `<name>_id` (`person_id`), the name its id goes by on a row and in a record.
    return [field.column_name for field in model._meta.sorted_fields]


def record_of(record_type: type[RecordT], row: peewee.Model, **computed: Any) -> RecordT:
    """A `record_type` from `row`: each field it declares is the row's column of that name, unless `computed` gives
    the field's value (a value turned on the way, or one from another table)."""
    by_column = {field.column_name: row.__data__.get(field.name) for field in row._meta.sorted_fields}
    values = {
        item.name: by_column[item.name]
        for item in dataclasses.fields(record_type)  # type: ignore[arg-type]
        if item.init and item.name in by_column and item.name not in computed
    }
    return record_type(**values, **computed)


def column_values(record: Any, model: type[peewee.Model], leave_out: Iterable[str] = (), **computed: Any) -> dict:
    """The columns of a `model` row for `record`: each column the record declares under its name, and `computed`
    for the columns whose value is turned or named otherwise. `leave_out`: the columns a save keeps to itself (the
    id, the ref, the version)."""
    declared = {item.name for item in dataclasses.fields(record)}
    skipped = set(leave_out) | set(computed)
    values = {name: getattr(record, name) for name in _column_names(model) if name in declared and name not in skipped}
    return {**values, **computed}
