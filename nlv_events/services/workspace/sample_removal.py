"""Taking the sample year out whole: its events, and the plan targets and names only the sample brought.

The events go to the deleted events, as any deleted event does. The demo's plan targets go when the user has not
changed them; the people, organisations and venues go when nothing but the sample events names them and the user
has given them nothing of their own (a contact, a short name, a capacity, a place on a guest list or in a photo).
Undo puts every part back."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from nlv_events.core import event_reading, models, store
from nlv_events.core.guest_models import Guest
from nlv_events.core.media_models import PhotoPerson
from nlv_events.core.records import EventRecord, PlanEntry
from nlv_events.services.workspace import sample_data


@dataclass
class SampleRemoval:
    """What was taken out, for undo: the events as they were stored (their people, partners and venue bring the
    names back) and the plan targets."""

    event_ids: list[int]
    records: list[EventRecord] = field(default_factory=list)
    plans: list[PlanEntry] = field(default_factory=list)


def take_out(event_ids: list[int], demo_plans: list[PlanEntry]) -> SampleRemoval:
    """Take out the sample events `event_ids` with the targets of `demo_plans` still as the demo set them and the
    names only those events use; all or none."""
    with models.database_proxy.atomic():
        removal = SampleRemoval(list(event_ids), event_reading.load_records(event_ids, include_deleted=True))
        sample_data.remove(event_ids)
        removal.plans = _take_out_plans(demo_plans)
        _take_out_people(event_ids)
        _take_out_organisations(event_ids)
        _take_out_venues(event_ids)
    return removal


def put_back(removal: SampleRemoval) -> None:
    with models.database_proxy.atomic():
        sample_data.put_back(removal.event_ids)
        for record in removal.records:
            store.save_event(copy.deepcopy(record))
        for plan in removal.plans:
            store.save_plan(plan)


def _ids(query) -> set[int]:
    return {row_id for (row_id,) in query.tuples() if row_id is not None}


def _take_out_plans(demo_plans: list[PlanEntry]) -> list[PlanEntry]:
    stored = {(plan.year, plan.kind): plan.target for plan in store.plans()}
    unchanged = [plan for plan in demo_plans if stored.get((plan.year, plan.kind)) == plan.target]
    for plan in unchanged:
        models.AnnualPlan.delete().where(
            (models.AnnualPlan.year == plan.year) & (models.AnnualPlan.kind == plan.kind)
        ).execute()
    return unchanged


def _delete_unused(model, named: set[int], kept: set[int], *links) -> None:
    """Delete the rows of `model` in `named` but not in `kept`, after the (column, clear) links that point at them:
    a link row is deleted, or its column cleared when `clear` is true."""
    gone = list(named - kept)
    for column, clear in links:
        if clear:
            column.model.update({column: None}).where(column.in_(gone)).execute()
        else:
            column.model.delete().where(column.in_(gone)).execute()
    model.delete().where(model.id.in_(gone)).execute()


def _take_out_people(event_ids: list[int]) -> None:
    in_sample, elsewhere = models.Event.id.in_(event_ids), models.Event.id.not_in(event_ids)
    rows = models.ProgrammePerson.select(models.ProgrammePerson.person).join(models.ProgrammeItem).join(models.Event)
    named = _ids(
        models.EventPerson.select(models.EventPerson.person).where(models.EventPerson.event.in_(event_ids))
    ) | _ids(rows.where(in_sample))
    kept = (
        _ids(models.EventPerson.select(models.EventPerson.person).where(models.EventPerson.event.not_in(event_ids)))
        | _ids(rows.where(elsewhere))
        | _ids(Guest.select(Guest.person))
        | _ids(models.EventPerson.select(models.EventPerson.person).join(PhotoPerson))
        | _ids(
            models.Person.select(models.Person.id).where(
                models.Person.email.is_null(False) | models.Person.phone.is_null(False)
            )
        )
    )
    _delete_unused(
        models.Person, named, kept, (models.EventPerson.person, False), (models.ProgrammePerson.person, False)
    )


def _take_out_organisations(event_ids: list[int]) -> None:
    named = _ids(
        models.EventPartner.select(models.EventPartner.organisation).where(models.EventPartner.event.in_(event_ids))
    )
    kept = _ids(
        models.EventPartner.select(models.EventPartner.organisation).where(models.EventPartner.event.not_in(event_ids))
    ) | _ids(models.Organisation.select(models.Organisation.id).where(models.Organisation.short_name.is_null(False)))
    _delete_unused(models.Organisation, named, kept, (models.EventPartner.organisation, False))


def _take_out_venues(event_ids: list[int]) -> None:
    named = _ids(models.Event.select(models.Event.venue).where(models.Event.id.in_(event_ids)))
    kept = _ids(models.Event.select(models.Event.venue).where(models.Event.id.not_in(event_ids))) | _ids(
        models.Venue.select(models.Venue.id).where(models.Venue.capacity.is_null(False))
    )
    _delete_unused(models.Venue, named, kept, (models.Event.venue, True))
