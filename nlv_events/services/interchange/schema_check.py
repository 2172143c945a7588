"""Checking a decoded interchange file against its JSON Schema (schema.py) before the deeper checks.

jsonschema-rs checks it (the reference implementation, jsonschema, took 28 s for a file of 10 000 events, which an
import reads in about 2 s; jsonschema-rs takes 0.02–0.2 s). The first problem in the file's order becomes
one line naming its place as the reader's own messages do (“sự kiện 3, trường “start”: …”, “chuỗi hoạt động 2,
trường “rule”: …”), in the words those messages use.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any

from nlv_events.core.errors import UserError
from nlv_events.core.rules import field_label
from nlv_events.i18n import _
from nlv_events.services.interchange import features, json_types, schema
from nlv_events.services.interchange.parts import Place

# Which problem of one place is told first: its shape before its content.
_PRECEDENCE = {"type": 0, "additionalProperties": 1, "required": 2, "minLength": 3}


@functools.cache
def _checker(parts: tuple[int, ...]) -> tuple[Any, dict[str, Any]]:
    """The validator of the schema with these parts registered (a test may register one of its own), and the
    schema."""
    import jsonschema_rs

    document_schema = schema.document_schema()
    return jsonschema_rs.Draft202012Validator(document_schema), document_schema


def checker() -> tuple[Any, dict[str, Any]]:
    return _checker(tuple(id(part) for part in features.registered()))


def _dotted(path: Sequence[Any]) -> str:
    """["programme", 0, "start"] as “programme[1].start”: rows counted from 1, as every message counts them."""
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _where(path: list[Any], problem: str) -> UserError:
    """The error naming the place at `path` in the file."""
    head, number, rest = (path[0], path[1] + 1, path[2:]) if len(path) > 1 and isinstance(path[1], int) else (
        None, 0, path
    )
    key = _dotted(rest) or None
    if head == "events":
        return Place(event=number).fail(key, problem)
    if head == "plans":
        return Place(plan=number).fail(key or head, problem)
    if head in ("series", "commemorations"):
        part = _("series") if head == "series" else _("commemoration")
        if key:
            where = _("{part} {number}, field “{field}”").format(part=part, number=number, field=key)
        else:
            where = _("{part} {number}").format(part=part, number=number)
        return UserError(f"{where}: {problem}")
    return Place().fail(_dotted(path) or "format", problem)


def _found(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


_TYPE_PROBLEMS = {
    "string": lambda value: _("expected text, found {value}.").format(value=_found(value)),
    "integer": lambda value: _("expected a whole number, found {value}.").format(value=_found(value)),
    "boolean": lambda value: _("expected true or false."),
    "array": lambda value: _("expected a list."),
    "object": lambda value: _("expected an object."),
}
_PATTERN_PROBLEMS = {
    json_types.MOMENT_PATTERN: lambda value: _(
        "“{value}” is not a date such as 2023-04-21 or a date and time such as 2023-04-21T08:00."
    ).format(value=value),
    json_types.DAY_PATTERN: lambda value: _("“{value}” is not a date such as 2025-04-26.").format(value=value),
    json_types.SHA256_PATTERN: lambda value: _("expected the photo's SHA-256 (64 hexadecimal digits)."),
}


def _type_problem(kinds: list[str], value: Any) -> str:
    if value is None:  # null is an absent value to the reader: a required key left empty
        return _("this field is required.")
    kinds = [kind for kind in kinds if kind != "null"]
    if len(kinds) == 1 and kinds[0] in _TYPE_PROBLEMS:
        return _TYPE_PROBLEMS[kinds[0]](value)
    return _("expected {kinds}, found {value}.").format(kinds=" / ".join(sorted(kinds)), value=_found(value))


def _subschema(document_schema: dict[str, Any], schema_path: Sequence[Any]) -> dict[str, Any]:
    node: Any = document_schema
    for step in schema_path:
        node = node[step]
    return node


def _problem(error, data: Any, document_schema: dict[str, Any]) -> tuple[list[Any], str]:
    """Where `error` is (the path in the file, a missing or unknown key included) and what is wrong there."""
    path, keyword, expected = list(error.instance_path), error.kind.name, error.kind.value
    value = data
    for step in path:  # the file's own value: the validator's copy of a NaN is null
        value = value[step]
    if keyword == "type":
        return path, _type_problem(list(expected), value)
    if keyword == "required":
        return [*path, expected], _("this field is required.")
    if keyword == "minLength":
        return path, _("this field is required.")
    if keyword == "additionalProperties":
        allowed = sorted(_subschema(document_schema, list(error.schema_path)[:-1]).get("properties", {}))
        return [*path, sorted(expected)[0]], _("unknown key; the keys allowed here are: {keys}.").format(
            keys=", ".join(allowed)
        )
    if keyword == "enum":
        choices = ", ".join(str(choice) for choice in expected if choice is not None)
        name = path[-1] if path and isinstance(path[-1], str) else ""
        return path, _("Unknown {field} “{value}”: use one of {choices}.").format(
            field=field_label(name), value=value, choices=choices
        )
    if keyword == "pattern" and expected in _PATTERN_PROBLEMS:
        return path, _PATTERN_PROBLEMS[expected](value)
    return path, _("“{value}” does not have the form this field needs ({reason}).").format(
        value=value, reason=error.message
    )


def _order(error) -> tuple:
    """Errors in the file's order (rows by number, keys by name), an object's own before its keys'."""
    steps = tuple((0, step, "") if isinstance(step, int) else (1, 0, step) for step in error.instance_path)
    return (steps, _PRECEDENCE.get(error.kind.name, len(_PRECEDENCE)))


def check(data: Any) -> None:
    """Refuse a decoded file that does not match the schema: a UserError naming the first place that does not."""
    validator, document_schema = checker()
    if validator.is_valid(data):
        return
    first = min(validator.iter_errors(data), key=_order)
    path, problem = _problem(first, data, document_schema)
    raise _where(path, problem)
