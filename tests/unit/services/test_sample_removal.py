"""Taking the sample year out: its events, targets and names go; what the user gave a name stays; all comes back."""

import pytest

from nlv_events.core import queries, store
from nlv_events.core.models import Event, Organisation, Person, Venue
from nlv_events.services.guests import address_book
from nlv_events.services.workspace import demo, sample_data, sample_removal


def _counts() -> tuple[int, ...]:
    return Person.select().count(), Organisation.select().count(), Venue.select().count(), len(store.plans())


@pytest.mark.both_databases
def test_the_sample_goes_whole_but_a_person_given_contacts_stays_and_loading_it_again_brings_it_back(demo_db):
    before = _counts()
    kept = Person.select().order_by(Person.name).first()
    address_book.set_contacts(kept.id, "ban@nlv.gov.vn", None)  # the user's own detail on a person of the sample

    removal = demo.take_out_sample(sample_data.sample_event_ids())

    assert queries.person_names() == [kept.name] and _counts()[1:] == (0, 0, 0)
    assert sample_data.sample_event_ids() == [] and len(removal.records) == 32 and len(removal.plans) == 5
    demo.load_demo()
    assert _counts() == before and Event.select().where(Event.deleted_at.is_null()).count() == 32


def test_undo_puts_back_events_names_and_targets(demo_db):
    before = _counts()
    removal = demo.take_out_sample(sample_data.sample_event_ids())
    sample_removal.put_back(removal)
    assert _counts() == before and len(sample_data.sample_event_ids()) == 32
