"""The paragraph for the annual report, written from the tallies in the library's own style."""

from __future__ import annotations

from nlv_events.core import vocab
from nlv_events.i18n import _, current_language, ngettext
from nlv_events.i18n.formats import format_number, format_percent
from nlv_events.services.reports.tallies import KindTally, YearTallies


def _count(value: int) -> str:
    # Vietnamese reports write small counts with a leading zero ("02 khoá Tập huấn").
    if current_language() == "vi" and 0 < value < 10:
        return f"{value:02d}"
    return format_number(value)


def _kind_phrase(kind: str, n: int) -> str:
    phrases = {
        "exhibition": ngettext("{n} exhibition or display", "{n} exhibitions and displays", n),
        "book_day": ngettext(
            "{n} Book Day and reading-culture programme", "{n} Book Day and reading-culture programmes", n
        ),
        "talk": ngettext("{n} talk or exchange", "{n} talks and exchanges", n),
        "conference": ngettext("{n} conference or workshop", "{n} conferences and workshops", n),
        "training": ngettext("{n} training course", "{n} training courses", n),
        "other": ngettext("{n} other event", "{n} other events", n),
    }
    return phrases[kind].format(n=_count(n))


def _kind_in_sentence(kind: str) -> str:
    """A kind's name inside a sentence: lower case ("triển lãm"), except Book Day, whose name is a proper noun
    ("Ngày Sách và Văn hóa đọc"; "ngày sách và văn hóa đọc" misspells it)."""
    label = vocab.label("kind", kind)
    return label if kind == "book_day" else label.lower()


def _plan_phrase(tallies: YearTallies) -> str | None:
    """The share of the plan over the kinds that have one, saying which: a plan for exhibitions alone says
    nothing about the talks, so the other kinds stay out of the sum."""
    planned = {kind: tally for kind, tally in tallies.kinds.items() if tally.plan}
    if not planned:
        return None
    share = sum(tally.events for tally in planned.values()) / sum(tally.plan or 0 for tally in planned.values())
    kinds = ", ".join(_kind_in_sentence(kind) for kind in planned)
    phrase = _("{kinds} (the kinds with a plan) achieving {share} of the plan")
    return phrase.format(kinds=kinds, share=format_percent(round(share, 2)))


def _comparisons(tally: KindTally, tallies: YearTallies) -> list[str]:
    parts = []
    plan = _plan_phrase(tallies)
    if plan:
        parts.append(plan)
    if tally.change is not None:
        change = round(tally.change, 2)
        if change > 0:
            parts.append(_("up {change} on the previous year").format(change=format_percent(change)))
        elif change < 0:
            parts.append(_("down {change} on the previous year").format(change=format_percent(-change)))
        else:
            parts.append(_("the same as the previous year"))
    return parts


def write(tallies: YearTallies) -> str:
    """One paragraph: what was organised, against the plan and the year before, and who came."""
    total = tallies.total
    if total.events == 0:
        return _("In {year} no event was recorded.").format(year=tallies.year)
    kinds = [_kind_phrase(kind, tally.events) for kind, tally in tallies.kinds.items() if tally.events]
    sentence = ngettext(
        "In {year} the library organised and co-organised {count} event: {kinds}",
        "In {year} the library organised and co-organised {count} events: {kinds}",
        total.events,
    ).format(year=tallies.year, count=_count(total.events), kinds=_("; ").join(kinds))
    comparisons = _comparisons(total, tallies)
    if comparisons:
        sentence += _("; ") + _("; ").join(comparisons)
    sentence += "."
    if total.attendance or total.online_views:
        figures = []
        if total.attendance:
            figures.append(_("{count} attendances").format(count=format_number(total.attendance)))
        if total.online_views:
            figures.append(_("{count} online views").format(count=format_number(total.online_views)))
        sentence += " " + _("The events drew {figures}.").format(figures=_(" and ").join(figures))
    if tallies.cancelled:
        sentence += " " + ngettext(
            "{count} planned event was cancelled.", "{count} planned events were cancelled.", tallies.cancelled
        ).format(count=_count(tallies.cancelled))
    return sentence
