"""The handover record (Biên bản giao nhận tài liệu) as an editable Word document, from the same description as
its PDF."""

from __future__ import annotations

from nlv_events.services.exhibits import handover as handover_data


def render(handover: handover_data.HandoverRecord) -> bytes:
    """The record as DOCX bytes: the shared Word renderer's column widths, repeated header row, rows kept whole and
    page numbers."""
    from nlv_events.printing import docx_renderer

    return docx_renderer.render(handover_data.document(handover))
