"""Instellingen › Schooljaar: when each term of the school year starts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from brugdesk.core.periods import PeriodError
from brugdesk.core.validation import ValidationError
from brugdesk.store.repo import Repositories
from brugdesk.ui.session import Session
from brugdesk.ui.widgets import FieldMessage, TermStartsEditor


class TermsTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        intro = QLabel(self.tr("A school year runs from 1 August to 31 July. Choose when each term starts; "
                               "each term ends the day before the next one starts."), self)
        intro.setWordWrap(True)
        self.editor = TermStartsEditor(self.repo.settings.term_starts, self)
        self.terms_message = FieldMessage(self)
        self.terms_save = QPushButton(self.tr("&Save terms"), self)
        self.terms_save.clicked.connect(self.save_terms)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor)
        layout.addWidget(self.terms_message)
        row = QHBoxLayout()
        row.addWidget(self.terms_save)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    @property
    def repo(self) -> Repositories:
        return self.session.repo

    def stash(self) -> dict[str, Any]:
        return {"terms": self.editor.starts()}

    def restore(self, state: dict[str, Any]) -> None:
        self.editor.set_starts(tuple(state.get("terms", self.editor.starts())))

    def save_terms(self) -> bool:
        try:
            self.repo.settings.set_term_starts(self.editor.starts())
        except (PeriodError, ValidationError) as exc:
            self.terms_message.show_message(str(exc))
            return False
        self.terms_message.clear_message()
        return True
