"""An exhibition's structure in the store: load, save (rows keep their ids), add items, and its count for tallies.

"Items displayed" for the tallies is the sum of the checklist's quantities once the exhibition has items, unless
the office keeps its own figure (an ExhibitCountOverride row): then the event's own number counts, marked so.
"""

from __future__ import annotations

from functools import partial

import peewee
from peewee import fn

from nlv_events.core import exhibit_records, guard, text, versioned
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.exhibit_models import ExhibitCountOverride, ExhibitItem, ExhibitLoan, ExhibitSection
from nlv_events.core.exhibit_records import ITEM_FIELDS, LOAN_FIELDS, ExhibitData, ItemEntry, LoanEntry, SectionEntry
from nlv_events.core.models import Event, database_proxy
from nlv_events.i18n import _
from nlv_events.services.exhibits import exhibit_history
from nlv_events.services.exhibits.exhibit_count import CountSummary, count_summary  # noqa: F401 - named here too


def event_or_error(event_id: int) -> Event:
    event = Event.get_or_none((Event.id == event_id) & Event.deleted_at.is_null())
    if event is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return event


def exhibition_or_error(event_id: int) -> Event:
    event = event_or_error(event_id)
    if event.kind != "exhibition":
        raise UserError(_("The event {id} (“{title}”) is not an exhibition.").format(id=event_id, title=event.title))
    return event


def _item_entry(row: ExhibitItem) -> ItemEntry:
    return ItemEntry(id=row.id, **{name: getattr(row, name) for name in ITEM_FIELDS})


def _loan_entry(row: ExhibitLoan) -> LoanEntry:
    return LoanEntry(id=row.id, **{name: getattr(row, name) for name in LOAN_FIELDS})


def load(event_id: int) -> ExhibitData:
    """The exhibition of event `event_id` (empty when it has none yet), sections and items in order."""
    sections = list(ExhibitSection.select().where(ExhibitSection.event == event_id).order_by(ExhibitSection.sort_order))
    by_section: dict[int, SectionEntry] = {row.id: SectionEntry(title=row.title, id=row.id) for row in sections}
    items = (
        ExhibitItem.select()
        .join(ExhibitSection)
        .where(ExhibitSection.event == event_id)
        .order_by(ExhibitSection.sort_order, ExhibitItem.sort_order)
    )
    for row in items:
        by_section[row.section_id].items.append(_item_entry(row))
    loans = ExhibitLoan.select().where(ExhibitLoan.event == event_id).order_by(ExhibitLoan.sort_order)
    return ExhibitData(
        sections=list(by_section.values()),
        loans=[_loan_entry(row) for row in loans],
        count_override=ExhibitCountOverride.select().where(ExhibitCountOverride.event == event_id).exists(),
        version=Event.select(Event.exhibit_version).where(Event.id == event_id).scalar(),
    )


def _rows_by_id(data: ExhibitData) -> dict[str, dict[int, tuple[str, tuple]]]:
    """Each kind of row of `data` by id, as (the name a user knows it by, what a colleague may change)."""
    return {
        _("section"): {s.id: (s.title, (s.title, n)) for n, s in enumerate(data.sections) if s.id is not None},
        _("item"): {
            i.id: (i.title, (section.id, *(getattr(i, k) for k in ITEM_FIELDS)))
            for section in data.sections
            for i in section.items
            if i.id is not None
        },
        _("loan"): {loan.id: (loan.lender, tuple(getattr(loan, k) for k in LOAN_FIELDS)) for loan in data.loans
                    if loan.id is not None},
    }


def _conflict(event_id: int, base: ExhibitData) -> ConflictError:
    """What a colleague changed in the exhibition since `base` (what the saver loaded, or else what they meant to
    store)."""
    what = _("the exhibition “{title}”").format(title=exhibition_or_error(event_id).title)
    before, after = _rows_by_id(base), _rows_by_id(load(event_id))
    changes = [change for noun in before for change in versioned.row_changes(noun, before[noun], after[noun])]
    return versioned.conflict_error(what, changes)


def _seen_ids(base: ExhibitData | None) -> dict[str, set[int]] | None:
    if base is None:
        return None
    rows = _rows_by_id(base)
    return {noun: set(by_id) for noun, by_id in rows.items()}


