"""Text snippets in note fields: type a few letters, press Ctrl+Space, and the officer's snippets
(Instellingen → Lijsten → Tekstblokken) that match those letters appear in a list under the cursor.
The arrow keys choose, Enter (or Tab) inserts the text in place of the letters, Escape closes the
list and leaves the text as it was. When only one snippet matches it is inserted at once.

For a screen reader: the field's description names the shortcut, the list is named, and how many
snippets were found and what was inserted are announced (:func:`brugdesk.ui.a11y.announce`).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QPlainTextEdit, QToolTip

from brugdesk.core.model import Snippet
from brugdesk.ui.a11y import announce

#: the letters before the cursor that a snippet is looked up by
_WORD = re.compile(r"(\w+)$")
#: the shortcut that opens the list
SHORTCUT = "Ctrl+Space"
TEXT_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def _excerpt(text: str, n: int = 70) -> str:
    line = " ".join(text.split())
    return line if len(line) <= n else line[: n - 1] + "…"


class SnippetInserter(QObject):
    """Snippet insertion for one text field (a :class:`QPlainTextEdit` or a :class:`QLineEdit`)."""

    def __init__(self, edit: QPlainTextEdit | QLineEdit, session: Any) -> None:
        super().__init__(edit)
        self.edit = edit
        self.session = session
        self._prefix = ""
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(8)
        self.completer.activated[QModelIndex].connect(self._insert)  # type: ignore[index]
        popup = self.completer.popup()
        assert popup is not None
        self.popup = popup
        popup.setAccessibleName(QCoreApplication.translate("Snippets", "Text snippets"))
        popup.setMinimumWidth(360)
        # Enter and Tab pick the chosen snippet: a multi-line field would take Enter as a new line
        # (the completer offers every key to the field first); installed after the completer's own
        # filter, this one runs first
        popup.installEventFilter(self)
        shortcut = QShortcut(QKeySequence(SHORTCUT), edit)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.open)
        self.shortcut = shortcut
        edit.textChanged.connect(self._typed)
        hint = QCoreApplication.translate("Snippets", "Ctrl+Space inserts a text snippet")
        description = edit.accessibleDescription()
        edit.setAccessibleDescription(f"{description} {hint}".strip() if hint not in description else description)
        if not edit.toolTip():
            edit.setToolTip(hint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.popup and event.type() == QEvent.Type.KeyPress and self.popup.isVisible():
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                index = self.popup.currentIndex()
                self.popup.hide()
                if index.isValid():
                    self._insert(index)
                return True
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                return True
        return False

    # ------------------------------------------------------------ the letters before the cursor
    def _before_cursor(self) -> str:
        if isinstance(self.edit, QLineEdit):
            return self.edit.text()[: self.edit.cursorPosition()]
        cursor = self.edit.textCursor()
        return cursor.block().text()[: cursor.positionInBlock()]

    def prefix(self) -> str:
        found = _WORD.search(self._before_cursor())
        return found.group(1) if found else ""

    def _find(self, prefix: str) -> list[Snippet]:
        if not self.session.is_unlocked:
            return []
        snippets = self.session.repo.snippets
        return list(snippets.lookup(prefix)) if prefix else list(snippets.list())[:50]

    # ------------------------------------------------------------ the list
    def is_open(self) -> bool:
        return self.popup.isVisible()

    def _fill(self, found: list[Snippet]) -> None:
        self.model.clear()
        for snippet in found:
            item = QStandardItem(f"{snippet.abbreviation} — {_excerpt(snippet.text)}")
            item.setData(snippet.text, TEXT_ROLE)
            item.setToolTip(snippet.text)
            self.model.appendRow(item)

    def open(self) -> None:
        """Ctrl+Space: the snippets for the letters before the cursor (all of them without letters)."""
        self._prefix = self.prefix()
        found = self._find(self._prefix)
        if len(found) == 1 and self._prefix:
            self._replace(found[0].text)
            return
        if not found:
            message = (QCoreApplication.translate("Snippets", "No text snippet matches “{typed}”.").format(
                typed=self._prefix) if self._prefix else QCoreApplication.translate(
                "Snippets", "There are no text snippets yet (Settings → Lists)."))
            QToolTip.showText(self.edit.mapToGlobal(self._cursor_point()), message, self.edit)
            announce(self.edit, message)
            return
        self._fill(found)
        self._show(len(found))

    def _cursor_point(self) -> QPoint:
        return self.edit.cursorRect().bottomLeft()

    def _show(self, n: int) -> None:
        rect = self.edit.cursorRect()
        rect.setWidth(max(360, self.popup.sizeHintForColumn(0) + 30))
        self.completer.complete(rect)
        self.popup.setCurrentIndex(self.model.index(0, 0))
        announce(self.edit, QCoreApplication.translate(
            "Snippets", "{n} text snippet: arrow keys to choose, Enter to insert.",
            "{n} text snippets: arrow keys to choose, Enter to insert.", n).format(n=n))

    def _typed(self) -> None:
        """While the list is open, typing narrows it down (and closes it when nothing matches)."""
        if not self.is_open():
            return
        self._prefix = self.prefix()
        found = self._find(self._prefix)
        if not found:
            self.popup.hide()
            return
        self._fill(found)
        self.popup.setCurrentIndex(self.model.index(0, 0))

    def _insert(self, index: QModelIndex) -> None:
        text = index.data(TEXT_ROLE)
        if text:
            self._replace(str(text))

    def _replace(self, text: str) -> None:
        """Put ``text`` in place of the letters before the cursor."""
        n = len(self.prefix()) if self._prefix else 0
        if isinstance(self.edit, QLineEdit):
            line = " ".join(text.split())  # a one-line field takes the text on one line
            position = self.edit.cursorPosition()
            self.edit.setSelection(position - n, n)
            self.edit.insert(line)
        else:
            cursor = self.edit.textCursor()
            cursor.movePosition(cursor.MoveOperation.Left, cursor.MoveMode.KeepAnchor, n)
            cursor.insertText(text)
            self.edit.setTextCursor(cursor)
        self._prefix = ""
        announce(self.edit, QCoreApplication.translate("Snippets", "Inserted: {text}").format(text=_excerpt(text, 40)))


def attach_snippets(edit: QPlainTextEdit | QLineEdit, session: Any) -> SnippetInserter:
    """Give ``edit`` the text snippets (Ctrl+Space); the inserter lives as long as the field."""
    return SnippetInserter(edit, session)
