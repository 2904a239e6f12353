"""Overzicht: today's due and overdue follow-ups, referrals waiting for an answer, and this
term's numbers. Activating a line (Enter or double-click) opens the family."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brugdesk import i18n
from brugdesk.core.lists import ListName
from brugdesk.core.model import AppointmentStatus, ReferralStatus
from brugdesk.core.periods import period_title, term_of
from brugdesk.store.changes import CASEWORK, Change, What
from brugdesk.ui import theme
from brugdesk.ui.a11y import Heading, ValueLabel, described, hint
from brugdesk.ui.labels import fmt_date, fmt_time
from brugdesk.ui.session import Session
from brugdesk.ui.widgets import big_font

FAMILY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
APPOINTMENT_ROLE = Qt.ItemDataRole.UserRole + 2


class OverviewPage(QWidget):
    """Emits what the officer asks to see next; the main window shows it."""

    family_requested = Signal(int)  # a line was activated: open this family
    all_followups_requested = Signal()  # "… and N more": every open follow-up, on Acties
    contact_requested = Signal()  # "Log a contact"
    waiting_referrals_requested = Signal()  # "… and N more waiting": Doorverwijzingen, filtered
    appointment_requested = Signal(object, int)  # an appointment of today: the Agenda shows it (day, id)

    # how many due follow-ups and waiting referrals are listed (the count of the rest is shown)
    SHOWN = 100

    def __init__(self, session: Session, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today

        self.heading = Heading(parent=self)
        self.heading.setFont(big_font(self, 1.6))

        self.agenda_label = Heading(self.tr("Today's &appointments"), self)
        self.agenda_label.setFont(big_font(self, 1.15))
        self.agenda = self._tree([self.tr("Time"), self.tr("Kind"), self.tr("Family")])
        self.agenda.setAccessibleName(self.tr("Today's appointments"))
        self.agenda.setMinimumHeight(90)
        self.agenda_label.setBuddy(self.agenda)
        self.agenda.itemActivated.connect(self._appointment_activated)
        self.agenda_empty = QLabel(self.tr("No appointments today."), self)
        hint(self.agenda_empty)

        self.due_label = Heading(self.tr("&Follow-ups due today and overdue"), self)
        self.due_label.setFont(big_font(self, 1.15))
        self.due = self._tree([self.tr("Due"), self.tr("Family"), self.tr("Follow-up")])
        self.due.setAccessibleName(self.tr("Follow-ups due today and overdue"))
        self.due_label.setBuddy(self.due)
        self.due_empty = QLabel(self.tr("Nothing due today."), self)
        hint(self.due_empty)
        # only the first SHOWN lines are listed (fast with thousands due); the rest is on Acties
        self.due_more = QPushButton(self)
        self.due_more.setFlat(True)
        self.due_more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.due_more.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; border: none; }")
        self.due_more.clicked.connect(self.all_followups_requested)

        self.waiting_label = Heading(self.tr("&Referrals waiting for an answer"), self)
        self.waiting_label.setFont(big_font(self, 1.15))
        self.waiting = self._tree([self.tr("Since"), self.tr("Family"), self.tr("Partner"), self.tr("Status")])
        self.waiting.setAccessibleName(self.tr("Referrals waiting for an answer"))
        self.waiting_label.setBuddy(self.waiting)
        self.waiting_empty = QLabel(self.tr("No referral is waiting for an answer."), self)
        hint(self.waiting_empty)
        self.waiting_more = QPushButton(self)
        self.waiting_more.setFlat(True)
        self.waiting_more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.waiting_more.setStyleSheet(self.due_more.styleSheet())
        self.waiting_more.clicked.connect(self.waiting_referrals_requested)

        self.term_label = Heading(parent=self)
        self.term_label.setFont(big_font(self, 1.15))
        self.numbers: dict[str, QLabel] = {}
        numbers = QFrame(self)
        numbers.setObjectName("termNumbers")
        # one Tab stop for the five numbers: a screen reader reads the term as its name and the
        # numbers as its description (Orca 43 does not reach labels that are no Tab stop)
        numbers.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        theme.style(numbers, "QFrame#termNumbers { background: $panel_bg; border-radius: 8px; "
                             "border: ${ring_width}px solid $panel_bg; }"
                             " QFrame#termNumbers:focus { border-color: $focus_ring; }")
        self.numbers_panel = numbers
        grid = QGridLayout(numbers)
        grid.setContentsMargins(16, 12, 16, 12)
        captions = {
            "active": self.tr("families active"),
            "new": self.tr("new families"),
            "contacts": self.tr("contacts"),
            "hours": self.tr("hours of contact"),
            "home_visits": self.tr("home visits"),
        }
        for col, (key, caption) in enumerate(captions.items()):
            value = ValueLabel(caption, "–", numbers)
            value.setFont(big_font(self, 1.8))
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text = QLabel(caption, numbers)
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(value, 0, col)
            grid.addWidget(text, 1, col)
            self.numbers[key] = value

        self.log_button = QPushButton(self.tr("&Log a contact…  (Ctrl+N)"), self)
        self.log_button.clicked.connect(self.contact_requested)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.log_button)
        layout.addLayout(top)
        layout.addWidget(self.agenda_label)
        layout.addWidget(self.agenda_empty)
        layout.addWidget(self.agenda, 1)
        layout.addWidget(self.due_label)
        layout.addWidget(self.due_empty)
        layout.addWidget(self.due, 3)
        layout.addWidget(self.due_more, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.waiting_empty)
        layout.addWidget(self.waiting, 2)
        layout.addWidget(self.waiting_more, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.term_label)
        layout.addWidget(numbers)
        from brugdesk.ui.views.retention import RetentionPanel  # families past their retention period

        self.retention = RetentionPanel(session, content, today=today)
        layout.addWidget(self.retention)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        # the scroll area is no Tab stop of its own (its controls are; it scrolls to the focused one)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # Tab goes through the page top to bottom, then on to the sidebar
        QWidget.setTabOrder(self.log_button, self.agenda)
        QWidget.setTabOrder(self.agenda, self.due)
        QWidget.setTabOrder(self.due, self.due_more)
        QWidget.setTabOrder(self.due_more, self.waiting)
        QWidget.setTabOrder(self.waiting, self.waiting_more)
        QWidget.setTabOrder(self.waiting_more, numbers)

        session.changed.connect(self._on_changed)
        theme.notifier().changed.connect(self._recolour)
        self.refresh()

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setMinimumHeight(120)
        tree.header().setStretchLastSection(True)
        for column in range(len(headers) - 1):
            tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        tree.itemActivated.connect(self._activated)
        return tree

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def status_label(self, status: ReferralStatus) -> str:
        return {
            ReferralStatus.PROPOSED: self.tr("proposed"),
            ReferralStatus.REFERRED: self.tr("referred"),
            ReferralStatus.ACCEPTED: self.tr("accepted"),
            ReferralStatus.WAITING_LIST: self.tr("waiting list"),
            ReferralStatus.COMPLETED: self.tr("completed"),
            ReferralStatus.DECLINED: self.tr("declined"),
            ReferralStatus.STOPPED: self.tr("stopped"),
        }[status]

    def refresh(self) -> None:
        if not self.session.is_unlocked:
            return
        repo = self.session.repo
        today = self.today
        self.heading.setText(self.tr("Today, {date}").format(date=fmt_date(today)))

        self.agenda.clear()
        kinds = repo.lists.labels(ListName.CONTACT_KIND)
        for appointment in repo.appointments.on(today):
            family = (f"{appointment.family_ref}  {appointment.family_name}" if appointment.family_id
                      else self.tr("(no family)"))
            kind = kinds.get(appointment.kind, appointment.kind)
            if appointment.status == AppointmentStatus.DONE:
                kind += "  " + self.tr("(happened)")
            item = QTreeWidgetItem([fmt_time(appointment.time) or self.tr("any time"), kind, family])
            item.setData(0, APPOINTMENT_ROLE, appointment.id)
            self.agenda.addTopLevelItem(item)
        self.agenda.setVisible(self.agenda.topLevelItemCount() > 0)
        self.agenda.setFixedHeight(self._tree_height(self.agenda))
        self.agenda_empty.setVisible(self.agenda.topLevelItemCount() == 0)

        self.due.clear()
        late = QBrush(QColor(theme.current().error))
        for row in repo.followups.due(today, limit=self.SHOWN):
            f = row.followup
            when = fmt_date(f.due_date)
            if f.due_date < today:
                days = (today - f.due_date).days
                when += "  " + (self.tr("(1 day late)") if days == 1
                                else self.tr("({days} days late)").format(days=str(days)))
            item = QTreeWidgetItem([when, f"{row.family_ref}  {row.family_name}", f.text])
            item.setData(0, FAMILY_ID_ROLE, f.family_id)
            if f.due_date < today:
                item.setForeground(0, late)
            self.due.addTopLevelItem(item)
        self.due.setVisible(self.due.topLevelItemCount() > 0)
        self.due_empty.setVisible(self.due.topLevelItemCount() == 0)
        more = repo.followups.count_due(today) - self.due.topLevelItemCount()
        self.due_more.setText(self.tr("… and {n} more: show all on Follow-ups").format(n=more))
        self.due_more.setVisible(more > 0)

        self.waiting.clear()
        cutoff = repo.referrals.overdue_cutoff(today)
        for wrow in repo.referrals.waiting(limit=self.SHOWN):
            r = wrow.referral
            since = r.history[-1].date if r.history else r.date
            when = fmt_date(since)
            if since < cutoff:  # waiting longer than the vault's term: said in words, and in red
                when += "  " + self.tr("(waiting too long)")
            item = QTreeWidgetItem([when, f"{wrow.family_ref}  {wrow.family_name}", wrow.partner_name,
                                    self.status_label(r.status)])
            item.setData(0, FAMILY_ID_ROLE, r.family_id)
            if since < cutoff:
                item.setForeground(0, late)
            self.waiting.addTopLevelItem(item)
        self.waiting.setVisible(self.waiting.topLevelItemCount() > 0)
        self.waiting_empty.setVisible(self.waiting.topLevelItemCount() == 0)
        more = repo.referrals.count_waiting() - self.waiting.topLevelItemCount()
        self.waiting_more.setText(self.tr("… and {n} more referral waiting: show all on Referrals",
                                          "… and {n} more referrals waiting: show all on Referrals",
                                          more).format(n=more))
        self.waiting_more.setVisible(more > 0)

        term = term_of(today, repo.settings.term_starts)
        numbers = repo.statistics.term_numbers(term.start, term.end)
        title = period_title(term)  # "Schooljaar 2025-2026, periode 2", as the report names it
        self.term_label.setText(self.tr("This term: {term} ({start} – {end})")
                                .format(term=title[:1].lower() + title[1:], start=fmt_date(term.start),
                                        end=fmt_date(term.end)))
        hours = numbers.minutes / 60
        self.numbers["active"].setText(str(numbers.active_families))
        self.numbers["new"].setText(str(numbers.new_families))
        self.numbers["contacts"].setText(str(numbers.contacts))
        self.numbers["hours"].setText(i18n.decimal(hours))
        self.numbers["home_visits"].setText(str(numbers.home_visits))
        self.numbers_panel.setAccessibleName(self.term_label.text())
        self.numbers_panel.setAccessibleDescription(described(self.numbers.values()))

    def _on_changed(self, change: Change) -> None:
        if change.touches(CASEWORK, What.PARTNER, What.SETTINGS, What.ERASURE, What.APPOINTMENT, What.LIST):
            self.refresh()

    def _recolour(self, _theme: str) -> None:
        """Late rows in the new theme's error colour (the lists keep their place)."""
        late = QBrush(QColor(theme.current().error))
        for tree in (self.due, self.waiting):
            for i in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(i)
                if item is not None and item.data(0, Qt.ItemDataRole.ForegroundRole) is not None:
                    item.setForeground(0, late)

    @staticmethod
    def _tree_height(tree: QTreeWidget) -> int:
        """Tall enough for a day's appointments (at most six lines before it scrolls)."""
        rows = max(1, min(tree.topLevelItemCount(), 6))
        row = tree.sizeHintForRow(0) if tree.topLevelItemCount() else tree.fontMetrics().height() + 6
        return tree.header().sizeHint().height() + rows * max(row, 1) + 2 * tree.frameWidth() + row // 2 + 6

    def _appointment_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        appointment_id = item.data(0, APPOINTMENT_ROLE)
        if appointment_id:
            self.appointment_requested.emit(self.today, int(appointment_id))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        family_id = item.data(0, FAMILY_ID_ROLE)
        if family_id:
            self.family_requested.emit(int(family_id))
