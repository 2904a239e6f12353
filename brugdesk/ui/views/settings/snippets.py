"""Instellingen › Lijsten › Tekstblokken: the officer's text snippets (a few letters and the text they
stand for), inserted in note and follow-up fields with Ctrl+Space (:mod:`brugdesk.ui.snippets`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.model import Snippet
from brugdesk.core.validation import ValidationError
from brugdesk.errors import NotFound
from brugdesk.store.changes import Change, What
from brugdesk.ui.a11y import StatusLabel, hint, steady_scroll_bars
from brugdesk.ui.dialogs.formkit import confirm, delete_label
from brugdesk.ui.session import Session
from brugdesk.ui.widgets import FieldMessage


class SnippetsEditor(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items = QListWidget(self)
        self.items.setAccessibleName(self.tr("Text snippets"))
        self.items.currentRowChanged.connect(self._selected)
        self.abbreviation = QLineEdit(self)
        self.abbreviation.setAccessibleName(self.tr("Letters"))
        self.abbreviation.setPlaceholderText(self.tr("e.g. hb"))
        self.abbreviation.setMaximumWidth(200)
        self.text = steady_scroll_bars(QPlainTextEdit(self))
        self.text.setAccessibleName(self.tr("Text"))
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("e.g. Home visit: talked with both parents about …"))
        self.text.setMinimumHeight(70)
        self.abbreviation_message = FieldMessage(self)
        self.text_message = FieldMessage(self)
        abbreviation_label = QLabel(self.tr("Le&tters:"), self)
        abbreviation_label.setBuddy(self.abbreviation)
        text_label = QLabel(self.tr("Te&xt:"), self)
        text_label.setBuddy(self.text)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.save_button = QPushButton(self.tr("&Save changes"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.up_button.clicked.connect(lambda: self.move_snippet(-1))
        self.down_button.clicked.connect(lambda: self.move_snippet(1))
        self.status = StatusLabel(parent=self)
        note = hint(QLabel(self.tr("In a note or follow-up, type the letters and press Ctrl+Space: the text takes "
                                   "their place. Ctrl+Space without letters lists every snippet."), self))
        note.setWordWrap(True)

        side = QVBoxLayout()
        for b in (self.delete_button, self.up_button, self.down_button):
            side.addWidget(b)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.items, 1)
        top.addLayout(side)
        form = QFormLayout()
        abbreviation_box = QVBoxLayout()
        abbreviation_box.addWidget(self.abbreviation)
        abbreviation_box.addWidget(self.abbreviation_message)
        text_box = QVBoxLayout()
        text_box.addWidget(self.text)
        text_box.addWidget(self.text_message)
        form.addRow(abbreviation_label, abbreviation_box)
        form.addRow(text_label, text_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(note)
        session.changed.connect(self._changed)
        self.refresh()

    def _changed(self, change: Change) -> None:
        if change.touches(What.SNIPPET) and self.session.is_unlocked:
            self.refresh(self._current_id())

    def refresh(self, select_id: int | None = None) -> None:
        if not self.session.is_unlocked:
            return
        self.items.blockSignals(True)
        self.items.clear()
        for snippet in self.session.repo.snippets.list():
            line = " ".join(snippet.text.split())
            item = QListWidgetItem(f"{snippet.abbreviation} — {line[:80]}{'…' if len(line) > 80 else ''}")
            item.setData(Qt.ItemDataRole.UserRole, snippet.id)
            self.items.addItem(item)
            if snippet.id == select_id:
                self.items.setCurrentItem(item)
        self.items.blockSignals(False)
        self._update_buttons()

    def _current_id(self) -> int | None:
        item = self.items.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        has = self._current_id() is not None
        for b in (self.save_button, self.delete_button, self.up_button, self.down_button):
            b.setEnabled(has)

    def _selected(self, _row: int) -> None:
        self._update_buttons()
        snippet_id = self._current_id()
        if snippet_id is None:
            return
        snippet = next((s for s in self.session.repo.snippets.list() if s.id == snippet_id), None)
        if snippet is not None:
            self.abbreviation.setText(snippet.abbreviation)
            self.text.setPlainText(snippet.text)
        self._messages({})

    def _messages(self, errors: dict[str, str]) -> None:
        self.abbreviation_message.show_message(errors.get("abbreviation", ""))
        self.text_message.show_message(errors.get("text", ""))
        first = self.abbreviation if "abbreviation" in errors else self.text if "text" in errors else None
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _snippet(self, snippet_id: int | None = None) -> Snippet:
        return Snippet(self.abbreviation.text(), self.text.toPlainText(), snippet_id)

    def add(self) -> bool:
        try:
            snippet = self.session.repo.snippets.add(self._snippet())
        except ValidationError as exc:
            self._messages(exc.errors)
            return False
        self._messages({})
        self.refresh(snippet.id)
        self.status.setText(self.tr("Added: {abbreviation}").format(abbreviation=snippet.abbreviation))
        return True

    def save(self) -> bool:
        snippet_id = self._current_id()
        if snippet_id is None:
            return False
        try:
            self.session.repo.snippets.update(self._snippet(snippet_id))
        except (ValidationError, NotFound) as exc:
            self._messages(getattr(exc, "errors", {}))
            return False
        self._messages({})
        self.refresh(snippet_id)
        self.status.setText(self.tr("Saved."))
        return True

    def delete(self) -> None:
        snippet_id = self._current_id()
        if snippet_id is None:
            return
        if confirm(self, self.tr("Delete text snippet"),
                   self.tr("Delete the text snippet “{abbreviation}”? Notes it was inserted in keep their text.")
                   .format(abbreviation=self.abbreviation.text()), delete_label()) and self.session.is_unlocked:
            self.session.repo.snippets.delete(snippet_id)
            self.abbreviation.clear()
            self.text.clear()
            self.refresh()
            self.status.setText(self.tr("Deleted."))

    def move_snippet(self, offset: int) -> None:
        snippet_id = self._current_id()
        if snippet_id is not None:
            self.session.repo.snippets.move(snippet_id, offset)
            self.refresh(snippet_id)

    def stash(self) -> dict[str, Any]:
        return {"abbreviation": self.abbreviation.text(), "text": self.text.toPlainText()}

    def restore(self, state: dict[str, Any]) -> None:
        self.abbreviation.setText(str(state.get("abbreviation", "")))
        self.text.setPlainText(str(state.get("text", "")))
