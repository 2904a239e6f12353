"""A signal (signaal): record a new one or edit one (:class:`SignalDialog`), and move one to its next
status with a date (:class:`SignalStatusDialog`: opgepakt, or geen actie nodig with a reason).
"Gezin aangemaakt" comes only from the intake (:class:`~brugdesk.ui.dialogs.intake.IntakeDialog`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from brugdesk.core.lists import ListName
from brugdesk.core.model import SIGNAL_TRANSITIONS, Signal, SignalStatus
from brugdesk.core.validation import MAX_SIGNAL_TEXT
from brugdesk.ui.a11y import hint, steady_scroll_bars
from brugdesk.ui.dialogs.formkit import BoundFormDialog
from brugdesk.ui.labels import fmt_date, from_qdate, signal_status_label, to_qdate
from brugdesk.ui.widgets import date_edit

#: the statuses a new signal may start with
_FIRST = (SignalStatus.NEW, SignalStatus.TAKEN_UP, SignalStatus.NO_ACTION)


def _fill_reasons(combo: QComboBox, session: Any) -> None:
    combo.clear()
    combo.addItem(QCoreApplication.translate("SignalDialog", "(choose a reason)"), "")
    for item in session.repo.lists.items(ListName.SIGNAL_CLOSURE):
        combo.addItem(item.label, item.code)


class SignalDialog(BoundFormDialog):
    """Record a new signal (``signal_id`` None) or change one's date, source, school, group and
    what was seen (its status changes through :class:`SignalStatusDialog`)."""

    def __init__(self, session: Any, parent: QWidget | None = None, signal_id: int | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("SignalDialog")
        repo = session.repo
        self.date = date_edit()
        self.field(self.tr("&Date:"), "date", self.date)
        self.source = QComboBox()
        self.source.addItem(self.tr("(choose)"), "")
        for item in repo.lists.items(ListName.SIGNAL_SOURCE):
            self.source.addItem(item.label, item.code)
        self.field(self.tr("&From:"), "source", self.source)
        self.school = QComboBox()
        self.school.addItem(self.tr("(none)"), 0)
        for school in repo.schools.list():
            self.school.addItem(school.name, school.id)
        self.field(self.tr("Sc&hool:"), "school", self.school, "school_id")
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("e.g. 5 or 2B"))
        self.field(self.tr("&Group / class:"), "group", self.group)
        self.seen = steady_scroll_bars(QPlainTextEdit())
        self.seen.setTabChangesFocus(True)
        self.seen.setFixedHeight(90)
        self.seen.setPlaceholderText(self.tr("What the teacher saw or heard, in a few lines (no names needed)"))
        self.field(self.tr("&What was seen:"), "seen", self.seen)
        self.count = hint(QLabel())
        self.form.addRow("", self.count)
        self.seen.textChanged.connect(self._count_changed)
        self.status = QComboBox()
        for status in _FIRST:
            self.status.addItem(signal_status_label(status), str(status))
        self.field(self.tr("S&tatus:"), "status", self.status)
        self.reason = QComboBox()
        _fill_reasons(self.reason, session)
        self.field(self.tr("&Reason:"), "closing_reason", self.reason)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._signal: Signal | None = None
        self.bind(signal_id=signal_id)
        self._status_changed()
        self._count_changed()
        self.resize(560, 460)
        self.date.setFocus()

    def _count_changed(self) -> None:
        n = len(self.seen.toPlainText().strip())
        self.count.setText(self.tr("{n} of at most {max} characters").format(n=n, max=MAX_SIGNAL_TEXT))

    def _status_changed(self) -> None:
        self.reason.setEnabled(self.status.isEnabled()
                               and self.status.currentData() == str(SignalStatus.NO_ACTION))

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        signal_id = ids.get("signal_id")
        self._signal = self.session.repo.signals.get(signal_id) if signal_id else None
        s = self._signal
        self.setWindowTitle(self.tr("Edit signal") if s else self.tr("New signal"))
        if s is None:
            return
        self.date.setDate(to_qdate(s.date))
        if s.source and self.source.findData(s.source) < 0:
            self.source.addItem(self.session.repo.lists.label(ListName.SIGNAL_SOURCE, s.source), s.source)
        self.source.setCurrentIndex(max(0, self.source.findData(s.source)))
        self.school.setCurrentIndex(max(0, self.school.findData(s.school_id or 0)))
        self.group.setText(s.group)
        self.seen.setPlainText(s.seen)
        # the status has a history of its own: changed through "Change status…"
        if self.status.findData(str(s.status)) < 0:
            self.status.addItem(signal_status_label(s.status), str(s.status))
        self.status.setCurrentIndex(self.status.findData(str(s.status)))
        self.status.setEnabled(False)
        self.reason.setCurrentIndex(max(0, self.reason.findData(s.closing_reason)))

    def signal(self) -> Signal:
        base = self._signal
        status = SignalStatus(str(self.status.currentData()))
        return Signal(
            date=from_qdate(self.date.date()), source=str(self.source.currentData() or ""),
            seen=self.seen.toPlainText(), school_id=int(self.school.currentData() or 0) or None,
            group=self.group.text(), status=base.status if base else status,
            status_date=base.status_date if base else None,
            closing_reason=(base.closing_reason if base else
                            str(self.reason.currentData() or "") if status == SignalStatus.NO_ACTION else ""),
            family_id=base.family_id if base else None, id=base.id if base else None,
        )

    def save_changes(self) -> int:
        signal = self.signal()
        if signal.id is None:
            signal = self.session.repo.signals.add(signal)
        else:
            self.session.repo.signals.update(signal)
        return signal.id or 0


class SignalStatusDialog(BoundFormDialog):
    """Move a signal to a next status (opgepakt; geen actie nodig with a reason; a closed one taken
    up again), dated; ``status``: the one to offer first."""

    def __init__(self, session: Any, parent: QWidget | None = None, signal_id: int | None = None,
                 status: SignalStatus | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("SignalStatusDialog")
        self.setWindowTitle(self.tr("Change signal status"))
        self.current = QLabel()
        self.form.addRow(self.tr("Current status:"), self.current)
        self.status = QComboBox()
        self.field(self.tr("&New status:"), "status", self.status)
        self.status_date = date_edit()
        self.field(self.tr("&Date:"), "status_date", self.status_date)
        self.reason = QComboBox()
        _fill_reasons(self.reason, session)
        self.field(self.tr("&Reason:"), "closing_reason", self.reason)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.save_button.setText(self.tr("&Change status"))
        self.bind(signal_id=signal_id, status=str(status) if status else None)
        self.resize(460, 240)
        self.status.setFocus()

    def _status_changed(self) -> None:
        self.reason.setEnabled(self.status.currentData() == str(SignalStatus.NO_ACTION))

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        self.status.clear()
        signal_id = ids.get("signal_id")
        if not signal_id:
            return
        s = self.session.repo.signals.get(signal_id)
        self.current.setText(self.tr("{status} since {date}").format(status=signal_status_label(s.status),
                                                                    date=fmt_date(s.status_date)))
        for status in (SignalStatus.TAKEN_UP, SignalStatus.NO_ACTION):
            if status in SIGNAL_TRANSITIONS[s.status]:
                self.status.addItem(signal_status_label(status), str(status))
        wanted = self.status.findData(ids.get("status"))
        if wanted >= 0:
            self.status.setCurrentIndex(wanted)
        possible = self.status.count() > 0
        self.save_button.setEnabled(possible)
        self.status.setEnabled(possible)
        if not possible:
            self.current.setText(self.current.text() + " — " + self.tr("no further status is possible"))
        self._status_changed()

    def save_changes(self) -> int:
        signal_id = int(self.ids["signal_id"])
        self.session.repo.signals.change_status(
            signal_id, SignalStatus(str(self.status.currentData())), from_qdate(self.status_date.date()),
            closing_reason=str(self.reason.currentData() or ""))
        return signal_id
