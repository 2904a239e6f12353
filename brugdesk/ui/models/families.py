"""The Gezinnen list: :class:`FamilyTableModel`, a table model that pages through the vault.

The model never holds the whole caseload. It asks the service layer for the first
``page`` (200) families of the current :class:`FamilyQuery` (newest first, keyset paging
on the id) plus how many match in all, and ``canFetchMore``/``fetchMore`` query the next
page (``before_id=<last id>``) as the view scrolls. Search and filters are SQL
(``repo.families.rows(search=…)`` over the folded search text: family name, reference,
member names, accents stripped), so a new search text or filter is a reset to the first
page of the new query. Closed families are left out unless the query asks for them
(``include_closed``, or the status filter "Afgesloten"). Driving it from a script (the
benchmark does this)::

    model = FamilyTableModel()
    model.set_repo(repo)
    model.set_query(FamilyQuery())               # "family list load": count + first page
    model.set_query(FamilyQuery(search="yara"))  # "one search keystroke"
    model.rowCount(), model.total()

Sorting by a column (a click on its header) is SQL too: ``rows(sort=<column>, descending=…)``
pages through the sorted list with ``limit``/``offset`` on the column's index, so a sorted list
costs the same as the newest-first one. ``sort(-1)`` goes back to newest first.

A row says in words what a colour would only hint at: an overdue next follow-up reads
"12-03-2026 (overdue)", and a search that matched a child rather than the family's name shows
that child in the *Found child* column ("Milan, groep 5").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from brugdesk.core.model import FamilyStatus
from brugdesk.core.text import fold
from brugdesk.store.repo.families import FamilySort
from brugdesk.store.repo.rows import FamilyRow
from brugdesk.ui import theme
from brugdesk.ui.labels import QT_TRANSLATE_NOOP, child_text, family_status_label, fmt_date
from brugdesk.ui.models.base import Column, RowTableModel

# closed families are shown in the theme's closed_text colour (and say "Closed" in the status
# column); an overdue follow-up's date in its error colour (and says "(overdue)")

Index = QModelIndex | QPersistentModelIndex


def _next_followup(row: FamilyRow) -> str:
    if row.next_followup is None:
        return ""
    text = fmt_date(row.next_followup)
    if row.overdue:
        return QCoreApplication.translate("FamilyTableModel", "{date} (overdue)").format(date=text)
    return text


def _matched_child(row: FamilyRow) -> str:
    return child_text(row.matched_child, row.matched_group) if row.matched_child else ""


def _no_key(_row: FamilyRow) -> int:
    """The list is sorted in SQL; the models' sort role has nothing to add."""
    return 0


@dataclass(frozen=True)
class FamilyQuery:
    """What the Gezinnen list shows: the filters and the search text (all combine with AND).

    Closed families are left out unless ``include_closed`` or the status asked for is closed."""

    status: FamilyStatus | None = None
    open_only: bool = False  # registered or active
    school_id: int | None = None
    theme: str | None = None
    search: str = ""
    include_closed: bool = False

    def kwargs(self) -> dict[str, Any]:
        hide_closed = self.open_only or (self.status is None and not self.include_closed)
        return {"status": self.status, "open_only": hide_closed, "school_id": self.school_id,
                "theme": self.theme, "search": self.search}

    def hides_closed(self) -> bool:
        return bool(self.kwargs()["open_only"])

    def is_filtered(self) -> bool:
        """Whether anything but the default (closed families hidden) narrows the list."""
        return (self.status is not None or self.open_only or self.school_id is not None or bool(self.theme)
                or bool(fold(self.search).split()))


