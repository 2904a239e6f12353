"""The tables of the case-work pages: :class:`CaseTable`, a QTableView set up the same way on
every page, and :class:`RowActions`, what a page does with a table's selected row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QPushButton, QTableView, QWidget

from brugdesk.ui.models.base import ROW_ROLE


class CaseTable(QTableView):
    """Row selection, no row numbers, sortable, Enter activates and Delete removes; the current row
    is selected when the table gets the focus (drawn in the accent colour with the focus ring)."""

    def __init__(self, model: QAbstractItemModel, accessible_name: str, parent: QWidget | None = None,
                 *, sortable: bool = False, stretch: int = -1) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if stretch >= 0:
            header.setStretchLastSection(False)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        if sortable:
            self.setSortingEnabled(True)
            header.setSortIndicatorShown(True)
        self._on_activate: Callable[[], Any] | None = None
        self._on_delete: Callable[[], Any] | None = None
        self.doubleClicked.connect(lambda _i: self._activate())
        for keys, slot in (("Return", self._activate), ("Enter", self._activate), ("Delete", self._delete)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Tab into a table whose current row is not selected (Qt makes the first row current on
        its own, without selecting it): select it, so the row the keys act on is drawn as such."""
        super().focusInEvent(event)
        current = self.currentIndex()
        selection = self.selectionModel()
        if current.isValid() and selection is not None and not selection.isRowSelected(current.row()):
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)

    def on_activate(self, slot: Callable[[], Any]) -> None:
        self._on_activate = slot

    def on_delete(self, slot: Callable[[], Any]) -> None:
        self._on_delete = slot

    def _activate(self) -> None:
        if self._on_activate is not None and self.current_row_object() is not None:
            self._on_activate()

    def _delete(self) -> None:
        if self._on_delete is not None and self.current_row_object() is not None:
            self._on_delete()

    def current_row_object(self) -> Any:
        index = self.currentIndex()
        if not index.isValid():
            rows = self.selectionModel().selectedRows() if self.selectionModel() else []
            if not rows:
                return None
            index = rows[0]
        return index.siblingAtColumn(0).data(ROW_ROLE)

    def select_first(self) -> None:
        if self.model().rowCount() > 0:
            self.setCurrentIndex(self.model().index(0, 0))

    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        model = self.model()
        for r in range(model.rowCount()):
            index = model.index(r, 0)
            if predicate(index.data(ROW_ROLE)):
                self.setCurrentIndex(index)
                self.scrollTo(index)
                return True
        return False

    def fit_to_contents(self) -> None:
        """Size the columns to what they show (small tables only; the stretch column fills the rest)."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(header.count()):
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                self.setColumnWidth(column, min(self.columnWidth(column) + 8, 300))

    def fit_columns(self, widths: dict[int, int]) -> None:
        for column, width in widths.items():
            self.setColumnWidth(column, width)


@dataclass(frozen=True)
class RowActions:
    """What a page (or a tab of one) does with the selected row of a :class:`CaseTable`.

    ``edit`` makes the dialog that edits the row (the tab's "Edit…" button); ``delete`` is the
    service call that deletes it, after the question ``question(row)`` returns (title, text);
    ``activate`` is what Enter and a double-click do (default: edit). ``buttons`` need a selected row.
    """

    table: CaseTable
    buttons: tuple[QPushButton, ...]
    edit: Callable[[Any], QDialog]
    delete: Callable[[Any], None]
    question: Callable[[Any], tuple[str, str]]
    activate: Callable[[Any], object] | None = None


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row