def save(event_id: int, data: ExhibitData, base: ExhibitData | None = None, keep_ids: bool = False) -> ExhibitData:
    """Store `data` as the exhibition of `event_id` in one transaction; rows with an id keep it.
    Returns what was stored, with the new rows' ids filled in and its new version.

    `data.version` is the version the user loaded: when a colleague has saved the exhibition since, nothing is
    written and ConflictError names what they changed (against `base`, what the user loaded, when given). A row
    stored but neither listed nor in `base` (a colleague's new item) is never deleted silently. `keep_ids` (a restore
    from the history): a row removed since comes back with its id."""
    exhibition_or_error(event_id)
    for section in data.sections:
        section.title = exhibit_records.section_title(section.title)
        for item in section.items:
            exhibit_records.clean_item(item)
    for loan in data.loans:
        loan.lender = text.clean(loan.lender)
        loan.note = text.clean_or_none(loan.note)
    exhibit_records.validate(data)
    seen = _seen_ids(base)
    with guard.database_errors(), database_proxy.atomic():
        conflict = partial(_conflict, event_id, base or data)
        version = versioned.write_or_conflict(Event, event_id, data.version, {}, conflict, Event.exhibit_version,
                                              lambda: exhibit_history.plain(load(event_id)))
        section_ids = versioned.sync_rows(
            ExhibitSection,
            ExhibitSection.event == event_id,
            [{"id": s.id, "event": event_id, "sort_order": n, "title": s.title} for n, s in enumerate(data.sections)],
            seen and seen[_("section")],
            conflict,
            keep_ids,
        )
        all_sections = ExhibitSection.select(ExhibitSection.id).where(ExhibitSection.event == event_id)
        # An item moved to another section keeps its id: match items over the whole exhibition.
        item_rows = [
            {"id": item.id, "section": section_id, "sort_order": n, **{k: getattr(item, k) for k in ITEM_FIELDS}}
            for section, section_id in zip(data.sections, section_ids, strict=True)
            for n, item in enumerate(section.items)
        ]
        item_ids = versioned.sync_rows(
            ExhibitItem, ExhibitItem.section.in_(all_sections), item_rows, seen and seen[_("item")], conflict, keep_ids
        )
        loan_ids = versioned.sync_rows(
            ExhibitLoan,
            ExhibitLoan.event == event_id,
            [
                {"id": loan.id, "event": event_id, "sort_order": n, **{k: getattr(loan, k) for k in LOAN_FIELDS}}
                for n, loan in enumerate(data.loans)
            ],
            seen and seen[_("loan")],
            conflict,
            keep_ids,
        )
        set_count_override(event_id, data.count_override)
    for section, section_id in zip(data.sections, section_ids, strict=True):
        section.id = section_id
    for item, item_id in zip(data.items, item_ids, strict=True):
        item.id = item_id
    for loan, loan_id in zip(data.loans, loan_ids, strict=True):
        loan.id = loan_id
    data.version = version
    return data


def set_count_override(event_id: int, keep_own_figure: bool) -> None:
    """Keep the event's own "items displayed" figure (True) or count the checklist (False)."""
    if keep_own_figure:
        ExhibitCountOverride.insert(event=event_id).on_conflict_ignore().execute()
    else:
        ExhibitCountOverride.delete().where(ExhibitCountOverride.event == event_id).execute()


def add_items(event_id: int, items: list[ItemEntry], section_title: str | None = None) -> SectionEntry:
    """Append `items` to the section titled `section_title` (created when missing; by default the last section,
    or a new one), all of them or none."""
    with database_proxy.atomic():
        data = load(event_id)
        wanted = text.clean(section_title) if section_title else None
        section = next((s for s in data.sections if wanted and text.fold(s.title) == text.fold(wanted)), None)
        if section is None and wanted is None and data.sections:
            section = data.sections[-1]
        if section is None:
            section = SectionEntry(title=wanted or _("Items from the catalogue"))
            data.sections.append(section)
        section.items.extend(items)
        save(event_id, data)
    return section


# --- the count for the tallies ------------------------------------------------------------------------------------


def checklist_sum_expression() -> peewee.Node:
    """SQL for the sum of quantities of an event's checklist (NULL without items), for a query over Event."""
    return ExhibitItem.select(fn.SUM(ExhibitItem.quantity)).join(ExhibitSection).where(ExhibitSection.event == Event.id)


def items_displayed_expression() -> peewee.Node:
    """What the tallies count as an event's items displayed: its checklist's sum, or its own figure when it has
    no checklist or the office keeps its own (override)."""
    overridden = ExhibitCountOverride.select(ExhibitCountOverride.id).where(ExhibitCountOverride.event == Event.id)
    counted = peewee.Case(None, [(fn.EXISTS(overridden), None)], checklist_sum_expression())
    return fn.COALESCE(counted, Event.items_displayed)


def known_item(call_number: str) -> ItemEntry | None:
    """The most recently entered item with this call number, in any exhibition (for a quick add)."""
    wanted = text.clean(call_number)
    if not wanted:
        return None
    row = (
        ExhibitItem.select()
        .where(fn.LOWER(ExhibitItem.call_number) == wanted.lower())
        .order_by(ExhibitItem.id.desc())
        .first()
    )
    if row is None:
        return None
    entry = _item_entry(row)
    entry.id = None
    entry.quantity = 1
    entry.lender = row.lender
    return entry


def lenders(event_id: int) -> list[str]:
    """The lenders of an exhibition's items and loans, in the order first met."""
    data = load(event_id)
    names = [item.lender for item in data.items if item.lender] + [loan.lender for loan in data.loans]
    return list(dict.fromkeys(names))
