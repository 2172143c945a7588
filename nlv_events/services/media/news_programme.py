"""The news item's sentences about the people and the programme (Vietnamese: content for the website)."""

from __future__ import annotations

from nlv_events.core.records import EventRecord, PersonEntry, person_line

# How a short programme is told, per kind: {noun} and {items} are filled from the record.
PROGRAMME_SENTENCES = {
    "exhibition": "Triển lãm giới thiệu tới bạn đọc: {items}.",
    "book_day": "Chương trình gồm các hoạt động: {items}.",
    "talk": "Tại {noun}, các diễn giả đã chia sẻ về: {items}.",
    "conference": "Tại {noun}, các đại biểu đã nghe: {items}.",
    "training": "Các học viên đã được trang bị các nội dung: {items}.",
    "other": "Chương trình gồm: {items}.",
}
# A longer one is summed up in a sentence, as the website's news items do: how many parts, and who spoke ({by}).
PROGRAMME_SUMMARIES = {
    "exhibition": "Chương trình khai mạc triển lãm gồm {count} phần{by}.",
    "book_day": "Chương trình gồm {count} hoạt động{by}.",
    "talk": "{Noun} gồm {count} phần chia sẻ{by}.",
    "conference": "{Noun} đã nghe {count} báo cáo, tham luận{by}.",
    "training": "Lớp tập huấn gồm {count} chuyên đề{by}.",
    "other": "Chương trình gồm {count} phần{by}.",
}
LISTED_ROWS = 2  # a programme of more rows than this is summed up, not listed
NAMED_SPEAKERS = 2  # named in the summary; the others are counted


def in_sentence(person: PersonEntry) -> str:
    """ "bà Trịnh Thị Thủy – Thứ trưởng": Ông and Bà are written small inside a sentence, as the website does."""
    honorific = person.honorific
    if honorific in ("Ông", "Bà"):
        honorific = honorific.lower()
    return person_line(PersonEntry(person.name, person.role, honorific, person.position))


def programme_sentence(record: EventRecord, kind: str, noun: str) -> str | None:
    """The programme in one sentence: its rows listed when there are one or two, else counted, with the first
    speakers named ("… đã nghe 6 báo cáo, tham luận, trình bày bởi bà A – …, ông B – … và 3 người khác")."""
    rows = record.programme
    if not rows:
        return None
    if len(rows) <= LISTED_ROWS:
        items = []
        for row in rows:
            speakers = ", ".join(person_line(p) for p in row.people)
            items.append(f"{row.title} ({speakers})" if speakers else row.title)
        return PROGRAMME_SENTENCES[kind].format(noun=noun, items="; ".join(items))
    speakers = list(dict.fromkeys(in_sentence(person) for row in rows for person in row.people))
    by = ""
    if speakers:
        named, others = speakers[:NAMED_SPEAKERS], len(speakers) - NAMED_SPEAKERS
        by = ", trình bày bởi " + (f"{', '.join(named)} và {others} người khác" if others > 0 else " và ".join(named))
    sentence = PROGRAMME_SUMMARIES[kind].format(count=len(rows), by=by, noun=noun, Noun=noun[:1].upper() + noun[1:])
    return sentence
