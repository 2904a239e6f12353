"""A new recovery key: asks for the passphrase, rotates the data key, shows the new key once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget

from brugdesk.errors import VaultError, VaultInUse, WrongPassphrase
from brugdesk.privacy import backup_policy
from brugdesk.ui import prompter, theme
from brugdesk.ui.a11y import ValueLabel, announce
from brugdesk.ui.dialogs.base import BaseDialog
from brugdesk.ui.session import Session
from brugdesk.ui.tasks import run_busy
from brugdesk.ui.widgets import FieldMessage


class NewRecoveryKeyDialog(BaseDialog):
    """Asks for the passphrase, rotates the data key, shows the new key once.

    The rotation (two scrypt runs and a rekey of every page) runs on the GUI thread under a wait
    cursor (:func:`~brugdesk.ui.tasks.run_busy`): it rekeys the vault's own connection, which
    belongs to the GUI thread. While another brugdesk window or
    command has the vault open it is refused (:class:`~brugdesk.errors.VaultInUse`, nothing
    changed) and the dialog says so.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("New recovery key"))
        self.recovery_key = ""
        intro = QLabel(self.tr("A new recovery key replaces the old one: the old key and its printed sheet stop "
                               "working for this vault and for the backups on this computer. Backups on other "
                               "disks or USB sticks still open with the old key only. Your passphrase stays the "
                               "same."), self)
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Your passphrase"))
        label = QLabel(self.tr("Your &passphrase"), self)
        label.setBuddy(self.passphrase)
        self.message = FieldMessage(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.key_intro = QLabel(self)
        self.key_intro.setWordWrap(True)
        self.key_intro.hide()
        # a Tab stop a screen reader reads: "New recovery key" as its name, the key as its description
        self.key_label = ValueLabel(self.tr("New recovery key"), parent=self)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.key_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        theme.style(self.key_label, "QLabel { border: 3px solid transparent; } "
                                    "QLabel:focus { border: 3px solid $focus_ring; }")
        key_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        key_font.setPointSizeF(key_font.pointSizeF() * 1.3)
        key_font.setBold(True)
        self.key_label.setFont(key_font)
        self.key_label.hide()
        self.make_button = QPushButton(self.tr("&Make a new recovery key"), self)
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_key)
        self.sheet_button = QPushButton(self.tr("&Save recovery sheet (PDF)…"), self)
        self.sheet_button.clicked.connect(self.save_sheet)
        self.sheet_button.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.make_button)
        row.addWidget(self.sheet_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.key_intro)
        layout.addWidget(self.key_label)
        layout.addLayout(row)
        self.resize(620, 320)

    def make_key(self) -> bool:
        self.message.clear_message()
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.show_message(self.tr("Type your passphrase."))
            return False
        vault = self.session.vault
        slot = vault.slots.passphrase if vault.slots is not None else None
        n = slot.n if slot is not None else None

        def work() -> str:
            kwargs: dict[str, Any] = {} if n is None else {"scrypt_n": n}
            return backup_policy.new_recovery_key(vault, passphrase, **kwargs)

        self._set_busy(True)
        run_busy(work, self._done, self._failed, self.message, self.tr("Making the new key…"))
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.passphrase, self.make_button, self.close_button):
            w.setEnabled(not busy)

    def _done(self, key: object) -> None:
        self._set_busy(False)
        self.recovery_key = str(key)
        self.passphrase.clear()
        self.passphrase.setEnabled(False)
        self.make_button.hide()
        self.key_intro.setText(self.tr("Your new recovery key (shown only now; print it or write it down):"))
        self.key_intro.show()
        groups = self.recovery_key.split("-")
        self.key_label.setText("-".join(groups[:7]) + "-\n" + "-".join(groups[7:]))
        self.key_label.show()
        self.sheet_button.show()
        self.key_label.setFocus(Qt.FocusReason.OtherFocusReason)  # heard now: its name, then the key

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.message.show_message(self.tr("This is not your passphrase."))
            self.passphrase.selectAll()
        elif isinstance(exc, VaultInUse):
            self.message.show_message(self.tr("The vault is also open in another brugdesk window or command. "
                                              "Close it there and try again; no new key was made."))
        elif isinstance(exc, VaultError):
            self.message.show_message(exc.text())
        else:
            self.message.show_message(self.tr("No new recovery key was made ({error}); the old one still works.")
                                      .format(error=type(exc).__name__))

    def save_sheet(self) -> bool:
        path = prompter.current().choose_save_path(self, self.tr("Save recovery sheet"),
                                                   "herstelsleutel.pdf", self.tr("PDF files (*.pdf)"))
        if not path or not self.recovery_key:
            return False
        from brugdesk.keys.sheet import write_recovery_sheet

        try:
            write_recovery_sheet(Path(path), self.recovery_key)
        except OSError as exc:
            self.message.show_message(self.tr("The sheet could not be saved: {error}").format(error=exc.strerror or ""))
            return False
        self.message.show_message("")
        saved = self.tr("The recovery sheet was saved.")
        self.key_intro.setText(self.key_intro.text() + " " + saved)
        announce(self.key_intro, saved)
        return True

    def done(self, result: int) -> None:
        self.recovery_key = ""  # shown once: forget it when the dialog closes
        super().done(result)
