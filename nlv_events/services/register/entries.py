"""The register read back: its entries of a year (of one kind or all), and its kinds of document, which the office
edits (each saved through the versioned write)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from nlv_events.core import guard, versioned
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.register_models import DocumentKind, RegisterEntry
from nlv_events.i18n import _
from nlv_events.services.register import numbering


@dataclass(frozen=True)
class EntryLine:
    """An entry as the register lists it."""

    id: int
    day: dt.date
    kind: str  # the kind's symbol, "CTr"
    kind_name: str
    number: int
    year: int
    number_text: str  # "15/CTr-TVQG"
    title: str
    event_id: int | None
    signer: str
    recipients: str
    digest: str
    file_name: str
    reprints: int
    created_by: str


@dataclass(frozen=True)
class KindLine:
    id: int
    symbol: str
    name: str
    version: int


def entries(year: int, kind: str | None = None) -> list[EntryLine]:
    """The entries of `year` (of the kind with symbol `kind`, or all), by day then number."""
    query = (
        RegisterEntry.select(RegisterEntry, DocumentKind)
        .join(DocumentKind)
        .where(RegisterEntry.year == year)
        .order_by(RegisterEntry.day, DocumentKind.rank, RegisterEntry.number)
    )
    if kind is not None:
        query = query.where(DocumentKind.symbol == numbering.kind_row(kind).symbol)
    return [_line(entry) for entry in query]


def _line(entry: RegisterEntry) -> EntryLine:
    """The entry's line: its kind by symbol and name, its number as written; every other field is the column of
    the same name."""
    worded = {
        "kind": entry.kind.symbol,
        "kind_name": entry.kind.name,
        "number_text": numbering.number_text(entry.number, entry.symbol),
    }
    stored = {field.name: getattr(entry, field.name) for field in fields(EntryLine) if field.name not in worded}
    return EntryLine(**worded, **stored)


def kinds() -> list[KindLine]:
    return [KindLine(kind.id, kind.symbol, kind.name, kind.version)
            for kind in DocumentKind.select().order_by(DocumentKind.rank, DocumentKind.symbol)]  # fmt: skip


def _checked(symbol: str, name: str) -> tuple[str, str]:
    symbol, name = symbol.strip(), name.strip()
    if not symbol or any(character in symbol for character in "/- ") or not name:
        raise UserError(_("A kind of document needs a symbol without spaces, “/” or “-” (such as CTr) and a name."))
    return symbol, name


def add_kind(symbol: str, name: str) -> KindLine:
    symbol, name = _checked(symbol, name)
    if DocumentKind.select().where(DocumentKind.symbol == symbol).exists():
        raise UserError(_("The register already has the kind of document “{symbol}”.").format(symbol=symbol))
    with guard.database_errors():  # a refusal (a viewer's role, a read-only file) in the user's words
        kind = DocumentKind.create(symbol=symbol, name=name)
    return KindLine(kind.id, kind.symbol, kind.name, kind.version)


def rename_kind(line: KindLine, name: str) -> int:
    """A kind's new name, saved with the version it was read at; returns the new version."""
    _symbol, name = _checked(line.symbol, name)

    def conflict() -> ConflictError:
        message = _("A colleague changed the kind of document “{symbol}” since you opened it.")
        return ConflictError(message.format(symbol=line.symbol), [_("name")])

    with guard.database_errors():
        return versioned.write_or_conflict(DocumentKind, line.id, line.version, {DocumentKind.name: name}, conflict)
