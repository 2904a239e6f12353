"""The unlock screen: passphrase or recovery key, "remember on this computer", and
automatic unlock through the OS keyring when the vault opted in to it.

The slow part (scrypt, opening the database) runs on the thread pool with a busy
indicator, so the window never freezes. Each known condition has its own message:
wrong passphrase, wrong recovery key, keyring unavailable, damaged vault (with the way
forward: restore the newest backup), a vault from a newer version.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugdesk.errors import (
    KeyringUnavailable,
    KeySlotDamaged,
    NewerVault,
    VaultDamaged,
    VaultError,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryKey,
    classify,
)
from brugdesk.keys.slots import read_slots
from brugdesk.store.vault import Vault
from brugdesk.ui import prompter
from brugdesk.ui.tasks import run_task
from brugdesk.ui.widgets import app_icon, big_font


class UnlockView(QWidget):
    """Emits :attr:`unlocked` with the open :class:`Vault`."""

    unlocked = Signal(object)

    def __init__(self, vault_dir: Path, parent: QWidget | None = None, *,
                 keyring_backend: KeyringBackend | None = None, auto_keyring: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("UnlockView")
        self.vault_dir = Path(vault_dir)
        self._keyring_backend = keyring_backend
        self._busy = False
        self._keyring_on = self._read_keyring_flag()

        self.title = QLabel(self.tr("brugdesk is locked"), self)
        self.title.setFont(big_font(self, 1.7))
        self.subtitle = QLabel(self.tr("Type your passphrase to open your vault."), self)
        self.subtitle.setWordWrap(True)
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))

        self.passphrase_label = QLabel(self.tr("&Passphrase"), self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_label.setBuddy(self.passphrase)

        self.recovery_label = QLabel(self.tr("&Recovery key"), self)
        self.recovery = QLineEdit(self)
        self.recovery.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.recovery.setAccessibleName(self.tr("Recovery key"))
        self.recovery_label.setBuddy(self.recovery)

        self.use_recovery = QCheckBox(self.tr("Use the recovery &key instead"), self)
        self.use_recovery.setAccessibleName(self.tr("Use the recovery key instead of the passphrase"))
        self.use_recovery.toggled.connect(self._set_recovery_mode)

        self.remember = QCheckBox(self.tr("Re&member on this computer"), self)
        self.remember.setToolTip(self.tr("Keep the key in this computer's keyring, so brugdesk opens without "
                                         "the passphrase while you are logged in."))
        self.remember.setChecked(self._keyring_on)

        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.passphrase.returnPressed.connect(self.unlock)
        self.recovery.returnPressed.connect(self.unlock)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Opening the vault"))
        self.busy.hide()

        self.message = QLabel(self)
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("color: #a4262c;")
        self.message.hide()
        self.restore_button = QPushButton(self.tr("Restore a &backup…"), self)
        self.restore_button.setToolTip(self.tr("Go back to a verified backup of this vault"))
        self.restore_button.clicked.connect(self.open_restore)
        self.restore_button.hide()
        self.folder = QLabel(self.tr("Vault: %1").replace("%1", str(self.vault_dir)), self)
        self.folder.setStyleSheet("color: palette(mid);")
        self.folder.setWordWrap(True)

        card = QFrame(self)
        card.setObjectName("unlockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(520)
        form = QVBoxLayout(card)
        form.setContentsMargins(32, 28, 32, 28)
        form.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(icon)
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        form.addLayout(head)
        form.addSpacing(12)
        form.addWidget(self.passphrase_label)
        form.addWidget(self.passphrase)
        form.addWidget(self.recovery_label)
        form.addWidget(self.recovery)
        form.addWidget(self.use_recovery)
        form.addWidget(self.remember)
        form.addWidget(self.message)
        form.addWidget(self.busy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        form.addLayout(buttons)
        form.addSpacing(8)
        form.addWidget(self.folder)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        QWidget.setTabOrder(self.passphrase, self.recovery)
        QWidget.setTabOrder(self.recovery, self.use_recovery)
        QWidget.setTabOrder(self.use_recovery, self.remember)
        QWidget.setTabOrder(self.remember, self.unlock_button)
        self._set_recovery_mode(False)
        self.setFocusProxy(self.passphrase)
        if auto_keyring and self._keyring_on:
            QTimer.singleShot(0, self.unlock_with_keyring)

    # ------------------------------------------------------------------ state
    def _read_keyring_flag(self) -> bool:
        try:
            return read_slots(self.vault_dir).keyring
        except (OSError, VaultError):
            return False

    def _set_recovery_mode(self, on: bool) -> None:
        self.passphrase_label.setVisible(not on)
        self.passphrase.setVisible(not on)
        self.recovery_label.setVisible(on)
        self.recovery.setVisible(on)
        self.subtitle.setText(self.tr("Type the recovery key from your recovery sheet.") if on
                              else self.tr("Type your passphrase to open your vault."))
        (self.recovery if on else self.passphrase).setFocus()

    @property
    def is_busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        for w in (self.passphrase, self.recovery, self.use_recovery, self.remember, self.unlock_button):
            w.setEnabled(not busy)
        if not busy:
            (self.recovery if self.use_recovery.isChecked() else self.passphrase).setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---------------------------------------------------------------- actions
    def unlock(self) -> None:
        if self._busy:
            return
        directory, backend = self.vault_dir, self._keyring_backend
        if self.use_recovery.isChecked():
            secret = self.recovery.text()
            if not secret.strip():
                self.show_message(self.tr("Type the recovery key."))
                return

            def work() -> Vault:
                return Vault.open(directory, recovery_key=secret)
        else:
            secret = self.passphrase.text()
            if not secret:
                self.show_message(self.tr("Type your passphrase."))
                return

            def work() -> Vault:
                return Vault.open(directory, passphrase=secret)
        remember = self.remember.isChecked()
        was_on = self._keyring_on

        def finish(vault: Vault) -> None:
            if remember or was_on:
                try:
                    vault.remember_on_this_computer(remember, backend)
                except KeyringUnavailable:
                    prompter.current().warn(
                        self, self.tr("Keyring not available"),
                        self.tr("The keyring (sleutelbos) of this computer is not available, so brugdesk "
                                "cannot remember the vault here. Unlock with your passphrase next time."))
            self._done(vault)

        self.show_message(self.tr("Opening the vault…"))
        self.message.setStyleSheet("color: palette(text);")
        self._start(work, finish)

    def unlock_with_keyring(self) -> None:
        if self._busy:
            return
        directory, backend = self.vault_dir, self._keyring_backend
        self.subtitle.setText(self.tr("Opening with the key remembered on this computer…"))
        self._start(lambda: Vault.open(directory, use_keyring=True, keyring_backend=backend), self._done)

    def _start(self, work: Any, on_done: Any) -> None:
        self._set_busy(True)
        run_task(work, on_done, self._failed, owner=self)

    def _done(self, vault: Vault) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.recovery.clear()
        self.show_message("")
        self.unlocked.emit(vault)
        if vault.reapplied:  # an older database was put in place: the erasure ledger was applied again
            prompter.current().inform(self.window(), self.tr("Erased families"), self.tr(
                "%n erased family(ies) were in the database again and have been removed again.", "",
                vault.reapplied))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.restore_button.setVisible(isinstance(classify(exc), VaultDamaged) and self._restore_class() is not None)
        self.message.setStyleSheet("color: #a4262c;")
        self.show_message(self.describe(exc))
        field = self.recovery if self.use_recovery.isChecked() else self.passphrase
        field.selectAll()
        field.setFocus()
        if isinstance(exc, KeyringUnavailable):
            self.subtitle.setText(self.tr("Type your passphrase to open your vault."))

    @staticmethod
    def _restore_class() -> type[Any] | None:
        try:
            from brugdesk.ui.dialogs.restore import RestoreDialog
        except ImportError:  # the privacy engineer's restore wizard is not there (yet)
            return None
        return RestoreDialog

    def open_restore(self) -> QWidget | None:
        """The damaged-vault way forward: the restore wizard, with what was typed here."""
        cls = self._restore_class()
        if cls is None:
            return None
        dialog = cls(None, self, vault_dir=self.vault_dir)
        recovery = self.use_recovery.isChecked()
        dialog.preset_secret(self.recovery.text() if recovery else self.passphrase.text(), recovery_key=recovery)
        dialog.restored.connect(self._restored)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog  # type: ignore[no-any-return]

    def _restored(self, vault: Vault) -> None:
        self.restore_button.hide()
        self._done(vault)

    def describe(self, exc: BaseException) -> str:
        """A distinct, translated message for each known condition (no personal data)."""
        known = classify(exc)
        if isinstance(known, WrongPassphrase):
            return self.tr("Wrong passphrase. Check it (is Caps Lock on?) and try again, or use the "
                           "recovery key.")
        if isinstance(known, WrongRecoveryKey):
            return self.tr("This recovery key does not open this vault. Check the 52 characters on your "
                           "recovery sheet.")
        if isinstance(known, KeyringUnavailable):
            return self.tr("The keyring (sleutelbos) is not available, or no longer holds the key for this "
                           "vault. Type your passphrase instead.")
        if isinstance(known, KeySlotDamaged):
            return self.tr("The key file of this vault is missing or damaged. Unlock with the recovery key; "
                           "a new key file is written then.")
        if isinstance(known, VaultDamaged):
            return self.tr("The vault is damaged and was not changed. The way forward: restore the newest "
                           "backup (Instellingen › Back-ups, or 'brugdesk restore' in a terminal). Your "
                           "backups are in the folder 'backups' next to the vault.")
        if isinstance(known, NewerVault):
            return self.tr("This vault was made by a newer version of brugdesk. Install the newest version "
                           "to open it; nothing was changed.")
        if isinstance(known, VaultLocked):
            return self.tr("The vault is in use by another brugdesk window or program. Close it and try "
                           "again.")
        if isinstance(known, VaultNotFound):
            return self.tr("There is no vault in this folder.")
        if known is not None:
            return known.text()
        return self.tr("The vault could not be opened (%1). Nothing was changed.").replace(
            "%1", type(exc).__name__)
