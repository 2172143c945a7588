"""Events read a batch at a time, the batches taken in the ids' order: each record still gets its own partners,
people and programme, and the records come back in the order they were asked for or listed in."""

from nlv_events.core import event_reading, models
from nlv_events.services.reports import counting


def _whole(record):
    return (record.id, record.partners, record.people, record.programme)


def test_records_read_in_batches_keep_their_own_children_and_the_order_asked(demo_db, monkeypatch):
    ids = [event_id for (event_id,) in models.Event.select(models.Event.id).order_by(models.Event.title).tuples()]
    assert len(ids) > 6 and ids != sorted(ids)
    one_by_one = [_whole(event_reading.load_record(event_id)) for event_id in ids]
    assert any(partners for _id, partners, _people, _rows in one_by_one)
    assert any(people for _id, _partners, people, _rows in one_by_one)
    assert any(rows for _id, _partners, _people, rows in one_by_one)

    monkeypatch.setattr(event_reading, "_BATCH", 3)  # many batches, each of ids far apart in the asked order
    assert [_whole(record) for record in event_reading.load_records(ids)] == one_by_one


def test_a_listing_made_whole_in_batches_stays_in_its_own_order(demo_db, monkeypatch):
    monkeypatch.setattr(event_reading, "_BATCH", 2)
    listed = event_reading.listing_records(counting.counted(2022))[::-1]  # the demo's ids follow its dates
    order = [record.id for record in listed]
    assert len(order) > 4 and order != sorted(order)
    whole = event_reading.with_people_and_programme(listed)
    assert [record.id for record in whole] == order
    assert [_whole(record) for record in whole] == [_whole(event_reading.load_record(event_id)) for event_id in order]
