"""The rules of recurring series: RFC 5545 RRULE values (python-dateutil's rrule), made, read and expanded to days."""

from __future__ import annotations

import datetime as dt

from dateutil import rrule

from nlv_events.core.errors import UserError
from nlv_events.i18n import _

MAX_OCCURRENCES = 500  # a rule for more than ten years of Saturdays is surely a mistake
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _until_text(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def weekly_rule(weekdays: list[int], until: dt.date | None = None, count: int | None = None, interval: int = 1) -> str:
    """Every week (or every `interval` weeks) on `weekdays` (0 = Monday … 6 = Sunday)."""
    if not weekdays:
        raise UserError(_("Choose at least one day of the week."))
    parts = ["FREQ=WEEKLY"]
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    parts.append("BYDAY=" + ",".join(WEEKDAY_CODES[day] for day in sorted(set(weekdays))))
    return ";".join(parts + _endparts_of(until, count))


def monthly_rule(
    monthday: int | None = None,
    nth: int | None = None,
    weekday: int | None = None,
    until: dt.date | None = None,
    count: int | None = None,
) -> str:
    """Every month on day `monthday` (-1: the last day), or on the `nth` `weekday` (nth -1: the last one)."""
    if monthday is not None:
        if monthday == 0 or not -31 <= monthday <= 31:
            raise UserError(_("The day of the month must be 1–31, or -1 for the last day."))
        by = f"BYMONTHDAY={monthday}"
    elif nth is not None and weekday is not None:
        if nth == 0 or not -5 <= nth <= 5:
            raise UserError(_("The week of the month must be 1–5, or -1 for the last one."))
        by = f"BYDAY={nth}{WEEKDAY_CODES[weekday]}"
    else:
        raise UserError(_("Choose a day of the month, or a week and a day of the week."))
    return ";".join(["FREQ=MONTHLY", by, *_endparts_of(until, count)])


def _endparts_of(until: dt.date | None, count: int | None) -> list[str]:
    if until is not None and count is not None:
        raise UserError(_("Give an end date or a number of occurrences, not both."))
    if until is not None:
        return [f"UNTIL={_until_text(until)}"]
    if count is not None:
        if count < 1:
            raise UserError(_("The number of occurrences must be at least 1."))
        return [f"COUNT={count}"]
    return []


def parts_of(rule: str) -> dict[str, str]:
    parts = {}
    for chunk in rule.strip().removeprefix("RRULE:").split(";"):
        if chunk:
            name, _sep, value = chunk.partition("=")
            parts[name.strip().upper()] = value.strip()
    return parts


def join(parts: dict[str, str]) -> str:
    return ";".join(f"{name}={value}" for name, value in parts.items())


def rule_until(rule: str) -> dt.date | None:
    """The UNTIL day of `rule`, if it has one."""
    value = parts_of(rule).get("UNTIL")
    return dt.datetime.strptime(value[:8], "%Y%m%d").date() if value else None


def with_until(rule: str, until: dt.date) -> str:
    """`rule` ending on `until` (instead of its own end)."""
    parts = {name: value for name, value in parts_of(rule).items() if name not in ("UNTIL", "COUNT")}
    parts["UNTIL"] = _until_text(until)
    return join(parts)


def _rule_set(rule: str, start: dt.date) -> rrule.rrule:
    parts = parts_of(rule)
    if "UNTIL" not in parts and "COUNT" not in parts:
        raise UserError(
            _("The rule “{rule}” never ends: give an end date (UNTIL) or a count (COUNT).").format(rule=rule)
        )
    try:
        parsed = rrule.rrulestr("RRULE:" + join(parts), dtstart=dt.datetime.combine(start, dt.time()))
    except (ValueError, TypeError, KeyError) as error:
        raise UserError(
            _("“{rule}” is not a recurrence rule such as FREQ=WEEKLY;BYDAY=SA;UNTIL=20251227 ({reason}).").format(
                rule=rule, reason=error
            )
        ) from None
    return parsed  # type: ignore[return-value]


def rule_days(rule: str, start: dt.date) -> list[dt.date]:
    """Every day `rule` gives from `start`, skipped days included."""
    days = []
    for moment in _rule_set(rule, start):
        days.append(moment.date())
        if len(days) > MAX_OCCURRENCES:
            raise UserError(
                _("The rule gives more than {count} occurrences; give an earlier end date.").format(
                    count=MAX_OCCURRENCES
                )
            )
    return days


def weekday_number(code: str) -> int:
    """0 (Monday) … 6 (Sunday) for an RFC 5545 weekday code: MO, TU, WE, TH, FR, SA, SU."""
    text = code.strip().upper()
    if text not in WEEKDAY_CODES:
        raise UserError(
            _("“{value}” is not a day of the week: use {codes}.").format(value=code, codes=", ".join(WEEKDAY_CODES))
        )
    return WEEKDAY_CODES.index(text)


def nth_weekday(text: str) -> tuple[int, int]:
    """(nth, weekday) of "3TH" (the third Thursday) or "-1FR" (the last Friday), as monthly_rule takes them."""
    value = text.strip().upper()
    number, code = value[:-2], value[-2:]
    try:
        nth = int(number or "1")
    except ValueError:
        nth = 0
    if nth == 0 or not -5 <= nth <= 5 or code not in WEEKDAY_CODES:
        raise UserError(
            _("“{value}” is not a weekday of the month such as 3TH (the third Thursday) or -1FR (the last Friday).")
            .format(value=text)
        )
    return nth, WEEKDAY_CODES.index(code)


def form_rule(
    weekdays: list[int] | None = None,
    interval: int = 1,
    monthday: int | None = None,
    nth: tuple[int, int] | None = None,
    until: dt.date | None = None,
    count: int | None = None,
) -> str:
    """The rule of the series dialog's simple form: every `interval` weeks on `weekdays`, or every month on day
    `monthday`, or on the `nth` (nth, weekday); ending on `until` or after `count` occurrences."""
    if interval < 1:
        raise UserError(_("Repeat every 1 week or more."))
    if interval > 1 and weekdays is None:
        raise UserError(_("Only a weekly series repeats every N weeks."))
    if weekdays is not None:
        return weekly_rule(weekdays, until=until, count=count, interval=interval)
    if monthday is not None:
        return monthly_rule(monthday=monthday, until=until, count=count)
    if nth is not None:
        return monthly_rule(nth=nth[0], weekday=nth[1], until=until, count=count)
    raise UserError(_("Say how the series repeats: weekly on some days, monthly on a day, or a rule."))


def rule_ending(rule: str, until: dt.date | None = None, count: int | None = None) -> str:
    """`rule` (an RRULE value someone wrote) with the end given apart from it, when it has none of its own."""
    if until is None and count is None:
        return rule
    if "UNTIL" in parts_of(rule) or "COUNT" in parts_of(rule):
        raise UserError(_("The rule “{rule}” has its own end: leave out the end date or count.").format(rule=rule))
    return ";".join([rule.strip().removeprefix("RRULE:").rstrip(";"), *_endparts_of(until, count)])
