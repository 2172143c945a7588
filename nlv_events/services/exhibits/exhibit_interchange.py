"""The exhibition's part of the interchange file: an optional "exhibit" object on an event (sections, items, loans).

Files written before exhibitions had it simply lack the key; an event whose file has no "exhibit" keeps what the
store holds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from nlv_events.core import when
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.exhibit_records import (
    ITEM_FIELDS,
    ITEM_TYPES,
    LOAN_DIRECTIONS,
    LOAN_FIELDS,
    LOAN_STATES,
    ExhibitData,
    ItemEntry,
    LoanEntry,
    SectionEntry,
)
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.services.interchange import json_types
from nlv_events.services.interchange.parts import EventExporter, InterchangePart, keep_ids, register

KEY = "exhibit"
EXHIBIT_KEYS = {"sections", "loans", "count_override"}
SECTION_KEYS = {"title", "items"}
_DATE_FIELDS = {"date_out", "date_due", "date_back"}


def _fail(event: int, where: str, problem: str) -> UserError:
    return UserError(
        _("event {number}, field “{field}”: {problem}").format(number=event, field=f"{KEY}.{where}", problem=problem)
    )


def _object(value: Any, event: int, where: str, allowed: set[str]) -> dict:
    if not isinstance(value, dict):
        raise _fail(event, where, _("expected an object."))
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise _fail(event, where, _("unknown keys: {keys}.").format(keys=", ".join(unknown)))
    return value


def _list(data: dict, key: str, event: int, where: str) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise _fail(event, f"{where}{key}", _("expected a list."))
    return value


def _item(value: Any, event: int, where: str) -> ItemEntry:
    data = _object(value, event, where, set(ITEM_FIELDS))
    for name in ITEM_FIELDS:
        expected = int if name == "quantity" else str
        if data.get(name) is not None and (not isinstance(data[name], expected) or isinstance(data[name], bool)):
            raise _fail(
                event,
                f"{where}.{name}",
                _("expected {kind}, found {value}.").format(
                    kind=_("a whole number") if expected is int else _("text"), value=json.dumps(data[name])
                ),
            )
    return ItemEntry(**{name: data[name] for name in ITEM_FIELDS if data.get(name) is not None})


def _loan(value: Any, event: int, where: str) -> LoanEntry:
    data = _object(value, event, where, set(LOAN_FIELDS))
    values: dict[str, Any] = {}
    for name in LOAN_FIELDS:
        raw = data.get(name)
        if raw is None:
            continue
        if not isinstance(raw, str):
            raise _fail(event, f"{where}.{name}", _("expected text, found {value}.").format(value=json.dumps(raw)))
        if name in _DATE_FIELDS:
            try:
                raw = when.parse_day(raw)
            except ValueError:
                raise _fail(
                    event, f"{where}.{name}", _("“{value}” is not a date (YYYY-MM-DD).").format(value=raw)
                ) from None
        values[name] = raw
    if "lender" not in values:
        raise _fail(event, f"{where}.lender", _("this field is required."))
    return LoanEntry(**values)


def parse(value: Any, event: int) -> ExhibitData:
    """The "exhibit" object of the event at position `event` of a file, checked (nothing stored)."""
    data = _object(value, event, "", EXHIBIT_KEYS)
    sections = []
    for number, raw in enumerate(_list(data, "sections", event, ""), start=1):
        where = f"sections[{number}]"
        section = _object(raw, event, where, SECTION_KEYS)
        if not isinstance(section.get("title"), str) or not section["title"].strip():
            raise _fail(event, f"{where}.title", _("this field is required."))
        items = [
            _item(item, event, f"{where}.items[{index}]")
            for index, item in enumerate(_list(section, "items", event, f"{where}."), start=1)
        ]
        sections.append(SectionEntry(title=section["title"], items=items))
    loans = [_loan(raw, event, f"loans[{n}]") for n, raw in enumerate(_list(data, "loans", event, ""), start=1)]
    override = data.get("count_override", False)
    if not isinstance(override, bool):
        raise _fail(event, "count_override", _("expected true or false."))
    return ExhibitData(sections=sections, loans=loans, count_override=override)


def parse_events(raw_events: list) -> dict[int, ExhibitData]:
    """The exhibitions of a file's events, by event position (from 1)."""
    return {
        number: parse(raw[KEY], number)
        for number, raw in enumerate(raw_events, start=1)
        if isinstance(raw, dict) and raw.get(KEY) is not None
    }


