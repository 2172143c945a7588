"""An exhibition's "Items displayed" as the detail pane shows it: apart from the exhibition tab, whose widgets the
window's start does not need (issue #35)."""

from __future__ import annotations

from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number


def items_displayed_text(record: EventRecord) -> str:
    """ "Items displayed" as the tallies count it: the checklist's sum, or the figure entered by hand, marked."""
    if record.kind != "exhibition" or record.id is None:
        return format_number(record.items_displayed)
    # An exhibition's checklist: its models load when one is shown, without the structure's records and saving.
    from nlv_events.services.exhibits.exhibit_count import count_summary

    summary = count_summary(record.id)
    if summary.checklist_total is None:
        return format_number(record.items_displayed)
    if summary.override:
        return _("{count} (entered by hand; the checklist counts {total})").format(
            count=format_number(summary.own_figure) or "—", total=format_number(summary.checklist_total)
        )
    return _("{count} (from the checklist)").format(count=format_number(summary.checklist_total))
