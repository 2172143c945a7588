"""The one table of how long each text may be, in characters, the same on SQLite and PostgreSQL.

The rules refuse anything longer before it reaches a database; the models' varchar columns are at least this wide
(a name stored in a CharField is at most 255, PostgreSQL's varchar(255)), and the editor's fields stop typing there.
"""

from __future__ import annotations

# A name as printed (a person, an organisation, a venue) and the words around it on a programme.
NAME = 255
# A heading: theme, occasion.
HEADING = 1_000
# An event's title is printed whole in the programme's heading, the year-end list's row and the calendar file:
# 300 characters (about three lines of the programme's heading) is the most every printout carries.
EVENT_TITLE = 300
# Running text typed in a box: description and notes.
LONG_TEXT = 50_000

MAX_LENGTH: dict[str, int] = {
    "ref": 100,
    "kind": 40,
    "format": 40,
    "status": 40,
    "role": 40,
    "audience": 40,
    "publication": 40,
    "public_description": 2_000,
    "title": EVENT_TITLE,
    "title_en": EVENT_TITLE,
    "theme": HEADING,
    "occasion": HEADING,
    "venue": NAME,
    "partners": NAME,
    "news_url": 2_000,
    "description": LONG_TEXT,
    "notes": LONG_TEXT,
    # A person, on the event or on a programme row.
    "name": NAME,
    "honorific": 100,
    "position": NAME,
    "organisation": NAME,
    "person_role": 40,
    # A programme row: what happens and where; a row is one line of a printed page, not a chapter.
    "programme.title": 2_000,
    "programme.place": NAME,
    # A guest as an import or the guest list's window writes them (name, form of address, position and
    # organisation are the person's above; notes the long text).
    "seat": 100,
    "group": NAME,
    "email": NAME,
    "phone": 40,
    "deputy_name": NAME,
    "deputy_position": NAME,
    # An item of an exhibition, as typed or as the catalogue describes it.
    "item.title": HEADING,
    "item.creator": HEADING,
    "item.place": NAME,
    "item.publisher": NAME,
    "item.year": 40,
    "item.call_number": 100,
    "item.lender": NAME,
    "item.condition": NAME,
    "item.physical": NAME,
    "item.caption": 2_000,
    "item.note": LONG_TEXT,
    "section.title": HEADING,
}

# Texts that may run over several lines (tabs and line breaks are kept); every other text is one line.
MULTILINE = frozenset({"description", "notes", "programme.title", "item.caption", "item.note"})

# One item of an exhibition's checklist: a set of volumes or a run of a newspaper, never more than this. A MARC 300
# of "9999999999 tập" is a typo, not ten billion volumes for the tallies (and past PostgreSQL's integer).
ITEM_QUANTITY = 10_000


def max_length(field: str) -> int:
    return MAX_LENGTH[field]
