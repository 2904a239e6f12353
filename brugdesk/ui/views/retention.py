"""Overzicht › families past their retention period (bewaartermijn).

:class:`RetentionPanel` lists the closed families whose retention period has passed. The
officer reviews them (ticks the ones to delete; all are ticked at first) and confirms; the
purge deletes every row about them, redacts their ids in the audit log and keeps only a
deletion record (date and number of families). The panel hides itself when nothing is due.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brugdesk.errors import VaultError
from brugdesk.privacy import retention
from brugdesk.store.changes import Change, What
from brugdesk.ui import prompter
from brugdesk.ui.a11y import Heading, StatusLabel
from brugdesk.ui.labels import fmt_date
from brugdesk.ui.session import Session
from brugdesk.ui.widgets import big_font

FAMILY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RetentionPanel(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.setObjectName("retentionPanel")
        self.title = Heading(self.tr("Past the retention period"), self)
        self.title.setFont(big_font(self, 1.15))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Families past the retention period"))
        self.tree.setHeaderLabels([self.tr("Family"), self.tr("Reference"), self.tr("Closed on"),
                                   self.tr("Period ended on")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemChanged.connect(self._update_button)
        self.purge_button = QPushButton(self.tr("&Delete the ticked families…"), self)
        self.purge_button.clicked.connect(self.purge_checked)
        self.status = StatusLabel("", self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.purge_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.tree)
        layout.addLayout(row)
        session.changed.connect(self._on_changed)
        self.refresh()

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _on_changed(self, change: Change) -> None:
        if change.touches(What.FAMILY, What.SETTINGS, What.ERASURE) and self.session.is_unlocked:
            self.refresh()

    def refresh(self) -> None:
        if not self.session.is_unlocked:
            return
        due = retention.families_past_retention(self.session.vault, self.today)
        years = self.session.repo.settings.retention_years
        self.tree.blockSignals(True)
        self.tree.clear()
        for c in due:
            item = QTreeWidgetItem([c.display_name, c.ref, fmt_date(c.closed_date), fmt_date(c.due_date)])
            item.setData(0, FAMILY_ID_ROLE, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        if due:  # as tall as its rows (up to eight), so the panel does not push the page apart
            row = max(self.tree.sizeHintForRow(0), 18)
            self.tree.setFixedHeight(self.tree.header().sizeHint().height() + min(len(due), 8) * row
                                     + 2 * self.tree.frameWidth() + 4)
        self.note.setText(self.tr("These closed families were closed more than {n} year ago. Review them and "
                                  "untick any family whose file must be kept longer; then delete the rest. Only "
                                  "the date and the number of families are kept.",
                                  "These closed families were closed more than {n} years ago. Review them and "
                                  "untick any family whose file must be kept longer; then delete the rest. Only "
                                  "the date and the number of families are kept.", years).format(n=years))
        self.setVisible(bool(due))
        self._update_button()

    def checked_ids(self) -> list[int]:
        ids = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                ids.append(int(item.data(0, FAMILY_ID_ROLE)))
        return ids

    def _update_button(self, *_args: object) -> None:
        self.purge_button.setEnabled(bool(self.checked_ids()))

    def purge_checked(self) -> int:
        ids = self.checked_ids()
        if not ids:
            return 0
        question = self.tr("Delete {n} family for good? Every member, contact, referral and follow-up of "
                           "it is deleted, also from the audit log's details. This cannot be undone.",
                           "Delete {n} families for good? Every member, contact, referral and follow-up of "
                           "them is deleted, also from the audit log's details. This cannot be undone.",
                           len(ids)).format(n=len(ids))
        if not prompter.current().ask_yes_no(self, self.tr("Delete after the retention period"), question,
                                             action=self.tr("&Delete for good"), cancel=self.tr("Cancel")):
            return 0
        if not self.session.is_unlocked:  # locked while the question was open
            return 0
        try:
            removed = retention.purge(self.session.vault, ids, today=dt.date.today())
        except VaultError as exc:
            self.status.setText(exc.text())
            return 0
        self.status.setText(self.tr("{n} family deleted.", "{n} families deleted.", removed).format(n=removed))
        self.refresh()
        if removed:
            self.show()  # keep the confirmation visible even when nothing is due any more
            self.tree.hide()
            self.purge_button.hide()
            self.note.hide()
        return removed
