"""Acties: follow-ups that are overdue, due this week, all open, or done; mark done / reopen.

The table pages through the vault: the first 200 follow-ups of the tab are queried (plus how
many there are), and the next 200 as the officer scrolls down (``fetchMore``), so the page and
each refresh after a change stay fast with thousands of open follow-ups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabBar, QVBoxLayout, QWidget

from brugdesk.store.changes import Change, What
from brugdesk.store.repo.rows import FollowUpRow
from brugdesk.ui.models.base import ListLabels
from brugdesk.ui.models.casework import FollowUpModel
from brugdesk.ui.views.tables import CaseTable

OVERDUE, THIS_WEEK, OPEN, DONE = range(4)


class FollowUpsPage(QWidget):
    family_requested = Signal(int)  # "Open family": the main window shows it

    #: how far back the "done" tab looks
    DONE_DAYS = 90

    def __init__(self, session: Any, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        lay = QVBoxLayout(self)
        self.tabs = QTabBar()
        self.tabs.setAccessibleName(self.tr("Which follow-ups"))
        for text in (self.tr("&Overdue"), self.tr("Due this &week"), self.tr("All o&pen"), self.tr("Do&ne")):
            self.tabs.addTab(text)
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        lay.addWidget(self.tabs)
        self.model = FollowUpModel(self)
        self._shown_tab = -1
        self.table = CaseTable(self.model, self.tr("Follow-ups"), stretch=FollowUpModel.TEXT)
        self.table.fit_columns({FollowUpModel.DUE: 110, FollowUpModel.FAMILY_REF: 110, FollowUpModel.FAMILY: 200})
        self.table.on_activate(self.open_family)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.done_button = QPushButton(self.tr("Mark &done"))
        self.done_button.setToolTip(self.tr("Mark the selected follow-up done (Ctrl+D)"))
        self.done_button.clicked.connect(self.toggle_done)
        self.open_button = QPushButton(self.tr("Open &family"))
        self.open_button.setToolTip(self.tr("Open the family of the selected follow-up (Enter)"))
        self.open_button.clicked.connect(self.open_family)
        row.addWidget(self.done_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        lay.addLayout(row)
        sc = QShortcut(QKeySequence("Ctrl+D"), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(self.toggle_done)
        session.changed.connect(self._changed)
        session.locked.connect(self.model.clear)
        self.reload()

    def query_for(self, which: int) -> tuple[Callable[[int, int], Sequence[FollowUpRow]], int]:
        """The tab's query, as ``fetch(offset, limit)`` for one page, and how many rows it has."""
        followups: Any = self.session.repo.followups
        today = self.today()
        if which == OVERDUE:
            until = today - dt.timedelta(days=1)
            return (lambda offset, limit: followups.due(until, limit, offset=offset)), followups.count_due(until)
        if which == THIS_WEEK:
            end = today + dt.timedelta(days=6 - today.weekday())
            return ((lambda offset, limit: followups.due(end, limit, since=today, offset=offset)),
                    followups.count_due(end, since=today))
        if which == OPEN:
            return (lambda offset, limit: followups.open(limit, offset)), followups.count_open()
        since = today - dt.timedelta(days=self.DONE_DAYS)
        return (lambda offset, limit: followups.done(since, limit, offset)), followups.count_done(since)

    def reload(self) -> None:
        if not self.session.is_unlocked:
            return
        current: FollowUpRow | None = self.table.current_row_object()
        scroll = self.table.verticalScrollBar().value()
        self.model.set_labels(ListLabels())
        fetch, total = self.query_for(self.tabs.currentIndex())
        same_tab = self._shown_tab == self.tabs.currentIndex()
        # a refresh after a change keeps the rows fetched so far (and so the scroll position)
        self.model.load_pages(fetch, total, keep=self.model.rowCount() if same_tab else 0)
        self._shown_tab = self.tabs.currentIndex()
        self.table.setColumnHidden(FollowUpModel.DONE, self.tabs.currentIndex() != DONE)
        if current is None or not self.table.select_where(lambda r: r.followup.id == current.followup.id):
            self.table.select_first()
        elif same_tab:
            self.table.verticalScrollBar().setValue(scroll)
        n = self.model.total()
        self.count_label.setText(self.tr("{n} follow-up", "{n} follow-ups", n).format(n=n))
        self._update_buttons()

    def _changed(self, change: Change) -> None:
        # a follow-up, or the family named beside it
        if self.session.is_unlocked and change.touches(What.FOLLOWUP, What.FAMILY, What.ERASURE):
            self.reload()

    def _update_buttons(self) -> None:
        row: FollowUpRow | None = self.table.current_row_object()
        self.done_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None)
        self.done_button.setText(self.tr("&Undo done") if row is not None and row.followup.done
                                 else self.tr("Mark &done"))

    def toggle_done(self) -> None:
        row: FollowUpRow | None = self.table.current_row_object()
        if row is None or row.followup.id is None or not self.session.is_unlocked:
            return
        self.session.repo.followups.set_done(row.followup.id, None if row.followup.done else self.today())

    def open_family(self) -> None:
        row: FollowUpRow | None = self.table.current_row_object()
        if row is not None:
            self.family_requested.emit(row.followup.family_id)

    def show_all_open(self) -> None:
        """The tab with every open follow-up (Overzicht's "… and N more" leads here)."""
        self.tabs.setCurrentIndex(OPEN)
