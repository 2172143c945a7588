"""The annual plan as DOCX, in the decree's layout: the same neutral document as the PDF, for the office to edit."""

from __future__ import annotations

import os

from nlv_events.services.planning.annual_plan import PlanDocument
from nlv_events.services.workspace.files import atomic_output


def render(plan: PlanDocument) -> bytes:
    """Column widths fitted to their content, the header row repeated on every page, rows never split, page
    numbers from page 2: what printing.docx_renderer gives every document."""
    from nlv_events.printing import docx_renderer
    from nlv_events.services.planning import annual_plan_document as plan_document

    return docx_renderer.render(plan_document.document(plan))


def write(plan: PlanDocument, path: str | os.PathLike[str]) -> None:
    content = render(plan)
    with atomic_output(path, "wb") as stream:
        stream.write(content)
