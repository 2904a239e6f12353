"""Instellingen › Scholen: the schools the officer works for (name, type, BRIN, number of pupils)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.model import School, SchoolType
from brugdesk.core.validation import ValidationError
from brugdesk.store.repo import Repositories
from brugdesk.ui import prompter
from brugdesk.ui.session import Session
from brugdesk.ui.widgets import FieldMessage, form_row


class SchoolsTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._school_id: int | None = None
        self.school_list = QListWidget(self)
        self.school_list.setAccessibleName(self.tr("Schools"))
        self.school_list.currentRowChanged.connect(self._school_selected)
        list_label = QLabel(self.tr("Sc&hools you work for"), self)
        list_label.setBuddy(self.school_list)

        self.school_name = QLineEdit(self)
        self.school_name.setAccessibleName(self.tr("School name"))
        self.school_type = QComboBox(self)
        self.school_type.setAccessibleName(self.tr("School type"))
        for code, text in ((SchoolType.PO, self.tr("PO – primary")), (SchoolType.VO, self.tr("VO – secondary")),
                           (SchoolType.SO, self.tr("SO – special"))):
            self.school_type.addItem(text, str(code))
        self.school_brin = QLineEdit(self)
        self.school_brin.setAccessibleName(self.tr("BRIN code"))
        self.school_brin.setMaxLength(8)
        self.school_pupils = QLineEdit(self)
        self.school_pupils.setAccessibleName(self.tr("Number of pupils"))
        self.school_msgs = {k: FieldMessage(self) for k in ("name", "type", "brin", "pupil_count", "school")}
        form = QFormLayout()
        form_row(form, QLabel(self.tr("&Name"), self), self.school_name, self.school_msgs["name"])
        form_row(form, QLabel(self.tr("&Type"), self), self.school_type, self.school_msgs["type"])
        form_row(form, QLabel(self.tr("B&RIN (optional)"), self), self.school_brin, self.school_msgs["brin"])
        form_row(form, QLabel(self.tr("&Pupils (optional)"), self), self.school_pupils,
                 self.school_msgs["pupil_count"])
        self.school_new = QPushButton(self.tr("&New school"), self)
        self.school_save = QPushButton(self.tr("&Save school"), self)
        self.school_remove = QPushButton(self.tr("&Remove school"), self)
        self.school_new.clicked.connect(self._school_new)
        self.school_save.clicked.connect(self.save_school)
        self.school_remove.clicked.connect(self.remove_school)
        buttons = QHBoxLayout()
        for b in (self.school_new, self.school_save, self.school_remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.school_msgs["school"])
        right.addLayout(buttons)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.school_list)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.refresh_schools()

    @property
    def repo(self) -> Repositories:
        return self.session.repo

    def stash(self) -> dict[str, Any]:
        """The school being typed, kept in memory over a lock."""
        return {"school_id": self._school_id,
                "school": (self.school_name.text(), self.school_type.currentIndex(), self.school_brin.text(),
                           self.school_pupils.text())}

    def restore(self, state: dict[str, Any]) -> None:
        school_id = state.get("school_id")
        self.refresh_schools(select_id=school_id)
        self._school_id = school_id
        name, type_index, brin, pupils = state.get("school", ("", 0, "", ""))
        self.school_name.setText(name)
        self.school_type.setCurrentIndex(type_index)
        self.school_brin.setText(brin)
        self.school_pupils.setText(pupils)

    def refresh_schools(self, select_id: int | None = None) -> None:
        self.school_list.blockSignals(True)
        self.school_list.clear()
        for school in self.repo.schools.list():
            item = QListWidgetItem(f"{school.name}  ·  {school.type}")
            item.setData(Qt.ItemDataRole.UserRole, school.id)
            self.school_list.addItem(item)
            if school.id == select_id:
                self.school_list.setCurrentItem(item)
        self.school_list.blockSignals(False)
        self.school_remove.setEnabled(select_id is not None)

    def _school_selected(self, row: int) -> None:
        item = self.school_list.item(row)
        if item is None:
            return
        school = self.repo.schools.get(int(item.data(Qt.ItemDataRole.UserRole)))
        self._school_id = school.id
        self.school_name.setText(school.name)
        self.school_type.setCurrentIndex(max(0, self.school_type.findData(str(school.type))))
        self.school_brin.setText(school.brin)
        self.school_pupils.setText("" if school.pupil_count is None else str(school.pupil_count))
        self.school_remove.setEnabled(True)
        for m in self.school_msgs.values():
            m.clear_message()

    def _school_new(self) -> None:
        self._school_id = None
        self.school_list.clearSelection()
        self.school_list.setCurrentRow(-1)
        for w in (self.school_name, self.school_brin, self.school_pupils):
            w.clear()
        self.school_remove.setEnabled(False)
        self.school_name.setFocus()

    def save_school(self) -> bool:
        for m in self.school_msgs.values():
            m.clear_message()
        pupils_text = self.school_pupils.text().strip()
        pupils: int | None = None
        if pupils_text:
            try:
                pupils = int(pupils_text.replace(".", ""))
            except ValueError:
                self.school_msgs["pupil_count"].show_message(self.tr("Type a whole number, such as 240."))
                return False
        school = School(name=self.school_name.text(), type=SchoolType(self.school_type.currentData()),
                        brin=self.school_brin.text(), pupil_count=pupils, id=self._school_id)
        try:
            if school.id is None:
                self.repo.schools.add(school)
            else:
                self.repo.schools.update(school)
        except ValidationError as exc:
            for key, text in exc.errors.items():
                self.school_msgs.get(key, self.school_msgs["school"]).show_message(text)
            return False
        self._school_id = school.id
        self.refresh_schools(select_id=school.id)
        return True

    def remove_school(self) -> None:
        if self._school_id is None:
            return
        if not prompter.current().ask_yes_no(self, self.tr("Remove school"),
                                             self.tr("Remove this school from brugdesk?"),
                                             action=self.tr("&Remove"), cancel=self.tr("Cancel")):
            return
        try:
            self.repo.schools.delete(self._school_id)
        except ValidationError as exc:
            self.school_msgs["school"].show_message(" ".join(exc.errors.values()))
            return
        self._school_new()
        self.refresh_schools()
