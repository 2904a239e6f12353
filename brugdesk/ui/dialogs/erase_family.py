"""Erasure on request (AVG art. 17) and the inspection export (art. 15) of one family.

:class:`EraseFamilyDialog` names what will be deleted — the family's name and reference, and
how many members, contacts, referrals, follow-ups, signals, appointments and audit details (what
the family has none of is left out) — and asks the officer to
tick that the parents asked for it before the *Erase* button works. :func:`export_inspection`
asks where to save the inspection PDF (suggested name ``inzage-<date>.pdf``) and writes it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from brugdesk.errors import VaultError
from brugdesk.privacy import inspection, retention
from brugdesk.ui import prompter
from brugdesk.ui.dialogs.base import BaseDialog
from brugdesk.ui.session import Session


class EraseFamilyDialog(BaseDialog):
    def __init__(self, session: Session, parent: QWidget | None = None, *, family_id: int) -> None:
        super().__init__(parent)
        self.session = session
        self.family_id = family_id
        self.summary = retention.describe_erasure(session.vault, family_id)
        s = self.summary
        self.setWindowTitle(self.tr("Erase family"))
        heading = QLabel(self.tr("Erase {name} ({ref}) for good?").format(name=s.display_name, ref=s.ref), self)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        counted = [
            (s.members, self.tr("{n} member", "{n} members", s.members).format(n=s.members)),
            (s.contacts, self.tr("{n} contact with its note", "{n} contacts with their notes",
                                         s.contacts).format(n=s.contacts)),
            (s.referrals, self.tr("{n} referral with its history", "{n} referrals with their history",
                                          s.referrals).format(n=s.referrals)),
            (s.followups, self.tr("{n} follow-up", "{n} follow-ups", s.followups).format(n=s.followups)),
            (s.signals, self.tr("{n} signal the family came from, with its history",
                                        "{n} signals the family came from, with their history", s.signals)
             .format(n=s.signals)),
            (s.appointments, self.tr("{n} appointment in the agenda", "{n} appointments in the agenda",
                                             s.appointments).format(n=s.appointments)),
            (s.audit_entries, self.tr("the family's details in {n} audit log entry",
                                              "the family's details in {n} audit log entries", s.audit_entries)
             .format(n=s.audit_entries)),
        ]
        lines = [text for n, text in counted if n] or [self.tr("the family's own details")]
        what = QLabel(self.tr("This deletes the family's file and everything in it:") + "\n• " + "\n• ".join(lines)
                      + "\n\n" + self.tr("Only the date and the number of erased families are kept. Backups made "
                                         "before today still hold the family until they are rotated away (at most "
                                         "5 weeks); restoring one erases the family again. Delete copies on USB "
                                         "sticks yourself."), self)
        what.setWordWrap(True)
        self.confirm = QCheckBox(self.tr("The parents asked for this &erasure"), self)
        self.erase_button = QPushButton(self.tr("&Erase"), self)
        self.erase_button.setEnabled(False)
        self.confirm.toggled.connect(self.erase_button.setEnabled)
        self.erase_button.clicked.connect(self.erase)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setDefault(True)
        cancel.clicked.connect(self.reject)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.erase_button)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(what)
        layout.addWidget(self.confirm)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.resize(520, 360)

    def erase(self) -> bool:
        if not self.confirm.isChecked() or not self.session.is_unlocked:
            return False
        try:
            outcome = retention.erase_family_outcome(self.session.vault, self.family_id)
        except VaultError as exc:
            self.status.setText(exc.text())
            return False
        self.accept()
        if outcome.ledger_restarted:
            prompter.current().warn(self.parentWidget(), self.tr("Erase family"), self.tr(
                "The family was erased. The list of erased families (erasures.bdledger) was missing or damaged and "
                "has been started anew: families erased before today are not erased again when an older backup "
                "is restored."))
        return True


def export_inspection(session: Session, parent: QWidget | None, family_id: int) -> Path | None:
    """Ask where to save the inspection export of ``family_id`` and write it; the path, or ``None``.

    Runs on the GUI thread: it reads the vault (and adds an audit entry) through the vault's
    connection, which must not be shared with a worker thread; a PDF of a few pages takes a
    fraction of a second.
    """
    title = QCoreApplication.translate("InspectionExport", "Inspection export")
    suggested = inspection.suggested_filename(dt.date.today())
    filters = QCoreApplication.translate("InspectionExport", "PDF files (*.pdf)")
    path = prompter.current().choose_save_path(parent, title, suggested, filters)
    if not path or not session.is_unlocked:
        return None
    target = Path(path)
    try:
        inspection.export_family(session.vault, family_id, target)
    except VaultError as exc:
        prompter.current().warn(parent, title, exc.text())
        return None
    except OSError as exc:
        text = QCoreApplication.translate("InspectionExport", "The PDF could not be saved: {error}")
        prompter.current().warn(parent, title, text.format(error=exc.strerror or ""))
        return None
    done = QCoreApplication.translate("InspectionExport", "The inspection export was saved as {path}.")
    prompter.current().inform(parent, title, done.format(path=str(target)))
    return target
