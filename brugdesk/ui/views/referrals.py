"""Doorverwijzingen: every referral with its partner, status and the days it has waited since its
latest status change; filters on status, kind of partner, school and "waits too long"; per
referral the hulpvraag, the contact person at the partner and the status history with the note
of each change.

The table pages through the vault like Acties (the first 200, more while scrolling). Overzicht's
"… and N more waiting" opens this page filtered on the waiting statuses (:meth:`show_waiting`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.lists import ListName
from brugdesk.core.model import ReferralStatus
from brugdesk.errors import NotFound
from brugdesk.store.changes import Change, What
from brugdesk.store.repo.casework import OVERDUE_STATUSES
from brugdesk.store.repo.rows import ReferralListRow
from brugdesk.ui.a11y import StatusLabel, ValueLabel, hint
from brugdesk.ui.labels import fmt_date, history_lines, referral_status_label
from brugdesk.ui.models.referrals import ReferralListModel
from brugdesk.ui.views.tables import CaseTable

#: status filter choices that are a group of statuses (the rest: one status each)
ALL, WAITING, OPEN = "all", "waiting", "open"
OPEN_STATUSES = frozenset(s for s in ReferralStatus if s.is_open)


class ReferralsPage(QWidget):
    family_requested = Signal(int)  # "Open family": the main window shows it

    def __init__(self, session: Any, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        self.dialog: QDialog | None = None  # the dialog opened last (tests drive it)

        # ---- filters
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter on status"))
        self.status_filter.addItem(self.tr("All statuses"), ALL)
        self.status_filter.addItem(self.tr("Waiting (proposed, referred, waiting list)"), WAITING)
        self.status_filter.addItem(self.tr("Open (not finished)"), OPEN)
        for status in ReferralStatus:
            self.status_filter.addItem(referral_status_label(status), str(status))
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName(self.tr("Filter on kind of partner"))
        self.school_filter = QComboBox()
        self.school_filter.setAccessibleName(self.tr("Filter on school"))
        self.overdue_filter = QCheckBox()
        # two rows of filters, so the page fits a 1024-pixel screen; the combos do not ask for the
        # width of their longest item
        bar = QGridLayout()
        places = ((0, 0), (0, 2), (1, 0))
        for (line, column), (text, combo) in zip(places, (
                (self.tr("S&tatus:"), self.status_filter), (self.tr("&Kind of partner:"), self.type_filter),
                (self.tr("Sc&hool:"), self.school_filter)), strict=True):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            bar.addWidget(label, line, column)
            bar.addWidget(combo, line, column + 1)
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.overdue_filter, 1, 2, 1, 2)
        bar.setColumnStretch(1, 1)
        bar.setColumnStretch(3, 1)
        self.overdue_filter.toggled.connect(lambda _on: self.reload())

        # ---- the table
        self.model = ReferralListModel(self)
        self.table = CaseTable(self.model, self.tr("Referrals"), stretch=ReferralListModel.SCHOOL)
        self.table.fit_columns({ReferralListModel.REF: 105, ReferralListModel.FAMILY: 170,
                                ReferralListModel.PARTNER: 170, ReferralListModel.STATUS: 130,
                                ReferralListModel.SINCE: 95, ReferralListModel.DAYS: 140})
        self.table.on_activate(self.change_status)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

        # ---- the selected referral
        detail = QWidget()
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 4, 0, 0)
        self.selected = QLabel()
        self.selected.setWordWrap(True)
        self.need = ValueLabel(self.tr("Hulpvraag"))
        self.need.setWordWrap(True)
        self.need.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contact_person = ValueLabel(self.tr("Contact person at the partner"))
        self.contact_person.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        need_caption = hint(QLabel(self.tr("Hulpvraag:")))
        person_caption = hint(QLabel(self.tr("Contact person:")))
        history_label = QLabel(self.tr("Status hist&ory:"))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Status history of the selected referral"))
        self.history.setWordWrap(True)
        history_label.setBuddy(self.history)
        grid.addWidget(self.selected, 0, 0, 1, 2)
        grid.addWidget(need_caption, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.need, 1, 1)
        grid.addWidget(person_caption, 2, 0)
        grid.addWidget(self.contact_person, 2, 1)
        grid.addWidget(history_label, 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.history, 3, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([2000, 1000])  # two thirds for the list at first (only the ratio counts)
        self.history.setMinimumHeight(self.fontMetrics().height() * 3)

        # ---- buttons
        self.status_button = QPushButton(self.tr("Change &status…"))
        self.status_button.setToolTip(self.tr("Move the selected referral to its next status, with a note (Enter)"))
        self.status_button.clicked.connect(self.change_status)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the hulpvraag, contact person and other details"))
        self.edit_button.clicked.connect(self.edit_referral)
        self.open_button = QPushButton(self.tr("Open &family"))
        self.open_button.clicked.connect(self.open_family)
        self.count_label = StatusLabel()
        row = QHBoxLayout()
        for b in (self.status_button, self.edit_button, self.open_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.count_label)

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        lay.addLayout(row)
        QWidget.setTabOrder(self.overdue_filter, self.table)
        QWidget.setTabOrder(self.table, self.history)
        QWidget.setTabOrder(self.history, self.status_button)

        session.changed.connect(self._changed)
        session.locked.connect(self.clear)
        self._fill_filters()
        self.reload()

    # ------------------------------------------------------------ filters
    def _fill_filters(self) -> None:
        if not self.session.is_unlocked:
            return
        repo = self.session.repo
        for combo, first, items in (
                (self.type_filter, self.tr("All kinds"),
                 [(i.label, i.code) for i in repo.lists.items(ListName.PARTNER_TYPE, include_inactive=True)]),
                (self.school_filter, self.tr("All schools"), [(s.name, s.id) for s in repo.schools.list()])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)
        self.model.partner_types = {code: label for label, code in
                                    ((i.label, i.code) for i in repo.lists.items(ListName.PARTNER_TYPE,
                                                                                 include_inactive=True))}
        days = repo.settings.referral_overdue_days
        self.overdue_filter.setText(self.tr("Only those waiting too &long (over {n} day)",
                                                "Only those waiting too &long (over {n} days)", days).format(n=days))

    def statuses(self) -> frozenset[ReferralStatus] | None:
        choice = str(self.status_filter.currentData())
        if choice == ALL:
            return None
        if choice == WAITING:
            return OVERDUE_STATUSES
        if choice == OPEN:
            return OPEN_STATUSES
        return frozenset({ReferralStatus(choice)})

    def filters(self) -> dict[str, Any]:
        partner_type = self.type_filter.currentData()
        school = self.school_filter.currentData()
        return {"statuses": self.statuses(), "partner_type": str(partner_type) if partner_type else None,
                "school_id": int(school) if school is not None else None,
                "overdue": self.overdue_filter.isChecked()}

    def show_waiting(self) -> None:
        """Every referral that waits (voorgesteld, doorverwezen, wachtlijst), the longest first:
        Overzicht's "… and N more waiting" leads here."""
        for combo, index in ((self.type_filter, 0), (self.school_filter, 0),
                             (self.status_filter, self.status_filter.findData(WAITING))):
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.overdue_filter.blockSignals(True)
        self.overdue_filter.setChecked(False)
        self.overdue_filter.blockSignals(False)
        self.reload()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        if not self.session.is_unlocked:
            return
        referrals = self.session.repo.referrals
        current: ReferralListRow | None = self.table.current_row_object()
        filters = self.filters()
        today = self.today()
        total = referrals.count_listing(**filters, today=today)
        self.model.load_pages(lambda offset, limit: referrals.listing(**filters, limit=limit, offset=offset,
                                                                      today=today), total)
        if current is None or not self.table.select_where(lambda r: r.id == current.id):
            self.table.select_first()
        self.count_label.setText(self.tr("{n} referral", "{n} referrals", total).format(n=total))
        self._show_current()

    def clear(self) -> None:
        self.model.clear_for_lock()
        self.selected.clear()
        self.need.clear()
        self.contact_person.clear()
        self.history.clear()

    def _changed(self, change: Change) -> None:
        if not self.session.is_unlocked:
            return
        if change.touches(What.SCHOOL, What.LIST, What.SETTINGS):
            self._fill_filters()
        if change.touches(What.REFERRAL, What.FAMILY, What.PARTNER, What.SCHOOL, What.LIST, What.SETTINGS,
                          What.ERASURE):
            self.reload()

    def _show_current(self) -> None:
        row: ReferralListRow | None = self.table.current_row_object()
        for b in (self.status_button, self.edit_button, self.open_button):
            b.setEnabled(row is not None)
        self.history.clear()
        if row is None or not self.session.is_unlocked:
            self.selected.setText(self.tr("No referral selected.") if self.model.total() else
                                  self.tr("No referral matches these filters."))
            self.need.clear()
            self.contact_person.clear()
            return
        try:
            referral = self.session.repo.referrals.get(row.id)
        except NotFound:
            return
        self.selected.setText(self.tr("{family} ({ref}) → {partner}, since {date}")
                              .format(family=row.family_name, ref=row.family_ref, partner=row.partner_name,
                                      date=fmt_date(row.date)))
        self.need.setText(referral.need or self.tr("(not recorded)"))
        self.contact_person.setText(referral.contact_person or self.tr("(not recorded)"))
        for line in history_lines(referral.history):
            self.history.addItem(QListWidgetItem(line))

    # ------------------------------------------------------------ actions
    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def change_status(self) -> QDialog | None:
        row: ReferralListRow | None = self.table.current_row_object()
        if row is None or not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.referral_status import ReferralStatusDialog

        return self._open(ReferralStatusDialog(self.session, self, referral_id=row.id))

    def edit_referral(self) -> QDialog | None:
        row: ReferralListRow | None = self.table.current_row_object()
        if row is None or not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.referral import ReferralDialog

        return self._open(ReferralDialog(self.session, self, family_id=row.family_id, referral_id=row.id))

    def open_family(self) -> None:
        row: ReferralListRow | None = self.table.current_row_object()
        if row is not None:
            self.family_requested.emit(row.family_id)
