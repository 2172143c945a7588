"""What an invitation letter (giấy mời) says to each guest: options, wording, the per-kind body templates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from nlv_events.core import event_reading, when
from nlv_events.core.database import user_data_dir
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.core.resources import resource
from nlv_events.core.text import fold, unbroken_phone_numbers
from nlv_events.i18n import _, current_language
from nlv_events.services.guests import guest_groups, guest_replies
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry

# Without a state filter a letter goes to every guest who has not declined.
DEFAULT_STATES = ("to_invite", "invited", "accepted", "deputy", "attended")
WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
# Forms of address that also serve as "you" in the body ("kính mời Bà tới dự"). A person addressed by a title alone
# (GS.TS., TS., Nhà văn, Thượng tá) is one person of either sex: "Ông/Bà", as the protocol office writes it; "Quý
# vị" is plural. A body invited as such is "Quý cơ quan".
_PRONOUNS = ("Ông", "Bà", "Đồng chí")
PERSON_OF_EITHER_SEX = "Ông/Bà"
BODY = "Quý cơ quan"


@dataclass
class InvitationOptions:
    """What the office sets when it prints: number, date, signer, contact line, QR code, which guests."""

    number: str = ""
    symbol: str = "GM-TVQG"
    day: dt.date | None = None
    signer_title: str = ""  # empty: "GIÁM ĐỐC"; or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str = ""
    contact: str = ""
    qr: bool = False
    states: tuple[str, ...] = DEFAULT_STATES
    recipients: list[str] = field(default_factory=list)  # empty: "Như trên", "Lưu: VT, TTTT"
    # How many groups from the top of the order of protocol are superiors ("tới dự và chỉ đạo"); None: the setting.
    leader_groups: int | None = None
    reprint: bool = False  # a number the register already holds: print the letters again under it

    def signer_lines(self) -> list[str]:
        lines = [line.strip() for line in self.signer_title.splitlines() if line.strip()]
        return lines or [_("DIRECTOR")]

    def recipient_names(self) -> list[str]:
        """The Nơi nhận lines (the renderers add each one's "- " and ";")."""
        return self.recipients or [_("As above"), _("Archived: VT, TTTT")]


def templates_dir() -> Path:
    """Where the office keeps its own edited templates; a file there replaces the shipped one of that name."""
    return user_data_dir() / "templates"


def template_path(name: str) -> Path:
    own = templates_dir() / name
    return own if own.is_file() else resource("invitations", name)


def _day_vi(day: dt.date) -> str:
    """ "ngày 26 tháng 12 năm 2022": the decree's way (leading zero on the day, on the month only for 1 and 2)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def time_phrase(moment: dt.date, lead: bool = True) -> str:
    """The time as official letters write it: "vào hồi 08 giờ 00, thứ Hai, ngày 26 tháng 12 năm 2022" in running
    text; without `lead`, after the label "Thời gian:": "08 giờ 00, thứ Hai, ngày 26 tháng 12 năm 2022"."""
    day = when.day_of(moment)
    if current_language() == "en":
        from babel import dates

        written = dates.format_date(day, "EEEE, d MMMM yyyy", locale="en_GB")
        if isinstance(moment, dt.datetime):
            return f"{'at ' if lead else ''}{moment:%H:%M} on {written}"
        return f"{'on ' if lead else ''}{written}"
    written = f"{WEEKDAYS_VI[day.weekday()]}, {_day_vi(day)}"
    if isinstance(moment, dt.datetime):
        return f"{'vào hồi ' if lead else ''}{moment.hour:02d} giờ {moment.minute:02d}, {written}"
    return f"{'vào ' if lead else ''}{written}"


def you(guest: GuestEntry) -> str:
    """How the body of the letter says "you" to this guest: their form of address (Ông, Bà, Đồng chí), "Ông/Bà" to
    a person with a title alone, "Quý cơ quan" to a body."""
    honorific = (guest.honorific or "").strip()
    if current_language() == "en":
        return "you"
    for pronoun in _PRONOUNS:
        if honorific == pronoun or honorific.startswith(pronoun + " "):
            return pronoun
    return BODY if guest.is_unit else PERSON_OF_EITHER_SEX


def attend_phrase(directs: bool) -> str:
    """ "tới dự và chỉ đạo" to superiors (the Ministry's and the Party's leaders), "tới dự" to everyone else."""
    return _("attend and direct") if directs else _("attend")


def event_title(record: EventRecord) -> str:
    return record.title_en if current_language() == "en" and record.title_en else record.title


def qr_text(record: EventRecord) -> str:
    """What the optional QR code carries: the event, its time and place (nothing about the guest)."""
    parts = (event_title(record), time_phrase(record.start, lead=False), record.venue)
    return "\n".join(part for part in parts if part)


@dataclass
class Letter:
    """One guest's letter, ready for either renderer."""

    addressee: str
    body: list[str]
    context: dict


def _body_template(kind: str) -> jinja2.Template:
    names = [f"body-{kind}.en.txt", "body-default.en.txt"] if current_language() == "en" else []
    names += [f"body-{kind}.txt", "body-default.txt"]
    for name in names:
        path = template_path(name)
        if path.is_file():
            try:
                return jinja2.Template(path.read_text(encoding="utf-8"), undefined=jinja2.StrictUndefined)
            except jinja2.TemplateSyntaxError as error:
                raise UserError(
                    _("The invitation template {path} has an error on line {line}: {reason}").format(
                        path=path, line=error.lineno, reason=error.message
                    )
                ) from None
    raise UserError(_("No invitation template was found in {folder}.").format(folder=resource("invitations")))


def letters(
    record: EventRecord, entries: list[GuestEntry], options: InvitationOptions, place: str | None = None
) -> list[Letter]:
    """The letters for `entries`, one each; the body comes from the template of the event's kind."""
    template = _body_template(record.kind)
    shared = {
        "title": event_title(record),
        "theme": record.theme or "",
        # After "Thời gian:" the label says when: "08 giờ 00, thứ Hai, …" (no "vào hồi"); time_in_text reads in a
        # sentence ("… vào hồi 08 giờ 00 …").
        "time": time_phrase(record.start, lead=False),
        "time_short": time_phrase(record.start, lead=False),
        "time_in_text": time_phrase(record.start),
        "place": place or record.venue or "",
        "contact": options.contact.strip(),
        "kind": record.kind,
    }
    leaders = {fold(name) for name in guest_groups.leader_groups(options.leader_groups)}
    result = []
    for entry in entries:
        directs = bool(entry.group) and fold(entry.group) in leaders
        context = {
            **shared,
            "directs": directs,
            "attend": attend_phrase(directs),
            "you": you(entry),
            "honorific": entry.honorific or "",
            "name": entry.name,
            "position": entry.position or "",
            "organisation": entry.organisation or "",
            "addressee": entry.addressee,
        }
        try:
            rendered = template.render(**context)
        except jinja2.UndefinedError as error:
            raise UserError(
                _("The invitation template uses an unknown placeholder: {reason}").format(reason=error.message)
            ) from None
        # A telephone number (the contact line's, or one the office wrote into its template) never breaks.
        body = [unbroken_phone_numbers(line.strip()) for line in rendered.splitlines() if line.strip()]
        result.append(Letter(addressee=entry.addressee, body=body, context=context))
    return result


def prepare(event_id: int, options: InvitationOptions) -> tuple[EventRecord, list[Letter]]:
    """The event and one letter per guest in the chosen states, in order of precedence."""
    record = event_reading.load_record(event_id)
    for state in options.states:
        if state not in guest_replies.STATES:
            guest_replies.check_transition("to_invite", state, "")
    entries = guests.guest_list(event_id, options.states)
    if not entries:
        raise UserError(
            _("The event “{title}” has no guests to invite in the states chosen.").format(title=record.title)
        )
    return record, letters(record, entries, options)
