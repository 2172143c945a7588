"""The closed vocabularies of the store (kinds, statuses, formats, roles, audiences) with their labels."""

from __future__ import annotations

from nlv_events.i18n import N_, gettext

KINDS: dict[str, str] = {
    "exhibition": N_("Exhibition"),
    "book_day": N_("Book Day and reading culture"),
    "talk": N_("Talk – exchange"),
    "conference": N_("Conference – workshop"),
    "training": N_("Training course"),
    "other": N_("Other"),
}
STATUSES: dict[str, str] = {
    "planned": N_("Planned"),
    "confirmed": N_("Confirmed"),
    "held": N_("Held"),
    "cancelled": N_("Cancelled"),
}
FORMATS: dict[str, str] = {
    "onsite": N_("Onsite"),
    "online": N_("Online"),
    "hybrid": N_("Hybrid"),
}
ROLES: dict[str, str] = {
    "organiser": N_("Organiser"),
    "co_organiser": N_("Co-organiser"),
}
AUDIENCES: dict[str, str] = {
    "all": N_("Everyone"),
    "children": N_("Children"),
    "youth": N_("Young people"),
    "adults": N_("Adults"),
}
PERSON_ROLES: dict[str, str] = {
    "chair": N_("Chair"),
    "moderator": N_("Moderator"),
    "speaker": N_("Speaker"),
    "presenter": N_("Paper presenter"),
    "guest": N_("Guest"),
    "curator": N_("Curator"),
    "author": N_("Author"),
    "performer": N_("Performer"),
    "organiser": N_("Organiser"),
    "participant": N_("Participant"),
}

VOCABULARIES: dict[str, dict[str, str]] = {
    "kind": KINDS,
    "status": STATUSES,
    "format": FORMATS,
    "role": ROLES,
    "audience": AUDIENCES,
    "person_role": PERSON_ROLES,
}


def label(vocabulary: str, code: str | None) -> str:
    """The translated label of `code` in `vocabulary` ("kind", "status", …); the code itself if unknown."""
    if code is None:
        return ""
    source = VOCABULARIES[vocabulary].get(code)
    return gettext(source) if source else code
