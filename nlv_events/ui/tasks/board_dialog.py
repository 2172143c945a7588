"""The board of what is due (Việc cần làm): open tasks overdue, this week and next week, for everyone or for one
person (or only mine), for one event or all; a task is marked done here, and its event opens with a double-click.
The tasks of cancelled events are left out, and counted under the list."""

from __future__ import annotations

import datetime as dt
import getpass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext, pgettext
from nlv_events.i18n.formats import format_day
from nlv_events.services.tasks import board, staff, task_list
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import close_box, dress_dialog
from nlv_events.ui.shell.widgets import left_row
from nlv_events.ui.tasks.task_fields import owner_box

TASK_ID = Qt.ItemDataRole.UserRole
EVENT_ID = Qt.ItemDataRole.UserRole + 1


def current_member() -> staff.StaffRecord | None:
    """The member of staff this computer's user is, by their login (the team's accounts), or None."""
    try:
        return staff.by_login(getpass.getuser())
    except (KeyError, OSError):  # no user name to be had
        return None


class BoardDialog(QDialog):
    """`chosen_event` is the event whose task was double-clicked (or opened) when the dialog closes."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "TaskBoard", _("Tasks to do"), (900, 560), fit=True)
        self.today = today or dt.date.today()
        self.chosen_event: int | None = None
        self.me = current_member()
        # "Everyone" alone is an event's audience (Mọi đối tượng): here it is every member of staff.
        self.person_box = owner_box(self, pgettext("staff", "Everyone"))
        self.person_box.setObjectName("boardPerson")
        self.event_box = QComboBox(self)
        self.event_box.setObjectName("boardEvent")
        self.mine_box = QCheckBox(_("Only mine"), self)
        self.mine_box.setObjectName("boardOnlyMine")
        self.mine_box.setEnabled(self.me is not None)
        if self.me is None:
            self.mine_box.setToolTip(_("No member of staff has this computer's login (Edit → Staff)."))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("boardTree")
        self.tree.setHeaderLabels([_("Due"), _("Task"), _("Event"), _("Owner"), _("State")])
        self.tree.setColumnWidth(0, 110)
        self.tree.setColumnWidth(1, 300)
        self.tree.setColumnWidth(2, 220)
        self.left_out_label = QLabel(self)  # how many tasks of cancelled events the list leaves out
        self.left_out_label.setObjectName("boardLeftOut")
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._open(item))
        self.done_button = QPushButton(_("Mark done"), self)
        self.done_button.setObjectName("boardDone")
        self.done_button.clicked.connect(self.mark_done)
        self.open_button = QPushButton(_("Open event"), self)
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        self.open_button.setObjectName("boardOpen")
        self.tree.currentItemChanged.connect(lambda *_: self._follow_choice())
        filters = QHBoxLayout()
        for label, box in ((_("Person"), self.person_box), (_("Event"), self.event_box)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(box, 1)
        filters.addWidget(self.mine_box)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.left_out_label)
        layout.addLayout(left_row(self.done_button, self.open_button))
        layout.addWidget(close_box(self))
        self._fill_events()
        for signal in (self.person_box.currentIndexChanged, self.event_box.currentIndexChanged,
                       self.mine_box.toggled):
            signal.connect(lambda *_: self.reload())
        self.reload()

    def _fill_events(self) -> None:
        self.event_box.addItem(_("All events"), None)
        seen: dict[int, str] = {}
        for row in task_list.tasks(open_only=True, held_only=True):
            seen.setdefault(row.event_id, row.event_title)
        for event_id, title in seen.items():
            self.event_box.addItem(title, event_id)

    def _owner(self) -> int | None:
        if self.mine_box.isChecked() and self.me is not None:
            return self.me.id
        return self.person_box.currentData()

    def reload(self) -> None:
        self.tree.clear()
        shown = board.board(self.today, event_id=self.event_box.currentData(), owner_id=self._owner())
        for key, rows in shown.groups.items():
            group = QTreeWidgetItem(self.tree, [f"{board.group_label(key)} ({len(rows)})"])
            group.setFirstColumnSpanned(True)
            for row in rows:
                item = QTreeWidgetItem(group, [format_day(row.due) if row.due else "", row.title, row.event_title,
                                               row.owner, task_list.state_label(row.state)])
                item.setData(0, TASK_ID, row.id)
                item.setData(0, EVENT_ID, row.event_id)
            group.setExpanded(True)
        self.tree.resizeColumnToContents(0)  # a due day whole beside the group's indent ("21/12/2…" was cut)
        self.left_out_label.setText(ngettext(
            "{count} task of a cancelled event is not shown (the event's Tasks tab lists it).",
            "{count} tasks of cancelled events are not shown (each event's Tasks tab lists them).",
            shown.left_out).format(count=shown.left_out))
        self.left_out_label.setVisible(shown.left_out > 0)
        self._follow_choice()

    def _follow_choice(self) -> None:
        """Mark done and Open event act on a task: greyed out while none is chosen (a group's row is no task)."""
        item = self.tree.currentItem()
        chosen = item is not None and item.data(0, TASK_ID) is not None
        self.done_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    def task_items(self) -> list[QTreeWidgetItem]:
        """Every task's row, group by group."""
        return [self.tree.topLevelItem(g).child(c) for g in range(self.tree.topLevelItemCount())
                for c in range(self.tree.topLevelItem(g).childCount())]

    def mark_done(self) -> None:
        item = self.tree.currentItem()
        task_id = item.data(0, TASK_ID) if item is not None else None
        if task_id is None:
            return
        try:
            task_list.set_state(task_id, "done")
        except UserError as error:
            ask.warn(self, self.windowTitle(), str(error))
        self.reload()

    def _open(self, item: QTreeWidgetItem | None) -> None:
        event_id = item.data(0, EVENT_ID) if item is not None else None
        if event_id is not None:
            self.chosen_event = event_id
            self.accept()
