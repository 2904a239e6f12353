"""Plan or change an appointment (afspraak) in the agenda: a date, a time of day, a kind (the kinds
of contact), a duration, an optional family and a note; and "it happened" (:class:`HappenedDialog`),
which turns an appointment into a contact moment: Ctrl+D on the agenda, then Enter.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from brugdesk.core.lists import ListName
from brugdesk.core.model import Appointment
from brugdesk.core.validation import ValidationError, validate_time_text
from brugdesk.ui.a11y import steady_scroll_bars
from brugdesk.ui.dialogs.contact import DEFAULT_MINUTES, DEFAULT_WITH
from brugdesk.ui.dialogs.family_picker import FamilyPicker
from brugdesk.ui.dialogs.formkit import BoundFormDialog, FormDialog
from brugdesk.ui.labels import fmt_date, fmt_time, from_qdate, to_qdate
from brugdesk.ui.snippets import attach_snippets
from brugdesk.ui.widgets import date_edit


def time_field(parent: QWidget | None = None) -> QLineEdit:
    """A time of day typed as 10:00, 9.30 or 930 (empty: no time)."""
    edit = QLineEdit(parent)
    edit.setMaxLength(5)
    edit.setPlaceholderText(QCoreApplication.translate("AppointmentDialog", "e.g. 10:00"))
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("bijv. 10:00") + 24)
    return edit


def note_field(placeholder: str, height: int = 90) -> QPlainTextEdit:
    note = steady_scroll_bars(QPlainTextEdit())
    note.setTabChangesFocus(True)
    note.setPlaceholderText(placeholder)
    note.setMinimumHeight(height)
    return note


class AppointmentDialog(BoundFormDialog):
    """A new appointment (``appointment_id`` None; ``day`` and ``family_id`` preset it) or a change."""

    def __init__(self, session: Any, parent: QWidget | None = None, appointment_id: int | None = None, *,
                 day: dt.date | None = None, family_id: int | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("AppointmentDialog")
        repo = session.repo
        self.date = date_edit(day)
        self.field(self.tr("&Date:"), "date", self.date)
        self.time = time_field()
        self.field(self.tr("&Time:"), "time", self.time)
        self.kind = QComboBox()
        for item in repo.lists.items(ListName.CONTACT_KIND):
            self.kind.addItem(item.label, item.code)
        self.field(self.tr("&Kind:"), "kind", self.kind)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.field(self.tr("D&uration:"), "minutes", self.minutes)
        self.family = FamilyPicker(repo.families)
        self.family.setPlaceholderText(self.tr("Type a name or reference (optional)…"))
        self.field(self.tr("&Family:"), "family", self.family, "family_id")
        self.note = note_field(self.tr("What it is about, where (optional)"))
        self.field(self.tr("&Note:"), "note", self.note)
        attach_snippets(self.note, session)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._appointment: Appointment | None = None
        self.bind(appointment_id=appointment_id, family_id=family_id)
        self.resize(480, 440)
        self.time.setFocus()

    def _kind_changed(self) -> None:
        if self._appointment is None:
            self.minutes.setValue(DEFAULT_MINUTES.get(str(self.kind.currentData() or ""), 30))

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        appointment_id = ids.get("appointment_id")
        repo = self.session.repo
        self._appointment = repo.appointments.get(appointment_id) if appointment_id else None
        a = self._appointment
        self.setWindowTitle(self.tr("Change appointment") if a else self.tr("New appointment"))
        if a is None:
            self._kind_changed()
            if ids.get("family_id"):
                self._set_family(int(ids["family_id"]))
            return
        self.date.setDate(to_qdate(a.date))
        self.time.setText(fmt_time(a.time))
        i = self.kind.findData(a.kind)
        if i < 0:
            self.kind.addItem(repo.lists.labels(ListName.CONTACT_KIND).get(a.kind, a.kind), a.kind)
            i = self.kind.count() - 1
        self.kind.setCurrentIndex(i)
        self.minutes.setValue(a.minutes)
        if a.family_id:
            self._set_family(a.family_id)
        self.note.setPlainText(a.note)

    def _set_family(self, family_id: int) -> None:
        family = self.session.repo.families.get(family_id)
        self.family.set_family(family_id, f"{family.display_name} ({family.ref})")

    def appointment(self) -> Appointment:
        if self.family.text().strip() and not self.family.family_id:
            raise ValidationError({"family": self.tr("Choose a family from the list, or leave the field empty.")})
        a = self._appointment
        return Appointment(from_qdate(self.date.date()), validate_time_text(self.time.text()),
                           str(self.kind.currentData() or ""), self.minutes.value(),
                           self.family.family_id or None, self.note.toPlainText(),
                           id=a.id if a is not None else None)

    def save_changes(self) -> int:
        appointment = self.appointment()
        if appointment.id is None:
            self.session.repo.appointments.add(appointment)
        else:
            self.session.repo.appointments.update(appointment)
        return appointment.id or 0

    def stash(self) -> dict[str, Any]:
        state = super().stash()
        if state:
            state["family_id"] = self.family.family_id
        return state

    def restore(self, state: dict[str, Any]) -> None:
        super().restore(state)
        if state.get("family_id"):
            self._set_family(int(state["family_id"]))


class HappenedDialog(FormDialog):
    """"It happened": the appointment becomes a contact moment of its family (its date, time and
    kind; the duration and note as planned unless changed here), with an optional follow-up. The
    Save button has the focus when the family is known, so Enter records it."""

    def __init__(self, session: Any, parent: QWidget | None = None, appointment_id: int = 0) -> None:
        super().__init__(session, parent)
        self.setObjectName("HappenedDialog")
        self.setWindowTitle(self.tr("The appointment happened"))
        repo = session.repo
        self.appointment_id = appointment_id
        a = repo.appointments.get(appointment_id)
        self.kind = a.kind
        kind = repo.lists.labels(ListName.CONTACT_KIND).get(a.kind, a.kind)
        self.summary = QLabel(" ".join(part for part in (fmt_date(a.date), fmt_time(a.time), kind) if part))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Appointment:"), self.summary)
        self.family = FamilyPicker(repo.families)
        self.family.setPlaceholderText(self.tr("Type a name or reference…"))
        self.errors.form_row(self.form, self.tr("&Family:"), "family", self.family, "family_id")
        if a.family_id:
            family = repo.families.get(a.family_id)
            self.family.set_family(a.family_id, f"{family.display_name} ({family.ref})")
            self.family.setEnabled(False)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(a.minutes)
        self.errors.form_row(self.form, self.tr("D&uration:"), "minutes", self.minutes)
        self.note = note_field(self.tr("What was discussed, what was agreed (confidential)"), 110)
        self.note.setPlainText(a.note)
        self.errors.form_row(self.form, self.tr("&Note:"), "note", self.note)
        self.followup_text = QLineEdit()
        self.followup_text.setPlaceholderText(self.tr("Next step (optional)"))
        self.errors.form_row(self.form, self.tr("F&ollow-up:"), "followup_text", self.followup_text)
        self.followup_date = date_edit(dt.date.today() + dt.timedelta(days=14))
        self.errors.form_row(self.form, self.tr("Follow-up d&ate:"), "followup_date", self.followup_date)
        attach_snippets(self.note, session)
        attach_snippets(self.followup_text, session)
        self.save_button.setText(self.tr("&Record as contact"))
        self.save_button.setToolTip(self.tr("Record the appointment as a contact (Enter)"))
        self.resize(520, 440)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        target: QWidget = self.save_button if self.family.family_id else self.family
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_changes(self) -> int:
        repo = self.session.repo
        if not self.family.family_id:
            raise ValidationError({"family": self.tr("Choose the family this appointment was with.")})
        text = self.followup_text.text().strip()
        family_id = self.family.family_id
        contact = repo.appointments.happened(
            self.appointment_id, minutes=self.minutes.value(), note=self.note.toPlainText(),
            with_whom=list(DEFAULT_WITH.get(self.kind, [])),
            themes=list(repo.families.get(family_id).themes), followup_text=text,
            followup_date=from_qdate(self.followup_date.date()) if text else None, family_id=family_id)
        return contact.id or 0
