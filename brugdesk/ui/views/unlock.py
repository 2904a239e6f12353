"""The unlock screen: passphrase or recovery key, "remember on this computer", and
automatic unlock through the OS keyring when the vault opted in to it.

The slow part (scrypt, opening the database) runs on the thread pool with a busy
indicator, so the window never freezes. Each known condition has its own message:
wrong passphrase, wrong recovery key, keyring unavailable, damaged vault (with the way
forward: restore the newest backup), a vault from a newer version.

After an unlock with the recovery key the view asks for a new passphrase before the vault is
handed on (the officer has forgotten the old one, or the key file is missing or damaged: only
a new passphrase writes a fresh key file).
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

from brugdesk.core.validation import ValidationError, validate_passphrase
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
from brugdesk.ui import prompter, theme
from brugdesk.ui.a11y import Heading, announce, hint
from brugdesk.ui.tasks import run_task
from brugdesk.ui.widgets import FieldMessage, StrengthMeter, app_icon, big_font


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

        self.title = Heading(self.tr("brugdesk is locked"), self)
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
        theme.style(self.message, "color: $error;")
        self.message.hide()
        self.restore_button = QPushButton(self.tr("Restore a &backup…"), self)
        self.restore_button.setToolTip(self.tr("Go back to a verified backup of this vault"))
        self.restore_button.clicked.connect(self.open_restore)
        self.restore_button.hide()
        self.folder = QLabel(self.tr("Vault: {path}").format(path=str(self.vault_dir)), self)
        hint(self.folder)
        self.folder.setWordWrap(True)

        # the step after a recovery-key unlock: a new passphrase (hidden until then)
        self._recovered: Vault | None = None
        self._remember_after: tuple[bool, bool] = (False, False)
        self.new_panel = QWidget(self)
        self.new_passphrase_label = QLabel(self.tr("&New passphrase"), self.new_panel)
        self.new_passphrase = QLineEdit(self.new_panel)
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setAccessibleName(self.tr("New passphrase"))
        self.new_passphrase_label.setBuddy(self.new_passphrase)
        self.new_strength = StrengthMeter(self.new_panel)
        self.new_passphrase.textChanged.connect(self.new_strength.update_for)
        self.new_message = FieldMessage(self.new_panel)
        self.new_repeat_label = QLabel(self.tr("Re&peat it"), self.new_panel)
        self.new_repeat = QLineEdit(self.new_panel)
        self.new_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_repeat.setAccessibleName(self.tr("Repeat the new passphrase"))
        self.new_repeat_label.setBuddy(self.new_repeat)
        self.new_repeat_message = FieldMessage(self.new_panel)
        self.new_button = QPushButton(self.tr("&Set the new passphrase"), self.new_panel)
        self.new_button.clicked.connect(self.set_new_passphrase)
        self.new_repeat.returnPressed.connect(self.set_new_passphrase)
        panel = QVBoxLayout(self.new_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        for w in (self.new_passphrase_label, self.new_passphrase, self.new_strength, self.new_message,
                  self.new_repeat_label, self.new_repeat, self.new_repeat_message):
            panel.addWidget(w)
        new_buttons = QHBoxLayout()
        new_buttons.addStretch(1)
        new_buttons.addWidget(self.new_button)
        panel.addLayout(new_buttons)
        self.new_panel.hide()

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
        form.addWidget(self.new_panel)
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
        # the control that has the focus keeps it while the vault is checked (a disabled one would
        # pass the focus on, and a screen reader would read out every control it passes)
        for w in (self.use_recovery, self.remember, self.unlock_button, self.new_button):
            w.setEnabled(not busy or w.hasFocus())
        for edit in (self.passphrase, self.recovery, self.new_passphrase, self.new_repeat):
            edit.setReadOnly(busy)
        if not busy:
            if self._recovered is not None:
                self.new_passphrase.setFocus()
            else:
                (self.recovery if self.use_recovery.isChecked() else self.passphrase).setFocus()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        # the field says what went wrong with it (read with the field), and the message is spoken now
        for edit in (self.passphrase, self.recovery):
            edit.setAccessibleDescription(text if error else "")
        announce(self, text, assertive=error,
                 described=(self.recovery if self.use_recovery.isChecked() else self.passphrase) if error else None)

    # ---------------------------------------------------------------- actions
    def unlock(self) -> None:
        if self._busy:
            return
        directory = self.vault_dir
        if self.use_recovery.isChecked():
            secret = self.recovery.text()
            if not secret.strip():
                self.show_message(self.tr("Type the recovery key."), error=True)
                return

            def work() -> Vault:
                return Vault.open(directory, recovery_key=secret)
        else:
            secret = self.passphrase.text()
            if not secret:
                self.show_message(self.tr("Type your passphrase."), error=True)
                return

            def work() -> Vault:
                return Vault.open(directory, passphrase=secret)
        remember = self.remember.isChecked()
        was_on = self._keyring_on
        recovered = self.use_recovery.isChecked()

        def finish(vault: Vault) -> None:
            if recovered:
                self._ask_new_passphrase(vault, remember, was_on)
                return
            self._remember(vault, remember, was_on)
            self._done(vault)

        self.show_message(self.tr("Opening the vault…"))
        theme.style(self.message, "color: palette(text);")
        self._start(work, finish)

    def _remember(self, vault: Vault, remember: bool, was_on: bool) -> None:
        if remember or was_on:
            try:
                vault.remember_on_this_computer(remember, self._keyring_backend)
            except KeyringUnavailable:
                prompter.current().warn(
                    self, self.tr("Keyring not available"),
                    self.tr("The keyring of this computer is not available, so brugdesk "
                            "cannot remember the vault here. Unlock with your passphrase next time."))

    # ------------------------------------------------- new passphrase after the recovery key
    @property
    def asks_new_passphrase(self) -> bool:
        return self._recovered is not None

    def _ask_new_passphrase(self, vault: Vault, remember: bool, was_on: bool) -> None:
        """The recovery key opened ``vault``: ask for a new passphrase before handing it on."""
        self._set_busy(False)
        self._recovered = vault
        self._remember_after = (remember, was_on)
        self.recovery.clear()
        for w in (self.passphrase_label, self.passphrase, self.recovery_label, self.recovery, self.use_recovery,
                  self.remember, self.unlock_button, self.restore_button):
            w.hide()
        self.title.setText(self.tr("Choose a new passphrase"))
        if vault.slots is None:
            self.subtitle.setText(self.tr("The recovery key opened your vault, but its key file was missing or "
                                          "damaged. Choose a new passphrase: that writes a new key file."))
        else:
            self.subtitle.setText(self.tr("The recovery key opened your vault. Choose a new passphrase, so you "
                                          "can open it with that from now on."))
        self.show_message("")
        self.new_panel.show()
        self.new_passphrase.setFocus()

    def set_new_passphrase(self) -> None:
        vault = self._recovered
        if vault is None or self._busy:
            return
        self.new_message.clear_message()
        self.new_repeat_message.clear_message()
        text = self.new_passphrase.text()
        try:
            validate_passphrase(text, strength=True)
        except ValidationError as exc:
            self.new_message.show_message(" ".join(exc.errors.values()))
            self.new_passphrase.setFocus()
            return
        if text != self.new_repeat.text():
            self.new_repeat_message.show_message(self.tr("The two passphrases are not the same."))
            self.new_repeat.setFocus()
            return
        self.show_message(self.tr("Saving the new passphrase…"))
        theme.style(self.message, "color: palette(text);")
        self._set_busy(True)
        run_task(lambda: vault.change_passphrase(text), self._new_passphrase_set, self._new_passphrase_failed,
                 owner=self)

    def _new_passphrase_set(self, _result: object) -> None:
        vault = self._recovered
        assert vault is not None
        self._recovered = None
        self._set_busy(False)
        self.new_passphrase.clear()
        self.new_repeat.clear()
        self.new_panel.hide()
        for w in (self.use_recovery, self.remember, self.unlock_button):
            w.show()
        self.use_recovery.setChecked(False)
        self._set_recovery_mode(False)
        self.title.setText(self.tr("brugdesk is locked"))
        self._remember(vault, *self._remember_after)
        self._keyring_on = self._read_keyring_flag()
        self._done(vault)

    def _new_passphrase_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.show_message("")
        if isinstance(exc, ValidationError):
            self.new_message.show_message(" ".join(exc.errors.values()))
        else:
            self.new_message.show_message(self.describe(exc))
        self.new_passphrase.setFocus()

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
                "{n} erased family was in the database again and has been removed again.",
                "{n} erased families were in the database again and have been removed again.",
                vault.reapplied).format(n=vault.reapplied))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.restore_button.setVisible(isinstance(classify(exc), VaultDamaged))
        theme.style(self.message, "color: $error;")
        field = self.recovery if self.use_recovery.isChecked() else self.passphrase
        field.selectAll()
        field.setFocus()
        self.show_message(self.describe(exc), error=True)
        if isinstance(exc, KeyringUnavailable):
            self.subtitle.setText(self.tr("Type your passphrase to open your vault."))

    def open_restore(self) -> QWidget:
        """The damaged-vault way forward: the restore wizard, with what was typed here."""
        from brugdesk.ui.dialogs.restore import RestoreDialog  # only needed when the vault is damaged

        dialog = RestoreDialog(None, self, vault_dir=self.vault_dir)
        recovery = self.use_recovery.isChecked()
        dialog.preset_secret(self.recovery.text() if recovery else self.passphrase.text(), recovery_key=recovery)
        dialog.restored.connect(self._restored)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

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
            return self.tr("The keyring is not available, or no longer holds the key for this "
                           "vault. Type your passphrase instead.")
        if isinstance(known, KeySlotDamaged):
            return self.tr("The key file of this vault is missing or damaged. Unlock with the recovery key "
                           "and choose a new passphrase: that writes a new key file.")
        if isinstance(known, VaultDamaged):
            return self.tr("The vault is damaged and was not changed. The way forward: restore the newest "
                           "backup (Settings › Backups and privacy, or 'brugdesk restore' in a terminal). Your "
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
        return self.tr("The vault could not be opened ({error}). Nothing was changed.").format(error=type(exc).__name__)
