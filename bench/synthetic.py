"""Synthetic databases of realistic events: Vietnamese titles with accents, programmes, partners, people."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from nlv_events.core import database
from nlv_events.core.models import (
    AnnualPlan,
    Event,
    EventPartner,
    EventPerson,
    Organisation,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Venue,
    database_proxy,
)
from nlv_events.core.text import fold

GENERATOR_VERSION = 3  # bump when the data changes, so cached databases are rebuilt
FIRST_YEAR, YEARS = 2015, 10
KINDS = ["exhibition"] * 5 + ["talk"] * 3 + ["conference", "training", "book_day", "other"]
SUBJECTS = [
    "Văn hóa đọc",
    "Chủ tịch Hồ Chí Minh",
    "Đảng Cộng sản Việt Nam",
    "Thăng Long – Hà Nội",
    "Biển đảo Việt Nam",
    "Di sản Hán Nôm",
    "Sách và thiếu nhi",
    "Chuyển đổi số ngành thư viện",
    "Phụ nữ Việt Nam",
    "Điện Biên Phủ",
    "Quân đội nhân dân",
    "Ngày Sách và Văn hóa đọc",
    "Nhà giáo Việt Nam",
    "Báo chí cách mạng",
    "Gia đình Việt",
]
FORMS = {
    "exhibition": "Triển lãm",
    "talk": "Tọa đàm",
    "conference": "Hội thảo",
    "training": "Tập huấn",
    "book_day": "Ngày hội đọc sách",
    "other": "Hoạt động",
}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Vũ", "Đỗ", "Bùi", "Ngô"]
MIDDLE = ["Thị", "Văn", "Ngọc", "Minh", "Thu", "Đức", "Thanh", "Quang"]
GIVEN = ["Anh", "Bình", "Châu", "Dung", "Giang", "Hạnh", "Hùng", "Lan", "Long", "Nga", "Phương", "Thủy", "Tuấn", "Yến"]


def _people(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {len(names)}")
    return sorted(names)


def build(path: Path, events: int, seed: int = 17, years: int = YEARS) -> Path:
    """Write a database of `events` events over `years` years from FIRST_YEAR (ten unless told) at `path` (kept
    between runs)."""
    marker = path.with_suffix(f".v{GENERATOR_VERSION}.ok")
    if path.exists() and marker.exists():
        return path
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    rng = random.Random(seed)
    database.open_database(str(path))
    try:
        with database_proxy.atomic():
            venues = [
                Venue.create(name=f"Phòng {n} – Thư viện Quốc gia Việt Nam", capacity=50 + n * 10).id for n in range(40)
            ]
            organisations = [Organisation.create(name=f"Đơn vị phối hợp số {n} – Thư viện tỉnh").id for n in range(300)]
            people = [Person.create(name=name).id for name in _people(rng, 2000)]
            for year in range(FIRST_YEAR, FIRST_YEAR + years):
                for kind in set(KINDS):
                    AnnualPlan.create(year=year, kind=kind, target=events // years // 6)
        batch: list[dict] = []
        links: list[tuple[int, list[int], list[int], int]] = []
        with database_proxy.atomic():
            for number in range(events):
                year = FIRST_YEAR + number % years
                start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
                kind = rng.choice(KINDS)
                length = rng.randrange(10, 45) if kind == "exhibition" else 0
                title = f"{FORMS[kind]} “{rng.choice(SUBJECTS)}” lần thứ {number}"
                chosen_partners = rng.sample(organisations, rng.randrange(3))
                chosen_people = rng.sample(range(len(people)), rng.randrange(1, 4))
                search = fold(
                    " | ".join([title, f"Phòng {number % 40}", *(f"Đơn vị phối hợp số {p}" for p in chosen_partners)])
                )
                batch.append(
                    {
                        "ref": f"bench-{number}",
                        "kind": kind,
                        "title": title,
                        "start_date": start,
                        "start_time": None if kind == "exhibition" else dt.time(8 + rng.randrange(8)),
                        "end_date": start + dt.timedelta(days=length) if length else None,
                        "venue": rng.choice(venues),
                        "format": rng.choice(["onsite", "onsite", "online", "hybrid"]),
                        "status": rng.choice(["held"] * 8 + ["planned", "cancelled"]),
                        "role": rng.choice(["organiser", "co_organiser"]),
                        "audience": "all",
                        "attendance": rng.choice([None, rng.randrange(20, 3000)]),
                        "online_views": None,
                        "items_displayed": rng.randrange(50, 700) if kind == "exhibition" else None,
                        "description": "Trưng bày sách, báo, tài liệu và hình ảnh tư liệu.",
                        "search_text": search,
                    }
                )
                programme_rows = rng.randrange(10, 41) if kind != "exhibition" and rng.random() < 0.25 else 0
                links.append((number, chosen_partners, [people[i] for i in chosen_people], programme_rows))
                if len(batch) == 500:
                    Event.insert_many(batch).execute()
                    batch = []
            if batch:
                Event.insert_many(batch).execute()
            ids = dict(Event.select(Event.ref, Event.id).tuples())
            partner_rows, person_rows, item_rows = [], [], []
            for number, partner_ids, person_ids, programme_rows in links:
                event_id = ids[f"bench-{number}"]
                partner_rows += [
                    {"event": event_id, "organisation": o, "sort_order": i} for i, o in enumerate(partner_ids)
                ]
                person_rows += [
                    {
                        "event": event_id,
                        "person": p,
                        "role": "speaker",
                        "honorific": rng.choice(["Ông", "Bà", "TS."]),
                        "position": "Phó Giám đốc",
                        "sort_order": i,
                    }
                    for i, p in enumerate(person_ids)
                ]
                if programme_rows:
                    day = Event.get_by_id(event_id).start_date
                    item_rows += [
                        {
                            "event": event_id,
                            "sort_order": i,
                            "start_date": day,
                            "start_time": dt.time(7 + (i * 15) // 60 % 12, (i * 15) % 60),
                            "title": f"Nội dung thứ {i + 1}: phát biểu, giao lưu, đọc sách",
                            "place": "Hội trường",
                        }
                        for i in range(programme_rows)
                    ]
            for rows, model in ((partner_rows, EventPartner), (person_rows, EventPerson), (item_rows, ProgrammeItem)):
                for start in range(0, len(rows), 1000):
                    model.insert_many(rows[start : start + 1000]).execute()
            first_items = list(ProgrammeItem.select(ProgrammeItem.id).where(ProgrammeItem.sort_order == 0).tuples())
            ProgrammePerson.insert_many(
                [
                    {"item": item_id, "person": people[0], "role": "chair", "position": "Giám đốc", "sort_order": 0}
                    for (item_id,) in first_items
                ]
            ).execute()
    finally:
        database.close_database()
    marker.write_text("ok")
    return path


def forty_row_event_id(path: Path) -> int:
    """An event whose programme has 40 rows (there is always one in a database of 1 000 events or more)."""
    import peewee

    database.open_database(str(path))
    try:
        row = (
            ProgrammeItem.select(ProgrammeItem.event, peewee.fn.COUNT(ProgrammeItem.id).alias("rows"))
            .group_by(ProgrammeItem.event)
            .order_by(peewee.fn.COUNT(ProgrammeItem.id).desc())
            .first()
        )
        return row.event_id
    finally:
        database.close_database()
