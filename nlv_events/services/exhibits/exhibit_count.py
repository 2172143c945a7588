"""An exhibition's "items displayed" as the window shows it: the checklist's sum, the office's own figure, and
whether the office keeps its own (an ExhibitCountOverride row).

Apart from structure.py, whose records, history and saving the detail pane need not load to show the first event's
count when it is an exhibition (the window's start, issue #35); structure names these too.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from nlv_events.core.exhibit_models import ExhibitCountOverride, ExhibitItem, ExhibitSection
from nlv_events.core.models import Event


@dataclass
class CountSummary:
    """What the window shows beside "items displayed"."""

    checklist_total: int | None  # None: no checklist yet
    own_figure: int | None
    override: bool

    @property
    def counted(self) -> int | None:
        if self.checklist_total is None or self.override:
            return self.own_figure
        return self.checklist_total


def count_summary(event_id: int) -> CountSummary:
    total = (
        ExhibitItem.select(fn.SUM(ExhibitItem.quantity))
        .join(ExhibitSection)
        .where(ExhibitSection.event == event_id)
        .scalar()
    )
    return CountSummary(
        checklist_total=total,
        own_figure=Event.select(Event.items_displayed).where(Event.id == event_id).scalar(),
        override=ExhibitCountOverride.select().where(ExhibitCountOverride.event == event_id).exists(),
    )
