"""Instellingen › Jouw gegevens: the officer's own name and function (asked by the first-run wizard, changed here).

Both stay inside the encrypted vault (its ``meta`` table); neither is printed on a report."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from brugdesk.core.validation import ValidationError
from brugdesk.store.changes import Change, What
from brugdesk.ui.a11y import StatusLabel, hint
from brugdesk.ui.session import Session
from brugdesk.ui.widgets import FieldMessage, form_row


class ProfileTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name_message = FieldMessage(self)
        self.function = QComboBox(self)
        self.function.setEditable(True)
        self.function.addItems([self.tr("Bridge officer"), self.tr("School social worker"),
                                self.tr("Parent consultant")])
        self.function.setAccessibleName(self.tr("Your function"))
        self.function_message = FieldMessage(self)
        form = QFormLayout()
        form_row(form, QLabel(self.tr("Your &name"), self), self.name, self.name_message)
        form_row(form, QLabel(self.tr("Your &function"), self), self.function, self.function_message)
        note = hint(QLabel(self.tr("Your name and function are stored inside the encrypted vault only. They are "
                                   "never printed on reports."), self))
        note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.clicked.connect(self.save)
        self.status = StatusLabel("", self)
        self._saved: tuple[str, str] = ("", "")  # the name and function as stored
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addStretch(1)
        self.load()
        session.changed.connect(self._changed)

    def load(self) -> None:
        if not self.session.is_unlocked:
            return
        settings = self.session.repo.settings
        self._saved = (settings.officer_name, settings.officer_function)
        self.name.setText(self._saved[0])
        self.function.setEditText(self._saved[1])

    def _changed(self, change: Change) -> None:
        if change.touches(What.SETTINGS) and self.session.is_unlocked and not self._edited():
            self.load()

    def _edited(self) -> bool:
        """Whether the fields differ from what is stored (read when the tab was filled or saved)."""
        return (self.name.text(), self.function.currentText()) != self._saved

    def save(self) -> bool:
        self.name_message.clear_message()
        self.function_message.clear_message()
        self.status.clear()
        if not self.name.text().strip():
            self.name_message.show_message(self.tr("Type your name."))
            self.name.setFocus()
            return False
        try:
            self.session.repo.settings.set_officer(self.name.text(), self.function.currentText())
            self._saved = (self.name.text().strip(), self.function.currentText().strip())
        except ValidationError as exc:
            for key, message in exc.errors.items():
                field, label = ((self.function, self.function_message) if key == "officer_function"
                                else (self.name, self.name_message))
                label.show_message(message)
                field.setFocus()
            return False
        self.status.setText(self.tr("Saved."))
        return True

    def stash(self) -> dict[str, Any]:
        return {"name": self.name.text(), "function": self.function.currentText()} if self._edited() else {}

    def restore(self, state: dict[str, Any]) -> None:
        if state:
            self.name.setText(str(state.get("name", "")))
            self.function.setEditText(str(state.get("function", "")))
