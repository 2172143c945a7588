"""Invitation letters as one DOCX for editing, from a docxtpl template the office can change in Word."""

from __future__ import annotations

import io

import jinja2
import segno
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.i18n.formats import official_date_line
from nlv_events.printing.official import Letterhead
from nlv_events.services.guests.invitations import InvitationOptions, Letter, qr_text, template_path

TEMPLATE = "giay-moi.docx"


def context(record: EventRecord, letters: list[Letter], options: InvitationOptions, letterhead: Letterhead) -> dict:
    """Every placeholder the template may use (docs/printouts.md)."""
    return {
        "letters": [{"addressee": letter.addressee, "body": letter.body, **letter.context} for letter in letters],
        "parent": letterhead.parent.upper(),
        "organisation": letterhead.organisation.upper(),
        "number": options.number.strip() or "\u00a0" * 6,
        "symbol": options.symbol,
        "date_line": official_date_line(letterhead.city, letterhead.day),
        "recipients": options.recipient_lines(),
        "signer_title": options.signer_lines(),
        "signer_name": options.signer_name,
        "event_title": record.title,
    }


def render(record: EventRecord, letters: list[Letter], options: InvitationOptions,
           letterhead: Letterhead | None = None) -> bytes:
    path = template_path(TEMPLATE)
    try:
        template = DocxTemplate(str(path))
        values = context(record, letters, options, letterhead or Letterhead.from_settings(day=options.day))
        values["qr"] = ""
        if options.qr:
            image = io.BytesIO()
            segno.make(qr_text(record), error="m").save(image, kind="png", scale=6, border=2)
            image.seek(0)
            values["qr"] = InlineImage(template, image, width=Mm(25))
        template.render(values, autoescape=True)
    except jinja2.TemplateError as error:
        raise UserError(
            _("The invitation template uses an unknown placeholder: {reason}").format(reason=error)
        ) from None
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()
