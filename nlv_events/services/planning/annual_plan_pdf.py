"""The annual plan as PDF, in the decree's layout (A4 portrait), through the shared renderer of neutral documents."""

from __future__ import annotations

import os

from nlv_events.printing import docx_renderer, pdf_renderer
from nlv_events.printing.printout import Printout
from nlv_events.services.planning import annual_plan_document as plan_document
from nlv_events.services.planning.annual_plan import PlanDocument
from nlv_events.services.workspace.files import atomic_output


def render(plan: PlanDocument) -> Printout:
    """The plan as PDF bytes that also know their Word version: tables break between rows only, under their
    header row, a month's heading goes with its first event, and the signature with the last rows."""
    document = plan_document.document(plan)
    pdf = pdf_renderer.render(document)
    return Printout(pdf, lambda: docx_renderer.render(document), document.dropped)


def write(plan: PlanDocument, path: str | os.PathLike[str]) -> None:
    pdf = render(plan)
    with atomic_output(path, "wb") as stream:
        stream.write(pdf)
