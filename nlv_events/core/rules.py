"""The rules every event obeys before it is stored, with messages that tell the user what to fix."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from functools import cache, partial
from urllib.parse import urlsplit

from nlv_events.core import limits, vocab, when
from nlv_events.core.errors import ValidationError
from nlv_events.core.records import (
    CODE,
    COUNT,
    FIELD_LABELS,
    TEXT,
    VENUE,
    EventRecord,
    PersonEntry,
    PlanEntry,
    ProgrammeEntry,
    event_fields,
    field_names,
    is_required,
    text_fields,
)
from nlv_events.core.text import clean, clean_or_none
from nlv_events.i18n import N_, _
from nlv_events.i18n.formats import format_day

# Far above any real figure (the library serves about 2.5 million uses a year), low enough to catch typos.
MAX_COUNT = 100_000_000
MAX_TITLE_LENGTH = limits.HEADING
MAX_TEXT_LENGTH = limits.LONG_TEXT
# The years the record keeps: a typo such as 9999 or 0023 is caught here, not in the calendar export.
FIRST_YEAR = 1900
LAST_YEAR = 2100
NEWS_URL_SCHEMES = ("http", "https")
_LINE_BREAKS = frozenset("\t\n\r")
_MAX_LENGTH = limits.MAX_LENGTH  # looked up by hand: an import checks half a million texts


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


def _check_count(field: str, value: int | None, most: int = MAX_COUNT, label: str | None = None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(_("The {field} must be a whole number.").format(field=label or field_label(field)), field)
    if value < 0:
        raise ValidationError(_("The {field} cannot be negative.").format(field=label or field_label(field)), field)
    if value > most:
        raise ValidationError(
            _("The {field} {value} is not believable; check the figure.").format(
                field=label or field_label(field), value=value
            ),
            field,
        )


def _check_length(field: str, value: str | None, limit: int, label: str | None = None) -> None:
    if value is not None and len(value) > limit:
        raise ValidationError(
            _("The {field} is too long ({length} characters; at most {limit}).").format(
                field=label or field_label(field), length=len(value), limit=limit
            ),
            field,
        )


_NOT_XML = frozenset("\ufffe\uffff")  # the two noncharacters XML 1.0 excludes: the Word version could not hold them


def _bad_character(value: str, multiline: bool) -> str | None:
    """The first character no export, search or printer can handle: control characters, broken surrogates and the
    two noncharacters no XML file (a Word version, an XLSX) may hold."""
    if value.isprintable():
        return None
    for char in value:
        if multiline and char in _LINE_BREAKS:
            continue
        if unicodedata.category(char) in ("Cc", "Cs") or char in _NOT_XML:
            return char
    return None


def _check_text(field: str, value: str | None, limit_key: str | None = None, label: str | None = None) -> None:
    """Length from the one table in core.limits, and no control character (line breaks only in long texts).
    `label` names the field in the message when it is not one of the event's (FIELD_LABELS)."""
    if value is None:
        return
    key = limit_key or field
    limit = _MAX_LENGTH[key]
    if len(value) > limit:
        _check_length(field, value, limit, label)
    if value.isprintable():  # nearly every text: the calls below only for one that may hold a bad character
        return
    bad = _bad_character(value, key in limits.MULTILINE)
    if bad is None:
        return
    label = label or field_label(field)  # translated only for the message: an import checks 300 000 texts
    if bad in _LINE_BREAKS:
        raise ValidationError(
            _("The {field} must be one line: remove the line break or tab.").format(field=label), field
        )
    raise ValidationError(
        _(
            "The {field} holds an invisible control character (U+{code:04X}) that cannot be printed or exported; "
            "remove it."
        ).format(field=label, code=ord(bad)),
        field,
    )


# The same checks for every other record that reaches the store (an exhibition's items, a guest): one set of rules.
check_text = _check_text
check_count = _check_count


def _check_moment(field: str, moment: dt.date | None) -> None:
    if moment is not None and not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValidationError(
            _("The {field} {date} is outside the years {first}–{last} that the record keeps; check the year.").format(
                field=field_label(field), date=when.to_iso(moment), first=FIRST_YEAR, last=LAST_YEAR
            ),
            field,
        )


