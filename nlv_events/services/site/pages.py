"""The pages of the public calendar as data for the templates: where each page goes, and what it says in the
language in force (the caller switches the language; dates and times through i18n.formats)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel import dates

from nlv_events.core import vocab, when
from nlv_events.core.records import EventRecord, ProgrammeEntry, person_line
from nlv_events.i18n import _, current_language, current_locale, formats
from nlv_events.services.media import photo_files
from nlv_events.services.site.selection import PublicEvent, add_months

# Where each language's pages go: Vietnamese at the top of the folder, English under en/.
EVENT_FOLDERS = {"vi": "su-kien/", "en": "en/events/"}
HOME_FOLDERS = {"vi": "", "en": "en/"}
IMAGE_FOLDER = "anh/"
IMAGE_WIDTHS = (480, 960)  # a phone's column and a desktop's; the browser picks by srcset
ICS_NAME = "lich-su-kien.ics"
ATOM_NAME = "atom.xml"
STYLE_NAME = "style.css"


@dataclass
class Page:
    path: str  # relative to the site's folder, "/"-separated
    template: str
    context: dict


def assign_slugs(events: list[PublicEvent]) -> dict[int, str]:
    """Each event's slug: its first day and its folded title ("2022-04-21-ngay-sach-va-van-hoa-doc-viet-nam"), the
    same from one export to the next; two events of one day and title take -2, -3 in the order they were made."""
    slugs: dict[int, str] = {}
    taken: set[str] = set()
    for event in sorted(events, key=lambda item: item.record.id or 0):
        base = f"{when.day_of(event.record.start).isoformat()}-{photo_files.slug(event.record.title, 10) or 'su-kien'}"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        slugs[event.record.id] = slug  # type: ignore[index]
    return slugs


def in_language(event: PublicEvent, language: str) -> bool:
    """Vietnamese pages show every published event; English ones those with an English title."""
    return language == "vi" or bool(event.record.title_en)


def event_path(slug: str, language: str) -> str:
    return f"{EVENT_FOLDERS[language]}{slug}.html"


def month_path(month: dt.date, language: str) -> str:
    return f"{HOME_FOLDERS[language]}{month:%Y-%m}.html"


def image_path(slug: str, width: int) -> str:
    return f"{IMAGE_FOLDER}{slug}-{width}.jpg"


def to_root(path: str) -> str:
    """The relative way from the page at `path` back to the site's folder: "", "../", "../../"."""
    return "../" * path.count("/")


def month_title(month: dt.date) -> str:
    if current_language() == "vi":
        return f"Tháng {month.month}/{month.year}"
    return dates.format_date(month, "LLLL yyyy", locale=current_locale())


def labels() -> dict[str, str]:
    """The words every page shows, in the language in force."""
    return {
        "site": _("Events calendar of the National Library of Vietnam"),
        "library": _("National Library of Vietnam"),
        "upcoming": _("Upcoming events"),
        "months": _("Events by month"),
        "none": _("No events are announced for this period."),
        "kind": _("Kind"),
        "when": _("Time"),
        "where": _("Place"),
        "partners": _("Partners"),
        "programme": _("Programme"),
        "news": _("Read the news item"),
        "cancelled": vocab.label("status", "cancelled"),
        "feeds": _("Follow the calendar"),
        "ics": _("Calendar file (.ics)"),
        "atom": _("News feed (Atom)"),
        "back": _("Back to the calendar"),
        "skip": _("Skip to the content"),
    }


def _title(record: EventRecord) -> str:
    return record.title_en if current_language() == "en" and record.title_en else record.title


def _programme_row(row: ProgrammeEntry) -> dict:
    moment = formats.format_time(row.start) if when.is_timed(row.start) else ""
    if row.end is not None and when.is_timed(row.end) and moment:
        moment = f"{moment}–{formats.format_time(row.end)}"
    people = [person_line(person) for person in row.people]
    return {"time": moment, "title": row.title, "place": row.place or "", "people": people}


def event_summary(event: PublicEvent, slug: str, page_path: str) -> dict:
    """What a list shows of an event, with the link to its page from the page at `page_path`."""
    record = event.record
    return {
        "title": _title(record),
        "kind": vocab.label("kind", record.kind),
        "when": formats.format_span(record.start, record.end),
        "place": record.venue or "",
        "cancelled": record.status == "cancelled",
        "url": to_root(page_path) + event_path(slug, current_language()),
    }


def event_page(event: PublicEvent, slug: str) -> Page:
    language = current_language()
    path = event_path(slug, language)
    record = event.record
    image = None
    if event.photo is not None:
        image = {
            "src": to_root(path) + image_path(slug, IMAGE_WIDTHS[-1]),
            "srcset": ", ".join(f"{to_root(path)}{image_path(slug, width)} {width}w" for width in IMAGE_WIDTHS),
            "alt": event.photo.caption or _title(record),
        }
    other = "en" if language == "vi" else "vi"
    context = {
        **event_summary(event, slug, path),
        "when": formats.format_span_in_text(record.start, record.end),
        "partners": record.partners,
        "description": [part for part in (record.description or "").split("\n\n") if part.strip()],
        "programme": [_programme_row(row) for row in record.programme],
        "news_url": record.news_url or "",
        "image": image,
        "other_language": to_root(path) + event_path(slug, other) if in_language(event, other) else "",
    }
    return Page(path, "event.html", context)


def home_pages(events: list[PublicEvent], slugs: dict[int, str], first: dt.date, months: int) -> list[Page]:
    """The upcoming events (the index) and a page per month, in the language in force."""
    language = current_language()
    shown = [event for event in events if in_language(event, language)]
    month_starts = [add_months(first, step) for step in range(months)]
    index_path = f"{HOME_FOLDERS[language]}index.html"
    pages = []
    for month in month_starts:
        path = month_path(month, language)
        inside = [event for event in shown if _runs_in(event, month)]
        context = {"heading": month_title(month), "events": _summaries(inside, slugs, path)}
        pages.append(Page(path, "list.html", context))
    upcoming = [event for event in shown if event.last_day >= first]
    context = {"heading": _("Upcoming events"), "events": _summaries(upcoming, slugs, index_path)}
    pages.insert(0, Page(index_path, "list.html", context))
    links = [{"title": month_title(month), "path": month_path(month, language)} for month in month_starts]
    for page in pages:
        page.context["month_links"] = [
            {"title": link["title"], "url": to_root(page.path) + link["path"]} for link in links
        ]
        page.context["other_language"] = to_root(page.path) + page.path.removeprefix(HOME_FOLDERS[language]).join(
            (HOME_FOLDERS["en" if language == "vi" else "vi"], "")
        )
    return pages


def _runs_in(event: PublicEvent, month: dt.date) -> bool:
    return when.day_of(event.record.start) < add_months(month, 1) and event.last_day >= month


def _summaries(events: list[PublicEvent], slugs: dict[int, str], page_path: str) -> list[dict]:
    return [event_summary(event, slugs[event.record.id], page_path) for event in events]  # type: ignore[index]
