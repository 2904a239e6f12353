"""Create or edit a group activity (koffieochtend, workshop, spreekuur, …), with the families that
attended: type a few letters of a family in "Families present", Enter adds it to the list under it;
Delete (or the Remove button) takes the selected one off again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.lists import ListName
from brugdesk.core.model import Activity
from brugdesk.ui.dialogs.family_picker import FamilyPicker
from brugdesk.ui.dialogs.formkit import BoundFormDialog, CheckList
from brugdesk.ui.labels import from_qdate, to_qdate
from brugdesk.ui.widgets import date_edit


class ActivityDialog(BoundFormDialog):
    def __init__(self, session: Any, parent: QWidget | None = None, activity_id: int | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("ActivityDialog")
        repo = session.repo
        self.date = date_edit()
        self.field(self.tr("&Date:"), "date", self.date)
        self.kind = QComboBox()
        for item in repo.lists.items(ListName.ACTIVITY_KIND):
            self.kind.addItem(item.label, item.code)
        self.field(self.tr("&Kind:"), "kind", self.kind)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Coffee morning about school costs"))
        self.field(self.tr("&Title:"), "title", self.title)
        self.school = QComboBox()
        self.school.addItem(self.tr("(none)"), 0)
        for s in repo.schools.list():
            self.school.addItem(s.name, s.id)
        self.field(self.tr("Sc&hool:"), "school", self.school, "school_id")
        self.parents_count = QSpinBox()
        self.parents_count.setRange(0, 10_000)
        self.field(self.tr("&Parents attending:"), "parents_count", self.parents_count)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(90)
        self.field(self.tr("D&uration:"), "minutes", self.minutes)
        self.themes = CheckList([(i.code, i.label) for i in repo.lists.items(ListName.THEME)])
        self.themes.setFixedHeight(130)
        self.field(self.tr("The&mes:"), "themes", self.themes)
        # the families known to have been there (a subset of the parents counted above)
        self.add_column()
        self.family_picker = FamilyPicker(repo.families)
        self.family_picker.setPlaceholderText(self.tr("Type a name or reference, Enter adds it"))
        self.family_picker.setAccessibleName(self.tr("Add a family that was present"))
        self.family_picker.picked.connect(self._add_family)
        self.present = QListWidget()
        self.present.setAccessibleName(self.tr("Families present"))
        self.present.setMinimumHeight(120)
        self.remove_family_button = QPushButton(self.tr("&Remove from the list"))
        self.remove_family_button.setToolTip(self.tr("Remove the selected family from the families present (Delete)"))
        self.remove_family_button.clicked.connect(self._remove_family)
        remove = QShortcut(QKeySequence("Delete"), self.present)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._remove_family)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.family_picker)
        lay.addWidget(self.present, 1)
        row = QHBoxLayout()
        row.addWidget(self.remove_family_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.errors.form_row(self.form, self.tr("&Families present:"), "family_ids", box)
        box.setFocusProxy(self.family_picker)
        self._activity: Activity | None = None
        self.bind(activity_id=activity_id)
        self._update_remove()
        self.present.currentRowChanged.connect(lambda _r: self._update_remove())
        self.resize(860, 480)
        self.date.setFocus()

    # ------------------------------------------------------------ families present
    def family_ids(self) -> list[int]:
        return [int(self.present.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.present.count())]

    def _add_present(self, family_id: int, label: str) -> None:
        if family_id in self.family_ids():
            return
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, family_id)
        self.present.addItem(item)
        self.present.setCurrentItem(item)

    def _add_family(self, family_id: int) -> None:
        if family_id:
            self._add_present(family_id, self.family_picker.text())
            self.family_picker.clear()
            self.family_picker.set_family(0)
        self._update_remove()

    def _remove_family(self) -> None:
        row = self.present.currentRow()
        if row >= 0:
            self.present.takeItem(row)
        self._update_remove()

    def _update_remove(self) -> None:
        self.remove_family_button.setEnabled(self.present.currentRow() >= 0)

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        activity_id = ids.get("activity_id")
        self._activity = None
        if activity_id:
            self._activity = next((a for a in self.session.repo.activities.list() if a.id == activity_id), None)
        a = self._activity
        self.setWindowTitle(self.tr("Edit group activity") if a else self.tr("New group activity"))
        if a is None:
            return
        self.date.setDate(to_qdate(a.date))
        i = self.kind.findData(a.kind)
        if i < 0:
            labels = self.session.repo.lists.labels(ListName.ACTIVITY_KIND)
            self.kind.addItem(labels.get(a.kind, a.kind), a.kind)
            i = self.kind.count() - 1
        self.kind.setCurrentIndex(i)
        self.title.setText(a.title)
        self.school.setCurrentIndex(max(0, self.school.findData(a.school_id or 0)))
        self.parents_count.setValue(a.parents_count)
        self.minutes.setValue(a.minutes)
        labels = self.session.repo.lists.labels(ListName.THEME)
        for code in a.themes:
            self.themes.ensure(code, labels.get(code, code))
        self.themes.set_checked(a.themes)
        self.present.clear()
        for family_id, ref, name in self.session.repo.activities.attendees(a.id or 0):
            self._add_present(family_id, f"{name} ({ref})")

    def activity(self) -> Activity:
        return Activity(
            date=from_qdate(self.date.date()),
            kind=str(self.kind.currentData() or ""),
            school_id=int(self.school.currentData() or 0) or None,
            parents_count=self.parents_count.value(),
            minutes=self.minutes.value(),
            themes=self.themes.checked(),
            title=self.title.text(),
            id=self._activity.id if self._activity else None,
            family_ids=self.family_ids(),
        )

    def save_changes(self) -> int:
        activity = self.activity()
        if activity.id is None:
            self.session.repo.activities.add(activity)
        else:
            self.session.repo.activities.update(activity)
        return activity.id or 0

    def stash(self) -> dict[str, Any]:
        state = super().stash()
        if state:
            state["present"] = [(self.present.item(i).data(Qt.ItemDataRole.UserRole), self.present.item(i).text())
                                for i in range(self.present.count())]
        return state

    def restore(self, state: dict[str, Any]) -> None:
        super().restore(state)
        if "present" in state:
            self.present.clear()
            for family_id, label in state["present"]:
                self._add_present(int(family_id), str(label))
