"""The country's commemorations in a year: their solar date, ordinal, round flag, heading and linked events."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache

from nlv_events.core import guard, store, when
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.planning_models import Commemoration as StoredCommemoration
from nlv_events.core.records import EventRecord
from nlv_events.core.resources import resource
from nlv_events.core.text import fold
from nlv_events.i18n import _, current_language
from nlv_events.services.planning import lunar

STYLES = ("anniversary", "edition", "festival")
CALENDARS = ("solar", "lunar")
CUSTOM_PREFIX = "office-"


@dataclass(frozen=True)
class Commemoration:
    key: str
    name: str
    name_en: str | None
    founded: dt.date | None
    calendar: str  # "solar" or "lunar"
    month: int
    day: int
    style: str = "anniversary"  # "Kỷ niệm N năm …", "… lần thứ N", or a festival without an ordinal
    source: str | None = None
    custom: bool = False  # added by the office (stored in the record), not from the bundled catalogue

    def display_name(self) -> str:
        return self.name_en if current_language() == "en" and self.name_en else self.name


@dataclass
class Anniversary:
    """One commemoration as it falls in one year."""

    commemoration: Commemoration
    year: int
    day: dt.date
    ordinal: int | None
    round: bool
    heading: str
    event_ids: list[int] = field(default_factory=list)

    def to_json(self) -> dict:
        founded = self.commemoration.founded
        return {
            "key": self.commemoration.key,
            "name": self.commemoration.name,
            "heading": self.heading,
            "founded": founded.isoformat() if founded else None,
            "date": self.day.isoformat(),
            "calendar": self.commemoration.calendar,
            "ordinal": self.ordinal,
            "round": self.round,
            "event_ids": self.event_ids,
        }


def _from_data(data: dict, custom: bool = False) -> Commemoration:
    founded = data.get("founded")
    return Commemoration(
        key=data["key"],
        name=data["name"],
        name_en=data.get("name_en"),
        founded=when.parse_day(founded) if isinstance(founded, str) else founded,
        calendar=data.get("calendar", "solar"),
        month=int(data["month"]),
        day=int(data["day"]),
        style=data.get("style", "anniversary"),
        source=data.get("source"),
        custom=custom,
    )


@cache
def bundled() -> tuple[Commemoration, ...]:
    """The catalogue shipped in resources/commemorations.json."""
    data = json.loads(resource("commemorations.json").read_text(encoding="utf-8"))
    return tuple(_from_data(entry) for entry in data["commemorations"])


def custom() -> list[Commemoration]:
    """The commemorations the office has added to the record."""
    return [
        _from_data({**row.__data__}, custom=True)
        for row in StoredCommemoration.select().order_by(StoredCommemoration.month, StoredCommemoration.day)
    ]


def catalogue() -> list[Commemoration]:
    """Every commemoration: the bundled ones and the office's own."""
    return [*bundled(), *custom()]


def find(key: str) -> Commemoration:
    for commemoration in bundled():
        if commemoration.key == key:
            return commemoration
    row = StoredCommemoration.get_or_none(StoredCommemoration.key == key)
    if row is not None:
        return _from_data({**row.__data__}, custom=True)
    raise UserError(_("There is no commemoration “{key}”.").format(key=key))


def solar_date(commemoration: Commemoration, year: int) -> dt.date:
    """The day `commemoration` is kept in `year` (a lunar one converted through the Vietnamese calendar)."""
    if commemoration.calendar == "lunar":
        return lunar.in_solar_year(year, commemoration.month, commemoration.day)
    return dt.date(year, commemoration.month, commemoration.day)


def ordinal(commemoration: Commemoration, year: int) -> int | None:
    """95 for the Party's founding in 2025 (years since); 4 for Book Day 2025 (its fourth edition); None before the
    first one, and for a festival."""
    if commemoration.founded is None or commemoration.style == "festival":
        return None
    number = year - commemoration.founded.year + (1 if commemoration.style == "edition" else 0)
    return number if number > 0 else None


