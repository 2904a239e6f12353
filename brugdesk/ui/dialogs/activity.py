"""Create or edit a group activity (koffieochtend, workshop, spreekuur, …)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from brugdesk.core.lists import ListName
from brugdesk.core.model import Activity
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
        self._activity: Activity | None = None
        self.bind(activity_id=activity_id)
        self.resize(480, 480)
        self.date.setFocus()

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
        )

    def save_changes(self) -> int:
        activity = self.activity()
        if activity.id is None:
            self.session.repo.activities.add(activity)
        else:
            self.session.repo.activities.update(activity)
        return activity.id or 0
