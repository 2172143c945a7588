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
# The short vocabularies, a line each.
STATUSES = {"planned": N_("Planned"), "confirmed": N_("Confirmed"), "held": N_("Held"), "cancelled": N_("Cancelled")}
FORMATS = {"onsite": N_("Onsite"), "online": N_("Online"), "hybrid": N_("Hybrid")}
ROLES = {"organiser": N_("Organiser"), "co_organiser": N_("Co-organiser")}
AUDIENCES = {"all": N_("Everyone"), "children": N_("Children"), "youth": N_("Young people"), "adults": N_("Adults")}
# Whether the public calendar (services/site) shows an event: "auto" follows its kind (PUBLIC_KINDS: exhibitions,
# Book Day, talks and conferences are published; training courses and other, mostly internal, events are not).
PUBLICATIONS: dict[str, str] = {
    "auto": N_("As its kind"),
    "public": N_("Published"),
    "internal": N_("Internal, not published"),
}
PUBLIC_KINDS = ("exhibition", "book_day", "talk", "conference")
# A person's part in an event or a programme row. A role outside this list is kept, shown and printed as it was
# typed, and counted under OTHER_PERSON_ROLE: a programme may need a part nobody foresaw.
PERSON_ROLES: dict[str, str] = {
    "chair": N_("Chair"),
    "moderator": N_("Moderator"),
    "host": N_("Host (MC)"),
    "speaker": N_("Speaker"),
    "presenter": N_("Paper presenter"),
    "panelist": N_("Panelist"),
    "guest": N_("Guest"),
    "curator": N_("Curator"),
    "author": N_("Author"),
    "performer": N_("Performer"),
    "secretary": N_("Secretary"),
    "interpreter": N_("Interpreter"),
    "organiser": N_("Organising officer"),
    "participant": N_("Participant"),
}
OTHER_PERSON_ROLE = "other"

VOCABULARIES: dict[str, dict[str, str]] = {
    "kind": KINDS,
    "status": STATUSES,
    "format": FORMATS,
    "role": ROLES,
    "audience": AUDIENCES,
    "publication": PUBLICATIONS,
    "person_role": PERSON_ROLES,
}


def is_public(kind: str, publication: str) -> bool:
    """Whether the public calendar shows an event of `kind` marked `publication`."""
    return publication == "public" or (publication == "auto" and kind in PUBLIC_KINDS)


def person_role_group(role: str) -> str:
    """The role a tally counts `role` under: itself when it is one of PERSON_ROLES, else OTHER_PERSON_ROLE."""
    return role if role in PERSON_ROLES else OTHER_PERSON_ROLE


def label(vocabulary: str, code: str | None) -> str:
    """The translated label of `code` in `vocabulary` ("kind", "status", …); the code itself if unknown."""
    return table_label(VOCABULARIES[vocabulary], code)


def table_label(table: dict[str, str], code: str | None) -> str:
    """The translated label of `code` in a table of codes and labels marked with N_ (these or a feature's own,
    such as an exhibition's item types); the code itself if unknown, nothing for None."""
    if code is None:
        return ""
    source = table.get(code)
    return gettext(source) if source else code