def is_round(number: int | None) -> bool:
    """A "năm tròn" (a multiple of 10) or a "năm lẻ 5" (a multiple of 5): the years planned around."""
    return number is not None and number % 5 == 0


def _dmy(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _english_ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def vietnamese_ordinal(number: int) -> str:
    """ "lần thứ nhất", "lần thứ hai", "lần thứ ba", "lần thứ tư", then the numeral: "lần thứ 5"."""
    return {1: "nhất", 2: "hai", 3: "ba", 4: "tư"}.get(number, str(number))


def heading(commemoration: Commemoration, year: int, day: dt.date | None = None) -> str:
    """The line as the office writes it: "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 –
    03/02/2025)", "Ngày Sách và Văn hóa đọc Việt Nam lần thứ 4 năm 2025", "Tết Nguyên đán Ất Tỵ 2025"."""
    name = commemoration.display_name()
    number = ordinal(commemoration, year)
    english = current_language() == "en"
    if number is None:
        if commemoration.calendar == "lunar" and not english:
            lunar_year = lunar.lunar_year_of(day or solar_date(commemoration, year))
            return f"{name} {lunar.year_name(lunar_year)} {year}"
        return _("{name} {year}").format(name=name, year=year)
    if commemoration.style == "edition":
        count = _english_ordinal(number) if english else vietnamese_ordinal(number)
        return _("{name}, edition {number}, {year}").format(name=name, number=count, year=year)
    founded = commemoration.founded
    assert founded is not None
    day = day or solar_date(commemoration, year)
    count = _english_ordinal(number) if english else str(number)
    return _("{number} anniversary of the {name} ({founded} – {day})").format(
        number=count, name=name, founded=_dmy(founded), day=_dmy(day)
    )


def linked_events(key: str, year: int | None = None) -> list[int]:
    """The ids of the live events that mark commemoration `key` (in `year`)."""
    query = Event.select(Event.id).where((Event.commemoration == key) & Event.deleted_at.is_null())
    if year is not None:
        query = query.where(Event.start_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return [row.id for row in query.order_by(Event.start_date, Event.id)]


def _links_in(year: int) -> dict[str, list[int]]:
    links: dict[str, list[int]] = {}
    query = (
        Event.select(Event.id, Event.commemoration)
        .where(
            Event.commemoration.is_null(False)
            & Event.deleted_at.is_null()
            & Event.start_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        )
        .order_by(Event.start_date, Event.id)
    )
    for row in query:
        links.setdefault(row.commemoration, []).append(row.id)
    return links


def _kept_in(commemoration: Commemoration, number: int | None, year: int) -> bool:
    """False before the first anniversary or edition; a festival with a founding date is kept from that year on."""
    if commemoration.founded is None:
        return True
    if commemoration.style == "festival":
        return commemoration.founded.year <= year
    return number is not None


def anniversaries(year: int, round_only: bool = False) -> list[Anniversary]:
    """Every commemoration falling in `year`, in date order, with the events already linked to it."""
    links = _links_in(year)
    result = []
    for commemoration in catalogue():
        number = ordinal(commemoration, year)
        if not _kept_in(commemoration, number, year):
            continue
        if round_only and not is_round(number):
            continue
        try:
            day = solar_date(commemoration, year)
        except UserError:
            continue  # a lunar year the calendar does not cover
        result.append(
            Anniversary(
                commemoration=commemoration,
                year=year,
                day=day,
                ordinal=number,
                round=is_round(number),
                heading=heading(commemoration, year, day),
                event_ids=links.get(commemoration.key, []),
            )
        )
    result.sort(key=lambda item: (item.day, item.commemoration.key))
    return result


def in_range(first: dt.date, last: dt.date) -> list[Anniversary]:
    """The anniversaries from `first` to `last` (both included), across a year's end."""
    found = []
    for year in range(first.year, last.year + 1):
        found.extend(item for item in anniversaries(year) if first <= item.day <= last)
    return found


def round_unplanned(today: dt.date, months: int = 12) -> list[Anniversary]:
    """The round anniversaries of the next `months` months that no event is linked to yet (the window's start)."""
    last = _add_months(today, months)
    return [item for item in in_range(today, last) if item.round and not item.event_ids]


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def occasion_title(item: Anniversary) -> str:
    """The title of the exhibition planned for an anniversary."""
    occasion = item.heading
    if current_language() == "vi" and occasion.startswith("Kỷ niệm"):
        occasion = "kỷ niệm" + occasion[len("Kỷ niệm") :]
    return _("Display of documents celebrating {occasion}").format(occasion=occasion)


def plan_exhibition(key: str, year: int) -> EventRecord:
    """Create a planned exhibition for commemoration `key` in `year`, linked to it, with title and occasion set."""
    commemoration = find(key)
    day = solar_date(commemoration, year)
    number = ordinal(commemoration, year)
    item = Anniversary(commemoration, year, day, number, is_round(number), heading(commemoration, year, day))
    record = EventRecord(
        kind="exhibition", title=occasion_title(item), start=day, occasion=item.heading, status="planned"
    )
    with guard.database_errors(), database_proxy.atomic():
        event = store.save_event(record)
        Event.update(commemoration=key).where(Event.id == event.id).execute()
    return record


def link(event_id: int, key: str | None) -> None:
    """Mark event `event_id` as held for commemoration `key` (None: for none)."""
    if key is not None:
        find(key)
    with guard.database_errors(), database_proxy.atomic():
        Event.update(commemoration=key).where(Event.id == event_id).execute()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40] or "commemoration"


def add_custom(
    name: str,
    month: int,
    day: int,
    calendar: str = "solar",
    founded: dt.date | None = None,
    style: str = "anniversary",
    name_en: str | None = None,
    source: str | None = None,
    key: str | None = None,
) -> Commemoration:
    """Store a commemoration of the office's own (or replace the one with `key`); checks what a user could get
    wrong."""
    name = " ".join((name or "").split())
    if not name:
        raise UserError(_("A commemoration needs a name."))
    if calendar not in CALENDARS:
        raise UserError(_("The calendar must be “solar” or “lunar”."))
    if style not in STYLES:
        raise UserError(_("The style must be one of: {styles}.").format(styles=", ".join(STYLES)))
    if calendar == "lunar":
        lunar.check_day(month, day)
    else:
        try:
            dt.date(2024, month, day)  # a leap year: 29/02 is a day some year has
        except (TypeError, ValueError):
            raise UserError(_("{day}/{month} is not a day of the year.").format(day=day, month=month)) from None
    if style != "festival" and founded is None:
        raise UserError(_("Give the founding date, or choose the style “festival” (no ordinal)."))
    key = key or CUSTOM_PREFIX + _slug(name)
    if not key.startswith(CUSTOM_PREFIX) and any(item.key == key for item in bundled()):
        raise UserError(_("“{key}” is a commemoration of the catalogue; it cannot be replaced.").format(key=key))
    values = dict(
        name=name, name_en=name_en, founded=founded, calendar=calendar, month=month, day=day, style=style, source=source
    )
    with guard.database_errors(), database_proxy.atomic():
        row = StoredCommemoration.get_or_none(StoredCommemoration.key == key)
        if row is None:
            row = StoredCommemoration.create(key=key, **values)
        else:
            StoredCommemoration.update(**values).where(StoredCommemoration.id == row.id).execute()
    return find(key)


def remove_custom(key: str) -> None:
    """Remove an office commemoration; the events linked to it keep their titles and lose the link."""
    with guard.database_errors(), database_proxy.atomic():
        StoredCommemoration.delete().where(StoredCommemoration.key == key).execute()
        Event.update(commemoration=None).where(Event.commemoration == key).execute()
