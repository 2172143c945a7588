"""The rules of recurring series: RFC 5545 RRULE values (python-dateutil's rrule), made, read and expanded to days."""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil import rrule

from nlv_events.core.errors import UserError
from nlv_events.i18n import _

MAX_OCCURRENCES = 500  # a rule for more than ten years of Saturdays is surely a mistake
MAX_YEARS = 10  # nor one running past ten years from its first day: a sparse rule gives few days over many years
# A series is a library activity: at most one occurrence a day. HOURLY, MINUTELY and SECONDLY made dozens of identical
# events, and a sparse SECONDLY rule took minutes to expand.
ALLOWED_FREQUENCIES = (rrule.YEARLY, rrule.MONTHLY, rrule.WEEKLY, rrule.DAILY)
# The weeks a BYDAY such as "2SA" or "-1MO" may name: a month has five at most, a year fifty-three. dateutil takes any
# number and fails while expanding (an IndexError).
_WEEKS_IN = {rrule.MONTHLY: 5, rrule.YEARLY: 53}
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


def _not_a_rule(rule: str, reason: object) -> UserError:
    return UserError(
        _("“{rule}” is not a recurrence rule such as FREQ=WEEKLY;BYDAY=SA;UNTIL=20251227 ({reason}).").format(
            rule=rule, reason=reason
        )
    )


def _rule_set(rule: str, start: dt.date) -> rrule.rrule:
    """`rule` as dateutil's rrulestr reads it, from `start`; UserError for a rule a series cannot have."""
    parts = parts_of(rule)
    if "UNTIL" not in parts and "COUNT" not in parts:
        raise UserError(
            _("The rule “{rule}” never ends: give an end date (UNTIL) or a count (COUNT).").format(rule=rule)
        )
    try:
        parsed = rrule.rrulestr("RRULE:" + join(parts), dtstart=dt.datetime.combine(start, dt.time()))
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise _not_a_rule(rule, error) from None
    if not isinstance(parsed, rrule.rrule):
        raise _not_a_rule(rule, "RRULE")
    _check_supported(rule, parsed)
    return parsed


def _check_supported(rule: str, parsed: rrule.rrule) -> None:
    """Refuse, in one line, what dateutil reads but a series cannot be: more often than daily, an interval below 1,
    a week of the month or year that no month or year has."""
    # dateutil keeps what it read in these attributes; it has no public reader for them.
    frequency, interval = parsed._freq, parsed._interval
    if frequency not in ALLOWED_FREQUENCIES:
        raise UserError(
            _("“{rule}” repeats more often than once a day; a series repeats daily, weekly, monthly or yearly.").format(
                rule=rule
            )
        )
    if interval < 1:
        raise UserError(
            _("“{rule}” has an interval of {interval}; the interval must be 1 or more.").format(
                rule=rule, interval=interval
            )
        )
    weeks = _WEEKS_IN.get(frequency, 0)
    for _weekday, week in parsed._bynweekday or ():
        if not 1 <= abs(week) <= weeks:
            raise UserError(
                _("“{rule}” names week {week} of the {period}; use 1 to {weeks} or -1 to -{weeks}.").format(
                    rule=rule, week=week, weeks=weeks, period=_("month") if frequency == rrule.MONTHLY else _("year")
                )
            )


def _years_after(start: dt.date, years: int) -> dt.date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def _too_long() -> UserError:
    return UserError(
        _("The rule runs more than {years} years from its start; give an earlier end date or a smaller count.").format(
            years=MAX_YEARS
        )
    )


def rule_days(rule: str, start: dt.date) -> list[dt.date]:
    """Every day `rule` gives from `start`, skipped days included: at most MAX_OCCURRENCES of them, within MAX_YEARS
    of `start` (UserError past either)."""
    parsed = _rule_set(rule, start)
    limit = dt.datetime.combine(_years_after(start, MAX_YEARS), dt.time.max)
    until, count = parsed._until, parsed._count
    if until is not None and until > limit:
        raise _too_long()
    if _no_such_day(parsed):
        return []
    # Expanded up to the limit at most, whatever the rule says. dateutil checks the end only against a day it
    # found, so a rule that never gives one must be caught above: 30 February was searched until the year 9999 (6 s).
    bounded = parsed.replace(count=None, until=min(until or limit, limit))
    days: list[dt.date] = []
    try:
        for moment in bounded:
            days.append(moment.date())
            if count is not None and len(days) == count:
                return days
            if len(days) > MAX_OCCURRENCES:
                raise UserError(
                    _("The rule gives more than {count} occurrences; give an earlier end date.").format(
                        count=MAX_OCCURRENCES
                    )
                )
    except (ValueError, IndexError, OverflowError) as error:
        raise _not_a_rule(rule, error) from None
    if count is not None and days and len(days) < count:
        raise _too_long()
    return days


def _no_such_day(parsed: rrule.rrule) -> bool:
    """Whether the rule's days of the month exist in none of its months (30 February, 31 April and June)."""
    months = parsed._bymonth or tuple(range(1, 13))
    longest = max(calendar.monthrange(2024, month)[1] for month in months)  # 2024: a leap year, 29 February counts
    wanted = [*parsed._bymonthday, *(-day for day in parsed._bynmonthday)]
    return bool(wanted) and all(abs(day) > longest for day in wanted)


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
