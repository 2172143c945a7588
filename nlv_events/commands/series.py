"""`nlv-events series`: list the recurring series, show one's occurrences, add one, skip a day, move an occurrence.

What the window's series dialog does, through the same services (services/planning/series*.py); this module only
reads the command line and prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from nlv_events.commands.common import common_options, day, open_named_database
from nlv_events.i18n import _, ngettext

FORMATS = ("table", "json")


def _time_span(text: str) -> tuple[dt.time, dt.time | None]:
    """"09:00" or "09:00-10:30": the start time and the end time, if given."""
    parts = text.replace("–", "-").split("-")
    try:
        if len(parts) > 2:
            raise ValueError(text)
        times = [dt.datetime.strptime(part.strip(), "%H:%M").time() for part in parts]
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a time such as 09:00 or a span such as 09:00-10:30").format(value=text)
        ) from None
    return times[0], times[1] if len(times) > 1 else None


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(_("“{value}” is not a whole number from 1 up").format(value=text))
    return number


def _add_parser(actions, shared: argparse.ArgumentParser) -> None:
    add = actions.add_parser("add", parents=[shared], help="add a series with a rule, and its occurrences")
    add.add_argument("--title", required=True)
    add.add_argument("--kind", required=True, help="exhibition, book_day, talk, conference, training or other")
    add.add_argument("--from", dest="start", type=day, required=True, metavar="YYYY-MM-DD",
                     help="the first day of the rule")
    add.add_argument("--time", type=_time_span, metavar="HH:MM[-HH:MM]", help="when each occurrence starts (and ends)")
    add.add_argument("--venue")
    add.add_argument("--person", dest="people", action="append", default=[], metavar="NAME",
                     help="who runs it (repeat for each person)")
    add.add_argument("--description")
    add.add_argument("--skip", action="append", type=day, default=[], metavar="YYYY-MM-DD",
                     help="a day the rule gives that is skipped (repeat for each day)")
    repeats = add.add_mutually_exclusive_group(required=True)
    repeats.add_argument("--rrule", metavar="RULE", help="an RFC 5545 rule, e.g. 'FREQ=WEEKLY;BYDAY=SA;COUNT=12'")
    repeats.add_argument("--weekly", metavar="DAYS", help="every week on these days, e.g. SA or TU,TH")
    repeats.add_argument("--monthly-day", type=int, metavar="N", help="every month on day N (-1: the last day)")
    repeats.add_argument("--monthly-weekday", metavar="NTH", help="every month on e.g. 3TH (the third Thursday); "
                                                                  "the last Friday: --monthly-weekday=-1FR")
    add.add_argument("--every", type=_positive, default=1, metavar="N", help="with --weekly: every N weeks")
    ends = add.add_mutually_exclusive_group()
    ends.add_argument("--until", type=day, metavar="YYYY-MM-DD", help="the last day")
    ends.add_argument("--count", type=_positive, metavar="N", help="the number of occurrences")


def register(commands, common: argparse.ArgumentParser) -> dict:
    series = commands.add_parser(
        "series", parents=[common], help="recurring series: list, show, add, skip a day, move an occurrence"
    )
    series.add_argument("--format", dest="output_format", choices=FORMATS, default="table")
    # What every action takes too, without overwriting what was given before the action's name.
    shared = common_options(default=argparse.SUPPRESS)
    shared.add_argument("--format", dest="output_format", choices=FORMATS, default=argparse.SUPPRESS)
    actions = series.add_subparsers(dest="series_action", metavar="ACTION")
    actions.add_parser("list", parents=[shared], help="every series (the default)")
    show = actions.add_parser("show", parents=[shared], help="a series and its occurrences")
    show.add_argument("series_id", type=int, metavar="SERIES_ID")
    _add_parser(actions, shared)
    skip = actions.add_parser("skip", parents=[shared], help="skip one day of a series for good (EXDATE)")
    skip.add_argument("series_id", type=int, metavar="SERIES_ID")
    skip.add_argument("day", type=day, metavar="YYYY-MM-DD")
    move = actions.add_parser("move", parents=[shared], help="move one occurrence to another day or time")
    move.add_argument("series_id", type=int, metavar="SERIES_ID")
    move.add_argument("day", type=day, metavar="YYYY-MM-DD", help="the occurrence's day")
    move.add_argument("--to", dest="to_day", type=day, metavar="YYYY-MM-DD", help="the day it moves to")
    move.add_argument("--time", type=_time_span, metavar="HH:MM[-HH:MM]", help="the time it moves to")
    return {"series": _command_series}


def _command_series(arguments: argparse.Namespace) -> int:
    from nlv_events.services.planning import series, series_listing

    open_named_database(arguments)
    action = arguments.series_action or "list"
    if action == "list":
        sys.stdout.write(series_listing.render_list(series.all_series(), arguments.output_format))
        return 0
    said, series_id = {"show": _show, "add": _add, "skip": _skip, "move": _move}[action](arguments)
    if said and arguments.output_format == "table":
        print(said)
    sys.stdout.write(series_listing.render_series(series.load(series_id), arguments.output_format))
    return 0


def _show(arguments: argparse.Namespace) -> tuple[str, int]:
    return "", arguments.series_id


def _add(arguments: argparse.Namespace) -> tuple[str, int]:
    from nlv_events.core.errors import UserError
    from nlv_events.services.planning import series, series_rules

    if arguments.rrule is not None:
        if arguments.every != 1:
            raise UserError(_("--every goes with --weekly; in a rule, write INTERVAL=N."))
        rule = series_rules.rule_ending(arguments.rrule, arguments.until, arguments.count)
    else:
        weekly = arguments.weekly
        rule = series_rules.form_rule(
            weekdays=[series_rules.weekday_number(code) for code in weekly.split(",")] if weekly else None,
            interval=arguments.every,
            monthday=arguments.monthly_day,
            nth=series_rules.nth_weekday(arguments.monthly_weekday) if arguments.monthly_weekday else None,
            until=arguments.until,
            count=arguments.count,
        )
    start_time, end_time = arguments.time or (None, None)
    spec = series.save(
        series.SeriesSpec(
            title=arguments.title,
            kind=arguments.kind,
            start=arguments.start,
            rule=rule,
            start_time=start_time,
            end_time=end_time,
            venue=arguments.venue,
            skip=arguments.skip,
            people=arguments.people,
            description=arguments.description,
        )
    )
    count = len(series.occurrences(spec.id))  # type: ignore[arg-type]
    said = ngettext(
        "Added the series “{title}” (number {id}) with {count} occurrence.",
        "Added the series “{title}” (number {id}) with {count} occurrences.",
        count,
    ).format(title=spec.title, id=spec.id, count=count)
    return said, spec.id  # type: ignore[return-value]


def _skip(arguments: argparse.Namespace) -> tuple[str, int]:
    from nlv_events.services.planning import series_days

    spec = series_days.skip_day(arguments.series_id, arguments.day)
    return _("Skipped {day} in the series “{title}”.").format(day=arguments.day.isoformat(), title=spec.title), spec.id


def _move(arguments: argparse.Namespace) -> tuple[str, int]:
    from nlv_events.services.planning import series_days

    start_time, end_time = arguments.time or (None, None)
    event_id = series_days.move_day(arguments.series_id, arguments.day, arguments.to_day, start_time, end_time)
    said = _("Moved the occurrence of {day} (event {id}).").format(day=arguments.day.isoformat(), id=event_id)
    return said, arguments.series_id
