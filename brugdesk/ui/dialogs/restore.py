"""The restore wizard: choose a backup, have it verified, confirm, restore.

Two ways in:

* from Instellingen (the vault is open): the key is the open vault's; after the confirmation
  the vault is locked, the database replaced (the old one kept aside as
  ``brugdesk.db.replaced-<time>``) and the restored vault opened again;
* from the unlock screen when the vault is damaged (``session`` unlocked or not): the
  officer types the passphrase or recovery key here; after the restore the vault is opened
  and attached to the session when there is one.

Nothing is replaced before the candidate passed the same checks as ``brugdesk restore``
(:func:`brugdesk.store.backup_copy.check_candidate`: a brugdesk vault of this schema or older, that
opens with the vault's key — or, when the officer ticks that it is another vault's backup, with
that vault's recovery key — and passes both integrity checks), nor while another brugdesk window or
command has the vault open: the wizard first takes the folder's exclusive in-use lock
(:func:`brugdesk.store.inuse.exclusive`, counting this session's own vault as its own) and, when
that is refused, says so in the wizard and leaves the session unlocked. Holding it, it locks the
session (releasing the session's shared lock), restores, lets go, and opens the restored vault.
The restore erases again every family the erasure ledger names (:mod:`brugdesk.store.ledger`) and
the wizard says how many; when the ledger is missing or damaged it asks first (Cancel is the default).
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brugdesk import fsutil
from brugdesk.errors import RestoreRefused, VaultError, VaultInUse, WrongBackupKey
from brugdesk.privacy import backup_policy, restore
from brugdesk.store import backup_copy, inuse
from brugdesk.store.vault import Vault
from brugdesk.ui import prompter
from brugdesk.ui.dialogs.base import BaseDialog
from brugdesk.ui.labels import fmt_date
from brugdesk.ui.session import Session
from brugdesk.ui.tasks import run_busy
from brugdesk.ui.widgets import FieldMessage

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(BaseDialog):
    #: the vault after a successful restore (already attached when there is a session)
    restored = Signal(object)

    def __init__(self, session: Session | None, parent: QWidget | None = None, *,
                 vault_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.session = session
        unlocked = session is not None and session.is_unlocked
        if vault_dir is None:
            assert session is not None and unlocked, "a vault folder is needed when the vault is locked"
            vault_dir = session.vault.directory
        self.vault_dir = Path(vault_dir)
        self._keys: list[bytes] = [session.vault.data_key] if unlocked and session is not None else []
        self._verified: Path | None = None
        self.setWindowTitle(self.tr("Restore a backup"))

        intro = QLabel(self.tr("Choose the backup to go back to. brugdesk first checks that it opens with this "
                               "vault's key and is undamaged. The current database is then kept aside (never "
                               "deleted) and replaced by the backup; changes made after the backup are not in it."),
                       self)
        intro.setWordWrap(True)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Passphrase or recovery key"))
        self.secret_is_recovery = QCheckBox(self.tr("This is the &recovery key"), self)
        secret_label = QLabel(self.tr("&Passphrase"), self)
        secret_label.setBuddy(self.secret)
        self.secret_message = FieldMessage(self)
        self.other_vault = QCheckBox(self.tr("This is a backup of &another vault"), self)
        self.other_vault.setToolTip(self.tr("Its data then replaces this vault's; it opens with this vault's "
                                            "passphrase and recovery key afterwards."))
        self.other_key_label = QLabel(self.tr("Recovery key of &that vault"), self)
        self.other_key = QLineEdit(self)
        self.other_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.other_key.setAccessibleName(self.tr("Recovery key of the other vault"))
        self.other_key_label.setBuddy(self.other_key)
        self.other_message = FieldMessage(self)
        self.other_vault.toggled.connect(self._other_vault_toggled)
        self.other_key.textEdited.connect(self._selection_changed)
        self.backup_list = QListWidget(self)
        self.backup_list.setAccessibleName(self.tr("Backups"))
        self.backup_list.currentItemChanged.connect(self._selection_changed)
        self.other_button = QPushButton(self.tr("&Other file…"), self)
        self.other_button.clicked.connect(self.choose_file)
        self.check_button = QPushButton(self.tr("&Check this backup"), self)
        self.check_button.clicked.connect(self.check_selected)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if not self._keys:
            layout.addWidget(secret_label)
            layout.addWidget(self.secret)
            layout.addWidget(self.secret_is_recovery)
            layout.addWidget(self.secret_message)
        else:
            for w in (secret_label, self.secret, self.secret_is_recovery, self.secret_message):
                w.hide()
        layout.addWidget(self.backup_list, 1)
        for w in (self.other_vault, self.other_key_label, self.other_key, self.other_message):
            layout.addWidget(w)
        self.other_key_label.hide()
        self.other_key.hide()
        row = QHBoxLayout()
        row.addWidget(self.other_button)
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.restore_button)
        bottom.addWidget(cancel)
        layout.addLayout(bottom)
        self.resize(560, 440)
        self.load_backups()

    # ------------------------------------------------------------ choosing
    def load_backups(self) -> None:
        self.backup_list.clear()
        for entry in backup_policy.list_backups(self.vault_dir):
            self.add_candidate(entry.path, f"{fmt_date(entry.when.date())} {entry.when:%H:%M}")
        if self.backup_list.count():
            self.backup_list.setCurrentRow(0)
        else:
            self.status.setText(self.tr("There are no backups in this vault yet. Choose a backup file with "
                                        "'Other file…'."))

    def add_candidate(self, path: Path, label: str | None = None) -> QListWidgetItem:
        item = QListWidgetItem(label or path.name)
        item.setData(PATH_ROLE, str(path))
        item.setToolTip(str(path))
        self.backup_list.addItem(item)
        return item

    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a backup file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("brugdesk backups (*.bdbackup);;All files (*)"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.use_file)
        dialog.open()  # not exec(): no nested event loop

    def use_file(self, path: str) -> None:
        item = self.add_candidate(Path(path))
        self.backup_list.setCurrentItem(item)

    def selected_path(self) -> Path | None:
        item = self.backup_list.currentItem()
        return Path(str(item.data(PATH_ROLE))) if item is not None else None

    def _selection_changed(self, *_args: Any) -> None:
        self._verified = None
        self.restore_button.setEnabled(False)
        self.status.clear()

    def _other_vault_toggled(self, on: bool) -> None:
        self.other_key_label.setVisible(on)
        self.other_key.setVisible(on)
        self.other_message.clear_message()
        if on:
            self.other_key.setFocus()
        self._selection_changed()

    def _source_key(self) -> tuple[bool, bytes | None]:
        """(ok, the other vault's key or ``None``); says what is wrong under the field."""
        self.other_message.clear_message()
        if not self.other_vault.isChecked():
            return True, None
        from brugdesk.keys.recovery import parse_recovery_key

        text = self.other_key.text()
        if not text.strip():
            self.other_message.show_message(self.tr("Type the recovery key of the vault this backup comes from."))
            return False, None
        try:
            return True, parse_recovery_key(text)
        except (ValueError, VaultError) as exc:
            self.other_message.show_message(exc.text() if isinstance(exc, VaultError) else str(exc))
            return False, None

    # ------------------------------------------------------------ checking
    def _resolve_keys(self) -> list[bytes] | None:
        if self._keys:
            return self._keys
        self.secret_message.clear_message()
        text = self.secret.text()
        if not text:
            self.secret_message.show_message(self.tr("Type your passphrase or recovery key."))
            return None
        try:
            if self.secret_is_recovery.isChecked():
                return restore.keys_for(self.vault_dir, recovery_key=text)
            return restore.keys_for(self.vault_dir, passphrase=text)
        except VaultError as exc:
            self.secret_message.show_message(exc.text())
            return None
        except ValueError as exc:  # a malformed recovery key (translated message)
            self.secret_message.show_message(str(exc))
            return None

    def check_selected(self) -> bool:
        """Verify the selected backup off the GUI thread; Restore is enabled when it passes."""
        path = self.selected_path()
        keys = self._resolve_keys()
        ok, source = self._source_key()
        if path is None or keys is None or not ok:
            return False
        self._keys = keys
        self.status.setText(self.tr("Checking…"))
        self.check_button.setEnabled(False)

        def work() -> tuple[Path, int]:
            last: VaultError | None = None
            for key in [source] if source is not None else keys:
                try:
                    candidate = backup_copy.check_candidate(path, key)  # the checks of 'brugdesk restore'
                except VaultError as exc:
                    last = exc
                    continue
                return path, candidate.families
            raise last or RestoreRefused()

        run_busy(work, self._checked, self._check_failed)
        return True

    def preset_secret(self, text: str, *, recovery_key: bool) -> None:
        """Take over what was typed on the unlock screen (damaged-vault flow) and offer the newest
        backup that verifies."""
        self.secret.setText(text)
        self.secret_is_recovery.setChecked(recovery_key)
        if text and self.backup_list.count():
            self.select_newest_verified()

    def select_newest_verified(self) -> Path | None:
        """Check the backups newest first and select the first that verifies (the usual choice)."""
        keys = self._resolve_keys()
        if keys is None:
            return None
        self._keys = keys

        def work() -> tuple[Path, int] | None:
            for i in range(self.backup_list.count()):
                path = Path(str(self.backup_list.item(i).data(PATH_ROLE)))
                for key in keys:
                    try:
                        candidate = backup_copy.check_candidate(path, key)
                    except VaultError:
                        continue
                    return path, candidate.families
            return None

        found: list[tuple[Path, int] | None] = []
        run_busy(work, found.append, self._check_failed, self.status, self.tr("Checking…"))
        if not found or found[0] is None:
            if found:
                self.status.setText(self.tr("None of the backups in this vault can be used. Choose a backup "
                                            "file with 'Other file…'."))
            return None
        path = found[0][0]
        for i in range(self.backup_list.count()):
            item = self.backup_list.item(i)
            if Path(str(item.data(PATH_ROLE))) == path:
                self.backup_list.setCurrentItem(item)
        self._checked(found[0])
        return path

    def _checked(self, result: object) -> None:
        assert isinstance(result, tuple)
        path: Path = result[0]
        families: int = result[1]
        self.check_button.setEnabled(True)
        if path != self.selected_path():
            return
        self._verified = path
        self.restore_button.setEnabled(True)
        self.status.setText(self.tr("This backup is complete and undamaged; it holds {n} family.",
                                    "This backup is complete and undamaged; it holds {n} families.",
                                    families).format(n=families))

    def _check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self._verified = None
        self.restore_button.setEnabled(False)
        if isinstance(exc, WrongBackupKey):
            if self.other_vault.isChecked():
                text = self.tr("This backup does not open with the recovery key you typed for the other vault. "
                               "Nothing was changed.")
            else:
                text = self.tr("This backup does not open with this vault's key. If it is a backup of another "
                               "vault, tick 'This is a backup of another vault' and type that vault's recovery "
                               "key. Nothing was changed.")
        elif isinstance(exc, RestoreRefused):
            text = exc.text()  # not a brugdesk backup, from a newer brugdesk, or damaged: the reason
        else:
            text = self.tr("This backup cannot be used: it does not open with this vault's key or is damaged. "
                           "Choose another one.")
        self.status.setText(text)

    # ----------------------------------------------------------- restoring
    def restore_selected(self) -> bool:
        path = self._verified
        if path is None or path != self.selected_path():
            return False
        ok, source = self._source_key()
        if not ok:
            return False
        question = (self.tr("This vault's data is replaced by the data of the other vault this backup comes from. "
                            "The current database is kept aside in the vault folder. brugdesk locks for a moment "
                            "and opens the restored vault, with this vault's passphrase and recovery key.")
                    if source is not None else
                    self.tr("The vault goes back to this backup. The current database is kept aside in the vault "
                            "folder. brugdesk locks for a moment and opens the restored vault."))
        if not prompter.current().ask_yes_no(self, self.tr("Restore this backup?"), question,
                                             action=self.tr("&Restore"), cancel=self.tr("Cancel")):
            return False
        session, keys, directory = self.session, list(self._keys), self.vault_dir
        ledger_lost = False
        if any(restore.ledger_problem(directory, key) is not None for key in keys[:1]):
            if not prompter.current().ask_yes_no(
                    self, self.tr("The list of erased families is missing"),
                    self.tr("The list of erased families (erasures.bdledger in the vault folder) is missing or "
                            "damaged. brugdesk uses it to erase again, after a restore, the families that were "
                            "erased after the backup was made. If you restore anyway, such families come back and "
                            "you have to erase them again. Restore anyway?"),
                    action=self.tr("Restore &anyway"), cancel=self.tr("Cancel")):
                self.status.setText(self.tr("Nothing was restored. Put erasures.bdledger back from a copy of the "
                                            "vault folder, or restore anyway."))
                return False
            ledger_lost = True
        unlocked = session is not None and session.is_unlocked
        slots = session.vault.slots if session is not None and unlocked else None
        result: restore.RestoreResult | None = None
        used: bytes | None = None
        error: VaultError | None = None
        with contextlib.ExitStack() as held:
            try:
                # refused while another window or command has the vault open: nothing changes then
                held.enter_context(inuse.exclusive(directory, own=session.vault.in_use
                                                   if session is not None and unlocked else None))
            except VaultInUse:
                self.status.setText(self.tr("The vault is still open in another brugdesk window or command. "
                                            "Close it there and try again; nothing was changed."))
                return False
            # Locking makes the backup-on-close, whose rotation may remove an older backup of the same
            # day — possibly this one: restore from a staged copy (its name is not a backup's name).
            staged = fsutil.temp_name(directory / "restore-candidate")
            held.callback(fsutil.remove_temp, staged)
            try:
                with fsutil.atomic_output(staged) as out, open(path, "rb") as src:
                    shutil.copyfileobj(src, out)
            except OSError as exc:
                prompter.current().warn(self, self.tr("Restore"), exc.strerror or type(exc).__name__)
                return False
            self.hide()
            if session is not None and unlocked:
                session.lock()  # closes the database (and lets go of its shared lock) before it is replaced
            for key in keys:
                try:
                    result = restore.restore(directory, staged, key, source_key=source, ledger_lost=ledger_lost)
                except VaultError as exc:
                    error = exc
                    continue
                used, error = key, None
                break
        if used is not None:
            try:
                vault = Vault.open_with_key(directory, used, slots or _read_slots(directory))
            except VaultError as exc:
                error = exc
            else:
                if session is not None:
                    session.attach(vault)
                self.restored.emit(vault)
        if result is None:
            prompter.current().warn(self.parentWidget(), self.tr("Restore"),
                                    error.text() if error else self.tr("The backup could not be restored."))
            self.reject()
            return False
        if error is not None:  # restored, but the restored vault did not open
            prompter.current().warn(self.parentWidget(), self.tr("Restore"), error.text())
            self.reject()
            return False
        prompter.current().inform(self.parentWidget(), self.tr("Restore"), self.done_text(result))
        self.accept()
        return True

    def done_text(self, result: restore.RestoreResult) -> str:
        """What the restore did: where the old database went, and the erasures applied again."""
        parts = [self.tr("The backup was restored. The replaced database was kept as {path}.")
                 .format(path=result.aside.name) if result.aside is not None else self.tr("The backup was restored.")]
        if result.other_vault:
            parts.append(self.tr("It came from another vault; it now opens with this vault's passphrase and "
                                 "recovery key."))
        if result.reapplied:
            parts.append(self.tr("{n} erased family removed again.", "{n} erased families removed again.",
                                 result.reapplied)
                         .format(n=result.reapplied))
        if result.ledger_restarted:
            parts.append(self.tr("The list of erased families has been started anew."))
        return " ".join(parts)


def _read_slots(directory: Path) -> Any:
    from brugdesk.keys.slots import read_slots

    try:
        return read_slots(directory)
    except (FileNotFoundError, VaultError):
        return None
