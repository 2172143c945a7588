"""The parts of the interchange file that features bring (exhibitions, guests, photos, planning), and their registry.

The reading, importing and exporting code knows no feature: it loops over the registered parts, in the order of
their `order`. Each feature's part module registers its part here when it is imported; the reading, importing and
exporting code asks services/interchange/features.py, the one list of the features that have a part, which imports
them first (so this module, which every part imports, imports none of them: no circle).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _

T = TypeVar("T")
# Adds a part's keys to one exported event: (the event's id, its interchange object).
EventExporter = Callable[[int, dict[str, Any]], None]


def keep_ids(rows: Iterable[Any], stored: Iterable[Any]) -> None:
    """Give the file's rows the ids of the stored rows in the same places (by order), so that an import of an
    unchanged file changes nothing and an update keeps its rows."""
    for row, old in zip(rows, stored, strict=False):
        row.id = old.id


def dotted(path: Sequence[Any]) -> str:
    """["programme", 0, "start"] as “programme[1].start”: rows counted from 1, as every message counts them."""
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


class Place:
    """Where in the file a value sits, for messages: "event 3, field “start”"."""

    def __init__(self, event: int | None = None, plan: int | None = None) -> None:
        self.event = event
        self.plan = plan

    def fail(self, key: str | None, problem: str) -> UserError:
        if self.event is not None and key:
            where = _("event {number}, field “{field}”").format(number=self.event, field=key)
        elif self.event is not None:
            where = _("event {number}").format(number=self.event)
        elif self.plan is not None:
            where = _("plan {number}, field “{field}”").format(number=self.plan, field=key)
        else:
            where = _("field “{field}”").format(field=key)
        return UserError(f"{where}: {problem}")


def refuse_unknown(data: dict[str, Any], allowed: Iterable[str], place: Place, prefix: str = "") -> None:
    """A key of `data` outside `allowed` is an error naming it (a misspelt key is never dropped silently)."""
    allowed = sorted(allowed)
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise place.fail(prefix + unknown[0], _("unknown key; the keys allowed here are: {keys}.").format(
            keys=", ".join(allowed)))  # fmt: skip


def listed_items(
    data: dict[str, Any], key: str, place: Place, read_item: Callable[[Any, Place, str], T]
) -> list[T] | None:
    """The list under `key`, each item read by `read_item(item, place, "key[n]")`; None when the file does not have
    the key (it says nothing of them, which is not an empty list)."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list):
        raise place.fail(key, _("expected a list."))
    return [read_item(item, place, f"{key}[{index}]") for index, item in enumerate(value, 1)]


class InterchangePart:
    """One feature's share of the interchange file. A part owns keys of the document (`document_keys`) and of
    each event (`event_keys`); what it reads is its own (`parse`), and the core hands it back at each step. Every
    step has a default that does nothing, so a part says only what it does. Events are numbered from 1, in the
    file's order."""

    name: str = ""
    order: int = 100  # parts run (and their keys are written) in this order, then by name
    document_keys: frozenset[str] = frozenset()
    event_keys: frozenset[str] = frozenset()

    def parse(self, data: dict[str, Any], events: list[Any]) -> Any:
        """Check the shape of the part's keys in the decoded file (`events` is its list of events); nothing is
        stored. Raise UserError naming the place (see `Place`)."""
        return None

    def check(self, parsed: Any, number: int, record: EventRecord) -> None:
        """Apply the part's rules to event `number` (`record`, already checked), before anything is written."""

    def differs(self, parsed: Any, number: int, event_id: int) -> bool:
        """Whether importing event `number` would change what the stored event `event_id` holds of this part: an
        event the file leaves as it is otherwise then counts as updated, not unchanged."""
        return False

    def store_event(self, parsed: Any, number: int, event_id: int) -> None:
        """Store the part of event `number` on the stored `event_id`, inside the import's transaction (after the
        batch's events are saved)."""

    def store_document(self, parsed: Any, event_ids: list[int | None]) -> int | None:
        """Store the part of the whole file, in the import's last transaction, after every batch (nothing can cancel
        the import then); `event_ids` are the stored events, in the file's order. Returns how many events it added
        of its own (a series' occurrences), which the import counts with the file's: the user is told of every event
        the list gains."""
        return None

    def keep(self, event_ids: list[int]) -> Any:
        """What the part holds of the stored events `event_ids`, read in a batch's transaction before the batch
        stores the part on them, for `take_back`; None: nothing to keep."""
        return None

    def take_back(self, kept: Any) -> None:
        """Bring what `keep` read back, inside the take-back of an import cancelled or failed in a later batch: the
        events the import found stored hold their part as it found them."""

    def exporter(self, contacts: bool) -> EventExporter | None:
        """What adds the part's keys to each exported event, or None; `contacts`: the user asked for e-mail
        addresses and phone numbers. Made once per export, so it can ask the database once for all events."""
        return None

    def export_document(self, document: dict[str, Any], event_ids: list[int]) -> None:
        """Add the part's document keys (and event keys known only for the whole file) to an exported document;
        `event_ids` are the exported events, in the order of document["events"]."""

    def document_schema(self) -> dict[str, dict[str, Any]]:
        """The JSON Schema of each of the part's document keys (services/interchange/schema.py puts the file's
        together from them, json_types.py has the pieces); a part that does not say allows any value."""
        return {key: {} for key in sorted(self.document_keys)}

    def event_schema(self) -> dict[str, dict[str, Any]]:
        """The JSON Schema of each of the part's keys of an event, as document_schema."""
        return {key: {} for key in sorted(self.event_keys)}


_PARTS: dict[str, InterchangePart] = {}


def register(part: InterchangePart) -> InterchangePart:
    """Add `part` (or replace the part of that name); returns it, so a module can keep it."""
    _PARTS[part.name] = part
    return part


def unregister(name: str) -> None:
    _PARTS.pop(name, None)


def registered() -> list[InterchangePart]:
    """Every part registered so far, in a stable order (features.registered() makes sure they all are)."""
    return sorted(_PARTS.values(), key=lambda part: (part.order, part.name))
