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
}

# Texts that may run over several lines (tabs and line breaks are kept); every other text is one line.
MULTILINE = frozenset({"description", "notes", "programme.title"})


def max_length(field: str) -> int:
    return MAX_LENGTH[field]
