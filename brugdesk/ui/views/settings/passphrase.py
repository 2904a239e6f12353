"""Instellingen › Wachtwoordzin: change the passphrase (checked here, the key rewrapped on a worker
thread: scrypt takes a moment). Passphrase fields are never kept over a lock."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugdesk.core.validation import ValidationError, validate_passphrase
from brugdesk.errors import VaultError, WrongPassphrase
from brugdesk.keys.slots import DEFAULT_SCRYPT_N
from brugdesk.ui.a11y import StatusLabel, hint
from brugdesk.ui.session import Session
from brugdesk.ui.tasks import run_task
from brugdesk.ui.widgets import FieldMessage, StrengthMeter, form_row


class PassphraseTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pp_current = QLineEdit(self)
        self.pp_new = QLineEdit(self)
        self.pp_repeat = QLineEdit(self)
        for field, name in ((self.pp_current, self.tr("Current passphrase")),
                            (self.pp_new, self.tr("New passphrase")),
                            (self.pp_repeat, self.tr("Repeat the new passphrase"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(name)
        self.pp_msgs = {k: FieldMessage(self) for k in ("current", "new", "repeat")}
        self.pp_strength = StrengthMeter(self)
        self.pp_new.textChanged.connect(self.pp_strength.update_for)
        form = QFormLayout()
        form_row(form, QLabel(self.tr("C&urrent passphrase"), self), self.pp_current, self.pp_msgs["current"])
        form_row(form, QLabel(self.tr("&New passphrase"), self), self.pp_new, self.pp_msgs["new"])
        form.addRow("", self.pp_strength)
        form_row(form, QLabel(self.tr("&Repeat"), self), self.pp_repeat, self.pp_msgs["repeat"])
        self.pp_button = QPushButton(self.tr("&Change passphrase"), self)
        self.pp_button.clicked.connect(self.change_passphrase)
        self.pp_busy = QProgressBar(self)
        self.pp_busy.setRange(0, 0)
        self.pp_busy.setMaximumHeight(6)
        self.pp_busy.setTextVisible(False)
        self.pp_busy.hide()
        self.pp_status = StatusLabel("", self)  # a changed passphrase (or why not) is spoken
        self.pp_status.setWordWrap(True)
        note = QLabel(self.tr("The recovery key stays the same. The keyring item on this computer keeps working."),
                      self)
        note.setWordWrap(True)
        hint(note)
        limited: tuple[QWidget, ...] = (self.pp_current, self.pp_new, self.pp_repeat, self.pp_strength)
        for widget in limited:
            widget.setMaximumWidth(460)
        self.pp_busy.setMaximumWidth(200)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.pp_button)
        row.addWidget(self.pp_busy)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.pp_status)
        layout.addWidget(note)
        layout.addStretch(1)

    def change_passphrase(self) -> bool:
        """Check the fields, then rewrap the key off the GUI thread. Returns whether it started."""
        for m in self.pp_msgs.values():
            m.clear_message()
        self.pp_status.clear()
        vault = self.session.vault
        slot = vault.slots.passphrase if vault.slots is not None else None
        current, new, repeat = self.pp_current.text(), self.pp_new.text(), self.pp_repeat.text()
        ok = True
        if slot is not None and not current:
            self.pp_msgs["current"].show_message(self.tr("Type your current passphrase."))
            ok = False
        try:
            validate_passphrase(new, strength=True)
        except ValidationError as exc:
            self.pp_msgs["new"].show_message(" ".join(exc.errors.values()))
            ok = False
        if ok and new != repeat:
            self.pp_msgs["repeat"].show_message(self.tr("The two new passphrases are not the same."))
            ok = False
        if not ok:
            return False
        n = slot.n if slot is not None else DEFAULT_SCRYPT_N
        slots = vault.slots

        def work() -> None:
            if slots is not None and slot is not None:
                slots.unwrap(current)  # raises WrongPassphrase
            vault.change_passphrase(new, scrypt_n=n)

        self._pp_busy(True)
        run_task(work, self._pp_done, self._pp_failed, owner=self)
        return True

    def _pp_busy(self, busy: bool) -> None:
        self.pp_busy.setVisible(busy)
        for w in (self.pp_current, self.pp_new, self.pp_repeat, self.pp_button):
            w.setEnabled(not busy)

    def _pp_done(self, _result: object) -> None:
        self._pp_busy(False)
        for w in (self.pp_current, self.pp_new, self.pp_repeat):
            w.clear()
        self.pp_status.setText(self.tr("The passphrase was changed. Use the new one from now on."))

    def _pp_failed(self, exc: BaseException) -> None:
        self._pp_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.pp_msgs["current"].show_message(self.tr("This is not your current passphrase."))
            self.pp_current.selectAll()
            self.pp_current.setFocus()
        elif isinstance(exc, ValidationError):  # e.g. the same passphrase as the current one
            self.pp_msgs["new"].show_message(" ".join(exc.errors.values()))
            self.pp_new.setFocus()
        elif isinstance(exc, VaultError):
            self.pp_status.setText(exc.text())
        else:
            self.pp_status.setText(self.tr("The passphrase could not be changed ({error}); the old one still works.")
                                   .format(error=type(exc).__name__))
