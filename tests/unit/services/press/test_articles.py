"""An event's press articles: checked (http/https links only, a known medium), saved through the versioned write,
removed; counted per kind of event and outlet under the counting rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from nlv_events.core import store
from nlv_events.core.errors import ConflictError, UserError, ValidationError
from nlv_events.core.records import EventRecord
from nlv_events.services.press import articles, press_tallies

# Each test on SQLite and on the suite's PostgreSQL: the numbers, the versioned writes and the counts are SQL.
pytestmark = pytest.mark.both_databases
DAY = dt.date(2023, 4, 22)


def _event() -> int:
    record = EventRecord(kind="talk", title="Tọa đàm sách", start=dt.date(2023, 4, 21), venue="Hội trường")
    return store.save_event(record).id


@pytest.mark.parametrize(
    ("article", "field"),
    [
        (articles.Article("", DAY, "Tin"), "outlet"),
        (articles.Article("Nhân Dân", DAY, "  "), "title"),
        (articles.Article("Nhân Dân", DAY, "Tin", kind="paper"), "kind"),
        (articles.Article("Nhân Dân", DAY, "Tin", url="javascript:alert(1)"), "url"),
        (articles.Article("Nhân Dân", DAY, "Tin", url="file:///etc/passwd"), "url"),
        (articles.Article("Nhân Dân", DAY, "Tin", url="https://"), "url"),
    ],
)
def test_a_bad_article_is_refused_naming_its_field(db, article, field):
    event_id = _event()
    with pytest.raises(ValidationError) as refused:
        articles.add(event_id, article)
    assert refused.value.field == field
    assert articles.articles(event_id) == []


def test_articles_are_added_changed_with_their_version_and_removed(db):
    event_id = _event()
    added = articles.add(event_id, articles.Article(" Nhân  Dân ", DAY, "Tọa đàm", "https://nhandan.vn/a", "print"))
    assert added.outlet == "Nhân Dân" and added.version == 1
    changed = articles.update(replace(added, title="Tọa đàm về sách"))
    assert articles.articles(event_id)[0].title == "Tọa đàm về sách" and changed.version == 2
    with pytest.raises(ConflictError):
        articles.update(replace(added, title="stale"))  # read at version 1, saved since
    articles.remove(added.id)
    assert articles.articles(event_id) == []
    with pytest.raises(UserError):
        articles.remove(added.id)
    with pytest.raises(UserError):
        articles.add(99999, articles.Article("VTV1", DAY, "Tin"))


def test_the_coverage_is_counted_per_kind_of_event_and_outlet(db):
    event_id = _event()
    for outlet in ("VTV1", "Nhân Dân", "Nhân Dân"):
        articles.add(event_id, articles.Article(outlet, DAY, "Tin", kind="tv"))
    assert press_tallies.articles_per_kind(2023) == {"talk": 3}
    assert list(press_tallies.articles_per_outlet(2023).items()) == [("Nhân Dân", 2), ("VTV1", 1)]
    assert press_tallies.notes_by_event([event_id]) == {event_id: "Nhân Dân 22/04/2023; Nhân Dân 22/04/2023; "
                                                                  "VTV1 22/04/2023"}  # fmt: skip
    assert press_tallies.articles_per_kind(2022) == {}
