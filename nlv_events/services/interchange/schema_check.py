"""Checking a decoded interchange file against its JSON Schema (schema.py) before the deeper checks.

fastjsonschema checks it: it compiles the schema into Python once, and reads a file of 10 000 events in a fraction
of the time the reader takes (the reference implementation, jsonschema, took 28 s; it stays in the tests, where it
checks every export). jsonschema-rs was as fast but weighed 15 MB in the installed app. The schema uses only
keywords draft 7 already has, which is what fastjsonschema implements. The first problem met, in the file's order,
becomes one line naming its place as the reader's own messages do (“sự kiện 3, trường “start”: …”, “chuỗi hoạt
động 2, trường “rule”: …”), in the words those messages use.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from nlv_events.core.errors import UserError
from nlv_events.core.rules import field_label
from nlv_events.i18n import _
from nlv_events.services.interchange import features, json_types, schema
from nlv_events.services.interchange.parts import Place, dotted

DRAFT_7 = "http://json-schema.org/draft-07/schema#"


@functools.cache
def _checker(parts: tuple[int, ...]) -> tuple[Any, dict[str, Any]]:
    """The validator of the schema with these parts registered (a test may register one of its own), and the
    schema."""
    import fastjsonschema

    document_schema = schema.document_schema()
    inlined = {key: value for key, value in document_schema.items() if key != "$defs"}
    compiled = _inlined(inlined, document_schema.get("$defs", {}), ())
    return fastjsonschema.compile({**compiled, "$schema": DRAFT_7}), document_schema


def _inlined(node: Any, definitions: dict[str, Any], within: tuple[str, ...]) -> Any:
    """`node` with each `{"$ref": "#/$defs/NAME"}` replaced by the definition (a definition within itself stays a
    reference). fastjsonschema calls a function for each referenced value and builds its place's name eagerly
    with `format(**locals())`: for 10 000 events that was 70 000 names, half the check's time, never read unless
    something is wrong. Inline, the name is made only for the message."""
    if isinstance(node, list):
        return [_inlined(item, definitions, within) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/") and len(node) == 1:
        name = reference.removeprefix("#/$defs/")
        if name in definitions and name not in within:
            return _inlined(definitions[name], definitions, (*within, name))
        return {"$ref": reference, "$defs": definitions}  # recursive: left to fastjsonschema
    return {key: _inlined(value, definitions, within) for key, value in node.items()}


def checker() -> tuple[Any, dict[str, Any]]:
    return _checker(tuple(id(part) for part in features.registered()))


def _where(path: list[Any], problem: str) -> UserError:
    """The error naming the place at `path` in the file."""
    head, number, rest = (path[0], path[1] + 1, path[2:]) if len(path) > 1 and isinstance(path[1], int) else (
        None, 0, path
    )
    key = dotted(rest) or None
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
    return Place().fail(dotted(path) or "format", problem)


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


def _problem(error, data: Any) -> tuple[list[Any], str]:
    """Where `error` (fastjsonschema's) is, a missing or unknown key included, and what is wrong there."""
    keyword, definition = error.rule, error.definition
    path: list[Any] = []
    value = data
    for step in error.path[1:]:  # the file's own value; fastjsonschema names a list's rows "0", "1", …
        step = int(step) if isinstance(value, list) else step
        path.append(step)
        value = value[step]
    if keyword == "type":
        kinds = definition["type"]
        return path, _type_problem([kinds] if isinstance(kinds, str) else list(kinds), value)
    if keyword == "required":
        missing = next(key for key in definition["required"] if key not in value)
        return [*path, missing], _("this field is required.")
    if keyword == "minLength":
        return path, _("this field is required.")
    if keyword == "additionalProperties":
        found = _unknown_key(path, value, definition)
        assert found is not None  # the validator found one
        return found
    if keyword == "enum":
        choices = ", ".join(str(choice) for choice in definition["enum"] if choice is not None)
        name = path[-1] if path and isinstance(path[-1], str) else ""
        return path, _("Unknown {field} “{value}”: use one of {choices}.").format(
            field=field_label(name), value=value, choices=choices
        )
    if keyword == "pattern" and definition["pattern"] in _PATTERN_PROBLEMS:
        return path, _PATTERN_PROBLEMS[definition["pattern"]](value)
    return path, _("“{value}” does not have the form this field needs ({reason}).").format(
        value=value, reason=error.message
    )


def _unknown_key(path: list[Any], value: dict[str, Any], definition: dict[str, Any]) -> tuple[list[Any], str] | None:
    """The first key of `value` its schema `definition` does not name, and what is said of it; None if none."""
    allowed = sorted(definition.get("properties", {}))
    unknown = sorted(key for key in value if key not in allowed)
    if not unknown:
        return None
    return [*path, unknown[0]], _("unknown key; the keys allowed here are: {keys}.").format(keys=", ".join(allowed))


def check(data: Any) -> None:
    """Refuse a decoded file that does not match the schema: a UserError naming the first place that does not."""
    import fastjsonschema

    validate, document_schema = checker()
    # The document's own unknown keys first: they come before its events in the file, but the validator descends
    # into the events before it looks at the keys beside them.
    found = _unknown_key([], data, document_schema) if isinstance(data, dict) else None
    if found is not None:
        raise _where(*found)
    try:
        validate(data)
    except fastjsonschema.JsonSchemaValueException as error:
        path, problem = _problem(error, data)
        raise _where(path, problem) from None
