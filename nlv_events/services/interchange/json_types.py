"""The building blocks of the interchange file's JSON Schema (draft 2020-12): what a text, a whole number, a day or
a moment is in the file, and an object's schema made from the dataclass that declares its keys.

The features' parts build their share of the schema from these, next to the keys they declare; schema.py puts the
whole document together. Only plain data here: nothing imports jsonschema until a file is checked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Iterable
from typing import Any

# The forms of the file's dates, as the reader takes them (core/when.parse, date.fromisoformat).
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d{1,6})?)?)?)?$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"  # a photo's digest

TEXT: dict[str, Any] = {"type": "string"}
COUNT: dict[str, Any] = {"type": "integer"}
FLAG: dict[str, Any] = {"type": "boolean"}
DAY: dict[str, Any] = {"type": "string", "pattern": DAY_PATTERN}
MOMENT: dict[str, Any] = {"type": "string", "pattern": MOMENT_PATTERN}
REQUIRED_TEXT: dict[str, Any] = {"type": "string", "minLength": 1}  # an empty text is a missing one
ANY: dict[str, Any] = {}  # a part that says nothing of its keys' shape: any value


def optional(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema`, or null: a key the file may leave empty (the reader takes null as absent)."""
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    kinds = schema.get("type")
    if kinds is None:
        return schema
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    return {**schema, "type": [*kinds, "null"]}


def codes(values: Iterable[str]) -> dict[str, Any]:
    """One of the codes of a vocabulary."""
    return {"enum": list(values)}


def list_of(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def obj(
    properties: dict[str, dict[str, Any]], required: Iterable[str] = (), nullable: bool = False
) -> dict[str, Any]:
    """An object with exactly these keys (any other key is an error, as the reader says), `required` among them."""
    schema: dict[str, Any] = {"type": ["object", "null"] if nullable else "object", "properties": properties}
    wanted = [name for name in properties if name in set(required)]
    if wanted:
        schema["required"] = wanted
    schema["additionalProperties"] = False
    return schema


# What a field of a declaring dataclass is in the file, by its type.
_BY_TYPE: dict[Any, dict[str, Any]] = {str: TEXT, int: COUNT, bool: FLAG, dt.date: DAY}


def _field_schema(hint: Any) -> dict[str, Any]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        (hint,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if typing.get_origin(hint) is list:
        return list_of(_field_schema(typing.get_args(hint)[0]))
    return _BY_TYPE[hint]


def dataclass_object(
    cls: type, overrides: dict[str, dict[str, Any]] | None = None, leave_out: Iterable[str] = ("id", "version")
) -> dict[str, Any]:
    """The object the file writes for dataclass `cls`: a key per field (its type says what it holds, `overrides`
    where the type cannot: a moment, a code), a field without a default required and never null, the others
    optional and nullable (the reader takes null as absent)."""
    hints = typing.get_type_hints(cls)
    overrides = overrides or {}
    properties: dict[str, dict[str, Any]] = {}
    required: list[str] = []
    for item in dataclasses.fields(cls):
        if item.name in leave_out:
            continue
        key = item.metadata.get("key", item.name)  # the file's name for the field, where it differs
        schema = overrides.get(item.name) or _field_schema(hints[item.name])
        if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING:
            required.append(key)
            properties[key] = {**schema, "minLength": 1} if schema == TEXT else schema
        else:
            properties[key] = optional(schema)
    return obj(properties, required)
