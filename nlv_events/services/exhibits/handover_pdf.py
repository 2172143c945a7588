"""The handover record (Biên bản giao nhận tài liệu) as PDF: its neutral document drawn by the shared renderer."""

from __future__ import annotations

from nlv_events.services.exhibits import handover as handover_data


def render(handover: handover_data.HandoverRecord) -> bytes:
    """The record as PDF bytes: the item table breaks like every table of the shared renderer, and the closing
    lines and the two signatures travel with its last rows."""
    from nlv_events.printing import pdf_renderer

    return pdf_renderer.render(handover_data.document(handover))
