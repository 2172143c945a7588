"""Issue 27, point 6: File → Remove sample data takes out all the sample year added, and nothing the user added."""

import datetime as dt

from nlv_events.core import event_reading, queries, store
from nlv_events.core.records import EventRecord, PersonEntry, PlanEntry
from nlv_events.ui.shell import ask
from tests.ui.conftest import visible_titles
from tests.ui.flows.editing import event_id

OWN_TITLE = "Tọa đàm của phòng"


def test_removing_the_sample_takes_its_targets_and_names_and_keeps_the_users(window, qtbot, monkeypatch):
    """Only the 32 events went: the 2022 targets stayed (the tallies read "7% of the plan") with the sample's
    people and organisations."""
    sample_talk = event_reading.load_record(event_id("demo-2022-talk-1"))
    shared_person, sample_only_person = (person.name for person in sample_talk.people[:2])
    # The user's own: an event naming one person of the sample and one of theirs, at a venue of the sample, with
    # a partner of the sample; and the talks' target of 2022 set to their own figure.
    store.save_event(EventRecord(
        kind="talk", title=OWN_TITLE, start=dt.date(2022, 11, 3), venue=sample_talk.venue,
        partners=list(sample_talk.partners), people=[PersonEntry(shared_person), PersonEntry("Phạm Văn Phòng")]))
    store.save_plan(PlanEntry(year=2022, kind="talk", target=9))
    window.reload_years()
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)

    window.remove_sample_action.trigger()

    assert len(asked) == 1 and visible_titles(window) == [OWN_TITLE]
    assert store.plans(2022) == [PlanEntry(year=2022, kind="talk", target=9)]  # the user's figure stays
    people = set(queries.person_names())
    assert {shared_person, "Phạm Văn Phòng"} <= people and sample_only_person not in people
    assert people == {shared_person, "Phạm Văn Phòng"}
    assert set(queries.organisation_names()) == set(sample_talk.partners)
    assert set(queries.venue_names()) == {sample_talk.venue}

    window.undo_action.trigger()
    assert window.model.rowCount() == 33
    assert len(store.plans(2022)) == 5 and PlanEntry(year=2022, kind="talk", target=9) in store.plans(2022)
    restored = event_reading.load_record(sample_talk.id)
    assert [person.name for person in restored.people] == [person.name for person in sample_talk.people]
    assert (restored.venue, restored.partners, restored.programme) == (
        sample_talk.venue, sample_talk.partners, sample_talk.programme)
