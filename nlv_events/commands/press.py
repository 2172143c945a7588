"""`nlv-events press`: an event's press coverage listed, an article added or removed."""

from __future__ import annotations

import argparse
import json
import sys

from nlv_events.commands.common import day
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext

KINDS = ("print", "online", "tv", "radio")


def register(commands, common: argparse.ArgumentParser) -> dict:
    press = commands.add_parser("press", parents=[common], help="an event's press coverage: list, add or remove")
    press.add_argument("event_id", type=int, metavar="EVENT_ID")
    press.add_argument("action", nargs="?", choices=("list", "add", "remove"), default="list")
    press.add_argument("article_id", nargs="?", type=int, metavar="ARTICLE_ID", help="the article to remove")
    press.add_argument("--outlet", help="the newspaper, channel or site (Nhân Dân, VTV1 …)")
    press.add_argument("--date", type=day, metavar="YYYY-MM-DD", help="the day it was published")
    press.add_argument("--title", help="the article's title")
    press.add_argument("--url", default="", help="its web address (http:// or https://)")
    press.add_argument("--kind", choices=KINDS, default="online", help="the medium (default: online)")
    press.add_argument("--clipping", type=int, metavar="ATTACHMENT_ID",
                       help="the event's attachment that is the scanned article (nlv-events attach EVENT_ID add …)")
    press.add_argument("--format", dest="output_format", choices=("table", "json"), default="table")
    return {"press": _command_press}


def _command_press(arguments: argparse.Namespace) -> int:
    from nlv_events.core.database import open_database
    from nlv_events.services.exhibits.structure import event_or_error
    from nlv_events.services.press import articles

    open_database(arguments.db)
    event_or_error(arguments.event_id)
    if arguments.action == "add":
        if not (arguments.outlet and arguments.title and arguments.date):
            raise UserError(_("Give the article's --outlet, --date and --title."))
        article = articles.Article(arguments.outlet, arguments.date, arguments.title, arguments.url, arguments.kind,
                                   clipping_id=arguments.clipping)  # fmt: skip
        added = articles.add(arguments.event_id, article)
        print(_("Added the article {id} (“{title}”).").format(id=added.id, title=added.title))
        return 0
    listed = articles.articles(arguments.event_id)
    if arguments.action == "remove":
        if arguments.article_id not in {article.id for article in listed}:
            raise UserError(_("The event {event} has no article {id}.").format(event=arguments.event_id,
                                                                               id=arguments.article_id))  # fmt: skip
        articles.remove(arguments.article_id)
        print(_("Removed the article {id}.").format(id=arguments.article_id))
        return 0
    if arguments.output_format == "json":
        rows = [{"id": article.id, "outlet": article.outlet, "date": article.day.isoformat(), "title": article.title,
                 "url": article.url, "kind": article.kind, "clipping": article.clipping_id}
                for article in listed]  # fmt: skip
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for article in listed:
        medium = articles.kind_label(article.kind)
        print(f"{article.id:>4}  {article.day.strftime('%d/%m/%Y')}  {article.outlet} ({medium}): {article.title}"
              f"{'  ' + article.url if article.url else ''}")
    print(ngettext("{count} article", "{count} articles", len(listed)).format(count=len(listed)))
    return 0