def _check_news_url(url: str | None) -> None:
    if url is None:
        return
    parts = urlsplit(url) if url.isprintable() and " " not in url else None
    if parts is None or parts.scheme.lower() not in NEWS_URL_SCHEMES or not parts.hostname:
        raise ValidationError(
            _("The news link must be a web address starting with http:// or https:// (found “{value}”).").format(
                value=url[:80]
            ),
            "news_url",
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
    for name in ("name", "honorific", "position", "organisation"):
        _check_text(where, getattr(person, name), name)
    _check_text(where, person.role, "person_role")
    # A role outside the list is kept as typed (core/vocab.py): never a reason to refuse a programme.


def validate_programme_entry(entry: ProgrammeEntry, record: EventRecord) -> None:
    entry.title = clean(entry.title)
    entry.place = clean_or_none(entry.place)
    if not entry.title:
        raise ValidationError(_("Every programme row needs its content."), "programme")
    _check_text("programme", entry.title, "programme.title")
    _check_text("programme", entry.place, "programme.place")
    _check_moment("programme", entry.start)
    _check_moment("programme", entry.end)
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


@cache
def _text_cleaners() -> tuple[tuple[str, Callable[[object], str | None]], ...]:
    """Each declared text and how it is cleaned: a required text or a code stays a text (empty when blank), an
    optional one becomes None. Worked out once, not for each of an import's 100 000 events."""
    return tuple(
        (item.name, clean if is_required(item) or item.metadata["kind"] == CODE else clean_or_none)
        for item in text_fields()
    )


def normalise(record: EventRecord) -> EventRecord:
    """Trim and NFC every text of `record` in place; returns it. A required text or a code stays a text (empty
    when blank); an optional one becomes None."""
    record.ref = clean_or_none(record.ref)
    for name, cleaned in _text_cleaners():
        setattr(record, name, cleaned(getattr(record, name)))
    partners: list[str] = []
    for partner in (clean(p) for p in record.partners):
        if partner and partner not in partners:
            partners.append(partner)
    record.partners = partners
    return record


# The declared texts, each checked against its limit in core.limits: the free texts before the codes, as a form
# reads them (the kind first, chosen before anything is typed).
TEXT_CHECK_ORDER: tuple[str, ...] = (
    "kind",
    *field_names(TEXT, VENUE),
    *(name for name in field_names(CODE) if name != "kind"),
)


def _require(condition: bool, message: str, field: str) -> None:
    """`message` (marked with N_) is translated only when the check fails: an import asks this of every event."""
    if not condition:
        raise ValidationError(_(message), field)


def _steps(record: EventRecord) -> list[Callable[[], object]]:
    """Every check of a normalised `record`, in the order the messages are given."""
    steps: list[Callable[[], object]] = []
    # Characters and lengths first: every later message may quote the text back.
    steps.append(partial(_check_text, "ref", record.ref))
    for name in TEXT_CHECK_ORDER:
        steps.append(partial(_check_text, name, getattr(record, name)))
    steps.append(partial(_check_code, "kind", "kind", record.kind))
    steps.append(partial(_require, bool(record.title), N_("The title is required."), "title"))
    steps.append(partial(_check_news_url, record.news_url))
    steps.append(partial(_require, record.start is not None, N_("The start date is required."), "start"))
    if record.start is not None:
        steps.append(partial(_check_moment, "start", record.start))
    steps.append(partial(_check_moment, "end", record.end))
    if record.start is not None and record.end is not None:
        ends_in_time = not when.precedes(record.end, record.start)
        steps.append(partial(_require, ends_in_time, N_("The event cannot end before it starts."), "end"))
    for item in event_fields(CODE):
        if item.name != "kind":
            steps.append(partial(_check_code, item.metadata["vocabulary"], item.name, getattr(record, item.name)))
    for name in field_names(COUNT):
        steps.append(partial(_check_count, name, getattr(record, name)))
    for partner in record.partners:
        steps.append(partial(_check_text, "partners", partner))
    for person in record.people:
        steps.append(partial(validate_person, person))
    for entry in record.programme:
        steps.append(partial(validate_programme_entry, entry, record))
    return steps


def validate(record: EventRecord) -> EventRecord:
    """Normalise `record` and check it against every rule; raises ValidationError naming the field."""
    normalise(record)
    for step in _steps(record):
        step()
    return record


# Kinds held in a day (a conference may take two or three): an end further than FEW_DAYS after the start is more
# likely a date left behind than a week-long talk, and the form asks before saving it.
ONE_DAY_KINDS = ("talk", "conference")
FEW_DAYS = 3


def unusually_long(record: EventRecord) -> int | None:
    """The number of days `record` spans when that is long for its kind (a talk ending a week later), else None."""
    if record.kind not in ONE_DAY_KINDS or record.start is None or record.end is None:
        return None
    days = (when.day_of(record.end) - when.day_of(record.start)).days
    return days + 1 if days > FEW_DAYS else None


def problems(record: EventRecord) -> list[ValidationError]:
    """Normalise `record` and return each field's first problem, in order: a form shows them all at once
    rather than one per Save."""
    normalise(record)
    found: dict[str | None, ValidationError] = {}
    for step in _steps(record):
        try:
            step()
        except ValidationError as error:
            found.setdefault(error.field, error)
    return list(found.values())


def validate_plan(plan: PlanEntry) -> PlanEntry:
    _check_code("kind", "kind", plan.kind)
    if isinstance(plan.year, bool) or not isinstance(plan.year, int) or not FIRST_YEAR <= plan.year <= LAST_YEAR:
        raise ValidationError(_("The year must be a year such as 2023."), "year")
    _check_count("target", plan.target)
    return plan