class FamilyTableModel(RowTableModel[FamilyRow]):
    REF, NAME, CHILD, STATUS, SCHOOLS, LAST_CONTACT, NEXT_FOLLOWUP, OPEN_REFERRALS = range(8)

    _columns: Sequence[Column[FamilyRow]] = (
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Reference"), lambda r: r.ref, _no_key),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Family"), lambda r: r.display_name, _no_key),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Found child"), _matched_child, _no_key),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Status"), lambda r: family_status_label(r.status), _no_key),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "School"), lambda r: r.schools, _no_key),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Last contact"), lambda r: fmt_date(r.last_contact), _no_key),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Next follow-up"), _next_followup, _no_key),
        Column(QT_TRANSLATE_NOOP("FamilyTableModel", "Open referrals"),
               lambda r: str(r.open_referrals) if r.open_referrals else "", _no_key, align_right=True),
    )
    #: the SQL sort of each sortable column (the found child is not one)
    SORTS: dict[int, FamilySort] = {
        REF: FamilySort.REF, NAME: FamilySort.NAME, STATUS: FamilySort.STATUS, SCHOOLS: FamilySort.SCHOOLS,
        LAST_CONTACT: FamilySort.LAST_CONTACT, NEXT_FOLLOWUP: FamilySort.NEXT_FOLLOWUP,
        OPEN_REFERRALS: FamilySort.OPEN_REFERRALS,
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._repo: Any = None
        self._query = FamilyQuery()
        #: matching families in the vault; whether more pages remain; the id the next page starts below
        self._count = 0
        self._more = False
        self._cursor: int | None = None
        #: the column sorted on (-1: newest first, keyset paged) and its order
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def columns(self) -> Sequence[Column[FamilyRow]]:
        return self._columns

    def row_foreground(self, row: FamilyRow) -> QColor | None:
        return QColor(theme.current().closed_text) if row.status == FamilyStatus.CLOSED else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ForegroundRole and index.column() == self.NEXT_FOLLOWUP
                and 0 <= index.row() < self._shown and self._all[index.row()].overdue):
            return QColor(theme.current().error)
        if (role == Qt.ItemDataRole.ToolTipRole and index.column() == self.NEXT_FOLLOWUP
                and 0 <= index.row() < self._shown and self._all[index.row()].overdue):
            return self.tr("This follow-up was due before today.")
        return super().data(index, role)

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
        self._query = FamilyQuery(include_closed=self._query.include_closed)
        self.set_repo(None)

    def is_filtered(self) -> bool:
        return self._query.is_filtered()

    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        """The column sorted on (-1: newest first) and its order."""
        return self._sort_column, self._sort_order

    def _sorted_rows(self, offset: int, limit: int) -> list[FamilyRow]:
        if self._repo is None:
            return []
        return list(self._repo.families.rows(
            **self._query.kwargs(), sort=self.SORTS[self._sort_column],
            descending=self._sort_order == Qt.SortOrder.DescendingOrder, limit=limit, offset=offset))

    def set_query(self, query: FamilyQuery | None = None, *, keep: int = 0) -> None:
        """Reset to the first page of ``query`` (None: the current one again).

        ``keep``: fetch at least this many rows at once (a refresh keeps what was scrolled to).
        """
        if query is not None:
            self._query = query
        if self._repo is not None and self._sort_column >= 0:
            self._more, self._cursor = False, None
            self._count = self._repo.families.count_rows(**self._query.kwargs())
            self.load_pages(self._sorted_rows, self._count, keep)
            return
        self.beginResetModel()
        self._fetch = None
        rows: list[FamilyRow] = []
        count, more = 0, False
        if self._repo is not None:
            families = self._repo.families
            kw = self._query.kwargs()
            limit = max(self.page, keep)
            rows = families.rows(**kw, limit=limit)
            more = len(rows) == limit
            count = families.count_rows(**kw) if more else len(rows)
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
        if self._fetch is not None:
            return super().total()
        return max(self._count, len(self._all))

    def closed_hidden(self) -> int:
        """How many closed families the query would find if closed ones were not hidden (0 when
        they are not hidden)."""
        if self._repo is None or not self._query.hides_closed():
            return 0
        kw = {**self._query.kwargs(), "open_only": False, "status": FamilyStatus.CLOSED}
        return int(self._repo.families.count_rows(**kw))

    def fetched(self) -> int:
        return len(self._all)

    # ------------------------------------------------------------ paging
    def canFetchMore(self, parent: Index) -> bool:
        if self._fetch is not None:
            return super().canFetchMore(parent)
        return not parent.isValid() and (self._shown < len(self._all) or self._more)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        if self._fetch is not None or self._shown < len(self._all):
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
            if self._fetch is not None:
                if not self._more_in_store():
                    return -1
                self._fetch_page(max(self.page, 1000))
                continue
            if not self._more or (self._cursor is not None and self._cursor < row_id):
                return -1
            self._fetch_next(max(self.page, 1000))

    def family_id(self, row: int) -> int:
        return self._all[row].id if 0 <= row < self._shown else 0

    # ------------------------------------------------------------ one family changed
    def family_changed(self, family_id: int) -> None:
        """Bring one family's row up to date: changed in place, added when it now matches (and
        belongs to the part already fetched), removed when it no longer matches or is gone. A
        sorted list is queried again as far as it was fetched (the family may have moved)."""
        if self._repo is None:
            return
        families = self._repo.families
        kw = self._query.kwargs()
        if self._sort_column >= 0:
            total = families.count_rows(**kw)
            rows = self._sorted_rows(0, max(len(self._all), self.page))
            if total != self._db_total or len(rows) != len(self._all):
                self.set_query(keep=len(self._all))
                return
            self.layoutAboutToBeChanged.emit()
            old = self.persistentIndexList()
            ids = [self.family_id(i.row()) for i in old]
            self._all = rows
            position = {r.id: n for n, r in enumerate(rows)}
            self.changePersistentIndexList(
                old, [self.index(position[i], idx.column()) if i in position else QModelIndex()
                      for idx, i in zip(old, ids, strict=True)])
            self.layoutChanged.emit()
            return
        matches = families.rows(**kw, family_id=family_id)
        at = next((i for i, r in enumerate(self._all) if r.id == family_id), -1)
        if matches:
            row = matches[0]
            if at >= 0:
                self._all[at] = row
                if at < self._shown:
                    self.dataChanged.emit(self.index(at, 0), self.index(at, self._ncols - 1))
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
        """Sort by a column in SQL (paged); a column that cannot be sorted leaves the order as it
        is; -1: back to newest first."""
        if column in self.SORTS:
            self._sort_column, self._sort_order = column, order
        elif column < 0 and self._sort_column >= 0:
            self._sort_column = -1
        else:
            return
        self.set_query()  # from the top of the new order
