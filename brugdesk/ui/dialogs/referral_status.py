"""Move a referral to its next status (only the allowed ones), dated, with a note of what happened."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from brugdesk.core.model import REFERRAL_TRANSITIONS, ReferralStatus
from brugdesk.ui.a11y import steady_scroll_bars
from brugdesk.ui.dialogs.formkit import BoundFormDialog
from brugdesk.ui.labels import fmt_date, from_qdate, referral_status_label
from brugdesk.ui.snippets import attach_snippets
from brugdesk.ui.widgets import date_edit

#: The order in which next statuses are offered (the usual path first).
_ORDER = [ReferralStatus.REFERRED, ReferralStatus.ACCEPTED, ReferralStatus.WAITING_LIST, ReferralStatus.COMPLETED,
          ReferralStatus.PROPOSED, ReferralStatus.DECLINED, ReferralStatus.STOPPED]


class ReferralStatusDialog(BoundFormDialog):
    def __init__(self, session: Any, parent: QWidget | None = None, referral_id: int | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("ReferralStatusDialog")
        self.setWindowTitle(self.tr("Change referral status"))
        self.current = QLabel()
        self.form.addRow(self.tr("Current status:"), self.current)
        self.status = QComboBox()
        self.field(self.tr("&New status:"), "status", self.status)
        self.status_date = date_edit()
        self.field(self.tr("&Date:"), "status_date", self.status_date)
        self.note = steady_scroll_bars(QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.note.setPlaceholderText(self.tr("What happened (optional), e.g. intake planned on 12-3"))
        self.field(self.tr("N&ote:"), "note", self.note)
        attach_snippets(self.note, session)
        self.save_button.setText(self.tr("&Change status"))
        self.bind(referral_id=referral_id)
        self.resize(460, 300)
        self.status.setFocus()

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        referral_id = ids.get("referral_id")
        self.status.clear()
        if not referral_id:
            return
        r = self.session.repo.referrals.get(referral_id)
        since = r.history[-1].date if r.history else r.date
        self.current.setText(self.tr("{status} since {date}")
                             .format(status=referral_status_label(r.status), date=fmt_date(since)))
        for status in _ORDER:
            if status in REFERRAL_TRANSITIONS[r.status]:
                self.status.addItem(referral_status_label(status), str(status))
        self.save_button.setEnabled(self.status.count() > 0)
        self.status.setEnabled(self.status.count() > 0)
        if self.status.count() == 0:
            self.current.setText(self.current.text() + " — " + self.tr("no further status is possible"))

    def save_changes(self) -> int:
        referral_id = int(self.ids["referral_id"])
        self.session.repo.referrals.change_status(referral_id, ReferralStatus(str(self.status.currentData())),
                                                  from_qdate(self.status_date.date()),
                                                  note=self.note.toPlainText())
        return referral_id
