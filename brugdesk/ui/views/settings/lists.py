"""Instellingen › Lijsten: the editable lists (themes, kinds of contact, …): add, rename, hide,
move. A hidden item is no longer offered for new entries; what was recorded with it keeps its label."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.lists import ListName
from brugdesk.core.validation import ValidationError
from brugdesk.store.repo import Repositories
from brugdesk.ui.a11y import hint
from brugdesk.ui.session import Session
from brugdesk.ui.views.settings.snippets import SnippetsEditor
from brugdesk.ui.widgets import FieldMessage

#: the choice of the list combo that shows the text snippets
SNIPPETS = "snippets"


class ListsTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list_choice = QComboBox(self)
        self.list_choice.setAccessibleName(self.tr("List"))
        for name, title in self.list_titles().items():
            self.list_choice.addItem(title, str(name))
        # the officer's text snippets are edited here too (they are no list of codes: their own editor)
        self.list_choice.addItem(self.tr("Text snippets (for notes)"), SNIPPETS)
        choice_label = QLabel(self.tr("&List"), self)
        choice_label.setBuddy(self.list_choice)
        self.list_items = QListWidget(self)
        self.list_items.setAccessibleName(self.tr("Items of the list"))
        self.list_items.currentRowChanged.connect(self._item_selected)
        self.item_label = QLineEdit(self)
        self.item_label.setAccessibleName(self.tr("Label"))
        label_label = QLabel(self.tr("La&bel"), self)
        label_label.setBuddy(self.item_label)
        self.item_message = FieldMessage(self)
        self.item_add = QPushButton(self.tr("&Add"), self)
        self.item_rename = QPushButton(self.tr("Re&name"), self)
        self.item_hide = QPushButton(self.tr("&Hide"), self)
        self.item_up = QPushButton(self.tr("Move &up"), self)
        self.item_down = QPushButton(self.tr("Move &down"), self)
        self.item_add.clicked.connect(self.add_item)
        self.item_rename.clicked.connect(self.rename_item)
        self.item_hide.clicked.connect(self.toggle_item)
        self.item_up.clicked.connect(lambda: self.move_item(-1))
        self.item_down.clicked.connect(lambda: self.move_item(1))
        self.list_choice.currentIndexChanged.connect(lambda _i: self._choice_changed())
        note = QLabel(self.tr("Hidden items are no longer offered for new entries; what was recorded with them "
                              "keeps its label, and reports still count it."), self)
        note.setWordWrap(True)
        hint(note)
        top = QHBoxLayout()
        top.addWidget(choice_label)
        top.addWidget(self.list_choice, 1)
        edit = QHBoxLayout()
        edit.addWidget(label_label)
        edit.addWidget(self.item_label, 1)
        edit.addWidget(self.item_add)
        edit.addWidget(self.item_rename)
        side = QVBoxLayout()
        for b in (self.item_hide, self.item_up, self.item_down):
            side.addWidget(b)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list_items, 1)
        middle.addLayout(side)
        lists_box = QWidget(self)
        box = QVBoxLayout(lists_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(middle, 1)
        box.addLayout(edit)
        box.addWidget(self.item_message)
        box.addWidget(note)
        self.snippets = SnippetsEditor(session, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(lists_box)
        self.stack.addWidget(self.snippets)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.refresh_list()

    @property
    def repo(self) -> Repositories:
        return self.session.repo

    def stash(self) -> dict[str, Any]:
        return {"list": self.list_choice.currentIndex(), "item_label": self.item_label.text(),
                "snippet": self.snippets.stash()}

    def restore(self, state: dict[str, Any]) -> None:
        self.list_choice.setCurrentIndex(int(state.get("list", 0)))
        self.item_label.setText(state.get("item_label", ""))
        self.snippets.restore(state.get("snippet", {}))

    def _choice_changed(self) -> None:
        snippets = self.current_list == SNIPPETS
        self.stack.setCurrentIndex(1 if snippets else 0)
        if snippets:
            self.snippets.refresh()
        else:
            self.refresh_list()

    def list_titles(self) -> dict[ListName, str]:
        return {
            ListName.THEME: self.tr("Themes"),
            ListName.CONTACT_KIND: self.tr("Kinds of contact"),
            ListName.WITH_WHOM: self.tr("Contact with"),
            ListName.SIGNAL_SOURCE: self.tr("Signal sources"),
            ListName.PARTNER_TYPE: self.tr("Kinds of partner"),
            ListName.CLOSURE_OUTCOME: self.tr("Outcomes of closing"),
            ListName.ACTIVITY_KIND: self.tr("Kinds of group activity"),
        }


    @property
    def current_list(self) -> str:
        return str(self.list_choice.currentData())

    def refresh_list(self, select_code: str | None = None) -> None:
        if self.current_list == SNIPPETS:
            return
        self.list_items.blockSignals(True)
        self.list_items.clear()
        for item in self.repo.lists.items(self.current_list, include_inactive=True):
            text = item.label if item.active else self.tr("{label} (hidden)").format(label=item.label)
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            row.setData(Qt.ItemDataRole.UserRole + 1, item.active)
            if not item.active:
                row.setForeground(self.palette().placeholderText())
            self.list_items.addItem(row)
            if item.code == select_code:
                self.list_items.setCurrentItem(row)
        self.list_items.blockSignals(False)
        self._item_selected(self.list_items.currentRow())

    def _current_code(self) -> str | None:
        item = self.list_items.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _item_selected(self, row: int) -> None:
        item = self.list_items.item(row) if row >= 0 else None
        for b in (self.item_rename, self.item_hide, self.item_up, self.item_down):
            b.setEnabled(item is not None)
        if item is not None:
            active = bool(item.data(Qt.ItemDataRole.UserRole + 1))
            self.item_hide.setText(self.tr("&Hide") if active else self.tr("S&how again"))
            self.item_label.setText(self.repo.lists.label(self.current_list, self._current_code() or ""))

    def add_item(self) -> bool:
        try:
            item = self.repo.lists.add(self.current_list, self.item_label.text())
        except ValidationError as exc:
            self.item_message.show_message(" ".join(exc.errors.values()))
            return False
        self.item_message.clear_message()
        self.refresh_list(select_code=item.code)
        return True

    def rename_item(self) -> bool:
        code = self._current_code()
        if code is None:
            return False
        try:
            self.repo.lists.rename(self.current_list, code, self.item_label.text())
        except ValidationError as exc:
            self.item_message.show_message(" ".join(exc.errors.values()))
            return False
        self.item_message.clear_message()
        self.refresh_list(select_code=code)
        return True

    def toggle_item(self) -> None:
        item = self.list_items.currentItem()
        if item is None:
            return
        code = str(item.data(Qt.ItemDataRole.UserRole))
        self.repo.lists.set_active(self.current_list, code, not bool(item.data(Qt.ItemDataRole.UserRole + 1)))
        self.refresh_list(select_code=code)

    def move_item(self, offset: int) -> None:
        code = self._current_code()
        if code is None:
            return
        self.repo.lists.move(self.current_list, code, offset)
        self.refresh_list(select_code=code)
