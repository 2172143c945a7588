"""The pane beside the table: everything about the selected event, its programme, partners and people."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from nlv_events.core import rules, vocab, when
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord, person_line
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number, format_span, format_time, format_weekday_date
from nlv_events.services.events import event_store
from nlv_events.services.workspace import sample_data
from nlv_events.ui.exhibits.items_displayed import items_displayed_text
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.translation import translate_ui


def _row(label: str, value: str | None) -> str:
    return f"<tr><td style='color:#555;padding-right:8px'>{escape(label)}</td><td>{value}</td></tr>" if value else ""


def event_html(record: EventRecord, extra: list[tuple[str, str]] | None = None) -> str:
    """The event as a small HTML page for a QTextBrowser; `extra` (label, text) lines join its table."""
    parts = [f"<h3 style='margin-bottom:2px'>{escape(record.title)}</h3>"]
    if record.title_en:
        parts.append(f"<div style='color:#555'><i>{escape(record.title_en)}</i></div>")
    if sample_data.is_sample(record.ref):
        note = _("Sample data: File → Remove sample data takes it out.")
        parts.append(f"<div style='color:#8A6D00'>{escape(note)}</div>")
    rows = [
        _row(_("Kind"), escape(vocab.label("kind", record.kind))),
        _row(_("Dates"), escape(format_span(record.start, record.end))),
        _row(_("Venue"), escape(record.venue or "")),
        _row(_("Theme"), escape(record.theme or "")),
        _row(_("Occasion"), escape(record.occasion or "")),
        _row(_("Status"), escape(vocab.label("status", record.status))),
        _row(_("Role of the library"), escape(vocab.label("role", record.role))),
        _row(_("Format"), escape(vocab.label("format", record.format))),
        _row(_("Audience"), escape(vocab.label("audience", record.audience))),
        _row(_("Partners"), escape(", ".join(record.partners))),
        _row(_("Attendance"), format_number(record.attendance)),
        _row(_("Online views"), format_number(record.online_views)),
        _row(_("Items displayed"), escape(items_displayed_text(record))),
    ]
    if record.news_url:
        # In double quotes: Qt decodes "&amp;" back to "&" only there, and took a single-quoted one as written, so a
        # link with "&" opened as "&amp;".
        link = f'<a href="{escape(record.news_url, quote=True)}">{escape(record.news_url)}</a>'
        rows.append(_row(_("News link"), link))
    rows += [_row(label, escape(value)) for label, value in extra or []]
    parts.append("<table>" + "".join(rows) + "</table>")
    if record.people:
        parts.append(f"<h4>{escape(_('People'))}</h4><ul>")
        parts += [
            f"<li>{escape(person_line(p))} <span style='color:#777'>({escape(vocab.label('person_role', p.role))})"
            "</span></li>"
            for p in record.people
        ]
        parts.append("</ul>")
    if record.programme:
        parts.append(f"<h4>{escape(_('Programme'))}</h4><table cellspacing='0' cellpadding='2'>")
        day = None
        for row in record.programme:
            if when.day_of(row.start) != day:
                day = when.day_of(row.start)
                parts.append(f"<tr><td colspan='2'><b>{escape(format_weekday_date(day))}</b></td></tr>")
            time = format_time(row.start) if when.is_timed(row.start) else ""  # type: ignore[arg-type]
            people = "".join(f"<br/><span style='color:#555'>{escape(person_line(p))}</span>" for p in row.people)
            parts.append(
                f"<tr><td valign='top' style='padding-right:6px'>{time}</td><td>{escape(row.title)}{people}</td></tr>"
            )
        parts.append("</table>")
    for label, text in ((_("Description"), record.description), (_("Notes"), record.notes)):
        if text:
            parts.append(f"<h4>{escape(label)}</h4><p>{escape(text).replace(chr(10), '<br/>')}</p>")
    return "".join(parts)


class DetailPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        # A link opens only after the user has seen its address, and only a web address (see rules: news_url).
        self.setOpenLinks(False)
        self.anchorClicked.connect(self.open_link)
        self._event_id: int | None = None
        translate_ui(self.retranslate)
        self.show_event(None)

    def retranslate(self) -> None:
        self.show_event(self._event_id)

    def open_link(self, url: QUrl) -> bool:
        """Show the address, open it in the browser if the user agrees; True when it was opened."""
        address = url.toString()
        if url.scheme().lower() not in rules.NEWS_URL_SCHEMES:
            ask.warn(self, _("Open link"), _("Only web addresses (http, https) are opened: {url}").format(url=address))
            return False
        if not ask.confirm(
            self, _("Open link"), _("Open this address in the web browser?\n\n{url}").format(url=address)
        ):
            return False
        return QDesktopServices.openUrl(url)

    def show_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        if event_id is None:
            # Outside the f-string: Babel's extractor does not look inside one, and the text went untranslated.
            hint = _("Select an event to see its details.")
            self.setHtml(f"<p style='color:#777'>{escape(hint)}</p>")
            return
        try:
            from nlv_events.services.planning import links  # the commemoration and series it belongs to

            self.setHtml(event_html(event_store.load(event_id), links.describe(event_id)))
        except UserError as error:
            self.setHtml(f"<p>{escape(str(error))}</p>")
