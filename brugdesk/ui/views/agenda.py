"""Agenda: the week's appointments (afspraken) by day and time of day, from Monday to Sunday.

Keyboard: Alt+Page Up / Alt+Page Down go a week back / on, Alt+Home comes back to this week (the
buttons say so too); Ctrl+Shift+N plans a new appointment; Enter changes the selected one; Ctrl+D
("it happened") turns it into a contact moment — Ctrl+D, then Enter. Planned appointments whose
day has passed say "did it happen?" in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from brugdesk.core.model import AppointmentStatus
from brugdesk.store.changes import Change, What
from brugdesk.store.repo.agenda import week_of
from brugdesk.store.repo.rows import AppointmentRow
from brugdesk.ui import theme
from brugdesk.ui.a11y import StatusLabel
from brugdesk.ui.dialogs.formkit import confirm, delete_label
from brugdesk.ui.labels import fmt_date, fmt_time
from brugdesk.ui.models.agenda import AppointmentModel
from brugdesk.ui.models.base import ListLabels
from brugdesk.ui.views.tables import CaseTable
from brugdesk.ui.widgets import big_font


class AgendaPage(QWidget):
    family_requested = Signal(int)

    def __init__(self, session: Any, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        self.monday = week_of(today())[0]
        self.dialog: QDialog | None = None

        self.previous_button = QPushButton(self.tr("← &Previous week"))
        self.previous_button.setToolTip(self.tr("The week before (Alt+Page Up)"))
        self.this_week_button = QPushButton(self.tr("&This week"))
        self.this_week_button.setToolTip(self.tr("Back to this week (Alt+Home)"))
        self.next_button = QPushButton(self.tr("Ne&xt week →"))
        self.next_button.setToolTip(self.tr("The week after (Alt+Page Down)"))
        self.previous_button.clicked.connect(lambda: self.go_week(-1))
        self.next_button.clicked.connect(lambda: self.go_week(1))
        self.this_week_button.clicked.connect(self.this_week)
        self.week_label = StatusLabel()  # the week shown is announced when it changes
        self.week_label.setFont(big_font(self, 1.25))
        self.count_label = QLabel()
        top = QHBoxLayout()
        for b in (self.previous_button, self.this_week_button, self.next_button):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.count_label)

        self.model = AppointmentModel(self, today=today)
        self.table = CaseTable(self.model, self.tr("Appointments of the week"), stretch=AppointmentModel.NOTE)
        self.table.fit_columns({AppointmentModel.DAY: 190, AppointmentModel.TIME: 55, AppointmentModel.KIND: 140,
                                AppointmentModel.FAMILY: 200, AppointmentModel.MINUTES: 70,
                                AppointmentModel.STATUS: 170})
        self.table.on_activate(self.edit_appointment)
        self.table.on_delete(self.delete_appointment)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.late = QLabel()
        self.late.setWordWrap(True)
        theme.style(self.late, "color: $error;")

        self.new_button = QPushButton(self.tr("&New appointment…"))
        self.new_button.setToolTip(self.tr("Plan a new appointment (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_appointment)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Change the selected appointment (Enter)"))
        self.edit_button.clicked.connect(self.edit_appointment)
        self.happened_button = QPushButton(self.tr("It &happened…"))
        self.happened_button.setToolTip(self.tr("Record the selected appointment as a contact (Ctrl+D)"))
        self.happened_button.clicked.connect(self.happened)
        self.cancel_button = QPushButton(self.tr("&Cancel appointment"))
        self.cancel_button.setToolTip(self.tr("Mark the selected appointment as cancelled (it is kept)"))
        self.cancel_button.clicked.connect(self.cancel_appointment)
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setToolTip(self.tr("Delete the selected appointment (Delete)"))
        self.delete_button.clicked.connect(self.delete_appointment)
        self.open_button = QPushButton(self.tr("Open &family"))
        self.open_button.clicked.connect(self.open_family)
        row = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.happened_button, self.cancel_button, self.delete_button,
                  self.open_button):
            row.addWidget(b)
        row.addStretch(1)

        lay = QVBoxLayout(self)
        lay.addWidget(self.week_label)
        lay.addLayout(top)
        lay.addWidget(self.late)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        lay.addLayout(row)
        QWidget.setTabOrder(self.next_button, self.table)

        for keys, slot in (("Alt+PgUp", lambda: self.go_week(-1)), ("Alt+PgDown", lambda: self.go_week(1)),
                           ("Alt+Home", self.this_week), ("Ctrl+Shift+N", self.new_appointment),
                           ("Ctrl+D", self.happened)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        session.changed.connect(self._changed)
        session.locked.connect(self.clear)
        self.reload()

    # ------------------------------------------------------------ weeks
    def go_week(self, offset: int) -> None:
        self.monday += dt.timedelta(weeks=offset)
        self.reload()

    def this_week(self) -> None:
        self.monday = week_of(self.today())[0]
        self.reload()

    def show_day(self, day: dt.date, appointment_id: int | None = None) -> None:
        """The week of ``day``, with the appointment (or that day's first) selected."""
        self.monday = week_of(day)[0]
        self.reload()
        if appointment_id is None or not self.table.select_where(lambda r: r.id == appointment_id):
            self.table.select_where(lambda r: r.date >= day)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ loading
    def reload(self) -> None:
        if not self.session.is_unlocked:
            return
        repo = self.session.repo
        current: AppointmentRow | None = self.table.current_row_object()
        sunday = self.monday + dt.timedelta(days=6)
        week = self.monday.isocalendar()[1]
        self.week_label.setText(self.tr("Week {week}: {start} – {end}")
                                .format(week=week, start=fmt_date(self.monday), end=fmt_date(sunday)))
        self.model.labels = ListLabels.read(repo)
        self.model.load(repo.appointments.week(self.monday, include_cancelled=True))
        if current is None or not self.table.select_where(lambda r: r.id == current.id):
            today = self.today()
            if not (self.monday <= today <= sunday and self.table.select_where(lambda r: r.date >= today)):
                self.table.select_first()
        n = self.model.total()
        self.count_label.setText(self.tr("{n} appointment", "{n} appointments", n).format(n=n))
        self.empty.setText(self.tr("No appointments this week. Plan one with “New appointment” (Ctrl+Shift+N)."))
        self.empty.setVisible(n == 0)
        late = repo.appointments.count_planned_past(self.today())
        self.late.setText(self.tr(
            "{n} earlier appointment is still planned: say whether it happened or cancel it.",
            "{n} earlier appointments are still planned: say whether they happened or cancel them.",
            late).format(n=late))
        self.late.setVisible(late > 0)
        self._update_buttons()

    def clear(self) -> None:
        self.model.clear_for_lock()
        self.late.clear()

    def _changed(self, change: Change) -> None:
        if self.session.is_unlocked and change.touches(What.APPOINTMENT, What.FAMILY, What.LIST, What.ERASURE):
            self.reload()

    def _update_buttons(self) -> None:
        row: AppointmentRow | None = self.table.current_row_object()
        planned = row is not None and row.status == AppointmentStatus.PLANNED
        self.edit_button.setEnabled(planned)
        self.happened_button.setEnabled(planned and row is not None and row.date <= self.today())
        self.cancel_button.setEnabled(planned)
        self.delete_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None and bool(row.family_id))

    # ------------------------------------------------------------ actions
    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_appointment(self) -> QDialog | None:
        if not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.appointment import AppointmentDialog

        row: AppointmentRow | None = self.table.current_row_object()
        today = self.today()
        day = row.date if row is not None and row.date >= today else max(today, self.monday)
        return self._open(AppointmentDialog(self.session, self, day=day))

    def edit_appointment(self) -> QDialog | None:
        row: AppointmentRow | None = self.table.current_row_object()
        if row is None or row.status != AppointmentStatus.PLANNED or not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.appointment import AppointmentDialog

        return self._open(AppointmentDialog(self.session, self, row.id))

    def happened(self) -> QDialog | None:
        row: AppointmentRow | None = self.table.current_row_object()
        if row is None or not self.happened_button.isEnabled() or not self.session.is_unlocked:
            return None
        from brugdesk.ui.dialogs.appointment import HappenedDialog

        return self._open(HappenedDialog(self.session, self, row.id))

    def cancel_appointment(self) -> None:
        row: AppointmentRow | None = self.table.current_row_object()
        if row is None or row.status != AppointmentStatus.PLANNED:
            return
        when = f"{fmt_date(row.date)} {fmt_time(row.time)}".strip()
        if confirm(self, self.tr("Cancel appointment"),
                   self.tr("Mark the appointment of {when} as cancelled?").format(when=when),
                   self.tr("&Mark cancelled"), self.tr("&Keep it")) and self.session.is_unlocked:
            self.session.repo.appointments.cancel(row.id)

    def delete_appointment(self) -> None:
        row: AppointmentRow | None = self.table.current_row_object()
        if row is None:
            return
        when = f"{fmt_date(row.date)} {fmt_time(row.time)}".strip()
        if confirm(self, self.tr("Delete appointment"),
                   self.tr("Delete the appointment of {when}? A contact made of it stays.").format(when=when),
                   delete_label()) and self.session.is_unlocked:
            self.session.repo.appointments.delete(row.id)

    def open_family(self) -> None:
        row: AppointmentRow | None = self.table.current_row_object()
        if row is not None and row.family_id:
            self.family_requested.emit(row.family_id)
