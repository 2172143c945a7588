"""Invitation letters (giấy mời) as one neutral document, a page per guest, in the layout of Nghị định 30/2020.

The PDF and the Word version are both drawn from it by the shared renderers: the same header, wording and
signature in each.
"""

from __future__ import annotations

from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.printing import decree
from nlv_events.printing.decree import Letterhead
from nlv_events.printing.model import Block, Document, PageBreak, Signature, Text
from nlv_events.services.guests.invitations import InvitationOptions, Letter, qr_text


def signature(record: EventRecord, options: InvitationOptions) -> Signature:
    """The signer's title and name at the right; "Nơi nhận" at the left, with the event's QR code under it."""
    return Signature(
        authority=options.signer_lines(),
        name=options.signer_name.strip(),
        recipients=options.recipient_names(),
        recipients_label=_("Recipients:"),
        qr=qr_text(record) if options.qr else "",
    )


def document(record: EventRecord, letters: list[Letter], options: InvitationOptions,
             letterhead: Letterhead | None = None) -> Document:
    """One letter per guest, each on its own page under the same header and over the same signature."""
    letterhead = letterhead or Letterhead.from_settings(day=options.day)
    header = letterhead.header(decree.document_number(options.number, options.symbol))
    signed = signature(record, options)
    blocks: list[Block] = []
    for letter in letters:
        if blocks:
            blocks.append(PageBreak())
        blocks += [
            header,
            Text(_("INVITATION"), "doc_type"),
            Text(_("To: {addressee}").format(addressee=letter.addressee), "addressee"),
            *(Text(line, "letter") for line in letter.body),
            signed,
        ]
    return Document(title=_("Invitations – {title}").format(title=record.title), blocks=blocks, page_numbers=False)
