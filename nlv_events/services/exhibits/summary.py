"""An exhibition and a catalogue preview as plain text, for the command line."""

from __future__ import annotations

from nlv_events.core import event_reading
from nlv_events.core.exhibit_records import roman, state_label
from nlv_events.i18n import _, ngettext
from nlv_events.i18n.formats import format_day
from nlv_events.services.exhibits import loans, structure
from nlv_events.services.exhibits.catalogue_import import Preview


def text(event_id: int) -> str:
    """Sections with their totals, the count the tallies use, the loans and their warnings."""
    record = event_reading.load_record(event_id)
    data = structure.load(event_id)
    count = structure.count_summary(event_id)
    lines = [f"{record.title}"]
    for index, section in enumerate(data.sections, start=1):
        quantity = sum(item.quantity for item in section.items)
        lines.append(
            ngettext("  {number}. {title}: {count} item", "  {number}. {title}: {count} items", quantity).format(
                number=roman(index), title=section.title, count=quantity
            )
        )
    if count.checklist_total is None:
        lines.append(_("No checklist yet."))
    lines.append(
        _("Items displayed in the tallies: {count}{mark}").format(
            count="–" if count.counted is None else count.counted,
            mark=_(" (entered by hand; the checklist counts {total})").format(total=count.checklist_total)
            if count.override and count.checklist_total is not None
            else "",
        )
    )
    for loan in data.loans:
        dates = " – ".join(format_day(day) for day in (loan.date_out, loan.date_due) if day)
        lines.append(
            _("Loan: {lender} ({state}) {dates}")
            .format(lender=loan.lender, state=state_label(loan.state), dates=dates)
            .rstrip()
        )
    for warning in loans.warnings(data):
        lines.append("! " + warning.message())
    return "\n".join(lines) + "\n"


def preview_text(preview: Preview) -> str:
    """What an import would add, one line an item, then the records it cannot read."""
    lines = [
        ngettext(
            "{count} item would be added from {file}:",
            "{count} items would be added from {file}:",
            len(preview.entries),
        ).format(count=len(preview.entries), file=preview.path)
    ]
    for entry in preview.entries:
        item = entry.item
        details = " – ".join(part for part in (item.creator, item.year, item.call_number) if part)
        section = f"[{entry.section}] " if entry.section else ""
        lines.append(
            f"  {entry.number:>5}  {section}{item.title}"
            + (f" ({details})" if details else "")
            + (f" ×{item.quantity}" if item.quantity != 1 else "")
        )
    if preview.problems:
        lines.append(
            ngettext("{count} record cannot be read:", "{count} records cannot be read:", len(preview.problems)).format(
                count=len(preview.problems)
            )
        )
        lines += [f"  {problem.number:>5}  {problem.reason}" for problem in preview.problems]
    return "\n".join(lines) + "\n"
