"""A list-backed table model with column definitions and lazy loading.

Every table in the case-work screens is a :class:`RowTableModel` over a Python list of row
objects. Columns are :class:`Column` entries: a header, a display function and a sort-key
function (the sort key is served under :data:`SORT_ROLE`, ``Qt.UserRole``). The row object
itself is served under :data:`ROW_ROLE`.

``load(rows)`` replaces the data; the view then sees the first ``batch`` rows and
``canFetchMore``/``fetchMore`` hand out the rest as the user scrolls. ``load_pages(fetch, total)``
goes one step further for long lists (Acties with thousands of follow-ups): only the first ``page`` rows
are queried, and ``fetchMore`` asks ``fetch(offset, limit)`` for the next page as the view
scrolls. ``sort(column, order)`` sorts the whole list in Python by the column's sort key (a paged
list is read completely first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

SORT_ROLE = int(Qt.ItemDataRole.UserRole)
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # English source, marked with QT_TRANSLATE_NOOP(<model class name>, ...)
    display: Callable[[R], str]
    sort_key: Callable[[R], Any]
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None


class ListLabels:
    """Labels of the editable lists (code -> label), read once per refresh."""

    def __init__(self, labels: dict[str, dict[str, str]] | None = None) -> None:
        self.by_list = labels or {}

    @classmethod
    def read(cls, repo: Any) -> ListLabels:
        from brugdesk.core.lists import ListName

        return cls({str(name): repo.lists.labels(name) for name in ListName})

    def label(self, list_name: str, code: str) -> str:
        return self.by_list.get(str(list_name), {}).get(code, code)

    def join(self, list_name: str, codes: Sequence[str]) -> str:
        return ", ".join(self.label(list_name, c) for c in codes)


class RowTableModel(QAbstractTableModel, Generic[R]):
    batch = 500
    #: rows queried at a time by a paged model (``load_pages``)
    page = 200

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[R] = []
        self._shown = 0
        #: paged loading: the query for (offset, limit), and how many rows it has in all
        self._fetch: Callable[[int, int], Sequence[R]] | None = None
        self._db_total = 0
        #: called while the rows are re-ordered or replaced (inside the reset / layout change), so a
        #: proxy can bring its per-row answers up to date before anyone asks it
        self.reorder_hooks: list[Callable[[str], None]] = []

    # -- subclasses define
    def columns(self) -> Sequence[Column[R]]:
        raise NotImplementedError

    def row_id(self, row: R) -> int:
        return int(getattr(row, "id", 0) or 0)

    # -- data
    def load(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._fetch = None
        self._all = list(rows)
        self._shown = min(len(self._all), self.batch)
        for hook in self.reorder_hooks:
            hook("load")
        self.endResetModel()

    def load_pages(self, fetch: Callable[[int, int], Sequence[R]], total: int, keep: int = 0) -> None:
        """Show the first page of ``fetch(offset, limit)`` (at least ``keep`` rows, to keep a
        refreshed view where it was); ``fetchMore`` queries the next page. ``total``: how many
        rows the query has in all (``total()`` reports it)."""
        self.beginResetModel()
        self._fetch = fetch
        self._db_total = total
        self._all = list(fetch(0, max(self.page, keep)))
        self._shown = len(self._all)
        for hook in self.reorder_hooks:
            hook("load")
        self.endResetModel()

    def _more_in_store(self) -> bool:
        return self._fetch is not None and len(self._all) < self._db_total

    def _fetch_page(self, limit: int | None) -> None:
        """Query the next ``limit`` rows (None: all the rest) of a paged model and add them."""
        if self._fetch is None:
            return
        rows = list(self._fetch(len(self._all), limit if limit is not None else self._db_total - len(self._all)))
        if not rows:
            self._db_total = len(self._all)  # fewer than counted (changed meanwhile): stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self._all), len(self._all) + len(rows) - 1)
        self._all.extend(rows)
        self._shown = len(self._all)
        self.endInsertRows()
        if len(rows) < (limit or 0):
            self._db_total = len(self._all)

    def clear(self) -> None:
        self.load([])

    def clear_for_lock(self) -> None:
        """Drop every row and the query that fetched them (the vault is locking)."""
        self.load([])
        self._db_total = 0

    def rows(self) -> list[R]:
        """All rows (also those not yet fetched)."""
        return list(self._all)

    def total(self) -> int:
        """How many rows there are (for a paged model: in the store, also those not queried yet)."""
        return max(self._db_total, len(self._all)) if self._fetch is not None else len(self._all)

    def row_at(self, row: int) -> R:
        return self._all[row]

    def fetch_all(self) -> None:
        while self._more_in_store():
            self._fetch_page(None)
        if self._shown < len(self._all):
            self.fetchMore(QModelIndex())
            if self._shown < len(self._all):
                self.beginInsertRows(QModelIndex(), self._shown, len(self._all) - 1)
                self._shown = len(self._all)
                self.endInsertRows()

    def find_row(self, row_id: int) -> int:
        """The row number of the row with this id (fetching it if needed); -1 when absent."""
        for i, row in enumerate(self._all):
            if self.row_id(row) == row_id:
                if i >= self._shown:
                    self.beginInsertRows(QModelIndex(), self._shown, i)
                    self._shown = i + 1
                    self.endInsertRows()
                return i
        return -1

    # -- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default argument
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default argument
        return 0 if parent.isValid() else self._ncols

    @property
    def _ncols(self) -> int:
        return len(self.columns())

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and (self._shown < len(self._all) or self._more_in_store())

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        if self._shown >= len(self._all):
            if self._more_in_store():
                self._fetch_page(self.page)
            return
        end = min(len(self._all), self._shown + self.batch)
        self.beginInsertRows(QModelIndex(), self._shown, end - 1)
        self._shown = end
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every role of every painted cell: plain ints, and an invalid index has row -1
        n, c = index.row(), index.column()
        columns = self.columns()
        if not (0 <= n < self._shown and 0 <= c < len(columns)):
            return None
        row = self._all[n]
        column = columns[c]
        if role == _DISPLAY:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort_key(row)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return self.row_id(row)
        if role == _ALIGN and column.align_right:
            return _RIGHT
        if role == _TOOLTIP and column.tooltip is not None:
            return column.tooltip(row)
        if role == _FOREGROUND:
            return self.row_foreground(row)
        return None

    def row_foreground(self, row: R) -> QColor | None:
        """A text colour for the whole row (None: the palette's)."""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < self._ncols):
            return QCoreApplication.translate(type(self).__name__, self.columns()[section].header)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns()):
            return
        key = self.columns()[column].sort_key
        self.fetch_all()  # a paged list is sorted as a whole
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.row_id(self._all[i.row()]) if i.row() < len(self._all) else None for i in old]
        self._all.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        for hook in self.reorder_hooks:
            hook("sort")
        if old:
            where = {self.row_id(r): n for n, r in enumerate(self._all)}
            new = []
            for idx, row_id in zip(old, ids, strict=True):
                n = where.get(row_id) if row_id is not None else None
                if n is None or n >= self._shown:
                    new.append(QModelIndex())
                else:
                    new.append(self.index(n, idx.column()))
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()


def date_key(day: dt.date | None) -> str:
    """A sort key for a date (ISO text) that puts a missing date after all others."""
    return "9999-99-99" if day is None else day.isoformat()
