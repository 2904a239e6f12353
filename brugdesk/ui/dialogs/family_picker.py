"""The family picker of "log a contact" (Ctrl+N): a line edit that finds open families as you type.

Every keystroke asks the vault (:meth:`Families.picker_search
<brugdesk.store.repo.families.Families.picker_search>`): a family's name, its reference, and the
names of its parents and children count, so typing a child's first name finds the family. Each
match in the list says what tells families of the same name apart: the child the search matched
("kind: Milan, groep 5"), or else the children with their group and school, or the family's
schools. Nothing is kept in memory between keystrokes but the matches on screen (dropped on lock).

:attr:`FamilyPicker.searched` tells the dialog how many open families matched and, when none did,
how many closed ones would have (the dialog says so under the field).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from brugdesk.core.text import fold
from brugdesk.errors import NotFound
from brugdesk.store.repo.rows import PickerRow
from brugdesk.ui.labels import child_text, group_text

ID_ROLE = int(Qt.ItemDataRole.UserRole)
MAX_MATCHES = 50


class _Matches(QAbstractListModel):
    """The families that match what was typed, best first (label; id under ``ID_ROLE``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, int]] = []

    def set_rows(self, rows: list[tuple[str, str, int]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear_for_lock(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        label, detail, family_id = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{label} — {detail}" if detail else label
        if role == Qt.ItemDataRole.EditRole:
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return detail
        if role == ID_ROLE:
            return family_id
        return None


def family_label(display_name: str, ref: str) -> str:
    return f"{display_name} ({ref})"


def _detail(row: PickerRow) -> str:
    """What tells this family apart from another of the same name."""
    if row.matched_child:
        found = child_text(row.matched_child, row.matched_group)
        return QCoreApplication.translate("FamilyPicker", "child: {child}").format(child=found)
    if row.children:
        parts = []
        for child in row.children[:4]:
            where = ", ".join(p for p in (group_text(child.group), child.school) if p)
            parts.append(f"{child.first_name} ({where})" if where else child.first_name)
        more = len(row.children) - 4
        children = "; ".join(parts) + (f"; +{more}" if more > 0 else "")
        return QCoreApplication.translate("FamilyPicker", "children: {children}").format(children=children)
    if not row.schools:
        return ""
    return QCoreApplication.translate("FamilyPicker", "school: {schools}").format(schools=row.schools)


class FamilyPicker(QLineEdit):
    """A line edit that completes open families on name, reference and members' names."""

    picked = Signal(int)
    #: (text searched, open families found, closed families that would match): after each keystroke
    searched = Signal(str, int, int)

    def __init__(self, families: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._families = families  # the vault's Families repository
        self._family_id = 0
        self._matches = _Matches(self)
        self._completer = QCompleter(self._matches, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(8)
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.textEdited.connect(self._edited)
        self.setClearButtonEnabled(True)

    def _find(self, text: str) -> list[tuple[str, str, int]]:
        """Open families that hold every typed word; names starting with them first."""
        words = fold(text).split()
        if not words or self._families is None:
            return []
        found = []
        for n, row in enumerate(self._families.picker_search(text, limit=MAX_MATCHES)):
            parts = fold(f"{row.display_name} {row.ref} {row.matched_child}").split()
            misses = sum(not any(p.startswith(w) for p in parts) for w in words)
            found.append((misses, n, family_label(row.display_name, row.ref), _detail(row), row.id))
        found.sort()
        return [(label, detail, family_id) for _m, _n, label, detail, family_id in found]

    def forget(self) -> None:
        """Drop every family name held for completion (the vault is locking)."""
        self._families = None
        self._matches.set_rows([])

    @property
    def family_id(self) -> int:
        return self._family_id

    def set_family(self, family_id: int, label: str = "") -> None:
        self._family_id = family_id
        if not label and family_id and self._families is not None:
            try:
                family = self._families.get(family_id)
            except NotFound:  # erased meanwhile (a draft given back after a lock)
                family = None
            if family is not None:
                label = family_label(family.display_name, family.ref)
        self.setText(label)

    def matches(self) -> int:
        return self._matches.rowCount()

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _edited(self, text: str) -> None:
        self._family_id = 0
        self._matches.set_rows(self._find(text))
        found = self._matches.rowCount()
        closed = 0
        if text.strip() and not found and self._families is not None:
            closed = len(self._families.picker_search(text, include_closed=True, limit=MAX_MATCHES))
        self.searched.emit(text, found, closed)
        if text.strip() and found:
            popup = self._completer.popup()
            if popup is not None:
                popup.setMinimumWidth(max(self.width(), 560))
            self._completer.complete()
        else:
            self._hide_popup()

    def _activated(self, index: QModelIndex) -> None:
        self._pick_row(index.row())

    def _pick_row(self, row: int) -> bool:
        index = self._matches.index(row, 0)
        if not index.isValid():
            return False
        self._hide_popup()
        self.set_family(int(index.data(ID_ROLE)), str(index.data(Qt.ItemDataRole.EditRole)))
        self.picked.emit(self._family_id)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            if self._family_id:
                self._hide_popup()
                self.picked.emit(self._family_id)
                event.accept()
                return
            if self.text().strip():
                popup = self._completer.popup()
                current = popup.currentIndex() if popup is not None and popup.isVisible() else QModelIndex()
                self._pick_row(current.row() if current.isValid() else 0)
                event.accept()  # nothing found: Enter does not press the dialog's Save either
                return
        super().keyPressEvent(event)
