"""An exhibition in the change history: the whole of it (sections, items, loans, with their ids) as plain JSON
values, and back. The history keeps one with each save of the exhibition (core/history.py), to view and restore."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, LoanEntry, SectionEntry

_LOAN_DATES = ("date_out", "date_due", "date_back")


def plain(data: ExhibitData) -> dict[str, Any]:
    """The exhibition as plain values (dates in ISO form); its version is the history entry's, not kept here."""
    values = dataclasses.asdict(data)
    values.pop("version", None)
    for loan in values["loans"]:
        for name in _LOAN_DATES:
            if loan.get(name) is not None:
                loan[name] = loan[name].isoformat()
    return values


def from_plain(values: dict[str, Any]) -> ExhibitData:
    """The exhibition a snapshot holds (the inverse of `plain`)."""
    sections = [
        SectionEntry(title=section["title"], id=section.get("id"),
                     items=[ItemEntry(**_known(ItemEntry, item)) for item in section.get("items", [])])
        for section in values.get("sections", [])
    ]
    loans = []
    for loan in values.get("loans", []):
        loan = _known(LoanEntry, loan)
        for name in _LOAN_DATES:
            if isinstance(loan.get(name), str):
                loan[name] = dt.date.fromisoformat(loan[name])
        loans.append(LoanEntry(**loan))
    return ExhibitData(sections=sections, loans=loans, count_override=bool(values.get("count_override")))


def _known(entry: type, values: dict[str, Any]) -> dict[str, Any]:
    """The values a dataclass still has a field for (a snapshot from an older version may hold more)."""
    names = {field.name for field in dataclasses.fields(entry)}
    return {name: value for name, value in values.items() if name in names}
