"""Close a family: the closing date and how the support ended (closure outcome)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from brugdesk.core.lists import ListName
from brugdesk.ui.dialogs.formkit import BoundFormDialog
from brugdesk.ui.labels import from_qdate
from brugdesk.ui.widgets import date_edit


class CloseFamilyDialog(BoundFormDialog):
    def __init__(self, session: Any, parent: QWidget | None = None, family_id: int | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("CloseFamilyDialog")
        self.closed_date = date_edit()
        self.field(self.tr("&Closing date:"), "closed_date", self.closed_date)
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("(choose)"), "")
        for item in session.repo.lists.items(ListName.CLOSURE_OUTCOME):
            self.outcome.addItem(item.label, item.code)
        self.field(self.tr("&Outcome:"), "closure_outcome", self.outcome)
        self.save_button.setText(self.tr("C&lose family"))
        self.bind(family_id=family_id)
        self.resize(420, 180)

    def bind(self, **ids: Any) -> None:
        super().bind(**ids)
        family_id = ids.get("family_id")
        if family_id:
            f = self.session.repo.families.get(family_id)
            self.setWindowTitle(self.tr("Close family {ref}").format(ref=f.ref))

    def save_changes(self) -> int:
        family_id = int(self.ids["family_id"])
        self.session.repo.families.close(family_id, from_qdate(self.closed_date.date()),
                                         str(self.outcome.currentData() or ""))
        return family_id
