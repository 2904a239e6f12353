"""Instellingen › Rapportages en vergrendelen: the report threshold and the minutes until auto-lock."""

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
        for spin in (self.threshold, self.autolock):
            spin.setMaximumWidth(120)
        self.autolock_message = FieldMessage(self)
        form = QFormLayout()
        form_row(form, QLabel(self.tr("Report &threshold"), self), self.threshold, self.threshold_message)
        form_row(form, QLabel(self.tr("&Lock after"), self), self.autolock, self.autolock_message)
        explain = QLabel(self.tr("Every report shows a count from 1 up to the threshold minus one as “<k”; "
                                 "the threshold (3 to 20) is the same for every report, and a change is recorded in "
                                 "the logboek. brugdesk locks itself when it has not been used for the chosen number "
                                 "of minutes (1 to 60), also while the laptop sleeps."), self)
        explain.setWordWrap(True)
        hint(explain)
        self.general_save = QPushButton(self.tr("&Save"), self)
        self.general_save.clicked.connect(self.save_general)
        self.general_status = StatusLabel("", self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        row = QHBoxLayout()
        row.addWidget(self.general_save)
        row.addWidget(self.general_status, 1)
        layout.addLayout(row)
        layout.addStretch(1)

    @property
    def repo(self) -> Repositories:
        return self.session.repo

    def stash(self) -> dict[str, Any]:
        return {"threshold": self.threshold.value(), "autolock": self.autolock.value()}

    def restore(self, state: dict[str, Any]) -> None:
        self.threshold.setValue(int(state.get("threshold", self.threshold.value())))
        self.autolock.setValue(int(state.get("autolock", self.autolock.value())))

    def save_general(self) -> bool:
        self.threshold_message.clear_message()
        self.autolock_message.clear_message()
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
        if ok:
            self.general_status.setText(self.tr("Saved."))
        return ok
