"""Instellingen › Logboek: the audit log, newest first, a page at a time as the view scrolls.

Each entry says when, what, about which kind of record, and the reference (kenmerk) of the family it
concerns — never an internal number or a name (:meth:`AuditLog.page
<brugdesk.store.repo.auditlog.AuditLog.page>`). *Controleer het logboek* checks that no entry was
changed or removed (the hash chain)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from brugdesk.store import audit
from brugdesk.store.changes import Change
from brugdesk.ui import theme
from brugdesk.ui.a11y import StatusLabel, hint
from brugdesk.ui.models.privacy import AuditTableModel
from brugdesk.ui.session import Session


class AuditTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        note = hint(QLabel(self.tr("Every unlock, view, change, export, report, backup, restore and purge is "
                                   "recorded here — without names or notes; a family is named by its reference. "
                                   "Each entry is sealed to the one before it, so a changed or removed entry is "
                                   "noticed."), self))
        note.setWordWrap(True)
        self.audit_model = AuditTableModel(session, self)
        self.audit_table = QTableView(self)
        self.audit_table.setModel(self.audit_model)
        self.audit_table.setAccessibleName(self.tr("Audit log"))
        self.audit_table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.audit_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.audit_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.audit_table.verticalHeader().hide()
        self.audit_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.check_button = QPushButton(self.tr("&Check the audit log"), self)
        self.check_button.clicked.connect(self.check_chain)
        self.check_status = StatusLabel("", self)
        self.check_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.check_status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.audit_table, 1)
        layout.addLayout(row)
        self.audit_model.refresh()
        session.changed.connect(self._on_changed)

    def _on_changed(self, _change: Change) -> None:
        if self.session.is_unlocked:
            self.audit_model.refresh()  # every change leaves an entry in the audit log

    def check_chain(self) -> int | None:
        broken = audit.verify_chain(self.session.vault.conn)
        if broken is None:
            self.check_status.setText(self.tr("The audit log is complete and unchanged."))
            theme.style(self.check_status, "")
        else:
            self.check_status.setText(self.tr("The audit log was changed or shortened, starting at entry {entry}.")
                                      .format(entry=str(broken)))
            theme.style(self.check_status, "color: $error;")
        return broken
