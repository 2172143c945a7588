"""The rules every event obeys before it is stored, with messages that tell the user what to fix."""

from __future__ import annotations

from nlv_events.core import vocab, when
from nlv_events.core.errors import ValidationError
from nlv_events.core.records import FIELD_LABELS, EventRecord, PersonEntry, PlanEntry, ProgrammeEntry
from nlv_events.core.text import clean, clean_or_none
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_day

# Far above any real figure (the library serves about 2.5 million uses a year), low enough to catch typos.
MAX_COUNT = 100_000_000
MAX_TITLE_LENGTH = 1_000
# A title is printed whole in the programme's heading, the year-end list's row and the calendar file: 300
# characters (about three lines of the programme's heading) is the most every printout carries.
MAX_EVENT_TITLE_LENGTH = 300
MAX_TEXT_LENGTH = 50_000


def field_label(name: str) -> str:
    return _(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def _check_code(vocabulary: str, field: str, code: str) -> None:
    if code not in vocab.VOCABULARIES[vocabulary]:
        raise ValidationError(
            _("Unknown {field} “{value}”: use one of {choices}.").format(
                field=field_label(field), value=code, choices=", ".join(vocab.VOCABULARIES[vocabulary])
            ),
            field,
        )


def _check_count(field: str, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(_("The {field} must be a whole number.").format(field=field_label(field)), field)
    if value < 0:
        raise ValidationError(_("The {field} cannot be negative.").format(field=field_label(field)), field)
    if value > MAX_COUNT:
        raise ValidationError(
            _("The {field} {value} is not believable; check the figure.").format(field=field_label(field), value=value),
            field,
        )


def _check_length(field: str, value: str | None, limit: int) -> None:
    if value is not None and len(value) > limit:
        raise ValidationError(
            _("The {field} is too long ({length} characters; at most {limit}).").format(
                field=field_label(field), length=len(value), limit=limit
            ),
            field,
        )


def normalise_person(person: PersonEntry) -> PersonEntry:
    person.name = clean(person.name)
    person.role = clean(person.role) or "participant"
    person.honorific = clean_or_none(person.honorific)
    person.position = clean_or_none(person.position)
    person.organisation = clean_or_none(person.organisation)
    return person


def validate_person(person: PersonEntry, where: str = "people") -> None:
    normalise_person(person)
    if not person.name:
        raise ValidationError(_("Every person needs a name."), where)
    _check_length(where, person.name, MAX_TITLE_LENGTH)
    _check_code("person_role", where, person.role)


def validate_programme_entry(entry: ProgrammeEntry, record: EventRecord) -> None:
    entry.title = clean(entry.title)
    entry.place = clean_or_none(entry.place)
    if not entry.title:
        raise ValidationError(_("Every programme row needs its content."), "programme")
    _check_length("programme", entry.title, MAX_TEXT_LENGTH)
    if entry.end is not None and when.precedes(entry.end, entry.start):
        raise ValidationError(_("A programme row cannot end before it starts."), "programme")
    first_day = when.day_of(record.start)
    last_day = when.day_of(record.end) if record.end is not None else first_day
    for moment in (entry.start, entry.end):
        if moment is not None and not first_day <= when.day_of(moment) <= last_day:
            raise ValidationError(
                _("The programme row “{title}” falls on {day}, outside the event's dates.").format(
                    title=entry.title, day=format_day(when.day_of(moment))
                ),
                "programme",
            )
    for person in entry.people:
        validate_person(person, "programme")


def normalise(record: EventRecord) -> EventRecord:
    """Trim and NFC every text of `record` in place; returns it."""
    record.kind = clean(record.kind)
    record.title = clean(record.title)
    for name in ("ref", "title_en", "theme", "occasion", "venue", "description", "notes", "news_url"):
        setattr(record, name, clean_or_none(getattr(record, name)))
    for name in ("format", "status", "role", "audience"):
        setattr(record, name, clean(getattr(record, name)))
    partners: list[str] = []
    for partner in (clean(p) for p in record.partners):
        if partner and partner not in partners:
            partners.append(partner)
    record.partners = partners
    return record


def validate(record: EventRecord) -> EventRecord:
    """Normalise `record` and check it against every rule; raises ValidationError naming the field."""
    normalise(record)
    _check_code("kind", "kind", record.kind)
    if not record.title:
        raise ValidationError(_("The title is required."), "title")
    _check_length("title", record.title, MAX_EVENT_TITLE_LENGTH)
    _check_length("title_en", record.title_en, MAX_EVENT_TITLE_LENGTH)
    for name in ("theme", "occasion", "venue", "news_url"):
        _check_length(name, getattr(record, name), MAX_TITLE_LENGTH)
    for name in ("description", "notes"):
        _check_length(name, getattr(record, name), MAX_TEXT_LENGTH)
    if record.start is None:
        raise ValidationError(_("The start date is required."), "start")
    if record.end is not None and when.precedes(record.end, record.start):
        raise ValidationError(_("The event cannot end before it starts."), "end")
    _check_code("format", "format", record.format)
    _check_code("status", "status", record.status)
    _check_code("role", "role", record.role)
    _check_code("audience", "audience", record.audience)
    for name in ("attendance", "online_views", "items_displayed"):
        _check_count(name, getattr(record, name))
    for partner in record.partners:
        _check_length("partners", partner, MAX_TITLE_LENGTH)
    for person in record.people:
        validate_person(person)
    for entry in record.programme:
        validate_programme_entry(entry, record)
    return record


def validate_plan(plan: PlanEntry) -> PlanEntry:
    _check_code("kind", "kind", plan.kind)
    if isinstance(plan.year, bool) or not isinstance(plan.year, int) or not 1900 <= plan.year <= 2200:
        raise ValidationError(_("The year must be a year such as 2023."), "year")
    _check_count("target", plan.target)
    return plan
