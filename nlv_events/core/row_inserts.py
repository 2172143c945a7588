"""Inserting many rows of one table in a few statements, the SQL written once per statement.

peewee builds and converts a node for every value of an `insert_many`: 0.2 ms an event row, twenty seconds of a
100 000-event import before the database does anything. Here each value goes through its field's `db_value` (as
peewee does) and to the driver as a plain parameter, with the model's defaults for the columns a row leaves out.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import Any

import peewee

from nlv_events.core.models import database_proxy

# Parameters one statement may carry: SQLite allows 32 766 since 3.32 (999 before), PostgreSQL 65 535.
_PARAMETERS = 32_766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999


def insert_rows(model: type[peewee.Model], rows: Sequence[dict[str, Any]], skip_existing: bool = False) -> None:
    """Insert `rows` of `model`, each a dict naming the same fields, in as few statements as the parameter limit
    allows; fields a row leaves out take the model's defaults (a callable one called for each row). `skip_existing`:
    a row a unique column already holds (a colleague added it meanwhile) is left as stored."""
    if not rows:
        return
    named = [model._meta.fields[name] for name in rows[0]]
    defaults = [(field, value) for field, value in model._meta.defaults.items() if field.name not in rows[0]]
    columns = [*named, *(field for field, _value in defaults)]
    database = database_proxy.obj
    opening, closing = database.quote[0], database.quote[1]
    head = "INSERT INTO {table} ({columns}) VALUES ".format(
        table=f"{opening}{model._meta.table_name}{closing}",
        columns=", ".join(f"{opening}{field.column_name}{closing}" for field in columns),
    )
    width = len(columns)
    one_row = "(" + ", ".join([database.param] * width) + ")"
    names = [field.name for field in named]
    if len(names) > 1:
        values_of = itemgetter(*names)
    else:  # itemgetter of one name gives the value, not a tuple; of none, nothing to give
        values_of = (lambda row: (row[names[0]],)) if names else (lambda row: ())
    checks = [(index, _as_is(field), field.db_value) for index, field in enumerate(named)]
    for chunk in _chunks(rows, max(1, _PARAMETERS // width)):
        if defaults:
            parameters: list[Any] = []
            for row in chunk:
                parameters.extend(values_of(row))
                parameters.extend(field.db_value(value() if callable(value) else value) for field, value in defaults)
        else:
            parameters = [value for row in chunk for value in values_of(row)]
        # Each column's values at once: nearly always all plain, which one pass in C tells; a value that is not
        # goes through its field's `db_value`, as one by one before (0.5 s of a 100 000-event import, now 0.1 s).
        for index, as_is, convert in checks:
            column = parameters[index::width]
            if not as_is.issuperset(map(type, column)):
                parameters[index::width] = [value if value.__class__ in as_is else convert(value) for value in column]
        tail = " ON CONFLICT DO NOTHING" if skip_existing else ""  # SQLite 3.24 and PostgreSQL 9.5 both say so
        database.execute_sql(head + ", ".join([one_row] * len(chunk)) + tail, parameters)


def _as_is(field: peewee.Field) -> frozenset[type]:
    """The classes of value `field.db_value` gives back unchanged (it is called for any other): five million values
    passed through it were a fifth of a 100 000-event import."""
    if isinstance(field, peewee.ForeignKeyField):
        return _as_is(field.rel_field)
    for kind, plain in _PLAIN_VALUES:
        if isinstance(field, kind):
            return frozenset((plain, type(None)))
    return frozenset()


# Checked in this order: a DateTimeField's value is a datetime (a DateField's a date, never a datetime).
_PLAIN_VALUES: tuple[tuple[type[peewee.Field], type], ...] = (
    (peewee._StringField, str),
    (peewee.IntegerField, int),
    (peewee.DateTimeField, dt.datetime),
    (peewee.DateField, dt.date),
    (peewee.TimeField, dt.time),
)


def _chunks(rows: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