def store_exhibit(event_id: int, number: int, data: ExhibitData) -> None:
    """Replace the exhibition of `event_id` by the file's (inside the import's transaction)."""
    from nlv_events.services.exhibits import structure

    current = structure.load(event_id)
    # Rows keep their ids where the file repeats them in the same place, so an unchanged import changes nothing.
    keep_ids(data.sections, current.sections)
    for section, old in zip(data.sections, current.sections, strict=False):
        keep_ids(section.items, old.items)
    keep_ids(data.loans, current.loans)
    try:
        structure.save(event_id, data)
    except ValidationError as error:
        raise UserError(_("event {number}: {problem}").format(number=number, problem=error.message)) from None


def to_dict(data: ExhibitData) -> dict[str, Any]:
    return {
        "sections": [
            {
                "title": section.title,
                "items": [{name: getattr(item, name) for name in ITEM_FIELDS} for item in section.items],
            }
            for section in data.sections
        ],
        "loans": [
            {
                name: (value.isoformat() if isinstance(value, dt.date) else value)
                for name in LOAN_FIELDS
                for value in [getattr(loan, name)]
            }
            for loan in data.loans
        ],
        "count_override": data.count_override,
    }


def exporter() -> Callable[[int], dict[str, Any]]:
    """`export_for`, asking the database only for the events that have an exhibition (sections, loans or an
    override): an export of ten thousand events must not cost four more queries each."""
    from nlv_events.core.exhibit_models import ExhibitCountOverride, ExhibitLoan, ExhibitSection

    having = {
        event_id
        for model in (ExhibitSection, ExhibitLoan, ExhibitCountOverride)
        for (event_id,) in model.select(model.event).distinct().tuples()
    }
    return lambda event_id: export_for(event_id) if event_id in having else {}


def export_for(event_id: int) -> dict[str, Any]:
    """{"exhibit": …} for an event that has an exhibition, else {} (the key is left out)."""
    from nlv_events.services.exhibits import structure

    data = structure.load(event_id)
    return {} if data.is_empty() else {KEY: to_dict(data)}


def check(data: ExhibitData, number: int, kind: str) -> None:
    """Refuse, before anything is stored, an exhibition on an event that is not one, or one breaking a rule."""
    from nlv_events.core import exhibit_records

    if kind != "exhibition":
        raise _fail(number, "", _("only an exhibition can have sections, items and loans."))
    try:
        exhibit_records.validate(data)
    except ValidationError as error:
        raise UserError(_("event {number}: {problem}").format(number=number, problem=error.message)) from None


def differs(event_id: int, data: ExhibitData) -> bool:
    from nlv_events.services.exhibits import structure

    return to_dict(structure.load(event_id)) != to_dict(data)


def schema() -> dict[str, Any]:
    """The JSON Schema of "exhibit": the sections, items and loans as their records declare them."""
    item = json_types.dataclass_object(ItemEntry, {"item_type": json_types.codes(ITEM_TYPES)})
    section = json_types.dataclass_object(SectionEntry, {"items": json_types.list_of(item)})
    loan = json_types.dataclass_object(
        LoanEntry, {"direction": json_types.codes(LOAN_DIRECTIONS), "state": json_types.codes(LOAN_STATES)}
    )
    return json_types.obj(
        {
            "sections": json_types.optional(json_types.list_of(section)),
            "loans": json_types.optional(json_types.list_of(loan)),
            "count_override": json_types.FLAG,
        },
        nullable=True,
    )


class ExhibitPart(InterchangePart):
    """The "exhibit" of each event: parsed by event position, checked against the event's kind, stored only
    where it changes what the store holds."""

    name = "exhibits"
    order = 10
    event_keys = frozenset({KEY})

    def parse(self, data: dict[str, Any], events: list[Any]) -> dict[int, ExhibitData]:
        return parse_events(events)

    def check(self, parsed: dict[int, ExhibitData], number: int, record: EventRecord) -> None:
        if number in parsed:
            check(parsed[number], number, record.kind)

    def differs(self, parsed: dict[int, ExhibitData], number: int, event_id: int) -> bool:
        return number in parsed and differs(event_id, parsed[number])

    def store_event(self, parsed: dict[int, ExhibitData], number: int, event_id: int) -> None:
        if number in parsed and differs(event_id, parsed[number]):
            store_exhibit(event_id, number, parsed[number])

    def keep(self, event_ids: list[int]) -> dict[int, int]:
        from nlv_events.services.team import part_history

        return part_history.versions_of(event_ids, "exhibit")

    def take_back(self, kept: dict[int, int]) -> None:
        from nlv_events.services.team import part_history

        part_history.bring_back("exhibit", kept)

    def exporter(self, contacts: bool) -> EventExporter:
        exhibit_of = exporter()
        return lambda event_id, data: data.update(exhibit_of(event_id))

    def event_schema(self) -> dict[str, dict[str, Any]]:
        return {KEY: schema()}


register(ExhibitPart())
