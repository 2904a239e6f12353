"""Groepsactiviteiten: group activities (koffieochtend, workshop, …): list, create, edit, delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from brugdesk.core.model import Activity
from brugdesk.store.changes import Change, What
from brugdesk.ui.dialogs.formkit import confirm, delete_label
from brugdesk.ui.labels import fmt_date
from brugdesk.ui.models.base import ListLabels
from brugdesk.ui.models.casework import ActivityModel
from brugdesk.ui.views.tables import CaseTable


class ActivitiesPage(QWidget):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog: Any = None
        lay = QVBoxLayout(self)
        self.model = ActivityModel(self)
        self.table = CaseTable(self.model, self.tr("Group activities"), sortable=True, stretch=ActivityModel.THEMES)
        self.table.fit_columns({ActivityModel.DATE: 110, ActivityModel.KIND: 230, ActivityModel.TITLE: 200,
                                ActivityModel.SCHOOL: 200, ActivityModel.PARENTS: 80, ActivityModel.MINUTES: 90})
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.on_activate(self.edit_activity)
        self.table.on_delete(self.delete_activity)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New activity…"))
        self.new_button.setToolTip(self.tr("New group activity (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_activity)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected activity (Enter)"))
        self.edit_button.clicked.connect(self.edit_activity)
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setToolTip(self.tr("Delete the selected activity (Delete)"))
        self.delete_button.clicked.connect(self.delete_activity)
        for b in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        lay.addLayout(row)
        sc = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(self.new_activity)
        session.changed.connect(self._changed)
        session.locked.connect(self.model.clear)
        self.reload()

    def reload(self) -> None:
        if not self.session.is_unlocked:
            return
        repo = self.session.repo
        current: Activity | None = self.table.current_row_object()
        self.model.set_labels(ListLabels.read(repo))
        self.model.schools = {s.id or 0: s.name for s in repo.schools.list()}
        self.model.load(repo.activities.list())
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if current is None or not self.table.select_where(lambda a: a.id == current.id):
            self.table.select_first()
        n = self.model.total()
        self.count_label.setText(self.tr("{n} activity", "{n} activities", n).format(n=n))
        self._update_buttons()

    def _changed(self, change: Change) -> None:
        if self.session.is_unlocked and change.touches(What.ACTIVITY, What.SCHOOL, What.LIST, What.SETTINGS):
            self.reload()

    def _update_buttons(self) -> None:
        has = self.table.current_row_object() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_activity(self) -> Any:
        if not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.activity import ActivityDialog

        return self._open(ActivityDialog(self.session, self))

    def edit_activity(self) -> Any:
        activity: Activity | None = self.table.current_row_object()
        if activity is None or not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.activity import ActivityDialog

        return self._open(ActivityDialog(self.session, self, activity_id=activity.id))

    def delete_activity(self) -> None:
        activity: Activity | None = self.table.current_row_object()
        if activity is None or activity.id is None:
            return
        if confirm(self, self.tr("Delete activity"),
                   self.tr("Delete the activity of {date}?").format(date=fmt_date(activity.date)), delete_label()):
            if not self.session.is_unlocked:
                return
            self.session.repo.activities.delete(activity.id)
