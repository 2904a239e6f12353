"""The Gezinnen list: :class:`FamilyTableModel`, a table model that pages through the vault.

The model never holds the whole caseload. It asks the service layer for the first
``page`` (200) families of the current :class:`FamilyQuery` (newest first, keyset paging
on the id) plus how many match in all, and ``canFetchMore``/``fetchMore`` query the next
page (``before_id=<last id>``) as the view scrolls. Search and filters are SQL
(``repo.families.rows(search=…)`` over the folded search text: family name, reference,
member names, accents stripped), so a new search text or filter is a reset to the first
page of the new query. Driving it from a script (the benchmark does this)::

    model = FamilyTableModel()
    model.set_repo(repo)
    model.set_query(FamilyQuery())               # "family list load": count + first page
    model.set_query(FamilyQuery(search="yara"))  # "one search keystroke"
    model.rowCount(), model.total()

Sorting by a column (a click on its header) reads every matching family and sorts them in
Python by the column's sort key (the slowest list operation with a large caseload, see
docs/benchmarks.md), only on that explicit click (and on later resets while the sort is on).
``sort(-1)`` goes back to newest first, paged.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from brugdesk.core.model import FamilyStatus
from brugdesk.core.text import fold
from brugdesk.store.repo.rows import FamilyRow
from brugdesk.ui.labels import QT_TRANSLATE_NOOP, family_status_label, fmt_date
from brugdesk.ui.lock import register_cache
from brugdesk.ui.models.base import Column, RowTableModel, date_key

#: folding is slow-ish (unicodedata) and names repeat a lot: remember the folded texts for sorting
_sort_fold = functools.lru_cache(maxsize=100_000)(fold)
register_cache(_sort_fold.cache_clear)  # it holds names: emptied on every lock

#: closed families are shown in grey
CLOSED_COLOUR = QColor("#6b6b6b")

_STATUS_ORDER = {FamilyStatus.REGISTERED: 0, FamilyStatus.ACTIVE: 1, FamilyStatus.CLOSED: 2}

Index = QModelIndex | QPersistentModelIndex


def _ref_key(row: FamilyRow) -> str:
    head, _, number = row.ref.rpartition("-")
    return f"{head}-{number.zfill(6)}"


@dataclass(frozen=True)
class FamilyQuery:
    """What the Gezinnen list shows: the filters and the search text (all combine with AND)."""

    status: FamilyStatus | None = None
    open_only: bool = False  # registered or active
    school_id: int | None = None
    theme: str | None = None
    search: str = ""

    def kwargs(self) -> dict[str, Any]:
        return {"status": self.status, "open_only": self.open_only, "school_id": self.school_id,
                "theme": self.theme, "search": self.search}

    def is_filtered(self) -> bool:
        return (self.status is not None or self.open_only or self.school_id is not None or bool(self.theme)
                or bool(fold(self.search).split()))


class FamilyTableModel(RowTableModel[FamilyRow]):
    REF, NAME, STATUS, SCHOOLS, LAST_CONTACT, NEXT_FOLLOWUP, OPEN_REFERRALS = range(7)

    _columns: Sequence[Column[FamilyRow]] = (
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Reference"), lambda r: r.ref, _ref_key),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Family"),
               lambda r: r.display_name, lambda r: _sort_fold(r.display_name)),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Status"),
               lambda r: family_status_label(r.status), lambda r: _STATUS_ORDER[r.status]),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "School"), lambda r: r.schools, lambda r: _sort_fold(r.schools)),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Last contact"),
               lambda r: fmt_date(r.last_contact), lambda r: date_key(r.last_contact)),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Next follow-up"),
               lambda r: fmt_date(r.next_followup), lambda r: date_key(r.next_followup)),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Open referrals"),
               lambda r: str(r.open_referrals) if r.open_referrals else "",
               lambda r: r.open_referrals, align_right=True),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._repo: Any = None
        self._query = FamilyQuery()
        #: matching families in the vault; whether more pages remain; the id the next page starts below
        self._count = 0
        self._more = False
        self._cursor: int | None = None
        #: the column sorted on (-1: newest first, paged) and its order
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def columns(self) -> Sequence[Column[FamilyRow]]:
        return self._columns

    def row_foreground(self, row: FamilyRow) -> QColor | None:
        return CLOSED_COLOUR if row.status == FamilyStatus.CLOSED else None

    # ------------------------------------------------------------ the query
    def set_repo(self, repo: Any) -> None:
        """The service layer to page through (``None``: show nothing, e.g. while locked)."""
        self._repo = repo
        if repo is None:
            self.clear()

    def query(self) -> FamilyQuery:
        return self._query

    def clear_for_lock(self) -> None:
        """No rows, no vault, and the search text typed is forgotten too (the vault is locking)."""
        self._query = FamilyQuery()
        self.set_repo(None)

    def is_filtered(self) -> bool:
        return self._query.is_filtered()

    def set_query(self, query: FamilyQuery | None = None, *, keep: int = 0) -> None:
        """Reset to the first page of ``query`` (None: the current one again).

        ``keep``: fetch at least this many rows at once (a refresh keeps what was scrolled to).
        """
        if query is not None:
            self._query = query
        self.beginResetModel()
        self._fetch = None
        rows: list[FamilyRow] = []
        count, more = 0, False
        if self._repo is not None:
            families = self._repo.families
            kw = self._query.kwargs()
            if self._sort_column < 0:
                limit = max(self.page, keep)
                rows = families.rows(**kw, limit=limit)
                more = len(rows) == limit
                count = families.count_rows(**kw) if more else len(rows)
            else:
                rows = families.rows(**kw)
                rows.sort(key=self._columns[self._sort_column].sort_key,
                          reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
                count = len(rows)
        self._all = rows
        self._shown = len(rows)
        self._count, self._more = count, more
        self._cursor = rows[-1].id if rows and more else None
        self.endResetModel()

    def load(self, rows: Sequence[FamilyRow]) -> None:
        """Show a fixed list (no paging, no query)."""
        self._more, self._cursor = False, None
        super().load(rows)
        self._count = len(self._all)

    def total(self) -> int:
        """How many families match the query (also those not fetched yet)."""
        return max(self._count, len(self._all))

    def fetched(self) -> int:
        return len(self._all)

    # ------------------------------------------------------------ paging
    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and (self._shown < len(self._all) or self._more)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        if self._shown < len(self._all):
            super().fetchMore(parent)
        elif self._more:
            self._fetch_next(self.page)

    def _fetch_next(self, limit: int | None) -> None:
        """Query the next ``limit`` matching families (None: all the rest) below the cursor."""
        if self._repo is None or not self._more:
            return
        rows = self._repo.families.rows(**self._query.kwargs(), limit=limit, before_id=self._cursor)
        self._more = limit is not None and len(rows) == limit
        if rows:
            self._cursor = rows[-1].id
            self.beginInsertRows(QModelIndex(), len(self._all), len(self._all) + len(rows) - 1)
            self._all.extend(rows)
            self._shown = len(self._all)
            self.endInsertRows()
        if not self._more:
            self._count = len(self._all)

    def fetch_all(self) -> None:
        """Fetch every matching family (one query for the rest)."""
        self._fetch_next(None)
        super().fetch_all()

    def find_row(self, row_id: int) -> int:
        """The row of this family, fetching pages until it is reached; -1 when it does not match."""
        while True:
            for i, row in enumerate(self._all):
                if row.id == row_id:
                    return super().find_row(row_id) if i >= self._shown else i
            if not self._more or (self._cursor is not None and self._cursor < row_id):
                return -1
            self._fetch_next(max(self.page, 1000))

    def family_id(self, row: int) -> int:
        return self._all[row].id if 0 <= row < self._shown else 0

    # ------------------------------------------------------------ one family changed
    def family_changed(self, family_id: int) -> None:
        """Bring one family's row up to date: changed in place, added when it now matches (and
        belongs to the part already fetched), removed when it no longer matches or is gone."""
        if self._repo is None:
            return
        families = self._repo.families
        kw = self._query.kwargs()
        matches = families.rows(**kw, family_id=family_id)
        at = next((i for i, r in enumerate(self._all) if r.id == family_id), -1)
        if matches:
            row = matches[0]
            if at >= 0:
                self._all[at] = row
                if at < self._shown:
                    self.dataChanged.emit(self.index(at, 0), self.index(at, self._ncols - 1))
            elif self._sort_column >= 0:
                self._insert(0, row)
                self.sort(self._sort_column, self._sort_order)
            elif not self._more or self._cursor is None or family_id > self._cursor:
                # newest first: before the first row with a smaller id
                where = next((i for i, r in enumerate(self._all) if r.id < family_id), len(self._all))
                self._insert(where, row)
        elif at >= 0:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._all[at]
            self._shown -= 1
            self.endRemoveRows()
        self._count = families.count_rows(**kw) if self._more else len(self._all)

    def _insert(self, where: int, row: FamilyRow) -> None:
        where = min(where, self._shown)
        self.beginInsertRows(QModelIndex(), where, where)
        self._all.insert(where, row)
        self._shown += 1
        self.endInsertRows()

    # ------------------------------------------------------------ sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            if self._sort_column >= 0:  # back to newest first, paged
                self._sort_column = -1
                self.set_query()
            return
        self._sort_column, self._sort_order = column, order
        super().sort(column, order)  # fetches the rest first
