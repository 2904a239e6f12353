"""Add or edit a follow-up (a dated next step) of a family."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from brugdesk.core.model import FollowUp
from brugdesk.ui.dialogs.formkit import BoundFormDialog
from brugdesk.ui.labels import from_qdate, to_qdate
from brugdesk.ui.snippets import attach_snippets
from brugdesk.ui.widgets import date_edit


class FollowUpDialog(BoundFormDialog):
    def __init__(self, session: Any, parent: QWidget | None = None, family_id: int | None = None,
                 followup_id: int | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("FollowUpDialog")
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("e.g. Call the wijkteam about the application"))
        self.field(self.tr("&Follow-up:"), "text", self.text)
        attach_snippets(self.text, session)
        self.due_date = date_edit(dt.date.today() + dt.timedelta(days=7))
        self.field(self.tr("&Due date:"), "due_date", self.due_date)
        self._followup: FollowUp | None = None
        self.bind(family_id=family_id, followup_id=followup_id)
        self.resize(480, 160)
        self.text.setFocus()

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        followup_id, family_id = ids.get("followup_id"), ids.get("family_id")
        self._followup = None
        if followup_id and family_id:
            self._followup = next((u for u in self.session.repo.followups.list(family_id) if u.id == followup_id),
                                  None)
        self.setWindowTitle(self.tr("Edit follow-up") if self._followup else self.tr("New follow-up"))
        if self._followup is not None:
            self.text.setText(self._followup.text)
            self.due_date.setDate(to_qdate(self._followup.due_date))

    def save_changes(self) -> int:
        base = self._followup
        followup = FollowUp(
            family_id=int(self.ids["family_id"]), text=self.text.text(), due_date=from_qdate(self.due_date.date()),
            done_date=base.done_date if base else None, contact_id=base.contact_id if base else None,
            id=base.id if base else None,
        )
        if followup.id is None:
            self.session.repo.followups.add(followup)
        else:
            self.session.repo.followups.update(followup)
        return followup.id or 0
