"""The public calendar's feeds: the .ics of the published events (services/reports/ics.py's) and an Atom feed."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from xml.etree import ElementTree

from nlv_events.core import vocab
from nlv_events.i18n import _, formats
from nlv_events.services.reports import ics
from nlv_events.services.site import pages
from nlv_events.services.site.selection import PublicEvent

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "tag:nlv.gov.vn,2022:lich-su-kien"


def _aware(moment: dt.datetime) -> dt.datetime:
    """A stored time (Hà Nội's, without a zone) as the feeds need it, in UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zoneinfo.ZoneInfo(ics.TIMEZONE))
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def last_change(events: list[PublicEvent]) -> dt.datetime:
    """When the newest of `events` last changed (2000-01-01 for none): the feeds' stamp, the same on a re-export."""
    return max((_aware(event.updated_at) for event in events), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))


def ics_bytes(events: list[PublicEvent]) -> bytes:
    """The published events as an iCalendar file, each occurrence of a series as an event of its own."""
    calendar = ics.build_calendar([event.record for event in events], stamp=last_change(events))
    return calendar.to_ical()


def atom_bytes(events: list[PublicEvent], slugs: dict[int, str]) -> bytes:
    """An Atom feed of the published events (in Vietnamese), their pages linked relative to the feed."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})
    _text(feed, "id", FEED_ID)
    _text(feed, "title", _("Events calendar of the National Library of Vietnam"))
    _text(feed, "updated", last_change(events).isoformat())
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", _("National Library of Vietnam"))
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": pages.ATOM_NAME})
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": "index.html"})
    for event in events:
        _entry(feed, event, slugs[event.record.id])  # type: ignore[index]
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(feed: ElementTree.Element, event: PublicEvent, slug: str) -> None:
    record = event.record
    entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
    title = record.title
    if record.status == "cancelled":
        title = f"{vocab.label('status', 'cancelled')}: {title}"
    _text(entry, "id", f"{FEED_ID}:{record.ref}")
    _text(entry, "title", title)
    _text(entry, "updated", _aware(event.updated_at).isoformat())
    ElementTree.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": pages.event_path(slug, "vi")})
    category = {"term": record.kind, "label": vocab.label("kind", record.kind)}
    ElementTree.SubElement(entry, f"{{{ATOM}}}category", category)
    summary = [formats.format_span_in_text(record.start, record.end), record.venue or "", record.description or ""]
    _text(entry, "summary", "\n".join(part for part in summary if part))


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}").text = text
