"""The Gezinnen list: :class:`FamilyTableModel` and its filter proxy :class:`FamilyFilterProxy`.

Driving it from a script (the benchmark does this)::

    model = FamilyTableModel()
    proxy = FamilyFilterProxy()
    proxy.setSourceModel(model)
    model.load(repo.families.rows())     # "family list load"
    proxy.set_search("yara")             # "one search keystroke"
    proxy.rowCount()

Filtering is decided once per change in Python over the folded ``FamilyRow.search`` text
(every word must occur: family name, reference code, member names), and the proxy only
looks the answer up per row. Sorting is delegated to the source model, which sorts its
whole list by the column's sort key.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from brugdesk.core.model import FamilyStatus
from brugdesk.store.repo import FamilyRow, fold
from brugdesk.ui.dialogs.formkit import family_status_label, fmt_date
from brugdesk.ui.models.base import QT_TRANSLATE_NOOP, Column, RowTableModel, date_key

#: folding is slow-ish (unicodedata) and names repeat a lot: remember the folded texts for sorting
_sort_fold = functools.lru_cache(maxsize=100_000)(fold)

#: closed families are shown in grey
CLOSED_COLOUR = QColor("#6b6b6b")

_STATUS_ORDER = {FamilyStatus.REGISTERED: 0, FamilyStatus.ACTIVE: 1, FamilyStatus.CLOSED: 2}


def _ref_key(row: FamilyRow) -> str:
    head, _, number = row.ref.rpartition("-")
    return f"{head}-{number.zfill(6)}"


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

    def columns(self) -> Sequence[Column[FamilyRow]]:
        return self._columns

    def row_foreground(self, row: FamilyRow) -> QColor | None:
        return CLOSED_COLOUR if row.status == FamilyStatus.CLOSED else None


class FamilyFilterProxy(QSortFilterProxyModel):
    """Search-as-you-type plus status / school / theme filters over a :class:`FamilyTableModel`.

    School and theme filters take the set of family ids that match (the view asks the
    service layer: ``repo.families.rows(school_id=…)`` / ``rows(theme=…)``), so no SQL and
    no per-row queries happen here.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._status: FamilyStatus | None = None
        self._ids: frozenset[int] | None = None
        #: the ids that pass the filters (None: no filter), and per source row whether it passes
        self._accept: frozenset[int] | None = None
        self._flags: list[bool] | None = None
        #: (words, status, ids) the accepted set was computed for, to refine it while typing
        self._last: tuple[tuple[str, ...], FamilyStatus | None, frozenset[int] | None] | None = None
        self.setDynamicSortFilter(False)

    def source(self) -> FamilyTableModel:
        model = self.sourceModel()
        assert isinstance(model, FamilyTableModel)
        return model

    def setSourceModel(self, model: Any) -> None:
        old = self.sourceModel()
        if isinstance(old, FamilyTableModel) and self._reordered in old.reorder_hooks:
            old.reorder_hooks.remove(self._reordered)
        model.reorder_hooks.append(self._reordered)
        super().setSourceModel(model)
        self._last = None
        self._apply()

    # -- filters
    def set_search(self, text: str) -> None:
        self._words = fold(text).split()
        self._apply()

    def set_status(self, status: FamilyStatus | None) -> None:
        self._status = status
        self._apply()

    def set_ids(self, ids: frozenset[int] | set[int] | None) -> None:
        """Only show these families (``None``: no restriction)."""
        self._ids = None if ids is None else frozenset(ids)
        self._apply()

    def set_filters(self, status: FamilyStatus | None, ids: frozenset[int] | set[int] | None) -> None:
        """Status and id filters at once (one pass over the rows)."""
        self._status = status
        self._ids = None if ids is None else frozenset(ids)
        self._apply()

    def is_filtered(self) -> bool:
        return bool(self._words) or self._status is not None or self._ids is not None

    def _compute_accept(self, rows: list[FamilyRow], new_data: bool) -> None:
        if not self.is_filtered():
            self._accept, self._last = None, None
            return
        words, status, ids = tuple(self._words), self._status, self._ids
        candidates: Any = rows
        last = self._last
        if (not new_data and last is not None and self._accept is not None and last[1] == status
                and last[2] == ids and len(words) >= len(last[0])
                and all(words[i].startswith(old) for i, old in enumerate(last[0]))):
            # the officer typed more letters: only families that matched before can match now
            accepted = self._accept
            candidates = [r for r in rows if r.id in accepted]
        if len(words) == 1:
            w = words[0]
            self._accept = frozenset(r.id for r in candidates
                                     if w in r.search and (status is None or r.status == status)
                                     and (ids is None or r.id in ids))
        else:
            self._accept = frozenset(r.id for r in candidates
                                     if (status is None or r.status == status) and (ids is None or r.id in ids)
                                     and all(w in r.search for w in words))
        self._last = (words, status, ids)

    def _compute_flags(self, rows: list[FamilyRow]) -> None:
        accept = self._accept
        self._flags = None if accept is None else [r.id in accept for r in rows]

    def _reordered(self, reason: str) -> None:
        """Called by the source inside ``load`` (new rows) and ``sort`` (new order)."""
        model = self.source()
        rows = model.all_rows()
        if reason in ("load", "insert", "change"):
            self._compute_accept(rows, new_data=True)
        if self.is_filtered():
            model.show_all_rows_in_reset()
        self._compute_flags(rows)

    def _apply(self) -> None:
        model = self.sourceModel()
        if not isinstance(model, FamilyTableModel):
            return
        if self.is_filtered():
            model.fetch_all()  # a search looks at every family, not only the fetched ones
        self.beginFilterChange()
        rows = model.all_rows()
        self._compute_accept(rows, new_data=False)
        self._compute_flags(rows)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Apply the filters again (after a row changed in place)."""
        self._apply()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        flags = self._flags
        return flags is None or flags[source_row]

    # -- sorting is done by the source model over all rows
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is None:
            return
        model.sort(column, order)

    def family_id(self, proxy_row: int) -> int:
        src = self.mapToSource(self.index(proxy_row, 0))
        return self.source().row_id(self.source().row_at(src.row())) if src.isValid() else 0
