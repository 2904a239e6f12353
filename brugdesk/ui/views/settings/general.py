"""Instellingen › Rapportages en vergrendelen: the report threshold, the minutes until auto-lock,
and after how many days a waiting referral counts as waiting too long (Doorverwijzingen, Overzicht)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from brugdesk.core.validation import ValidationError
from brugdesk.store.repo import Repositories
from brugdesk.ui.a11y import StatusLabel, hint
from brugdesk.ui.session import Session
from brugdesk.ui.widgets import FieldMessage, form_row


class GeneralTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        settings = self.repo.settings
        self.threshold = QSpinBox(self)
        self.threshold.setRange(0, 99)
        self.threshold.setValue(settings.report_threshold)
        self.threshold.setAccessibleName(self.tr("Report threshold"))
        self.threshold_message = FieldMessage(self)
        self.autolock = QSpinBox(self)
        self.autolock.setRange(0, 999)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setValue(settings.autolock_minutes)
        self.autolock.setAccessibleName(self.tr("Lock after minutes without use"))
        self.autolock_message = FieldMessage(self)
        self.overdue_days = QSpinBox(self)
        self.overdue_days.setRange(1, 365)
        self.overdue_days.setSuffix(self.tr(" days"))
        self.overdue_days.setValue(settings.referral_overdue_days)
        self.overdue_days.setAccessibleName(self.tr("Days until a referral waits too long"))
        self.overdue_days_message = FieldMessage(self)
        for spin in (self.threshold, self.autolock, self.overdue_days):
            spin.setMaximumWidth(120)
        form = QFormLayout()
        form_row(form, QLabel(self.tr("Report &threshold"), self), self.threshold, self.threshold_message)
        form_row(form, QLabel(self.tr("&Lock after"), self), self.autolock, self.autolock_message)
        form_row(form, QLabel(self.tr("A referral waits too lon&g after"), self), self.overdue_days,
                 self.overdue_days_message)
        explain = QLabel(self.tr("Every report shows a count from 1 up to the threshold minus one as “<k”; "
                                 "the threshold (3 to 20) is the same for every report, and a change is recorded in "
                                 "the logboek. brugdesk locks itself when it has not been used for the chosen number "
                                 "of minutes (1 to 60), also while the laptop sleeps."), self)
        explain.setWordWrap(True)
        hint(explain)
        overdue_explain = QLabel(self.tr("A referral that has been proposed, referred or on a waiting list for "
                                         "longer than this number of days (1 to 365) since its last change of "
                                         "status is marked as waiting too long on Referrals and Overview."),
                                 self)
        overdue_explain.setWordWrap(True)
        hint(overdue_explain)
        self.general_save = QPushButton(self.tr("&Save"), self)
        self.general_save.clicked.connect(self.save_general)
        self.general_status = StatusLabel("", self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(overdue_explain)
        row = QHBoxLayout()
        row.addWidget(self.general_save)
        row.addWidget(self.general_status, 1)
        layout.addLayout(row)
        layout.addStretch(1)

    @property
    def repo(self) -> Repositories:
        return self.session.repo

    def stash(self) -> dict[str, Any]:
        return {"threshold": self.threshold.value(), "autolock": self.autolock.value(),
                "overdue_days": self.overdue_days.value()}

    def restore(self, state: dict[str, Any]) -> None:
        self.threshold.setValue(int(state.get("threshold", self.threshold.value())))
        self.autolock.setValue(int(state.get("autolock", self.autolock.value())))
        self.overdue_days.setValue(int(state.get("overdue_days", self.overdue_days.value())))

    def save_general(self) -> bool:
        self.threshold_message.clear_message()
        self.autolock_message.clear_message()
        self.overdue_days_message.clear_message()
        self.general_status.clear()
        ok = True
        settings = self.repo.settings
        try:  # only what changed is written (and so recorded in the logboek)
            if self.threshold.value() != settings.report_threshold:
                settings.set_report_threshold(self.threshold.value())
        except ValidationError as exc:
            self.threshold_message.show_message(" ".join(exc.errors.values()))
            ok = False
        try:
            if self.autolock.value() != settings.autolock_minutes:
                settings.set_autolock_minutes(self.autolock.value())
        except ValidationError as exc:
            self.autolock_message.show_message(" ".join(exc.errors.values()))
            ok = False
        try:
            if self.overdue_days.value() != settings.referral_overdue_days:
                settings.set_referral_overdue_days(self.overdue_days.value())
        except ValidationError as exc:
            self.overdue_days_message.show_message(" ".join(exc.errors.values()))
            ok = False
        if ok:
            self.general_status.setText(self.tr("Saved."))
        return ok
