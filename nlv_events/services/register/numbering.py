"""The numbers of the register: the next one taken in one statement, a typed one checked against what was issued.

Two offices' PCs on the shared database never get the same number: `take_next` steps the counter with one
`UPDATE … SET last = last + 1 … RETURNING last`, which the database runs under the row's lock, inside the
transaction that also writes the entry. Nothing reads the counter and then writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlv_events.core.errors import UserError
from nlv_events.core.models import database_proxy
from nlv_events.core.register_models import SHARED_SERIES, DocumentKind, RegisterCounter
from nlv_events.core.settings import current_settings
from nlv_events.i18n import _
from nlv_events.printing import decree

NEXT = decree.NEXT_NUMBER[0]  # what --number and the window's number field take for "the register's next number"
# A registered number as decree.document_number writes it: "15/CTr-TVQG" (the number, then kind-issuer).
_REGISTERED = re.compile(r"^0*(\d{1,9})/(([^/\s-]+)(-\S+)?)$")


@dataclass(frozen=True)
class Wanted:
    """The number a printout asks for: the next one of `kind`, or the typed `number`."""

    kind: str  # the kind's symbol: "CTr"
    symbol: str  # the whole symbol after the number: "CTr-TVQG"
    number: int | None  # None: the next number


def wanted(typed: str | None, default_symbol: str) -> Wanted | None:
    """What `typed` asks of the register, or None when there is nothing to register: no number (room is left to
    write it by hand), or a number that is not of the register's form ("15a", a kind the register does not list)."""
    if decree.is_next(typed):
        kind = default_symbol.split("-", 1)[0]
        return Wanted(kind, default_symbol, None)
    if not (typed or "").strip():
        return None
    match = _REGISTERED.match(decree.document_number(typed, default_symbol))
    if match is None or not DocumentKind.select().where(DocumentKind.symbol == match.group(3)).exists():
        return None
    number = int(match.group(1))
    if number == 0:
        raise UserError(_("A document's number counts from 01 in its year: {typed} cannot be one.").format(typed=typed))
    return Wanted(match.group(3), match.group(2), number)


def kind_row(symbol: str) -> DocumentKind:
    kind = DocumentKind.get_or_none(DocumentKind.symbol == symbol)
    if kind is None:
        raise UserError(
            _("The register has no kind of document “{symbol}”: add it, or change the symbol in the settings.").format(
                symbol=symbol
            )
        )
    return kind


def series_of(kind: str) -> str:
    """The counter a kind's numbers come from: its own, or the one every kind shares (the setting)."""
    return SHARED_SERIES if current_settings().get("register.shared_series") == "1" else kind


def _ensure_counter(series: str, year: int) -> None:
    RegisterCounter.insert(series=series, year=year, last=0).on_conflict_ignore().execute()


def take_next(kind: str, year: int) -> int:
    """The next number of `kind` in `year`, taken for good: call it inside the transaction that writes the entry,
    so that a failed printout gives its number back."""
    series = series_of(kind)
    _ensure_counter(series, year)
    param = database_proxy.param
    cursor = database_proxy.execute_sql(
        f"UPDATE register_counter SET last = last + 1 WHERE series = {param} AND year = {param} RETURNING last",
        (series, year),
    )
    return int(cursor.fetchone()[0])


def note_typed(kind: str, year: int, number: int) -> None:
    """A number typed by hand: the next one taken comes after it (in one statement, as `take_next`)."""
    series = series_of(kind)
    _ensure_counter(series, year)
    param = database_proxy.param
    database_proxy.execute_sql(
        f"UPDATE register_counter SET last = CASE WHEN last < {param} THEN {param} ELSE last END "
        f"WHERE series = {param} AND year = {param}",
        (number, number, series, year),
    )


def number_text(number: int, symbol: str) -> str:
    """The number as printed: numbers below 10 with a leading 0 (Nghị định 30/2020), "05/KH-TVQG"."""
    return f"{number:02d}/{symbol}"


def user_name() -> str:
    """Who registered a document: the computer's login name."""
    import getpass  # with termios: for a numbered document alone

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a service account without a passwd entry)
        return ""
