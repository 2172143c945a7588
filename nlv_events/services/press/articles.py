"""An event's press articles: listed, added, changed (through the versioned write) and removed, each checked first
(an outlet, a title, a kind of medium, a web address starting with http:// or https://)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from nlv_events.core import guard, history, text, versioned
from nlv_events.core.attachment_models import Attachment
from nlv_events.core.errors import ConflictError, UserError, ValidationError
from nlv_events.core.models import database_proxy
from nlv_events.core.press_models import ARTICLE_KINDS, PressArticle
from nlv_events.i18n import N_, _
from nlv_events.services.exhibits.structure import event_or_error

KIND_LABELS = {"print": N_("Print"), "online": N_("Online"), "tv": N_("Television"), "radio": N_("Radio")}
MAX_TEXT = 500  # an outlet's name or a title: longer is a paste gone wrong
MAX_URL = 2000


@dataclass(frozen=True)
class Article:
    """An article as the window and the command line show and edit it; `id` and `version` of a stored one."""

    outlet: str
    day: dt.date
    title: str
    url: str = ""
    kind: str = "online"
    id: int | None = None
    version: int | None = None
    clipping_id: int | None = None  # the event's attachment that is the scanned article


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


def checked(article: Article) -> Article:
    """`article` cleaned as it is stored, or a ValidationError naming the field at fault."""
    outlet, title, url = text.clean(article.outlet), text.clean(article.title), (article.url or "").strip()
    if not outlet or len(outlet) > MAX_TEXT:
        raise ValidationError(_("An article needs the outlet that published it (a newspaper, a channel, a site)."),
                              "outlet")  # fmt: skip
    if not title or len(title) > MAX_TEXT:
        raise ValidationError(_("An article needs its title."), "title")
    if article.kind not in ARTICLE_KINDS:
        raise ValidationError(_("The kind of medium must be one of: {kinds}.").format(kinds=", ".join(ARTICLE_KINDS)),
                              "kind")  # fmt: skip
    if url:
        parts = urlsplit(url) if url.isprintable() and " " not in url and len(url) <= MAX_URL else None
        if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise ValidationError(
                _("The article's link must be a web address starting with http:// or https:// (found “{value}”).")
                .format(value=url[:80]),
                "url",
            )
    if not isinstance(article.day, dt.date):
        raise ValidationError(_("An article needs the date it was published."), "day")
    return replace(article, outlet=outlet, title=title, url=url)


def _article(row: PressArticle) -> Article:
    return Article(row.outlet, row.day, row.title, row.url, row.kind, row.id, row.version, row.clipping_id)


def _check_clipping(event_id: int, clipping_id: int | None) -> None:
    if clipping_id is not None and not Attachment.select().where(
        (Attachment.id == clipping_id) & (Attachment.event == event_id)
    ).exists():
        raise ValidationError(_("The event {event} has no attachment {id}.").format(event=event_id, id=clipping_id),
                              "clipping")  # fmt: skip


def articles(event_id: int) -> list[Article]:
    """The event's articles, by date then outlet."""
    query = PressArticle.select().where(PressArticle.event == event_id).order_by(PressArticle.day,
                                                                                 PressArticle.outlet, PressArticle.id)
    return [_article(row) for row in query]


def add(event_id: int, article: Article) -> Article:
    event_or_error(event_id)
    article = checked(article)
    _check_clipping(event_id, article.clipping_id)
    # a refusal (a viewer's role, a read-only file) in the user's words
    with guard.database_errors(), database_proxy.atomic():
        row = PressArticle.create(event=event_id, outlet=article.outlet, day=article.day, title=article.title,
                                  url=article.url, kind=article.kind, clipping=article.clipping_id)  # fmt: skip
        history.rows_added(PressArticle, [row.id])
    return _article(row)


def update(article: Article) -> Article:
    """Save a changed article with the version it was read at: a colleague's save in between is a conflict."""
    if article.id is None:
        raise UserError(_("The article was never saved."))
    article = checked(article)
    stored = PressArticle.get_or_none(PressArticle.id == article.id)
    if stored is not None:
        _check_clipping(stored.event_id, article.clipping_id)
    values = {PressArticle.outlet: article.outlet, PressArticle.day: article.day, PressArticle.title: article.title,
              PressArticle.url: article.url, PressArticle.kind: article.kind,
              PressArticle.clipping: article.clipping_id}  # fmt: skip

    def conflict() -> ConflictError:
        return ConflictError(_("A colleague changed or removed the article “{title}” since you opened it.").format(
            title=article.title), [_("article")])  # fmt: skip

    with guard.database_errors():
        version = versioned.write_or_conflict(PressArticle, article.id, article.version, values, conflict)
    return replace(article, version=version)


def remove(article_id: int) -> None:
    with guard.database_errors(), database_proxy.atomic():
        history.rows_removing(PressArticle, [article_id])
        removed = PressArticle.delete().where(PressArticle.id == article_id).execute()
    if removed == 0:
        raise UserError(_("There is no article {id}.").format(id=article_id))
