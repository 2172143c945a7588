"""The decree's blocks of a signed document (number, date, signature, recipients) from options and settings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _, current_language
from nlv_events.printing.model import HeaderBlock, Signature

# Room (about 14 mm) to write the number by hand when the office registers the document. No-break spaces: a PDF
# paragraph collapses any other run of spaces into one, which printed "Số: /CTr-TVQG" with no room at all.
BLANK_NUMBER = "\u00a0" * 12


@dataclass
class Letterhead:
    """The organisation lines printed at the top (settings, so another library can use the app), and the day."""

    parent: str
    organisation: str
    city: str
    day: dt.date

    @classmethod
    def from_settings(cls, settings: Settings | None = None, day: dt.date | None = None) -> Letterhead:
        settings = settings or current_settings()
        suffix = "_en" if current_language() == "en" else ""
        return cls(
            parent=settings.get(f"organisation.parent{suffix}"),
            organisation=settings.get(f"organisation.name{suffix}"),
            city=settings.get(f"organisation.city{suffix}"),
            day=day or dt.date.today(),
        )

    def header(self, number: str | None = None) -> HeaderBlock:
        """The decree's header block of these lines, with the document's number ("15/GM-TVQG") if it has one."""
        return HeaderBlock(self.parent, self.organisation, self.city, self.day, number)


@dataclass
class DecreeOptions:
    """What the person printing may set; None takes the settings' default (the date: today)."""

    number: str | None = None
    date: dt.date | None = None
    signer: str | None = None
    authority: str | None = None  # lines separated by " / ", "|" or newlines: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    recipients: str | None = None  # separated by ";"
    preparer: str | None = None
    news_links: bool = False  # the year list: each event's news link under its notes
    press: bool = False  # the year list: each event's press coverage in its notes
    reprint: bool = False  # a number the register already holds: print the document again under it


# What separates the lines of a signing authority as people type it: " / " (the settings, --authority), "|" (a
# shell-friendly form) or a real newline (the dialogs' boxes). A bare "/" stays: "TP/HCM" is one line.
_AUTHORITY_BREAK = re.compile(r"\s+/\s+|\s*\|\s*|\s*[\r\n]+\s*")


def document_day(day: dt.date | None, event_start: dt.date) -> dt.date:
    """The date a document about an event bears when none is given: today, but never after the event's first day
    (a list printed again in 2026 for a 2022 event is dated as of the event, not today)."""
    if day is not None:
        return day
    start = event_start.date() if isinstance(event_start, dt.datetime) else event_start
    return min(dt.date.today(), start)


def authority_lines(typed: str | None) -> list[str]:
    """The lines of a signing authority from what the user typed, in any of the accepted forms:
    "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC" or the two lines one under the other."""
    return [part.strip() for part in _AUTHORITY_BREAK.split(typed or "") if part.strip()]


# What asks for the register's next number instead of a number: taken when the document is written to a file, so
# a preview leaves room for it.
NEXT_NUMBER = ("next", "tiếp theo", "tiep theo")


def is_next(typed: str | None) -> bool:
    return (typed or "").strip().casefold() in NEXT_NUMBER


# What a clerk may type before the number, copied from a letter: "Số: 215/GM-TVQG", "số 215", "No. 215".
_NUMBER_LABEL = re.compile(r"^(số|so|no\.?)\s*:?\s*(?=\d)", re.IGNORECASE)
_SLASH = re.compile(r"\s*/\s*")


def document_number(number: str | None, symbol: str) -> str:
    """The number as "Số:" prints it, for every numbered document alike, from either form the office types: the
    number alone ("215" → "215/GM-TVQG") or whole ("215/GM-TVQG", "Số: 215 / GM-TVQG" → "215/GM-TVQG", its
    own symbol kept); none leaves room to write it by hand."""
    number = "" if is_next(number) else _NUMBER_LABEL.sub("", (number or "").strip())
    if "/" in number:
        return _SLASH.sub("/", number)
    return f"{number or BLANK_NUMBER}/{symbol}"


def header(options: DecreeOptions, symbol_key: str | None, settings: Settings | None = None) -> HeaderBlock:
    settings = settings or current_settings()
    number = document_number(options.number, settings.get(symbol_key)) if symbol_key else None
    return Letterhead.from_settings(settings, options.date).header(number)


def signature(options: DecreeOptions, settings: Settings | None = None, recipients: bool = True) -> Signature:
    settings = settings or current_settings()
    authority = options.authority if options.authority is not None else settings.get("documents.authority")
    listed = options.recipients if options.recipients is not None else settings.get("documents.recipients")
    return Signature(
        authority=authority_lines(authority),
        name=(options.signer if options.signer is not None else settings.get("documents.signer")).strip(),
        recipients=[part.strip() for part in listed.split(";") if part.strip()] if recipients else [],
        recipients_label=_("Recipients:"),
    )


def preparer(options: DecreeOptions, settings: Settings | None = None) -> str:
    settings = settings or current_settings()
    return (options.preparer if options.preparer is not None else settings.get("documents.preparer")).strip()
