"""One versioned save for every record the window edits: the check and the write are one statement.

A record with a `version` column is written by `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`:
two savers who opened the same version can never both pass, and the one who updates no row learns that a colleague
saved in between (ConflictError, naming what the colleague changed). Child rows (an exhibition's items, a list's
entries) are brought to what the saver lists row by row, by id, so ids stay stable; a stored row the saver never saw
(a colleague added it after the saver loaded) is never deleted silently: it is a conflict.

Each write and each sync appends its entries to the change history (core/history.py) in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import peewee

from nlv_events.core import history
from nlv_events.core.errors import ConflictError
from nlv_events.i18n import _

# The names a conflict message shows at most before "and N more".
_SHOWN_CHANGES = 6


def write(model: type[peewee.Model], row_id: int, version: int | None, values: Mapping[str, Any],
          column: peewee.Field | None = None, snapshot: Callable[[], Any] | None = None) -> int | None:
    """Write `values` to row `row_id` and step its version, in one statement; None when no row was written (a
    colleague saved since `version`, or the row is gone). `version` None writes whatever the stored version is
    (imports); `column` is the version column when it is not the model's `version` (a parent's per-part version);
    `snapshot` reads that whole part, for the history to keep the version this save replaces (core/history.py)."""
    counter = column if column is not None else model.version  # type: ignore[attr-defined]
    before = history.row_values(model, row_id)  # read in the save's transaction: the UPDATE below checks it is so
    update = model.update({**values, counter: counter + 1}).where(model.id == row_id)  # type: ignore[attr-defined]
    if version is not None:
        update = update.where(counter == version)
    if update.execute() == 0:
        return None
    new_version = model.select(counter).where(model.id == row_id).scalar()  # type: ignore[attr-defined]
    history.row_written(model, row_id, new_version, before, column, snapshot)
    return new_version


def write_or_conflict(model: type[peewee.Model], row_id: int, version: int | None, values: Mapping[str, Any],
                      conflict: Callable[[], ConflictError], column: peewee.Field | None = None,
                      snapshot: Callable[[], Any] | None = None) -> int:
    """`write`, raising `conflict()` when a colleague saved first; returns the new version."""
    new_version = write(model, row_id, version, values, column, snapshot)
    if new_version is None:
        raise conflict()
    return new_version


def sync_rows(model: type[peewee.Model], scope: peewee.Expression, rows: list[dict[str, Any]],
              seen: Iterable[int] | None, conflict: Callable[[], ConflictError], keep_ids: bool = False) -> list[int]:
    """Bring the rows under `scope` to `rows` by id: a listed id is updated when it differs, a row without a (known)
    id is inserted, a stored row that is not listed is deleted if the saver saw it (`seen`: the ids they loaded).
    A stored row outside `seen` was added by a colleague: `conflict()` is raised and nothing is deleted. `seen`
    None (an import with no loaded copy) deletes every unlisted row. Returns the ids in the order of `rows`.
    `keep_ids` (a restore from the history): a listed id no row holds any more is inserted with that id again."""
    stored = {row.id: row.__data__ for row in model.select().where(scope)}
    listed = {row["id"] for row in rows if row.get("id") in stored}
    if seen is not None and set(stored) - listed - set(seen):
        raise conflict()
    removed = set(stored) - listed
    if removed:
        model.delete().where(model.id.in_(removed)).execute()  # type: ignore[attr-defined]
    ids: list[int] = []
    written: dict[int, dict[str, Any]] = {}
    for row in rows:
        values = {key: value for key, value in row.items() if key != "id"}
        row_id = row.get("id")
        if keep_ids and row_id is not None and row_id not in stored and row_id not in ids and _free(model, row_id):
            values = {"id": row_id, **values}
        if row_id not in stored or row_id in ids:  # new, or the same id listed twice (a copy)
            ids.append(model.insert(**values).execute())
            written[ids[-1]] = values
            continue
        if any(stored[row_id].get(key) != value for key, value in values.items()):
            model.update(**values).where(model.id == row_id).execute()  # type: ignore[attr-defined]
            written[row_id] = values
        ids.append(row_id)
    history.rows_synced(model, stored, written, removed)
    return ids


def _free(model: type[peewee.Model], row_id: int) -> bool:
    """Whether no row of the table holds `row_id` (a row the restored version had, removed since)."""
    return not model.select().where(model.id == row_id).exists()  # type: ignore[attr-defined]


# ---- what a colleague changed, in words -----------------------------------------------------------------------


def field_changes(labels: Mapping[str, str], before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The labels of the fields (in the order of `labels`) whose value differs between `before` and `after`."""
    return [label for name, label in labels.items() if before.get(name) != after.get(name)]


def row_changes(noun: str, before: Mapping[int, tuple[str, Any]], after: Mapping[int, tuple[str, Any]]) -> list[str]:
    """What happened to the rows between two loads, each row given by id as (the name a user knows it by, its
    values): "item “Bản đồ” added", "… removed", "… changed"."""
    changes = []
    for row_id, (name, values) in after.items():
        if row_id not in before:
            changes.append(_("{noun} “{name}” added").format(noun=noun, name=name))
        elif before[row_id][1] != values:
            changes.append(_("{noun} “{name}” changed").format(noun=noun, name=name))
    for row_id, (name, _values) in before.items():
        if row_id not in after:
            changes.append(_("{noun} “{name}” removed").format(noun=noun, name=name))
    return changes


def conflict_error(what: str, changes: list[str]) -> ConflictError:
    """The message for a save a colleague overtook: what they saved and what they changed; nothing of the user's
    was written."""
    shown = changes[:_SHOWN_CHANGES]
    if len(changes) > len(shown):
        shown.append(_("and {count} more").format(count=len(changes) - len(shown)))
    return ConflictError(
        _(
            "A colleague saved {what} after you opened it, so your change was not saved. They changed: {changes}. "
            "Their version is shown now; make your change again on it."
        ).format(what=what, changes="; ".join(shown) or _("nothing visible")),
        changes,
    )


def gone_error(what: str) -> ConflictError:
    """A save of a record a colleague removed in the meantime."""
    return ConflictError(
        _("A colleague removed {what} after you opened it, so your change was not saved.").format(what=what),
        [],
    )
