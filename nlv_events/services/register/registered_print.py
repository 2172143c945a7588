"""A signed document printed under a number of the register: the number taken or checked, the file written and the
entry recorded (with the file's SHA-256), in one transaction.

Every printing service that writes a numbered document passes through `write`: `--number next` (or "next" typed in
the window) takes the next number of the document's kind; a typed number is checked against the register: the same
document printed again under its number is a re-print (the entry keeps its number and counts the re-print), another
document under a number already issued is refused unless the person printing says it is a re-print (--reprint).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nlv_events import printing
from nlv_events.core import guard
from nlv_events.core.errors import UserError
from nlv_events.core.models import database_proxy
from nlv_events.core.register_models import RegisterEntry
from nlv_events.i18n import _
from nlv_events.printing.decree import DecreeOptions
from nlv_events.printing.model import Document
from nlv_events.services.register import numbering

# Builds the document with the number to print: the one typed, the one the register took, or None (no number).
DocumentMaker = Callable[[str | None], Document]


@dataclass(frozen=True)
class Asked:
    """What the person printing asked of the register: the number typed (or "next"), the document's date, the
    symbol after the number ("CTr-TVQG"), the event the document is of, and whether a number already issued is
    printed again on purpose."""

    typed: str | None
    day: dt.date | None
    symbol: str
    event_id: int | None = None
    reprint: bool = False


def asked(options: DecreeOptions | None, symbol: str, event_id: int | None = None) -> Asked:
    """What a signed document's options (--number, --date, --reprint) ask of the register."""
    options = options or DecreeOptions()
    return Asked(options.number, options.date, symbol, event_id, options.reprint)


def file_digest(path: str | os.PathLike[str]) -> str:
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


class DuplicateNumber(UserError):
    """A typed number the register already holds for another document: the window asks whether to print it again
    as a re-print."""


def duplicate_error(entry: RegisterEntry) -> DuplicateNumber:
    return DuplicateNumber(
        _(
            "Number {number} of {year} is already in the register, for “{title}” of {day}: choose another number, "
            "“next”, or print it again as a re-print (--reprint)."
        ).format(
            number=numbering.number_text(entry.number, entry.symbol),
            year=entry.year,
            title=entry.title,
            day=entry.day.strftime("%d/%m/%Y"),
        )
    )


def issued(wanted: numbering.Wanted, year: int) -> RegisterEntry | None:
    """The entry already holding the typed number of `wanted` in `year`, if any: of its kind, or of any kind when
    every kind shares one series (the year's number 1 is then one document's, whatever its kind)."""
    kind = numbering.kind_row(wanted.kind)
    holding = (RegisterEntry.year == year) & (RegisterEntry.number == wanted.number)
    if numbering.series_of(wanted.kind) != numbering.SHARED_SERIES:
        holding &= RegisterEntry.kind == kind
    return RegisterEntry.select().where(holding).order_by(RegisterEntry.id).first()


def _same_document(entry: RegisterEntry, document: Document, event_id: int | None) -> bool:
    return entry.title == document.title and entry.event_id == event_id


def _record(wanted: numbering.Wanted, number: int, day: dt.date, document: Document, event_id: int | None,
            path: Path) -> RegisterEntry:  # fmt: skip
    signature = document.signature
    return RegisterEntry.create(
        day=day,
        kind=numbering.kind_row(wanted.kind),
        number=number,
        year=day.year,
        symbol=wanted.symbol,
        title=document.title,
        event=event_id,
        signer=signature.name if signature else "",
        recipients="; ".join(signature.recipients) if signature else "",
        digest=file_digest(path),
        file_name=path.name,
        created_by=numbering.user_name(),
    )


def _reprint(entry: RegisterEntry, path: Path) -> RegisterEntry:
    values = {RegisterEntry.digest: file_digest(path), RegisterEntry.file_name: path.name,
              RegisterEntry.reprints: RegisterEntry.reprints + 1}  # fmt: skip
    from nlv_events.core import versioned  # with its history: loaded for a re-print alone, not for every printout

    versioned.write(RegisterEntry, entry.id, None, values)
    return RegisterEntry.get_by_id(entry.id)


def write(make: DocumentMaker, path: str | os.PathLike[str], request: Asked,
          rendered: Callable[[], None] | None = None) -> RegisterEntry | None:  # fmt: skip
    """Write the document `make` builds to `path` (`rendered` as printing.write takes it), registered when the
    number asked for is one of the register's (see the module); the entry written, or None for a document printed
    without a number of the register."""
    wanted = numbering.wanted(request.typed, request.symbol)
    if wanted is None:
        printing.write(make(request.typed), path, rendered)
        return None
    day = request.day or dt.date.today()
    target = Path(path)
    numbering.kind_row(wanted.kind)  # a symbol the register does not list is told before any file is written
    # A database that refuses the entry (a viewer's role, a read-only file) is told as the user's message.
    with guard.database_errors(), database_proxy.atomic():
        if wanted.number is None:
            number = numbering.take_next(wanted.kind, day.year)
            document = make(numbering.number_text(number, wanted.symbol))
            printing.write(document, target, rendered)
            return _record(wanted, number, day, document, request.event_id, target)
        # The counter's write first: the transaction holds the series' lock (the counter's row on PostgreSQL, the
        # file's write lock on SQLite) before it reads what was issued, so two PCs typing the same number take turns
        # and the second finds the first's entry.
        numbering.note_typed(wanted.kind, day.year, wanted.number)
        # Printed as the register holds it: "5" typed is "05/CTr-TVQG" on paper as in the register.
        document = make(numbering.number_text(wanted.number, wanted.symbol))
        entry = issued(wanted, day.year)
        if entry is not None and not (request.reprint or _same_document(entry, document, request.event_id)):
            raise duplicate_error(entry)
        printing.write(document, target, rendered)
        if entry is not None:
            return _reprint(entry, target)
        return _record(wanted, wanted.number, day, document, request.event_id, target)
